import { type Command, InvalidArgumentError, Option } from 'commander';
import type { ListFilter } from '../../functions/use-cases/operator/views';
import { contextOf } from '../context';
import { flagOf, statusOf, table } from '../format';

/** "30" or "30-60" (program days, inclusive). */
export function parseDays(value: string): { dayFrom: number; dayTo: number } {
  const match = /^(\d{1,3})(?:-(\d{1,3}))?$/.exec(value.trim());
  if (!match) throw new InvalidArgumentError('Use a day such as 30, or a range such as 30-60.');
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  if (to < from) throw new InvalidArgumentError('The range must go up, like 30-60.');
  return { dayFrom: from, dayTo: to };
}

/** `kintsugi list`: participants, filtered by status, program day and safety flag. */
export function register(program: Command): void {
  program
    .command('list')
    .description('List participants, newest first (reads the whole table: an operator tool)')
    .addOption(
      new Option('--status <status>', 'only this status').choices([
        'pending',
        'active',
        'completed',
        'paused',
      ]),
    )
    .option('--day <day>', 'only on this program day, or in this range (30, 30-60)', parseDays)
    .option('--flagged', 'only participants with a safety flag')
    .option('--limit <n>', 'at most this many', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('A whole number, 1 or more.');
      return n;
    })
    .addHelpText(
      'after',
      '\nExamples:\n  npx kintsugi list --status active --day 80-90\n  npx kintsugi list --flagged --json',
    )
    .action(async (options, command: Command) => {
      const context = contextOf(command);
      const filter: ListFilter = {
        ...(options.status ? { status: options.status } : {}),
        ...(options.day ?? {}),
        ...(options.flagged ? { flagged: true } : {}),
        ...(options.limit ? { limit: options.limit } : {}),
      };
      const result = await (await context.target()).admin('list', filter);
      context.print(result, (r) => {
        if (r.participants.length === 0) return `No participants match (${r.scanned} read).`;
        const rows = r.participants.map((p) => [
          p.id.slice(0, 8),
          p.email,
          p.track,
          statusOf(p),
          p.day === null ? '—' : String(p.day),
          p.phone ? p.smsStatus : '—',
          flagOf(p),
        ]);
        const shown = r.participants.length < r.matched ? `, ${r.participants.length} shown` : '';
        return `${table(['ID', 'EMAIL', 'TRACK', 'STATUS', 'DAY', 'SMS', 'FLAG'], rows)}\n\n${r.matched} of ${r.scanned} match${shown}.`;
      });
    });
}
