/**
 * The anchor index of the danger rules (functions/program/safety-anchors.ts) is an optimisation: it picks
 * the rules a message can match, so the others are never compiled. It must change no outcome.
 *
 * Left out of mutation testing (vitest.stryker.config.mts): it runs every development message through the
 * rules twice, minutes through instrumented code for each mutant it covers, and a mutant of a rule changes
 * both paths alike, so only the index's own mutants could fail it; those are left to the other tests there.
 */
import { describe, expect, it } from 'vitest';
import { loadSplit } from '../../bench/safety-eval';
import { assessSafetyByRules, assessSafetyWithoutIndex } from '../../functions/program/safety';

describe('the anchor index (which rules a message can match, so the others are never compiled)', () => {
  it('changes no outcome on any development message', () => {
    const changed = loadSplit('dev')
      .map(({ text }) => text)
      .filter(
        (text) =>
          JSON.stringify(assessSafetyByRules(text)) !== JSON.stringify(assessSafetyWithoutIndex(text)),
      );
    expect(changed).toEqual([]);
  }, 180_000); // every dev message twice through the rules: over a minute on a busy two-core machine
});
