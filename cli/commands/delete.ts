import type { Command } from 'commander';
import { contextOf } from '../context';
import { CliError } from '../target';

/** `kintsugi delete <who>`: erases a participant's data at their request. */
export function register(program: Command): void {
  program
    .command('delete')
    .description(
      'Erase everything held about a participant, at their request (keeps only a hashed opt-out tombstone)',
    )
    .argument('<who>', 'email address, +phone number or enrollment id')
    .option('--yes', 'yes, erase it: this cannot be undone')
    .addHelpText(
      'after',
      '\nExample:\n  npx kintsugi export ana@example.org --out ana.json && npx kintsugi delete ana@example.org --yes',
    )
    .action(async (who: string, options, command: Command) => {
      const context = contextOf(command);
      if (!options.yes) throw new CliError('Erasing cannot be undone: add --yes to go ahead.');
      const result = await (await context.target()).admin('delete', { who });
      context.print(result, (r) => `Erased enrollment ${r.id}. Nothing more will be sent to them.`);
    });
}
