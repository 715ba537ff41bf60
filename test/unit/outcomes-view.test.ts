/**
 * The operator's outcomes view (functions/program/outcomes.ts, `buildOutcomes`) read from counter rows as
 * the store keeps them: what an operator sees for a cohort, a month or everyone, and the small-cell rule on
 * every figure. The counting itself, through the use cases, is in outcomes.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  buildOutcomes,
  type CounterRow,
  cohortMatches,
  FEWER_THAN,
  isoWeekOf,
  suppressParts,
  suppressRate,
  trendOf,
  waitBucket,
} from '../../functions/program/outcomes';

const F = FEWER_THAN;

const row = (
  cohort: string,
  track: CounterRow['track'],
  reach: CounterRow['reach'],
  part: string,
  counts: Record<string, number>,
): CounterRow => ({ cohort, track, reach, part, counts });

/** Two cohorts: 2027-W03 (42 people: 30 hurt with texts, 12 repairing by email), 2027-W05 (5 people). */
const rows: CounterRow[] = [
  row('2027-W05', 'hurt', 'texts', 'funnel', { enrolled: 5, confirmed: 5, 'stop-paused-w01': 5 }),
  row('2027-W03', 'hurt', 'texts', 'funnel', {
    enrolled: 30,
    confirmed: 28,
    'texts-on': 15,
    checkpoint: 12,
    'report-opened': 11,
    'stop-opted-out-w02': 10,
    'stop-went-silent-w05': 4,
    'danger-self-harm': 12,
    'concern-abuse': 3,
    'wait-under-1h': 11,
    'wait-1-3d': 2,
  }),
  row('2027-W03', 'repairing', 'email', 'funnel', { enrolled: 12, confirmed: 12, 'stop-paused-w02': 11 }),
  row('2027-W03', 'hurt', 'texts', 'weekly', {
    'asked-w01-sms': 30,
    'asked-w01-email': 12,
    'answered-w01': 27,
    'answered-w01-text': 15,
    'answered-w01-click': 10,
    'answered-w01-reply': 2,
    'answered-w12': 14,
  }),
  row('2027-W03', 'hurt', 'texts', 'answers#keep-going', { 'd088-s1': 11, 'd088-s0': 2 }),
  row('2027-W03', 'hurt', 'texts', 'answers#honesty', {
    'w01-s1': 2,
    'w01-s4': 10,
    'w01-s5': 3,
    'first30-s3': 12,
    'last30-s4': 12,
    'd030-s4': 11,
    'trend-rose': 11,
    'trend-held': 1,
  }),
];

describe('the outcomes of one cohort (2027-W03, 42 people)', () => {
  // Built inside each test, not once for the block, so that each test exercises the code it checks.
  const ofW03 = () => buildOutcomes(rows, '2027-W03');
  const step = (name: string) => ofW03().funnel.find((s) => s.step === name);

  it('shows only that cohort, with its funnel head', () => {
    const view = ofW03();
    expect(view.cohort).toBe('2027-W03');
    expect(view.cohorts).toEqual([{ cohort: '2027-W03', enrolled: 42, confirmed: 40, answeredWeek12: 14 }]);
  });

  it('splits each funnel step by track and by reach, each part from its own people', () => {
    expect(step('enrolled')).toMatchObject({
      people: 42,
      byTrack: { hurt: 30, repairing: 12 },
      byReach: { texts: 30, email: 12 },
    });
    expect(step('texts-on')).toMatchObject({ people: 15, byTrack: { hurt: 15, repairing: 0 } });
    // Weekly answers are counted in the weekly part, not the funnel's.
    expect(step('week-12')).toMatchObject({ people: 14, byTrack: { hurt: 14, repairing: 0 } });
    expect(step('report-opened')?.people).toBe(11);
  });

  it('lists where people stopped by week, then reason, and names the largest shown', () => {
    const view = ofW03();
    expect(view.stops).toEqual([
      { reason: 'opted-out', week: 2, people: 10 },
      { reason: 'paused', week: 2, people: 11 },
      { reason: 'went-silent', week: 5, people: F },
    ]);
    expect(view.mostStoppedAfter).toEqual({ reason: 'paused', week: 2, people: 11 });
  });

  it('shows the weekly response by channel, and the rates only where both sides count ten or more', () => {
    const view = ofW03();
    const week1 = view.response[0];
    expect(week1).toEqual({
      week: 1,
      askedByText: 30,
      askedByEmail: 12,
      // 2 replies withheld, so the smallest other part is too: 27 less 15 would give it away.
      answered: { text: 15, click: F, reply: F },
      rate: 0.643,
      textRate: 0.5,
      emailRate: 1,
    });
    expect(view.response).toHaveLength(13);
    expect(view.response[12]).toMatchObject({ week: 13, askedByText: 0, rate: null });
  });

  it("shows each question's answers by week, as 30-day means, at checkpoints, and the trend", () => {
    const view = ofW03();
    expect(view.metrics.map((m) => m.metric)).toEqual(['honesty', 'keep-going']);
    const [honesty, keepGoing] = view.metrics;
    expect(honesty?.weeks).toEqual([
      {
        label: 'week 1',
        week: 1,
        people: 15,
        histogram: [
          { score: 1, people: F },
          { score: 2, people: 0 },
          { score: 3, people: 0 },
          { score: 4, people: 10 },
          { score: 5, people: F },
        ],
        quartiles: { q1: 4, median: 4, q3: 4 },
      },
    ]);
    expect(honesty?.first30).toMatchObject({ label: 'days 0–29 (mean per person)', people: 12 });
    expect(honesty?.first30?.histogram.find((h) => h.score === 3)?.people).toBe(12);
    expect(honesty?.last30).toMatchObject({ label: 'days 61–90 (mean per person)', people: 12 });
    expect(honesty?.checkpoint).toMatchObject([{ label: 'day 30', people: 11 }]);
    // 1 held is withheld, and with it the smallest part shown (0 fell).
    expect(honesty?.trend).toEqual({ rose: 11, held: F, fell: F });
    // A yes/no question (scores 0 and 1) at day 88: 2 "no" withheld, and the 11 "yes" with them.
    expect(keepGoing?.weeks).toEqual([]);
    expect(keepGoing?.first30).toBeUndefined();
    expect(keepGoing?.trend).toBeUndefined();
    expect(keepGoing?.checkpoint).toEqual([
      {
        label: 'day 88',
        people: 13,
        histogram: [
          { score: 0, people: F },
          { score: 1, people: F },
        ],
        quartiles: { q1: 1, median: 1, q3: 1 },
      },
    ]);
  });

  it('shows safety flags per 1,000 people who confirmed, and how long they waited', () => {
    const view = ofW03();
    expect(view.safety.participants).toBe(40);
    expect(view.safety.flags).toEqual([
      { level: 'concern', category: 'abuse', people: F, per1000: F },
      { level: 'danger', category: 'self-harm', people: 12, per1000: 300 },
    ]);
    expect(view.safety.waits).toEqual([
      { bucket: 'under-1h', flags: 11 },
      { bucket: '1-4h', flags: 0 },
      { bucket: '4-24h', flags: 0 },
      { bucket: '1-3d', flags: F },
      { bucket: 'over-3d', flags: 0 },
    ]);
  });
});

describe('the outcomes of a cohort of five', () => {
  const ofW05 = () => buildOutcomes(rows, '2027-W05');

  it('shows no figure of it at all, not even the stop most people made', () => {
    const view = ofW05();
    expect(view.cohorts).toEqual([{ cohort: '2027-W05', enrolled: F, confirmed: F, answeredWeek12: F }]);
    expect(view.funnel.every((s) => s.people === F)).toBe(true);
    expect(view.stops).toEqual([{ reason: 'paused', week: 1, people: F }]);
    expect(view.mostStoppedAfter).toBeUndefined();
    expect(view.response[0]).toMatchObject({ rate: F, textRate: F, emailRate: F });
    expect(view.safety.participants).toBe(F);
  });
});

describe('cohort filters', () => {
  it('take a month by the Thursday of each ISO week, and everyone without a filter, cohorts in order', () => {
    expect(buildOutcomes(rows, '2027-01').cohorts.map((c) => c.cohort)).toEqual(['2027-W03']);
    expect(buildOutcomes(rows, '2027-02').cohorts.map((c) => c.cohort)).toEqual(['2027-W05']);
    const everyone = buildOutcomes(rows);
    expect(everyone.cohort).toBe('all');
    expect(everyone.cohorts.map((c) => c.cohort)).toEqual(['2027-W03', '2027-W05']);
    expect(everyone.funnel[0]?.people).toBe(47);
  });

  it('match a week exactly and nothing else', () => {
    expect(cohortMatches('2027-W03', '2027-W03')).toBe(true);
    expect(cohortMatches('2027-W04', '2027-W03')).toBe(false);
    expect(cohortMatches('2027-W03', '2027-01')).toBe(true);
    expect(cohortMatches('2027-W05', '2027-01')).toBe(false);
  });

  it('place a date in its ISO week, across the turn of the year', () => {
    expect(isoWeekOf('2027-01-04T10:00:00Z')).toBe('2027-W01'); // a Monday
    expect(isoWeekOf('2027-01-03T23:00:00Z')).toBe('2026-W53'); // the Sunday before
    expect(isoWeekOf('2026-12-31T12:00:00Z')).toBe('2026-W53');
    expect(isoWeekOf('2021-01-01T12:00:00Z')).toBe('2020-W53');
    expect(isoWeekOf('2027-01-21T12:00:00Z')).toBe('2027-W03');
  });
});

describe('the small figures of the view', () => {
  it('put a wait for a human in its bucket at each edge', () => {
    const at = (hours: number) =>
      waitBucket('2027-01-01T00:00:00Z', new Date(Date.UTC(2027, 0, 1) + hours * 3_600_000).toISOString());
    expect([0.99, 1, 3.99, 4, 23.99, 24, 71.99, 72].map(at)).toEqual([
      'under-1h',
      '1-4h',
      '1-4h',
      '4-24h',
      '4-24h',
      '1-3d',
      '1-3d',
      'over-3d',
    ]);
  });

  it('call half a point of change a rise or a fall, and less than that holding', () => {
    expect([0.5, 0.49, 0, -0.49, -0.5].map(trendOf)).toEqual(['rose', 'held', 'held', 'held', 'fell']);
  });

  it('withhold a part drawn from a group of fewer than ten, zero included, however large the whole', () => {
    // "none of the 9" says something of each of them; and with it, the smallest part shown.
    expect(suppressParts([30, 0, 12, 20], 71, [30, 9, 12, 20])).toEqual([30, F, F, 20]);
  });

  it('withhold the smallest part still shown, wherever it stands, when one part is withheld', () => {
    expect(suppressParts([12, 5, 30], 47)).toEqual([F, F, 30]);
    expect(suppressParts([30, 5, 12, 20], 67)).toEqual([30, F, F, 20]);
  });

  it('show a rate only when the part and the rest each count ten or none', () => {
    expect(suppressRate(0, 10)).toBe(0);
    expect(suppressRate(10, 10)).toBe(1);
    expect(suppressRate(10, 20)).toBe(0.5);
    expect(suppressRate(0, 9)).toBe(F);
    expect(suppressRate(9, 30)).toBe(F);
    expect(suppressRate(21, 30)).toBe(F);
    expect(suppressRate(0, 0)).toBeNull();
  });
});
