/**
 * `npm run train:safety [-- --out <path>]`: trains the learned half of the danger detector
 * (functions/program/safety-model.ts) on the labelled development messages
 * (test/fixtures/safety-eval/dev*.jsonl) and writes its weights to
 * functions/program/safety-model-weights.json (or --out). Never trains on a blind holdout*.jsonl file.
 *
 * `-- --validate <dev file>…` writes nothing: it leaves each named file out in turn, trains on the rest,
 * and measures rules alone and rules with the model over a grid of thresholds on the left-out messages.
 * Named files the rules were never tuned on make that an honest estimate: it is how the thresholds in
 * safety.ts were chosen, before the next blind set was measured once. `<file>#even` (or `#odd`) leaves out
 * only that half of its lines and trains on the other half: does what was learned on one half carry?
 *
 * Training: logistic regression per head (danger, any signal, one per danger category), full passes of
 * AdaGrad with L2, classes weighted to balance, a fixed seed so the same data gives the same weights.
 */
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  combineAt,
  guessLanguage,
  type MessageLanguage,
  MODEL_THRESHOLDS,
  type ModelThresholds,
  modelReading,
  rulesAnswer,
  type SafetySignal,
  setsHarmApart,
} from '../functions/program/safety';
import {
  type Features,
  featuresOf,
  HEAD_NAMES,
  type HeadName,
  type LinearModel,
  type ModelReading,
  pack,
  unpack,
} from '../functions/program/safety-model';
import { mulberry32 } from '../local/seeded-random';
import { type EvalCase, loadFile, splitFiles } from './safety-eval';

const OUT = join(__dirname, '..', 'functions', 'program', 'safety-model-weights.json');

interface Example {
  features: Features;
  item: EvalCase;
}

function labelOf(head: HeadName, item: EvalCase): 0 | 1 | undefined {
  if (head === 'danger') return item.expect === 'danger' ? 1 : 0;
  if (head === 'signal') return item.expect === 'none' ? 0 : 1;
  // A category head learns among messages that show something, which kind it is.
  if (item.expect === 'none' || !item.category) return undefined;
  return item.category === head ? 1 : 0;
}

export interface TrainOptions {
  /** Buckets of the danger and signal heads (a power of two). */
  buckets: number;
  /** Buckets of each category head (a power of two): they tell kinds apart, a smaller question. */
  categoryBuckets: number;
  epochs: number;
  l2: number;
  rate: number;
}

/**
 * 2^17 buckets for danger and signal since round 10: with 18,000+ messages their million-odd distinct
 * words and n-grams shared 2^15 buckets so thickly that unrelated phrasings pulled on the same weight.
 * Leaving ten writers' files out in turn, 2^15 → 2^16 → 2^17 found English danger 88.9% → 90.5% → 91.5%
 * and Spanish 92.8% → 93.2% → 94.8%, with false alarms on hard ordinary messages 6.9% → 6.4% → 5.6%
 * (everyday ones 0.7% → 2.0% → 1.3%, a few messages of 300). The weights grow by about 250 KB, read
 * once, at the first message.
 */
export const DEFAULTS: TrainOptions = {
  buckets: 1 << 17,
  categoryBuckets: 1 << 11,
  epochs: 12,
  l2: 1e-5,
  rate: 0.5,
};

export function train(items: EvalCase[], options: TrainOptions = DEFAULTS): LinearModel {
  const examples: Example[] = items.map((item) => ({ features: featuresOf(item.text), item }));
  const heads = {} as LinearModel['heads'];
  for (const head of HEAD_NAMES) {
    const labelled = examples
      .map((example) => ({ example, y: labelOf(head, example.item) }))
      .filter((x): x is { example: Example; y: 0 | 1 } => x.y !== undefined);
    const positives = labelled.filter((x) => x.y === 1).length;
    const negatives = labelled.length - positives;
    const weightOf = (y: 0 | 1) =>
      y === 1
        ? labelled.length / (2 * Math.max(1, positives))
        : labelled.length / (2 * Math.max(1, negatives));
    const size = head === 'danger' || head === 'signal' ? options.buckets : options.categoryBuckets;
    const mask = size - 1;
    const weights = new Float32Array(size);
    const squares = new Float32Array(size).fill(1e-8);
    let bias = 0;
    let biasSquares = 1e-8;
    const next = mulberry32(7);
    const order = labelled.map((_, i) => i);
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      for (const at of order) {
        const { example, y } = labelled[at] as { example: Example; y: 0 | 1 };
        const { hashes, value } = example.features;
        let z = bias;
        for (const h of hashes) z += (weights[h & mask] as number) * value;
        const p = 1 / (1 + Math.exp(-z));
        const g = (p - y) * weightOf(y);
        for (const h of hashes) {
          const i = h & mask;
          const grad = g * value + options.l2 * (weights[i] as number);
          squares[i] = (squares[i] as number) + grad * grad;
          weights[i] = (weights[i] as number) - (options.rate * grad) / Math.sqrt(squares[i] as number);
        }
        biasSquares += g * g;
        bias -= (options.rate * g) / Math.sqrt(biasSquares);
      }
    }
    heads[head] = { bias, weights };
  }
  return { heads };
}

/** The labelled messages of these files, in order: what the model learns from. */
export function trainingMessages(files: string[]): EvalCase[] {
  return files.flatMap((path) => loadFile(path));
}

function arg(name: string): string[] {
  const values: string[] = [];
  process.argv.forEach((value, i) => {
    if (value === name && process.argv[i + 1]) values.push(process.argv[i + 1] as string);
  });
  return values;
}

function pct(hits: number, total: number): string {
  return total ? `${((100 * hits) / total).toFixed(1)}% ${`${hits}/${total}`.padStart(8)}` : '–';
}

interface Reading {
  item: EvalCase;
  /** The left-out file it comes from. */
  file: string;
  /** The language the detector guesses (what picks its thresholds), not the label. */
  guessed: MessageLanguage;
  /** The message denies the harm or sets it in another time (`setsHarmApart`). */
  apart: boolean;
  /** The rule that answered is firm: the model cannot overrule it. */
  firm: boolean;
  rules: SafetySignal | undefined;
  model: ModelReading | undefined;
}

/**
 * Leave one file out: for each named file, a model trained on every other development file reads it.
 * The rules are run as they are: the files named should be ones the rules were never tuned on.
 */
export function outOfFold(files: string[], validate: string[], options: TrainOptions): Reading[] {
  return validate.flatMap((named) => {
    // "<file>#even" leaves out only its even lines (1-based) and trains on its odd ones, and the reverse.
    const [name, half] = named.split('#') as [string, 'even' | 'odd' | undefined];
    if (half !== undefined && half !== 'even' && half !== 'odd') throw new Error(`${named}: #even or #odd`);
    const held = files.find((path) => basename(path) === name);
    if (!held) throw new Error(`no dev file ${name}`);
    const other = half === 'even' ? 'odd' : 'even';
    const model = unpack(
      pack(
        train(
          [
            ...trainingMessages(files.filter((path) => basename(path) !== name)),
            ...(half ? loadFile(held, other) : []),
          ],
          options,
        ),
      ),
    );
    return loadFile(held, half).map((item) => {
      const { signal: rules, firm } = rulesAnswer(item.text);
      return {
        item,
        file: named,
        guessed: guessLanguage(item.text),
        apart: setsHarmApart(item.text),
        firm,
        rules,
        model: modelReading(item.text, rules !== undefined && !firm, model),
      };
    });
  });
}

type Decision = (r: Reading) => 'danger' | 'concern' | undefined;

/** The detector's combination (safety.ts) at other thresholds. */
const decideAt =
  (thresholds: ModelThresholds): Decision =>
  (r) =>
    combineAt(r.rules, r.model, { en: thresholds, es: thresholds }, () => r.guessed, r.apart, r.firm)?.level;

const rate = (hits: number, total: number) =>
  total ? `${((100 * hits) / total).toFixed(1)}`.padStart(5) : '    –';

/**
 * Per language: danger read as danger, concern with any answer, and false alarms (any answer) on the
 * ordinary messages of the hard files (written to trip it), of the everyday files (*everyday*), of all.
 */
function line(readings: Reading[], label: string, decide: Decision): string {
  const cells = (['en', 'es'] as const).map((lang) => {
    const mine = readings.filter((r) => r.item.lang === lang);
    const of = (expect: EvalCase['expect']) => mine.filter((r) => r.item.expect === expect);
    const none = of('none');
    const everyday = (r: Reading) => r.file.includes('everyday');
    const count = (set: Reading[], hit: (level: string | undefined) => boolean) =>
      rate(set.filter((r) => hit(decide(r))).length, set.length);
    const any = (level: string | undefined) => level !== undefined;
    return [
      count(of('danger'), (level) => level === 'danger'),
      count(of('concern'), any),
      count(
        none.filter((r) => !everyday(r)),
        any,
      ),
      count(none.filter(everyday), any),
      count(none, any),
    ].join(' ');
  });
  return `${label.padEnd(34)}${cells.join('  |  ')}`;
}

/** Rules alone, then rules with the model over a grid of thresholds, on the out-of-fold readings. */
function report(readings: Reading[]): void {
  const count = (lang: string, expect: string) =>
    readings.filter((r) => r.item.lang === lang && r.item.expect === expect).length;
  console.log(
    `${readings.length} messages; en ${count('en', 'danger')} danger, ${count('en', 'concern')} concern, ${count('en', 'none')} ordinary; es ${count('es', 'danger')}, ${count('es', 'concern')}, ${count('es', 'none')}`,
  );
  console.log(
    `${'%, per language:'.padEnd(34)}danger→danger, concern→any, false alarms on hard ordinary, on everyday, on all ordinary`,
  );
  console.log(line(readings, 'rules alone', (r) => r.rules?.level));
  for (const [stretch, escalate] of [
    [2, 2],
    [0.9, 0.8],
  ] as const)
    for (const danger of [0.5, 0.6, 0.7, 0.8, 0.9])
      for (const concern of [0.9, 1])
        for (const veto of [0.1, 0.2])
          console.log(
            line(
              readings,
              `d>${danger} c>${concern} v<${veto}${stretch < 1 ? ` s>${stretch} e>${escalate}` : ''}`,
              decideAt({ danger, stretch, concern, veto, escalate }),
            ),
          );
  console.log(
    line(
      readings,
      'shipped (MODEL_THRESHOLDS)',
      (r) => combineAt(r.rules, r.model, MODEL_THRESHOLDS, () => r.guessed, r.apart, r.firm)?.level,
    ),
  );
  const found = readings.filter((r) => r.item.expect === 'danger' && r.model && r.model.danger > 0.5);
  const agree = found.filter((r) => r.model?.category === r.item.category).length;
  console.log(`the model's kind of danger as labelled, where it finds danger: ${pct(agree, found.length)}`);
}

if (require.main === module) {
  const validate = arg('--validate');
  const options = {
    ...DEFAULTS,
    buckets: Number(arg('--buckets')[0] ?? DEFAULTS.buckets),
    epochs: Number(arg('--epochs')[0] ?? DEFAULTS.epochs),
    l2: Number(arg('--l2')[0] ?? DEFAULTS.l2),
  };
  const files = splitFiles('dev');
  if (validate.length) {
    console.log(`leave one file out over ${validate.join(', ')}:`);
    const readings = outOfFold(files, validate, options);
    report(readings);
    const save = arg('--save-readings')[0];
    if (save) {
      writeFileSync(save, `${readings.map((r) => JSON.stringify(r)).join('\n')}\n`);
      console.log(`out-of-fold readings written to ${save}`);
    }
  } else {
    const items = trainingMessages(files);
    const started = Date.now();
    const shipped = pack(train(items, options));
    const out = arg('--out')[0] ?? OUT;
    writeFileSync(out, `${JSON.stringify(shipped, null, 2)}\n`);
    console.log(
      `trained on ${items.length} messages from ${files.length} files in ${Date.now() - started} ms; wrote ${out} (${JSON.stringify(shipped).length} bytes)`,
    );
  }
}
