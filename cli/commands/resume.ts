import type { Command } from 'commander';
import { contextOf } from '../context';
import { statusOf } from '../format';

/** `kintsugi resume <who>`: what a RESUME text does, on a participant's behalf. */
export function register(program: Command): void {
  program
    .command('resume')
    .description("End a pause early (as their RESUME text would); a safety pause is the participant's to end")
    .argument('<who>', 'email address, +phone number or enrollment id')
    .option('--force', 'resume a safety pause: only when the participant asked you to')
    .addHelpText('after', '\nExample:\n  npx kintsugi resume ana@example.org')
    .action(async (who: string, options, command: Command) => {
      const context = contextOf(command);
      const result = await (await context.target()).admin('resume', { who, force: Boolean(options.force) });
      context.print(
        result,
        (r) => `Resumed. Now: ${statusOf(r.participant)}; next step ${r.participant.nextDueAt ?? '—'}.`,
      );
    });
}
