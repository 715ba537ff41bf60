/**
 * The danger detector measured like a classifier (bench/safety-eval.ts) against the goals of the issue,
 * on the labelled development messages and, when it exists, on the held-out set nobody tuned on; and the
 * issue's own example messages, one by one. A regression in recall or in false alarms fails here.
 *
 * SAFETY_EVAL_SPLIT=dev leaves the held-out set out (while the detector is being worked on, so that the
 * held-out figures stay unseen until the end).
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { figuresFor, loadSplit, type Split, splitPath } from '../../bench/safety-eval';
import { assessSafety, assessSafetyWithoutIndex } from '../../functions/program/safety';

/** The targets of the issue, on data the detector was not tuned on. */
const GOALS = { dangerRecall: { en: 0.95, es: 0.9 }, falseAlarms: 0.03 };

const splits: Split[] = ['dev'];
if (existsSync(splitPath('holdout')) && process.env.SAFETY_EVAL_SPLIT !== 'dev') splits.push('holdout');

describe.each(splits)('the %s split', (split) => {
  const { figures } = figuresFor([split]);

  it('has messages of every level in both languages', () => {
    for (const lang of ['en', 'es'] as const) {
      const f = figures.byLanguage[lang];
      expect(f.dangerRecall.total).toBeGreaterThan(0);
      expect(f.falseAlarms.total).toBeGreaterThan(0);
    }
  });

  it.each(['en', 'es'] as const)('finds danger in %s with the recall the issue asks for', (lang) => {
    expect(figures.byLanguage[lang].dangerRecall.rate).toBeGreaterThanOrEqual(GOALS.dangerRecall[lang]);
  });

  it('raises false alarms on at most 3% of ordinary messages', () => {
    expect(figures.overall.falseAlarms.rate).toBeLessThanOrEqual(GOALS.falseAlarms);
  });

  if (split === 'dev') {
    it.each(['en', 'es'] as const)('raises false alarms on at most 3% of ordinary messages in %s', (lang) => {
      expect(figures.byLanguage[lang].falseAlarms.rate).toBeLessThanOrEqual(GOALS.falseAlarms);
    });

    it('answers every concern message with at least the short reply', () => {
      expect(figures.overall.concernRecall.rate).toBeGreaterThanOrEqual(0.95);
    });
  }
});

describe('the anchor index (which rules a message can match, so the others are never compiled)', () => {
  it('changes no outcome on any development message', () => {
    const changed = loadSplit('dev')
      .map(({ text }) => text)
      .filter(
        (text) => JSON.stringify(assessSafety(text)) !== JSON.stringify(assessSafetyWithoutIndex(text)),
      );
    expect(changed).toEqual([]);
  });
});

describe("the issue's example messages", () => {
  it.each([
    'whats the point anymore',
    'punched me in the face',
    'threw a glass at my head',
    "she'd kill me",
    'hiding in the bathroom',
    'help me',
    'please help',
    "help!! he's here",
    'SOS',
    'ayuda',
    'auxilio',
    '2. he hit me again',
    'no quiero vivir',
    'me pegó',
    'me quiero morir',
    'me va a matar',
    'me amenaza con quitarme a los niños',
    'me revisa el celular',
  ])('"%s" is danger', (text) => {
    expect(assessSafety(text)?.level).toBe('danger');
  });

  it.each(['not safe', 'scared of him', 'he hurt me', "I can't do this anymore"])(
    '"%s" is concern',
    (text) => {
      expect(assessSafety(text)?.level).toBe('concern');
    },
  );

  it.each([
    'HELP',
    'we fought about money',
    'killing it this week',
    'the affair still kills me',
    'it hit me how much I lied',
    'she threatened to leave',
    'dying to see the kids',
    'me muero de ganas',
    'me mata la culpa',
    'nos matamos de risa',
    'me pegó un susto',
    'he has never hit me',
  ])('"%s" is nothing', (text) => {
    expect(assessSafety(text)).toBeUndefined();
  });
});
