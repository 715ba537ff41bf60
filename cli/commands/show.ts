import type { Command } from 'commander';
import { contextOf } from '../context';
import { participantLines, timelineLine } from '../format';

/** `kintsugi show <who>`: one participant and the timeline of what was sent and answered. */
export function register(program: Command): void {
  program
    .command('show')
    .description(
      'Show a participant and the timeline of what was sent and answered (no reply words unless asked)',
    )
    .argument('<who>', 'email address, +phone number or enrollment id')
    .option('--with-text', 'include the words of their replies (private: only when you need them)')
    .addHelpText('after', '\nExample:\n  npx kintsugi show ana@example.org')
    .action(async (who: string, options, command: Command) => {
      const context = contextOf(command);
      const timeline = await (await context.target()).admin('show', {
        who,
        withText: Boolean(options.withText),
      });
      context.print(
        timeline,
        (t) => `${participantLines(t.participant)}\n\n${t.entries.map(timelineLine).join('\n')}`,
      );
    });
}
