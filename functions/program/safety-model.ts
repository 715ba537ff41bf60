/**
 * The learned half of the danger detector: a linear model over hashed words, word pairs and character
 * n-grams of a message's two normalised views (English and Spanish, safety-normalise.ts), trained on the
 * labelled development messages (bench/train-safety-model.ts) and shipped as int8 weights in
 * safety-model-weights.json. It hears phrasings no rule names ("tired of being here", "me dejó el ojo
 * morado") by the words and pieces of words they share with the thousands of messages it learned from.
 *
 * Why this and not a bigger model: the webhook must answer in Twilio's time and start fast. A dot product
 * over a few hundred hashed features costs microseconds; the weights are tens of KB, not the megabytes
 * of an embedding model. Why hand-written: inference is twenty lines (hash, look up, add, logistic), and
 * the libraries that train such models in JavaScript (natural's classifiers, ml-logistic-regression)
 * would bring their dense matrices and dependencies into the webhook for a sum.
 */
import { normaliseForSafety, normaliseSpanish } from './safety-normalise';
import { SAFETY_CATEGORIES, type SafetyCategory } from './safety-rule';

/** The trained model as shipped: one head per question, weights quantised to int8, base64. */
export interface ShippedModel {
  heads: Record<HeadName, ShippedHead>;
}
export interface ShippedHead {
  /** How many hashed buckets it has (a power of two). */
  buckets: number;
  bias: number;
  scale: number;
  weights: string;
}

/** danger: danger vs the rest; signal: danger or concern vs nothing; one head per danger category. */
export const HEAD_NAMES = ['danger', 'signal', ...SAFETY_CATEGORIES] as const;
export type HeadName = (typeof HEAD_NAMES)[number];

/** A model in memory, trained or loaded. */
export interface LinearModel {
  heads: Record<HeadName, { bias: number; weights: Float32Array }>;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hash(s: string): number {
  return fold(FNV_OFFSET, s) >>> 0;
}

/** The FNV state after these characters, from `state`: hashing a prefix once serves every n-gram after it. */
function fold(state: number, s: string, start = 0, end = s.length): number {
  let h = state;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

/**
 * Adds the hashes of a view's words, word pairs, pairs one apart and character 3- to 5-grams, each
 * tagged by view and kind (the hash of `${tag}c ${gram}`, computed without building the string: a long
 * email has thousands of n-grams, and making a string of each cost most of the model's time).
 */
function addView(out: Set<number>, view: string, tag: string): void {
  const words = view.trim().split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    out.add(hash(`${tag}w ${words[i]}`));
    if (i + 1 < words.length) out.add(hash(`${tag}b ${words[i]} ${words[i + 1]}`));
    if (i + 2 < words.length) out.add(hash(`${tag}s ${words[i]} _ ${words[i + 2]}`));
  }
  const padded = ` ${words.join(' ')} `;
  const prefix = fold(FNV_OFFSET, `${tag}c `);
  for (let n = 3; n <= 5; n++)
    for (let i = 0; i + n <= padded.length; i++) out.add(fold(prefix, padded, i, i + n) >>> 0);
}

/**
 * The message's features: the hashes of its distinct words, word pairs and character n-grams, each worth
 * 1/√n (so a long email weighs like a text). A head folds a hash into its own number of buckets.
 */
export interface Features {
  hashes: Uint32Array;
  value: number;
}

export function featuresOf(text: string): Features {
  const names = new Set<number>();
  addView(names, normaliseForSafety(text), 'e');
  addView(names, normaliseSpanish(text), 's');
  const hashes = Uint32Array.from(names);
  return { hashes, value: hashes.length ? 1 / Math.sqrt(hashes.length) : 0 };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function score(model: LinearModel, features: Features, head: HeadName): number {
  const { bias, weights } = model.heads[head];
  const mask = weights.length - 1;
  let z = bias;
  for (const h of features.hashes) z += (weights[h & mask] ?? 0) * features.value;
  return sigmoid(z);
}

export function unpack(shipped: ShippedModel): LinearModel {
  const heads = {} as LinearModel['heads'];
  for (const name of HEAD_NAMES) {
    const head = shipped.heads[name];
    const bytes = Buffer.from(head.weights, 'base64');
    const q = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    const weights = new Float32Array(q.length);
    for (let i = 0; i < q.length; i++) weights[i] = (q[i] ?? 0) * head.scale;
    heads[name] = { bias: head.bias, weights };
  }
  return { heads };
}

export function pack(model: LinearModel): ShippedModel {
  const heads = {} as ShippedModel['heads'];
  for (const name of HEAD_NAMES) {
    const { bias, weights } = model.heads[name];
    let max = 0;
    for (const w of weights) max = Math.max(max, Math.abs(w));
    const scale = max / 127 || 1;
    const q = new Int8Array(weights.length);
    for (let i = 0; i < weights.length; i++) q[i] = Math.round((weights[i] ?? 0) / scale);
    heads[name] = {
      buckets: weights.length,
      bias: Number(bias.toFixed(5)),
      scale: Number(scale.toPrecision(6)),
      weights: Buffer.from(q.buffer).toString('base64'),
    };
  }
  return { heads };
}

export interface ModelReading {
  danger: number;
  signal: number;
  category: SafetyCategory;
  /**
   * For a message of several sentences: the reading of its most dangerous stretch (a sentence, or a few
   * short ones together), so that danger in the middle of a long email is not drowned by the rest.
   */
  peak?: { danger: number; signal: number; category: SafetyCategory };
  /** Its words (letters only): a short message gives the model little to go on. */
  words?: number;
  /**
   * In a long message a rule answered: the model's reading of the sentences the rules answer on their own
   * (the highest of each), or 'too-short' when one of them has too few words for the model to read. The
   * paragraphs around a sentence of violence dilute the whole message's reading ("He choked me on Friday."
   * among news of the week reads ordinary as a whole, and as danger alone).
   */
  atRule?: { danger: number; signal: number } | 'too-short';
}

/** Words a stretch of a long message needs before the model reads it alone. */
export const STRETCH_WORDS = 8;
/** Below this danger for the whole message, its stretches are not read. */
export const STRETCH_GATE = 0.05;
/** Stretches read at most (a 5,000-character email is read in its first ones): keeps the cost bounded. */
const MAX_STRETCHES = 24;

const SENTENCE_BREAK = /(?<=[.!?;])\s+|\n+/;

/** A message's sentences (and lines), blank ones left out. */
export const sentencesOf = (text: string) => text.split(SENTENCE_BREAK).filter((sentence) => sentence.trim());

/**
 * A message cut into stretches for the model: its sentences (and lines), short ones joined to the next
 * until a stretch has STRETCH_WORDS words. Undefined when there is only one.
 */
export function stretchesOf(text: string): string[] | undefined {
  const sentences = text.split(SENTENCE_BREAK);
  const out: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    current = current ? `${current} ${sentence}` : sentence;
    if ((current.match(/\p{L}+/gu)?.length ?? 0) >= STRETCH_WORDS) {
      out.push(current);
      current = '';
      if (out.length >= MAX_STRETCHES) break;
    }
  }
  if (current && out.length < MAX_STRETCHES) {
    if (out.length && (current.match(/\p{L}+/gu)?.length ?? 0) < STRETCH_WORDS)
      out[out.length - 1] = `${out[out.length - 1]} ${current}`;
    else out.push(current);
  }
  return out.length > 1 ? out : undefined;
}

function categoryOf(model: LinearModel, features: Features): SafetyCategory {
  let category: SafetyCategory = 'self-harm';
  let best = -1;
  for (const name of SAFETY_CATEGORIES) {
    const p = score(model, features, name);
    if (p > best) {
      best = p;
      category = name;
    }
  }
  return category;
}

/** The model's reading of a message: how likely danger, how likely any signal, and the likeliest kind. */
export function readWith(
  model: LinearModel,
  text: string,
  stretches: boolean | 'always' = true,
): ModelReading {
  const features = featuresOf(text);
  const reading: ModelReading = {
    danger: score(model, features, 'danger'),
    signal: score(model, features, 'signal'),
    category: categoryOf(model, features),
    words: text.match(/\p{L}+/gu)?.length ?? 0,
  };
  // A long message the model already finds plainly ordinary as a whole is not read again by stretches:
  // out of fold, no danger message the stretches found had a whole-message danger under STRETCH_GATE,
  // and skipping them saves the second pass on two in five long messages.
  // 'always': a rule found danger in it, and the model must not overrule the rule on the whole message
  // alone when the danger is one sentence buried in a long email (see `combineAt` in safety.ts).
  const parts =
    stretches === 'always' || (stretches && reading.danger >= STRETCH_GATE) ? stretchesOf(text) : undefined;
  if (parts) {
    let best: Features | undefined;
    let danger = -1;
    for (const part of parts) {
      const f = featuresOf(part);
      const p = score(model, f, 'danger');
      if (p > danger) {
        danger = p;
        best = f;
      }
    }
    if (best)
      reading.peak = { danger, signal: score(model, best, 'signal'), category: categoryOf(model, best) };
  }
  return reading;
}
