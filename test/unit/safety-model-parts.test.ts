/**
 * The parts of the danger model (program/safety-model.ts) with a small hand-made model instead of the
 * trained one, so that each promise can be seen alone: a long message is read in stretches so one buried
 * sentence is not drowned, the likeliest kind of danger is the one named, and the weights survive being
 * packed for shipping. How well the trained model hears people is measured in safety-eval.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  featuresOf,
  HEAD_NAMES,
  pack,
  readWith,
  STRETCH_GATE,
  STRETCH_WORDS,
  score,
  stretchesOf,
  unpack,
} from '../../functions/program/safety-model';
import { BUCKETS, CALM, GONE, HURT, handMade } from '../support/hand-made-model';

describe('stretches of a long message', () => {
  it('are its sentences, short ones joined to the next until one has enough words', () => {
    const long = 'one two three four five six seven eight.';
    expect(stretchesOf(`${long} ${long}`)).toEqual([long, long]);
    expect(stretchesOf(`Hi. Sorry. ${long} ${long}`)).toEqual([`Hi. Sorry. ${long}`, long]);
    expect(stretchesOf(`${long}\n${long}`)).toEqual([long, long]);
    expect(stretchesOf(`${long}! ${long}? ${long}; ${long}`)).toHaveLength(4);
  });

  it('join a short last sentence to the stretch before it', () => {
    const long = 'one two three four five six seven eight.';
    expect(stretchesOf(`${long} ${long} Bye now.`)).toEqual([long, `${long} Bye now.`]);
  });

  it('are none for a message of one stretch', () => {
    expect(stretchesOf('he hit me')).toBeUndefined();
    expect(stretchesOf('Hi. How are you. Fine.')).toBeUndefined();
    expect(stretchesOf('one two three four five six seven eight. Bye.')).toBeUndefined();
  });

  it('stop at 24, however long the email', () => {
    const long = 'one two three four five six seven eight.';
    expect(stretchesOf(Array.from({ length: 40 }, () => long).join(' '))).toHaveLength(24);
    expect(STRETCH_WORDS).toBe(8);
  });

  it('count words of letters, in any alphabet', () => {
    const spanish = 'él me pegó anoche y no pude dormir después.';
    expect(stretchesOf(`${spanish} ${spanish}`)).toEqual([spanish, spanish]);
    const numbers = '1 2 3 4 5 6 7 8 9.';
    expect(stretchesOf(`${numbers} ${numbers}`)).toBeUndefined();
  });
});

describe('the model reading a message', () => {
  const model = handMade();

  it('hears what it was taught, and nothing in an ordinary message', () => {
    expect(score(model, featuresOf(HURT), 'danger')).toBeGreaterThan(0.9);
    expect(score(model, featuresOf(CALM[0] as string), 'danger')).toBeLessThan(0.2);
    expect(score(model, featuresOf(''), 'danger')).toBeCloseTo(1 / (1 + Math.exp(4)), 6);
  });

  it('names the likeliest kind of danger', () => {
    expect(readWith(model, HURT).category).toBe('abuse');
    expect(readWith(model, GONE).category).toBe('self-harm');
  });

  it('finds one sentence of danger in the middle of a long, calm email, with its kind', () => {
    const email = [...CALM.slice(0, 3), `${HURT}.`, ...CALM.slice(3)].join(' ');
    const reading = readWith(model, email);
    expect(reading.peak?.danger).toBeGreaterThan(0.9);
    expect(reading.peak?.danger).toBeGreaterThan(reading.danger);
    expect(reading.peak?.category).toBe('abuse');
    expect(reading.peak?.signal).toBeGreaterThan(0.9);
    const gone = readWith(model, [...CALM.slice(0, 4), `${GONE}.`, ...CALM.slice(4)].join(' '));
    expect(gone.peak?.category).toBe('self-harm');
  });

  it('counts the words it read', () => {
    expect(readWith(model, 'he hit me, again!').words).toBe(4);
    expect(readWith(model, '...').words).toBe(0);
  });

  it('reads in stretches only a long message it does not already find plainly ordinary, unless told to', () => {
    const calm = CALM.join(' ');
    const whole = readWith(model, calm);
    expect(whole.danger).toBeLessThan(STRETCH_GATE);
    expect(whole.peak).toBeUndefined();
    expect(readWith(model, calm, 'always').peak).toBeDefined();
    const buried = [...CALM.slice(0, 3), `${HURT}.`, ...CALM.slice(3)].join(' ');
    expect(readWith(model, buried, false).peak).toBeUndefined();
    expect(readWith(model, HURT).peak).toBeUndefined();
  });
});

describe('the model as shipped', () => {
  it('keeps every weight within half a step of its int8 scale, and its bias to five places', () => {
    const model = handMade(-2.123456, 0.37);
    model.heads.danger.weights[5] = -1.27;
    const shipped = pack(model);
    const scale = shipped.heads.danger.scale;
    expect(scale).toBeCloseTo(Math.max(...model.heads.danger.weights.map(Math.abs)) / 127, 6);
    expect(shipped.heads.danger.buckets).toBe(BUCKETS);
    expect(shipped.heads.danger.bias).toBe(-2.12346);
    const back = unpack(shipped);
    for (const name of HEAD_NAMES) {
      const before = model.heads[name].weights;
      const after = back.heads[name].weights;
      expect(after).toHaveLength(before.length);
      let worst = 0;
      for (let i = 0; i < before.length; i++)
        worst = Math.max(worst, Math.abs((after[i] ?? 0) - (before[i] ?? 0)));
      expect(worst).toBeLessThanOrEqual(shipped.heads[name].scale / 2 + 1e-6);
    }
    expect(back.heads.danger.weights[5]).toBeCloseTo(-1.27, 5);
  });

  it('packs an untrained head (all zero) without dividing by zero', () => {
    const model = handMade();
    model.heads['call-for-help'].weights.fill(0);
    const shipped = pack(model);
    expect(shipped.heads['call-for-help'].scale).toBe(1);
    expect([...unpack(shipped).heads['call-for-help'].weights].every((w) => w === 0)).toBe(true);
  });
});
