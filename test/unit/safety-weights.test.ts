/**
 * The shipped weights (functions/program/safety-model-weights.json) are what `npm run train:safety` makes
 * from the development messages, so a changed set cannot ship with stale weights.
 *
 * A check that the build's output is current, not a behaviour of the detector: left out of mutation testing
 * (vitest.stryker.config.mts), where retraining through instrumented code takes over a minute for every
 * mutant of the features it reads; what the detector hears is measured by safety-eval.test.ts and the
 * model's own tests in safety-model.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { splitFiles } from '../../bench/safety-eval';
import { DEFAULTS, train, trainingMessages } from '../../bench/train-safety-model';
import { HEAD_NAMES, pack, type ShippedModel } from '../../functions/program/safety-model';
import shipped from '../../functions/program/safety-model-weights.json';

describe('the shipped weights', () => {
  const model = shipped as ShippedModel;

  it('are what `npm run train:safety` makes from the development messages (retrain after changing them)', () => {
    const retrained = pack(train(trainingMessages(splitFiles('dev')), DEFAULTS));
    for (const name of HEAD_NAMES) {
      const ours = Buffer.from(model.heads[name].weights, 'base64');
      const again = Buffer.from(retrained.heads[name].weights, 'base64');
      expect(again.length).toBe(ours.length);
      // Identical but for rounding at the edge of an int8 step on another machine's floating point.
      let differing = 0;
      for (let i = 0; i < ours.length; i++) if (ours[i] !== again[i]) differing++;
      expect(differing / ours.length).toBeLessThan(0.001);
      expect(retrained.heads[name].bias).toBeCloseTo(model.heads[name].bias, 2);
    }
  }, 60_000);
});
