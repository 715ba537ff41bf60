/**
 * The danger detector measured like a classifier (bench/safety-eval.ts) against the goals of the issue,
 * on the labelled development messages and, when it exists, on the held-out set nobody tuned on; and the
 * issue's own example messages, one by one. A regression in recall or in false alarms fails here.
 *
 * The dev split is every dev*.jsonl file (dev.jsonl, the retired round-1 held-out set, written examples);
 * the held-out split is every blind holdout*.jsonl file but the everyday ones (holdout*everyday*.jsonl).
 * SAFETY_EVAL_SPLIT=dev leaves the held-out set out (while the detector is being worked on, so that the
 * held-out figures stay unseen until the end).
 */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, figuresFor, hasSplit, loadFile, splitFiles } from '../../bench/safety-eval';
import { assessSafety } from '../../functions/program/safety';

/** The targets of the issue, on data the detector was not tuned on. */
const GOALS = { dangerRecall: { en: 0.95, es: 0.9 }, falseAlarms: 0.03 };

/** SAFETY_EVAL_SPLIT=dev leaves the blind sets out on purpose (while the detector is being worked on). */
const blindWanted = process.env.SAFETY_EVAL_SPLIT !== 'dev';

describe('the splits', () => {
  it('dev is every dev*.jsonl file, the retired blind sets included; the blind sets are apart', () => {
    const dev = splitFiles('dev').map((path) => basename(path));
    expect(dev).toContain('dev.jsonl');
    expect(dev).toContain('dev-holdout-round1.jsonl');
    expect(dev).toContain('dev-holdout-round2.jsonl');
    expect(dev).toContain('dev-holdout-round3.jsonl');
    expect(dev).toContain('dev-holdout-round3-everyday.jsonl');
    for (const set of ['e', 'f', 'everyday']) expect(dev).toContain(`dev-holdout-round5-${set}.jsonl`);
    expect(dev.every((name) => /^dev.*\.jsonl$/.test(name))).toBe(true);
    const holdout = splitFiles('holdout').map((path) => basename(path));
    const everyday = splitFiles('everyday').map((path) => basename(path));
    expect(holdout.every((name) => /^holdout.*\.jsonl$/.test(name) && !name.includes('everyday'))).toBe(true);
    expect(everyday.every((name) => /^holdout.*everyday.*\.jsonl$/.test(name))).toBe(true);
  });
});

/**
 * What round 13's blind sets (holdout-round13-s/u.jsonl, two blind writers, 600 messages, and
 * holdout-round13-everyday.jsonl, a third, 300) measured with the round-13 detector (docs/SAFETY-EVAL.md):
 * danger recall 95.8% English, 99.3% Spanish, false alarms 1.2% (3 of 252, most of them built to trip it);
 * the everyday replies, 2.0% (6 of 300). The round-12 detector measured 95.8%, 97.9%, 1.2% and 2.0% on the
 * same sets. Run again after changes (so no longer blind): the round-13 detector retrained after a
 * development test failed, 96.5%, 100%, 0.8% and 1.7%; round 14's, 97.2%, 99.3%, 0.8% and 2.0%. Floors a
 * little under the first run, so the next change cannot quietly lose it. They are reset from each round's
 * blind measurement; on a branch with no held-out file they fail (below).
 */
/** A floor as a test's title says it: 83.5%. */
const pct = (rate: number) => `${Number((rate * 100).toFixed(1))}%`;

const HOLDOUT_FLOORS = {
  dangerRecall: { en: 0.955, es: 0.99 },
  falseAlarms: 0.012,
  everydayFalseAlarms: 0.02,
};

/**
 * The held-out split is dropped in under holdout*.jsonl when a round's blind sets are measured, and renamed
 * dev-holdout-round<N>*.jsonl once measured. Between the two there is no held-out file: these tests then
 * fail, saying so, rather than pass or vanish, because a floor measured on nothing guards nothing.
 */
const NO_BLIND = (what: string) =>
  `no ${what} in test/fixtures/safety-eval/: the floors below guard nothing until the next blind set is dropped in (set SAFETY_EVAL_SPLIT=dev to leave the blind sets out on purpose)`;
const blind = hasSplit('holdout') ? figuresFor(['holdout']).figures : undefined;
const everyday = hasSplit('everyday') ? figuresFor(['everyday']).figures : undefined;
if (blindWanted)
  describe('the held-out split, against what the last blind sets measured once (the goal is not met yet)', () => {
    it(`keeps danger recall at or above ${pct(HOLDOUT_FLOORS.dangerRecall.en)} in English and ${pct(HOLDOUT_FLOORS.dangerRecall.es)} in Spanish`, () => {
      if (!blind) throw new Error(NO_BLIND('holdout*.jsonl file (not *everyday*)'));
      for (const lang of ['en', 'es'] as const)
        expect(blind.byLanguage[lang].dangerRecall.rate).toBeGreaterThanOrEqual(
          HOLDOUT_FLOORS.dangerRecall[lang],
        );
    });
    it(`keeps false alarms at or below ${pct(HOLDOUT_FLOORS.falseAlarms)} of ordinary messages (most built to trip it)`, () => {
      if (!blind) throw new Error(NO_BLIND('holdout*.jsonl file (not *everyday*)'));
      expect(blind.overall.falseAlarms.rate).toBeLessThanOrEqual(HOLDOUT_FLOORS.falseAlarms);
    });
    it(`answers at most ${pct(HOLDOUT_FLOORS.everydayFalseAlarms)} of the held-out everyday replies ("te quiero", "home by 6") with anything`, () => {
      if (!everyday) throw new Error(NO_BLIND('holdout*everyday*.jsonl file'));
      expect(everyday.messages).toBeGreaterThan(0);
      expect(everyday.overall.falseAlarms.rate).toBeLessThanOrEqual(HOLDOUT_FLOORS.everydayFalseAlarms);
    });
  });

/**
 * Round 4's blind sets after round 5 was tuned on them (rules written from their misses, the model trained
 * on them): measured 99.3% English and 100% Spanish danger recall, 0.4% false alarms, 0 of 150 everyday
 * replies. In sample, so no estimate of the next blind set: these floors only keep round 5 from regressing.
 */
describe('the retired round-4 blind sets (tuned on in round 5)', () => {
  const sets = splitFiles('dev').filter((path) => /dev-holdout-round4-[cd]\.jsonl$/.test(path));
  const everydayFile = splitFiles('dev').find((path) => /dev-holdout-round4-everyday\.jsonl$/.test(path));
  const hard = sets.flatMap((path) => loadFile(path));
  const { byLanguage } = evaluate(hard);
  const ordinary = hard.filter((item) => item.expect === 'none');

  it('finds at least 97% of their danger in each language', () => {
    for (const lang of ['en', 'es'] as const)
      expect(byLanguage[lang].dangerRecall.rate).toBeGreaterThanOrEqual(0.97);
  });
  it('raises at most 2% false alarms on their ordinary messages, and at most 1% on their everyday replies', () => {
    const alarms = byLanguage.en.falseAlarms.hits + byLanguage.es.falseAlarms.hits;
    expect(alarms / ordinary.length).toBeLessThanOrEqual(0.02);
    const replies = everydayFile ? loadFile(everydayFile) : [];
    expect(replies.length).toBe(150);
    const everydayAlarms = evaluate(replies).byLanguage;
    expect(everydayAlarms.en.falseAlarms.hits + everydayAlarms.es.falseAlarms.hits).toBeLessThanOrEqual(1);
  });
});

// The development sets were tuned on: meeting the goals here guards against regressions, nothing more.
describe('the dev split, against the goals', () => {
  const { figures } = figuresFor(['dev']);

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

  it.each(['en', 'es'] as const)('raises false alarms on at most 3% of ordinary messages in %s', (lang) => {
    expect(figures.byLanguage[lang].falseAlarms.rate).toBeLessThanOrEqual(GOALS.falseAlarms);
  });

  // 93.4% on the round-7 code: round 6 made 252 messages of control without a threat concern, and the
  // concern set is harder for it (it was 94% before). 92.4% in round 9, when five new writers' sets joined
  // (round 7's blind sets and dev-round9-t1..t4: 400 concern messages, read at 60-78% before tuning).
  // 91.3% in round 10, when 335 more concern messages joined (six new writers' and round 9's blind sets,
  // read at 45-90% per writer before tuning); 98.6% in round 11, when the model's buckets went 2^15 → 2^17
  // and it could hold each writer's phrasings apart.
  it('answers nearly every concern message with at least the short reply', () => {
    expect(figures.overall.concernRecall.rate).toBeGreaterThanOrEqual(0.97);
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
  ])('"%s" is danger', (text) => {
    expect(assessSafety(text)?.level).toBe('danger');
  });

  // Controlling behaviour with no threat, violence, holding in or fear now is a concern (round 6's decision,
  // the writers' brief and the product agreeing): the short reply with resources, no pause.
  it.each(['not safe', 'scared of him', 'he hurt me', "I can't do this anymore", 'me revisa el celular'])(
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
