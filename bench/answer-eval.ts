/**
 * `npm run eval:answers [-- --split dev|holdout]`: measures how the program reads a text that answers a
 * question (functions/program/rating.ts and yes-no.ts through reply-parsing.ts, then the routing in
 * open-questions.ts) like a classifier, over labelled replies in test/fixtures/answer-eval/*.jsonl. Each
 * reply answers one open question of a known scale (1-5 or yes/no), and carries the answer a careful human
 * reader would record, or "unclear".
 *
 * The dev split is every dev*.jsonl file (written while the reader was worked on; its errors are listed
 * with their text); the holdout split is every holdout*.jsonl file, written by people who never saw the
 * reader, and measured with figures only, never a message. Default: dev.
 *
 * Three outcomes per reply, as the person lives them:
 * - read right: the label's answer recorded, or, for an unclear reply, nothing recorded (asked again);
 * - misread: an answer recorded that the person did not give (another value, or any value for a reply
 *   that gave none), or the reply taken as a program word (STOP, PAUSE…): the worst, it goes in the
 *   report or acts on the program unasked;
 * - asked again: the person gave an answer and is asked for it once more: tiresome, never wrong.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseKeyword } from '../functions/program/keywords';
import { type OpenQuestion, routeAnswers } from '../functions/program/open-questions';
import { readAnswers } from '../functions/program/reply-parsing';
import type { Scale } from '../functions/program/types';
import { type Ratio, ratio } from './measure';

export const ANSWER_EVAL_DIR = join(__dirname, '..', 'test', 'fixtures', 'answer-eval');
const ARTIFACT = join(__dirname, '..', 'artifacts', 'answer-eval.json');

export type AnswerSplit = 'dev' | 'holdout';
type Label = 1 | 2 | 3 | 4 | 5 | 'yes' | 'no' | 'unclear';

export interface AnswerCase {
  lang: 'en' | 'es';
  scale: Scale;
  reply: string;
  expect: Label;
}

/** What the program does with the reply: records an answer, asks again, or acts on a program word. */
export type Reading = Exclude<Label, 'unclear'> | 'asked-again' | `keyword:${string}`;

export interface AnswerFigures {
  replies: number;
  /** Of all replies: the answer recorded as labelled, or an unclear one asked again. */
  readRight: Ratio;
  /** Of all replies: an answer recorded that was not given, or a program word acted on. */
  misread: Ratio;
  /** Of the replies that gave an answer: asked for it again. */
  askedAgain: Ratio;
  /** Of the unclear replies: asked again rather than given an answer. */
  unclearAskedAgain: Ratio;
}

const QUESTION_AT = '2026-03-08T22:00:00.000Z';
const REPLY_AT = '2026-03-08T23:30:00.000Z';

/** One open question of the scale, asked by text an hour and a half before the reply. */
const openQuestion = (scale: Scale): OpenQuestion => ({
  stepId: scale === 'yes-no' ? 'eval-yes-no' : 'eval-rating',
  day: 30,
  metric: scale === 'yes-no' ? 'behaving-differently' : 'honesty-safety',
  scale,
  kind: scale === 'yes-no' ? 'checkpoint' : 'check-in',
  channel: 'sms',
  askedAt: QUESTION_AT,
  closesAt: '2026-03-10T22:00:00.000Z',
});

/** Keywords that act before any answer is read (reply-by-sms.ts); YES answers an open yes/no question. */
const ACTING_KEYWORDS = new Set(['stop', 'start', 'help', 'delete', 'pause', 'resume', 'skip']);

/** What the program records for `reply` with one question of `scale` open. */
export function readingOf(reply: string, scale: Scale): Reading {
  const keyword = parseKeyword(reply)?.keyword;
  if (keyword && ACTING_KEYWORDS.has(keyword)) return `keyword:${keyword}`;
  // YES while only a rating is open is the opt-in word again: nothing is recorded, as when asked again.
  if (keyword === 'yes' && scale === '1-5') return 'asked-again';
  const answers = readAnswers(reply);
  if (!answers) return 'asked-again';
  const { placed } = routeAnswers([openQuestion(scale)], answers, REPLY_AT, 'SMeval');
  const [first] = placed;
  if (!first) return 'asked-again';
  if (scale === 'yes-no') return first.answer.score === 1 ? 'yes' : 'no';
  return first.answer.score as 1 | 2 | 3 | 4 | 5;
}

export function figuresOf(cases: readonly AnswerCase[]): AnswerFigures {
  let right = 0;
  let misread = 0;
  let askedAgain = 0;
  let answered = 0;
  let unclear = 0;
  let unclearAsked = 0;
  for (const c of cases) {
    const reading = readingOf(c.reply, c.scale);
    if (c.expect === 'unclear') {
      unclear++;
      if (reading === 'asked-again') {
        unclearAsked++;
        right++;
      } else misread++;
      continue;
    }
    answered++;
    if (reading === c.expect) right++;
    else if (reading === 'asked-again') askedAgain++;
    else misread++;
  }
  return {
    replies: cases.length,
    readRight: ratio(right, cases.length),
    misread: ratio(misread, cases.length),
    askedAgain: ratio(askedAgain, answered),
    unclearAskedAgain: ratio(unclearAsked, unclear),
  };
}

export const splitFiles = (split: AnswerSplit): string[] =>
  readdirSync(ANSWER_EVAL_DIR)
    .filter((name) => name.startsWith(split) && name.endsWith('.jsonl'))
    .sort()
    .map((name) => join(ANSWER_EVAL_DIR, name));

const LABELS = new Set<unknown>([1, 2, 3, 4, 5, 'yes', 'no', 'unclear']);

/** The labelled replies of a file; a line that is not one names its file and line. */
export function loadAnswerFile(path: string): AnswerCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line)
    .map(({ line, number }) => {
      const c = JSON.parse(line) as AnswerCase;
      const fits =
        c.scale === 'yes-no'
          ? ['yes', 'no', 'unclear'].includes(String(c.expect))
          : c.expect !== 'yes' && c.expect !== 'no';
      if (
        !['en', 'es'].includes(c.lang) ||
        !['1-5', 'yes-no'].includes(c.scale) ||
        !LABELS.has(c.expect) ||
        !fits ||
        typeof c.reply !== 'string'
      )
        throw new Error(
          `${path}:${number}: not a labelled reply (lang en|es, scale 1-5|yes-no, expect that fits the scale)`,
        );
      return { lang: c.lang, scale: c.scale, reply: c.reply, expect: c.expect };
    });
}

export const loadSplit = (split: AnswerSplit): AnswerCase[] => splitFiles(split).flatMap(loadAnswerFile);

/** Figures for the whole split and for each language × scale. */
export function figuresBySlice(cases: readonly AnswerCase[]): Record<string, AnswerFigures> {
  const slices: Record<string, AnswerFigures> = { all: figuresOf(cases) };
  for (const lang of ['en', 'es'] as const)
    for (const scale of ['1-5', 'yes-no'] as const) {
      const some = cases.filter((c) => c.lang === lang && c.scale === scale);
      if (some.length) slices[`${lang} ${scale}`] = figuresOf(some);
    }
  return slices;
}

const percent = (r: Ratio) =>
  r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}% (${r.hits}/${r.total})`;

function main(): void {
  const at = process.argv.indexOf('--split');
  const split = (at >= 0 ? process.argv[at + 1] : 'dev') as AnswerSplit;
  if (split !== 'dev' && split !== 'holdout') {
    console.error(`--split takes dev or holdout, not ${split}`);
    process.exit(2);
  }
  const cases = loadSplit(split);
  if (!cases.length) {
    console.error(`no ${split}*.jsonl file in test/fixtures/answer-eval/`);
    process.exit(2);
  }
  const slices = figuresBySlice(cases);
  console.log(`Answer reading, ${split} split: ${cases.length} replies`);
  console.log(
    ['slice', 'replies', 'read right', 'misread', 'answer asked again', 'unclear asked again'].join(' | '),
  );
  for (const [name, f] of Object.entries(slices))
    console.log(
      [
        name,
        f.replies,
        percent(f.readRight),
        percent(f.misread),
        percent(f.askedAgain),
        percent(f.unclearAskedAgain),
      ].join(' | '),
    );
  if (split === 'dev') {
    console.log('\nErrors (dev only):');
    for (const c of cases) {
      const reading = readingOf(c.reply, c.scale);
      const right = c.expect === 'unclear' ? reading === 'asked-again' : reading === c.expect;
      if (!right)
        console.log(
          `  [${c.lang} ${c.scale}] expect ${c.expect}, read ${reading}: ${JSON.stringify(c.reply)}`,
        );
    }
  }
  mkdirSync(join(ARTIFACT, '..'), { recursive: true });
  writeFileSync(ARTIFACT, `${JSON.stringify({ split, slices }, null, 2)}\n`);
}

if (require.main === module) main();
