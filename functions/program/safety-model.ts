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
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

function addView(out: Set<string>, view: string, tag: string): void {
  const words = view.trim().split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    out.add(`${tag}w ${words[i]}`);
    if (i + 1 < words.length) out.add(`${tag}b ${words[i]} ${words[i + 1]}`);
    if (i + 2 < words.length) out.add(`${tag}s ${words[i]} _ ${words[i + 2]}`);
  }
  const padded = ` ${words.join(' ')} `;
  for (let n = 3; n <= 5; n++)
    for (let i = 0; i + n <= padded.length; i++) out.add(`${tag}c ${padded.slice(i, i + n)}`);
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
  const names = new Set<string>();
  addView(names, normaliseForSafety(text), 'e');
  addView(names, normaliseSpanish(text), 's');
  const hashes = Uint32Array.from(names, hash);
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
}

/** The model's reading of a message: how likely danger, how likely any signal, and the likeliest kind. */
export function readWith(model: LinearModel, text: string): ModelReading {
  const features = featuresOf(text);
  let category: SafetyCategory = 'self-harm';
  let best = -1;
  for (const name of SAFETY_CATEGORIES) {
    const p = score(model, features, name);
    if (p > best) {
      best = p;
      category = name;
    }
  }
  return {
    danger: score(model, features, 'danger'),
    signal: score(model, features, 'signal'),
    category,
  };
}
