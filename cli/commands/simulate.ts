import { Bar, Presets } from 'cli-progress';
import { type Command, InvalidArgumentError } from 'commander';
import type { SimulationSummary } from '../../local/simulate';
import { contextOf } from '../context';
import { table } from '../format';
import { CliError } from '../target';
import { outcomesText } from './outcomes';

/** A whole number from `min` to `max`, for commander. */
const wholeNumber = (min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InvalidArgumentError(`A whole number from ${min} to ${max}.`);
  return n;
};

const count = (n: number) => Math.round(n).toLocaleString('en-US');

/** The summary as the operator reads it: messages by channel, replies, reports, and how long it took. */
export function summaryText(s: SimulationSummary): string {
  return [
    `${count(s.participants)} participants, ${s.days} days`,
    '',
    table(
      ['', 'COUNT'],
      [
        ['emails', count(s.messages.email)],
        ['texts sent', count(s.texts.sent)],
        ['texts answering a text (TwiML)', count(s.texts.answers)],
        ['SMS segments out / in', `${count(s.smsSegments.outbound)} / ${count(s.smsSegments.inbound)}`],
        ['replies by text', count(s.replies.sms)],
        ['replies by email (one click)', count(s.replies.email)],
        ['day-90 reports', count(s.reports)],
        ['dispatch ticks', count(s.dispatches)],
        ['dead letters', count(s.deadLetters)],
        ['DynamoDB requests', count(Object.values(s.dynamodb.requests).reduce((a, b) => a + b, 0))],
        [
          'of which counting outcomes (write units)',
          `${count(s.outcomeWrites.requests)} (${count(s.outcomeWrites.writeUnits)} WRU)`,
        ],
      ],
    ),
    '',
    `Took ${s.seconds.toFixed(1)} s (the ${s.days} days themselves: ${s.programSeconds.toFixed(1)} s, ${s.messagesPerSecond.toFixed(1)} messages/s).`,
    '',
    `What the simulation did, by its own count: ${count(s.own.enrolled)} enrolled, ${count(s.own.confirmed)} confirmed, ${count(s.own.textsOn)} said YES, ${count(s.own.reportsOpened)} opened their report.`,
    table(
      ['WEEK', 'TEXTED', 'EMAILED', 'ANSWERED BY TEXT', 'BY CLICK'],
      s.own.weeks.map((w) => [
        String(w.week),
        count(w.texted),
        count(w.emailed),
        count(w.answeredByText),
        count(w.answeredByClick),
      ]),
    ),
    '',
    outcomesText(s.outcomes),
  ].join('\n');
}

interface SimulateOptions {
  participants: number;
  days: number;
  seed: number;
  checkInsOnly?: boolean;
  keep?: boolean;
  port: number;
}

/** Resolves on Ctrl-C (or a TERM from a test or a supervisor). */
const untilStopped = () =>
  new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });

/** `kintsugi simulate`: the whole program for N participants on local emulators, with a progress bar. */
export function register(program: Command): void {
  program
    .command('simulate')
    .description(
      'Run the program for many participants on the local emulators (started and stopped here): ' +
        'enroll, confirm, every dispatch, every email and text, the replies, the day-90 reports',
    )
    .option('--participants <n>', 'how many enroll at the start', wholeNumber(1, 100_000), 100)
    .option('--days <n>', 'program days to run (90 includes the report)', wholeNumber(1, 90), 90)
    .option('--seed <n>', 'seeds who answers what, so two runs do the same', wholeNumber(0, 2 ** 31), 1)
    .option('--check-ins-only', 'everyone chooses check-ins only on the form: no mid-week nudges')
    .option(
      '--keep',
      'keep the simulated program running when done (until Ctrl-C), so `kintsugi outcomes` and the local pages read what it wrote',
    )
    .option(
      '--port <n>',
      'with --keep: the port it keeps running on (0: any free one)',
      wholeNumber(0, 65_535),
      3000,
    )
    .addHelpText(
      'after',
      '\nExamples:\n  npx kintsugi simulate --participants 1000 --days 90\n  npx kintsugi simulate --participants 1000 --keep   # then, in another terminal: npx kintsugi outcomes',
    )
    .action(async (options: SimulateOptions, command: Command) => {
      const context = contextOf(command);
      // The bar goes to stderr, so --json output stays clean on stdout.
      const bar = new Bar(
        {
          format: 'day {value}/{total} [{bar}] {emails} emails, {texts} texts',
          stream: process.stderr,
          // Without a terminal (CI, a pipe): a line every few seconds instead of a redrawn bar.
          noTTYOutput: true,
          notTTYSchedule: 3000,
        },
        Presets.shades_classic,
      );
      bar.start(options.days, 0, { emails: 0, texts: 0 });
      try {
        // Loaded only for this command: the local runtime and its emulators are no part of the others. A
        // require, since tsx leaves a dynamic import() to Node's ESM loader (no extensionless .ts paths).
        const { simulate } = require('../../local/simulate') as typeof import('../../local/simulate');
        const summary = await simulate({
          participants: options.participants,
          days: options.days,
          seed: options.seed,
          ...(options.checkInsOnly ? { nudges: false } : {}),
          ...(options.keep ? { keepServingOn: options.port } : {}),
          onProgress: ({ day, emails, texts }) => bar.update(day, { emails, texts }),
        }).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'EADDRINUSE') throw error;
          throw new CliError(
            `Port ${options.port} is taken (is \`npm start\` running?). Stop it, or choose another with --port.`,
          );
        });
        bar.stop();
        context.print(summary, summaryText);
        if (summary.served) {
          const { url, stop } = summary.served;
          context.io.err(
            `The simulated program keeps running at ${url} (Ctrl-C stops it). Its outcomes: npx kintsugi${url === 'http://localhost:3000' ? '' : ` --url ${url}`} outcomes, or ${url}/_local/outcomes`,
          );
          await untilStopped();
          await stop();
        }
      } finally {
        bar.stop();
      }
    });
}
