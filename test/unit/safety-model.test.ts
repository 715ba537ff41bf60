/**
 * The learned half of the danger detector (functions/program/safety-model.ts) and how safety.ts combines
 * it with the rules. How well the pair hears danger is measured in safety-eval.test.ts; here: the shipped
 * weights are well formed, packing keeps what was learned, and the combination does what safety.ts says it
 * does. That the weights are what the training script makes from the development messages is checked in
 * safety-weights.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULTS, train } from '../../bench/train-safety-model';
import {
  assessSafety,
  assessSafetyByRules,
  combine,
  MODEL_THRESHOLDS,
  modelReading,
  type SafetySignal,
} from '../../functions/program/safety';
import {
  featuresOf,
  HEAD_NAMES,
  pack,
  readWith,
  type ShippedModel,
  STRETCH_WORDS,
  score,
  stretchesOf,
  unpack,
} from '../../functions/program/safety-model';
import shipped from '../../functions/program/safety-model-weights.json';

const danger: SafetySignal = { level: 'danger', category: 'abuse', language: 'en' };
const reading = (d: number, s: number) => ({ danger: d, signal: s, category: 'self-harm' as const });

describe('the shipped weights', () => {
  const model = shipped as ShippedModel;

  it('have every head, each a power of two of buckets', () => {
    for (const name of HEAD_NAMES) {
      const head = model.heads[name];
      expect(head.buckets & (head.buckets - 1)).toBe(0);
      expect(Buffer.from(head.weights, 'base64').length).toBe(head.buckets);
    }
  });
});

describe('the model', () => {
  const examples = [
    { text: 'he hit me with the belt again', expect: 'danger' as const, category: 'abuse' as const },
    { text: 'i have the pills saved up', expect: 'danger' as const, category: 'self-harm' as const },
    { text: 'we had a good talk tonight', expect: 'none' as const, category: null },
    { text: 'four this week, better', expect: 'none' as const, category: null },
  ].map((e) => ({ ...e, lang: 'en' as const, kind: 'test' }));
  const small = { ...DEFAULTS, buckets: 1 << 10, categoryBuckets: 1 << 8 };

  it('learns from what it is shown and keeps it through packing to int8', () => {
    const model = train(examples, small);
    const packed = unpack(pack(model));
    for (const example of examples) {
      const p = score(packed, featuresOf(example.text), 'danger');
      expect(Math.abs(p - score(model, featuresOf(example.text), 'danger'))).toBeLessThan(0.02);
      if (example.expect === 'danger') expect(p).toBeGreaterThan(0.5);
      else expect(p).toBeLessThan(0.5);
    }
    expect(readWith(packed, 'i have the pills saved up').category).toBe('self-harm');
  });

  it('reads a message the same whatever its case, accents or repeated letters', () => {
    const a = featuresOf('No quiero vivir').hashes;
    const b = featuresOf('no kiero viviiir').hashes;
    const shared = [...a].filter((h) => b.includes(h)).length;
    expect(shared / a.length).toBeGreaterThan(0.3);
    expect([...featuresOf('NO QUIERO VIVIR').hashes].sort()).toEqual([...a].sort());
  });

  it('reads a long message also by stretches of at least eight words, and a text as a whole only', () => {
    expect(stretchesOf('4. we talked on sunday and it went well')).toBeUndefined();
    const email =
      'Hi coach. Week 6 was busy with the kids and school. We did the talk on Sunday. He hit me on Tuesday and I am scared. The reading was good.';
    const parts = stretchesOf(email) ?? [];
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((part) => (part.match(/\p{L}+/gu)?.length ?? 0) >= STRETCH_WORDS)).toBe(true);
    expect(parts.join(' ')).toBe(email);
    expect(modelReading(email)?.peak).toBeDefined();
  });

  it('reads messages of five words or more; shorter ones are left to the rules', () => {
    for (const text of ['n', '4', 'ok', 'Y', 'si', '4 good week', 'you hurt me', 'I am in danger'])
      expect(modelReading(text)).toBeUndefined();
    expect(modelReading('i am so tired of being here')).toBeDefined();
    expect(assessSafety('I am in danger')).toEqual(assessSafetyByRules('I am in danger'));
  });
});

describe('rules and model together', () => {
  const { danger: sure, concern: worried, veto } = MODEL_THRESHOLDS.en;

  it("keep a rule's answer unless the model is all but sure the message is ordinary", () => {
    expect(combine('x y', danger, reading(0.5, veto + 0.01))).toEqual(danger);
    expect(combine('x y', danger, reading(0.01, veto - 0.01))).toBeUndefined();
  });

  it('let the model alone answer danger when it is sure enough, of the kind it finds likeliest', () => {
    expect(combine('tired of being here', undefined, reading(sure + 0.01, 0.99))).toEqual({
      level: 'danger',
      category: 'self-harm',
      language: 'en',
    });
  });

  it('answer concern (the short reply with resources) when the model is less sure, and nothing below that', () => {
    expect(combine('tired of being here', undefined, reading(sure - 0.01, worried + 0.01))).toEqual({
      level: 'concern',
      category: 'self-harm',
      language: 'en',
    });
    expect(combine('tired of being here', undefined, reading(sure - 0.01, worried - 0.01))).toBeUndefined();
  });

  it("turn a rule's concern into danger when the model is sure enough of danger", () => {
    const { escalate } = MODEL_THRESHOLDS.en;
    const concern: SafetySignal = { level: 'concern', category: 'self-harm', language: 'en' };
    expect(combine('x y', concern, reading(escalate + 0.01, 0.99))?.level).toBe('danger');
    expect(combine('x y', concern, reading(escalate - 0.01, 0.99))).toEqual(concern);
  });

  it('answer danger when the most dangerous stretch of a long message is dangerous enough', () => {
    const { stretch } = MODEL_THRESHOLDS.en;
    const peak = (d: number) => ({
      ...reading(0.1, 0.5),
      peak: { danger: d, signal: 0.99, category: 'abuse' as const },
    });
    expect(combine('we talked', undefined, peak(stretch + 0.01))).toEqual({
      level: 'danger',
      category: 'abuse',
      language: 'en',
    });
    expect(combine('we talked', undefined, peak(stretch - 0.01))).toBeUndefined();
  });

  it("use the thresholds of the message's language", () => {
    const es = MODEL_THRESHOLDS.es;
    const spanish = 'ya no quiero estar aquí con nadie';
    expect(combine(spanish, undefined, reading(es.danger + 0.01, 0.99))?.level).toBe('danger');
    expect(combine(spanish, undefined, reading(es.danger - 0.01, es.concern - 0.01))).toBeUndefined();
    expect(
      combine(spanish, { ...danger, language: 'es' }, reading(es.veto - 0.01, es.veto - 0.01)),
    ).toBeUndefined();
  });

  it('answer in the language the message is written in', () => {
    expect(combine('ya no quiero estar aquí', undefined, reading(0.99, 0.99))?.language).toBe('es');
  });

  it('leave the rules alone on messages too short for the model', () => {
    expect(combine('SOS', danger, undefined)).toEqual(danger);
    expect(assessSafety('SOS')).toEqual(assessSafetyByRules('SOS'));
  });
});
