import { type Command, InvalidArgumentError } from 'commander';
import { contextOf } from '../context';
import { statusOf } from '../format';

const days = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 365)
    throw new InvalidArgumentError('A whole number of days, 1–365.');
  return n;
};

/** `kintsugi pause <who>`: what a PAUSE text does, on a participant's behalf. */
export function register(program: Command): void {
  program
    .command('pause')
    .description(
      "Pause a participant's program: every remaining step moves later (as their PAUSE text would)",
    )
    .argument('<who>', 'email address, +phone number or enrollment id')
    .option('--days <n>', 'how many days', days, 7)
    .addHelpText('after', '\nExample:\n  npx kintsugi pause ana@example.org --days 14')
    .action(async (who: string, options, command: Command) => {
      const context = contextOf(command);
      const result = await (await context.target()).admin('pause', { who, days: options.days });
      context.print(result, (r) => `Paused until ${r.until}. Now: ${statusOf(r.participant)}.`);
    });
}
