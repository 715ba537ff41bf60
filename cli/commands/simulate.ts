import { Bar, Presets } from 'cli-progress';
import { type Command, InvalidArgumentError } from 'commander';
import type { SimulationSummary } from '../../local/simulate';
import { contextOf } from '../context';
import { table } from '../format';
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
      ],
    ),
    '',
    `Took ${s.seconds.toFixed(1)} s (the ${s.days} days themselves: ${s.programSeconds.toFixed(1)} s, ${s.messagesPerSecond.toFixed(1)} messages/s).`,
    '',
    `What the simulation did, by its own count: ${count(s.own.enrolled)} enrolled, ${count(s.own.confirmed)} confirmed, ${count(s.own.textsOn)} said YES.`,
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
}

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
    .addHelpText('after', '\nExample:\n  npx kintsugi simulate --participants 1000 --days 90')
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
          onProgress: ({ day, emails, texts }) => bar.update(day, { emails, texts }),
        });
        bar.stop();
        context.print(summary, summaryText);
      } finally {
        bar.stop();
      }
    });
}
