/**
 * `npm run eval:safety [-- --split dev|holdout|all]`: measures the danger detector
 * (functions/program/safety.ts) like a classifier over the labelled messages in
 * test/fixtures/safety-eval/*.jsonl. Default split: holdout when such a file exists, else dev (it says so:
 * between rounds no blind file is there, and `--split holdout|everyday|all` then exits 2 naming what is missing).
 * The dev split is every dev*.jsonl file in that folder (dev.jsonl, the retired blind sets
 * dev-holdout-round*.jsonl, further written examples); the holdout split is every blind holdout*.jsonl
 * file but the everyday ones; the everyday split is every holdout*everyday*.jsonl file (blind, everyday
 * replies, all ordinary: false alarms only). A split with no file says so and exits.
 * `--file <name> --half even|odd` narrows the dev split to one file, or half its lines (a validation slice);
 * the file may also be an aside*.jsonl set, in no split: written for one change and measured once, it
 * joins development at the next retraining (docs/SAFETY-EVAL.md, round 8).
 * `--rules-only` measures the hand-written rules without the learned model (what the model adds).
 *
 * Prints danger recall per category × language, concern recall, false alarms and false dangers per
 * language, counts, and the latency of one `assessSafety` call; writes the figures to
 * artifacts/safety-eval.json. For the dev split it also lists misses and false alarms with their text;
 * for any split that includes a blind set it prints figures only, never a message.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  assessSafety,
  assessSafetyByRules,
  type MessageLanguage,
  SAFETY_CATEGORIES,
  type SafetyCategory,
  type SafetySignal,
} from '../functions/program/safety';
import { type Ratio, ratio } from './measure';

export const EVAL_DIR = join(__dirname, '..', 'test', 'fixtures', 'safety-eval');
const ARTIFACT = join(__dirname, '..', 'artifacts', 'safety-eval.json');
const LANGUAGES: readonly MessageLanguage[] = ['en', 'es'];

/** dev: every dev*.jsonl; holdout: the blind set; everyday: a blind set of everyday ordinary replies. */
export type Split = 'dev' | 'holdout' | 'everyday';
const BLIND: readonly Split[] = ['holdout', 'everyday'];

export interface EvalCase {
  text: string;
  lang: MessageLanguage;
  expect: 'danger' | 'concern' | 'none';
  category: SafetyCategory | null;
  kind: string;
}

export interface LanguageFigures {
  messages: number;
  /** Danger messages read as danger (any category: the answer is the same crisis reply). */
  dangerRecall: Ratio;
  /** Danger messages read as danger of the labelled category. */
  categoryAgreement: Ratio;
  dangerRecallByCategory: Record<SafetyCategory, Ratio>;
  /** Concern messages that got any signal. */
  concernRecall: Ratio;
  /** Concern messages read as danger (escalated). */
  concernAsDanger: Ratio;
  /** Messages labelled none that got any signal. */
  falseAlarms: Ratio;
  /** Messages labelled none read as danger. */
  falseDangers: Ratio;
}

export interface EvalFigures {
  splits: Split[];
  /** When narrowed to one dev file (and half its lines). */
  only?: string;
  messages: number;
  byLanguage: Record<MessageLanguage, LanguageFigures>;
  overall: { dangerRecall: Ratio; concernRecall: Ratio; falseAlarms: Ratio; falseDangers: Ratio };
  /** Messages whose language `assessSafety` guessed as labelled (only those with a signal). */
  languageAgreement: Ratio;
}

export interface Outcome {
  item: EvalCase;
  signal: SafetySignal | undefined;
}

/**
 * Which file names make each split: dev is every dev*.jsonl; holdout every blind holdout*.jsonl but the
 * everyday ones; everyday every holdout*everyday*.jsonl. A blind set is dropped in under such a name and
 * measured once; then it is renamed dev-holdout-round<N>*.jsonl and joins development.
 */
const SPLIT_NAMES: Record<Split, (name: string) => boolean> = {
  dev: (name) => /^dev.*\.jsonl$/.test(name),
  holdout: (name) => /^holdout.*\.jsonl$/.test(name) && !name.includes('everyday'),
  everyday: (name) => /^holdout.*everyday.*\.jsonl$/.test(name),
};

/** The files of a split, sorted (none when no such file is there: see `hasSplit`). */
export function splitFiles(split: Split): string[] {
  return readdirSync(EVAL_DIR)
    .filter(SPLIT_NAMES[split])
    .sort()
    .map((name) => join(EVAL_DIR, name));
}

export const hasSplit = (split: Split): boolean => splitFiles(split).length > 0;

/** One file's labelled messages; `half` keeps only its even or odd lines (1-based, blank lines counted). */
export function loadFile(path: string, half?: 'even' | 'odd'): EvalCase[] {
  const name = path.slice(EVAL_DIR.length + 1);
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, index) => ({ line, number: index + 1 }))
    .filter(({ line, number }) => line.trim() && (!half || (number % 2 === 0) === (half === 'even')))
    .map(({ line, number }) => {
      const item = JSON.parse(line) as EvalCase;
      if (typeof item.text !== 'string' || !LANGUAGES.includes(item.lang))
        throw new Error(`${name} line ${number}: needs "text" and "lang" en|es`);
      if (!['danger', 'concern', 'none'].includes(item.expect))
        throw new Error(`${name} line ${number}: "expect" must be danger|concern|none`);
      return item;
    });
}

export function loadSplit(split: Split): EvalCase[] {
  return splitFiles(split).flatMap((path) => loadFile(path));
}

function count(outcomes: Outcome[], keep: (o: Outcome) => boolean, hit: (o: Outcome) => boolean): Ratio {
  const kept = outcomes.filter(keep);
  return ratio(kept.filter(hit).length, kept.length);
}

const isDanger = (o: Outcome) => o.signal?.level === 'danger';
const isAny = (o: Outcome) => o.signal !== undefined;

/** The detector measured: rules and model together (what the webhooks run), or the rules alone. */
export type Judge = (text: string) => SafetySignal | undefined;

export function evaluate(
  items: EvalCase[],
  judge: Judge = assessSafety,
): { outcomes: Outcome[]; byLanguage: EvalFigures['byLanguage'] } {
  const outcomes = items.map((item) => ({ item, signal: judge(item.text) }));
  const figures = (lang: MessageLanguage): LanguageFigures => {
    const mine = outcomes.filter((o) => o.item.lang === lang);
    const danger = (o: Outcome) => o.item.expect === 'danger';
    const byCategory = Object.fromEntries(
      SAFETY_CATEGORIES.map((category) => [
        category,
        count(mine, (o) => danger(o) && o.item.category === category, isDanger),
      ]),
    ) as Record<SafetyCategory, Ratio>;
    return {
      messages: mine.length,
      dangerRecall: count(mine, danger, isDanger),
      categoryAgreement: count(mine, danger, (o) => isDanger(o) && o.signal?.category === o.item.category),
      dangerRecallByCategory: byCategory,
      concernRecall: count(mine, (o) => o.item.expect === 'concern', isAny),
      concernAsDanger: count(mine, (o) => o.item.expect === 'concern', isDanger),
      falseAlarms: count(mine, (o) => o.item.expect === 'none', isAny),
      falseDangers: count(mine, (o) => o.item.expect === 'none', isDanger),
    };
  };
  return { outcomes, byLanguage: { en: figures('en'), es: figures('es') } };
}

export function figuresFor(
  splits: Split[],
  only?: { file: string; half?: 'even' | 'odd' },
  judge: Judge = assessSafety,
): { figures: EvalFigures; outcomes: Outcome[] } {
  const items = only ? loadFile(join(EVAL_DIR, only.file), only.half) : splits.flatMap(loadSplit);
  const { outcomes, byLanguage } = evaluate(items, judge);
  const all = (o: Outcome) => o.item.expect;
  return {
    outcomes,
    figures: {
      splits,
      ...(only ? { only: `${only.file}${only.half ? ` (${only.half} lines)` : ''}` } : {}),
      messages: items.length,
      byLanguage,
      overall: {
        dangerRecall: count(outcomes, (o) => all(o) === 'danger', isDanger),
        concernRecall: count(outcomes, (o) => all(o) === 'concern', isAny),
        falseAlarms: count(outcomes, (o) => all(o) === 'none', isAny),
        falseDangers: count(outcomes, (o) => all(o) === 'none', isDanger),
      },
      languageAgreement: count(outcomes, isAny, (o) => o.signal?.language === o.item.lang),
    },
  };
}

/** p50 and p99 of one `assessSafety` call, in µs, over every message repeated after a warm-up. */
export function measureLatency(texts: string[], rounds = 20): { p50: number; p99: number; calls: number } {
  for (let i = 0; i < 5; i++) for (const text of texts) assessSafety(text);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const text of texts) {
      const start = performance.now();
      assessSafety(text);
      samples.push((performance.now() - start) * 1000);
    }
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), calls: samples.length };
}

const pct = (r: Ratio) => (r.rate === null ? '   –  ' : `${(r.rate * 100).toFixed(1).padStart(5)}%`);
const cell = (r: Ratio) => `${pct(r)} ${`${r.hits}/${r.total}`.padStart(7)}`;

function table(figures: EvalFigures): string {
  const { en, es } = figures.byLanguage;
  const row = (label: string, pick: (f: LanguageFigures) => Ratio) =>
    `${label.padEnd(34)}${cell(pick(en)).padEnd(20)}${cell(pick(es))}`;
  return [
    `${'split(s): '.padEnd(34)}${figures.splits.join('+')} (${figures.messages} messages${figures.only ? `: ${figures.only}` : ''})`,
    `${''.padEnd(34)}${'en'.padEnd(20)}es`,
    `${'messages'.padEnd(34)}${String(en.messages).padEnd(20)}${es.messages}`,
    ...SAFETY_CATEGORIES.map((c) => row(`danger recall: ${c}`, (f) => f.dangerRecallByCategory[c])),
    row('DANGER RECALL (all categories)', (f) => f.dangerRecall),
    row('  same category as labelled', (f) => f.categoryAgreement),
    row('concern recall (any signal)', (f) => f.concernRecall),
    row('  concern read as danger', (f) => f.concernAsDanger),
    row('FALSE ALARMS (any signal on none)', (f) => f.falseAlarms),
    row('false dangers (danger on none)', (f) => f.falseDangers),
    `${'overall danger recall'.padEnd(34)}${cell(figures.overall.dangerRecall)}`,
    `${'overall false alarms'.padEnd(34)}${cell(figures.overall.falseAlarms)}`,
    `${'reply language as labelled'.padEnd(34)}${cell(figures.languageAgreement)}`,
  ].join('\n');
}

function listErrors(outcomes: Outcome[]): string {
  const lines: string[] = [];
  for (const { item, signal } of outcomes) {
    const got = signal ? `${signal.level}/${signal.category}/${signal.language}` : 'nothing';
    const missed = item.expect === 'danger' && signal?.level !== 'danger';
    const missedConcern = item.expect === 'concern' && !signal;
    const falseAlarm = item.expect === 'none' && signal;
    const wrongCategory =
      item.expect === 'danger' && signal?.level === 'danger' && signal.category !== item.category;
    if (missed || missedConcern || falseAlarm || wrongCategory) {
      const label = missed
        ? 'MISS'
        : missedConcern
          ? 'miss concern'
          : falseAlarm
            ? 'FALSE ALARM'
            : 'category';
      lines.push(
        `  ${label.padEnd(13)} [${item.lang} ${item.expect}/${item.category ?? '-'}/${item.kind}] got ${got}: ${JSON.stringify(item.text)}`,
      );
    }
  }
  return lines.length ? lines.join('\n') : '  (none)';
}

function main(args: string[]): void {
  const at = args.indexOf('--split');
  const asked = at >= 0 ? args[at + 1] : undefined;
  const choice = asked ?? (hasSplit('holdout') ? 'holdout' : 'dev');
  // Between rounds there is no blind file: say that the figures below are on data tuned on.
  if (!asked && choice === 'dev')
    console.log('no holdout*.jsonl file: measuring the dev split, tuned on (no estimate of a blind set)');
  if (!['dev', 'holdout', 'everyday', 'all'].includes(choice))
    throw new Error('--split must be dev, holdout, everyday or all');
  const splits: Split[] = choice === 'all' ? ['dev', 'holdout', 'everyday'] : [choice as Split];
  const missing = splits.filter((split) => !hasSplit(split));
  if (missing.length) {
    const wanted: Record<Split, string> = {
      dev: 'dev*.jsonl',
      holdout: 'holdout*.jsonl (not *everyday*)',
      everyday: 'holdout*everyday*.jsonl',
    };
    console.error(
      missing
        .map((split) => `no ${split} split: no file named ${wanted[split]} in test/fixtures/safety-eval/`)
        .join('\n'),
    );
    process.exit(2);
  }
  console.log(
    `files: ${splits
      .flatMap(splitFiles)
      .map((path) => basename(path))
      .join(', ')}`,
  );
  const file = args.includes('--file') ? args[args.indexOf('--file') + 1] : undefined;
  const half = args.includes('--half') ? args[args.indexOf('--half') + 1] : undefined;
  if (half !== undefined && half !== 'even' && half !== 'odd') throw new Error('--half must be even or odd');
  if ((file !== undefined || half !== undefined) && choice !== 'dev')
    throw new Error('--file and --half narrow the dev split only');
  if (file !== undefined && !/^(?:dev|aside)[^/\\]*\.jsonl$/.test(file))
    throw new Error('--file must be a dev*.jsonl or aside*.jsonl file');
  const only = file ? { file, half: half as 'even' | 'odd' | undefined } : undefined;

  const rulesOnly = args.includes('--rules-only');
  const { figures, outcomes } = figuresFor(splits, only, rulesOnly ? assessSafetyByRules : assessSafety);
  const latency = measureLatency(outcomes.map((o) => o.item.text));
  if (rulesOnly) console.log('the hand-written rules alone (the webhooks run the rules with the model)');
  console.log(table(figures));
  console.log(
    `${'latency of assessSafety'.padEnd(34)}p50 ${latency.p50.toFixed(1)} µs, p99 ${latency.p99.toFixed(1)} µs (${latency.calls} calls)`,
  );
  // Texts are listed for the dev split only: the holdout must stay unseen.
  if (!splits.some((split) => BLIND.includes(split)))
    console.log(`\nmisses and false alarms:\n${listErrors(outcomes)}`);

  mkdirSync(join(__dirname, '..', 'artifacts'), { recursive: true });
  writeFileSync(
    ARTIFACT,
    `${JSON.stringify({ at: new Date().toISOString(), ...figures, latencyMicros: latency }, null, 2)}\n`,
  );
  console.log(`\nfigures written to artifacts/safety-eval.json`);
}

if (/bench[\\/]safety-eval\.ts$/.test(process.argv[1] ?? '')) main(process.argv.slice(2));
