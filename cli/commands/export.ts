import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { contextOf } from '../context';

/** `kintsugi export <who>`: everything held about a participant, as their privacy page downloads it. */
export function register(program: Command): void {
  program
    .command('export')
    .description('Export everything held about a participant (JSON, as their privacy page downloads it)')
    .argument('<who>', 'email address, +phone number or enrollment id')
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .addHelpText('after', '\nExample:\n  npx kintsugi export ana@example.org --out ana.json')
    .action(async (who: string, options, command: Command) => {
      const context = contextOf(command);
      const data = await (await context.target()).admin('export', { who });
      const text = JSON.stringify(data, null, 2);
      if (!options.out) return context.io.out(text);
      writeFileSync(options.out, `${text}\n`, { mode: 0o600 });
      context.io.err(`Wrote ${options.out} (private data: keep it safe, delete it when done).`);
    });
}
