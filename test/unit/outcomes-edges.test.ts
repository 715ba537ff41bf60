/**
 * The outcomes view (functions/program/outcomes.ts) at the edge of its small-cell rule: a group of exactly
 * ten people is shown in full, as the operator would expect, and nothing is withheld that needn't be; and
 * the orders the operator reads (stops by week then reason, flags by level then kind, cohorts each their
 * own). The view for a typical cohort is in outcomes-view.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { buildOutcomes, type CounterRow, FEWER_THAN, MIN_CELL } from '../../functions/program/outcomes';

const row = (cohort: string, part: string, counts: Record<string, number>): CounterRow => ({
  cohort,
  track: 'hurt',
  reach: 'texts',
  part,
  counts,
});

/** A cohort of exactly ten, every figure of it ten or none. */
const TEN = MIN_CELL;
const tenRows = (cohort = '2027-W07'): CounterRow[] => [
  row(cohort, 'funnel', {
    enrolled: TEN,
    confirmed: TEN,
    // Entered out of order on purpose: the view sorts them.
    'stop-paused-w03': TEN,
    'stop-opted-out-w03': TEN,
    'danger-self-harm': TEN,
    'danger-abuse': TEN,
    'concern-abuse': TEN,
  }),
  row(cohort, 'weekly', {
    'asked-w01-sms': TEN,
    'asked-w01-email': TEN,
    'answered-w01': 2 * TEN,
    'answered-w01-text': TEN,
    'answered-w01-click': TEN,
  }),
  row(cohort, 'answers#honesty', { 'w01-s4': TEN, 'w13-s5': TEN, 'last30-s3': TEN }),
  row(cohort, 'answers#keep-going', { 'd088-s1': TEN }),
];

describe('a cohort of exactly ten', () => {
  it('shows its response rates, by text and by email', () => {
    expect(buildOutcomes(tenRows()).response[0]).toMatchObject({ rate: 1, textRate: 1, emailRate: 1 });
  });

  it('shows its answers, their quartiles, every week to the thirteenth, and the last 30 days', () => {
    const honesty = buildOutcomes(tenRows()).metrics.find((m) => m.metric === 'honesty');
    expect(honesty?.weeks.map((w) => [w.week, w.people, w.quartiles])).toEqual([
      [1, TEN, { q1: 4, median: 4, q3: 4 }],
      [13, TEN, { q1: 5, median: 5, q3: 5 }],
    ]);
    expect(honesty?.last30?.histogram).toEqual([
      { score: 1, people: 0 },
      { score: 2, people: 0 },
      { score: 3, people: TEN },
      { score: 4, people: 0 },
      { score: 5, people: 0 },
    ]);
    const keepGoing = buildOutcomes(tenRows()).metrics.find((m) => m.metric === 'keep-going');
    expect(keepGoing?.last30).toBeUndefined();
    expect(keepGoing?.first30).toBeUndefined();
  });

  it('names the week most people stopped after', () => {
    expect(buildOutcomes(tenRows()).mostStoppedAfter).toMatchObject({ week: 3, people: TEN });
  });

  it('lists stops by week then reason, and safety flags by level then kind, each per 1,000', () => {
    const view = buildOutcomes(tenRows());
    expect(view.stops).toEqual([
      { reason: 'opted-out', week: 3, people: TEN },
      { reason: 'paused', week: 3, people: TEN },
    ]);
    expect(view.safety.flags).toEqual([
      { level: 'concern', category: 'abuse', people: TEN, per1000: 1000 },
      { level: 'danger', category: 'abuse', people: TEN, per1000: 1000 },
      { level: 'danger', category: 'self-harm', people: TEN, per1000: 1000 },
    ]);
  });

  it('is shown as its own row beside another cohort, each with its own people', () => {
    const rows = [...tenRows('2027-W07'), row('2027-W09', 'funnel', { enrolled: 25, confirmed: 20 })];
    expect(buildOutcomes(rows).cohorts).toEqual([
      { cohort: '2027-W07', enrolled: TEN, confirmed: TEN, answeredWeek12: 0 },
      { cohort: '2027-W09', enrolled: 25, confirmed: 20, answeredWeek12: 0 },
    ]);
  });
});

describe('a cohort of nine', () => {
  it('withholds the same figures', () => {
    const nine = tenRows().map((r) => ({
      ...r,
      counts: Object.fromEntries(Object.entries(r.counts).map(([k, v]) => [k, v - 1])),
    }));
    const view = buildOutcomes(nine);
    expect(view.response[0]).toMatchObject({ rate: FEWER_THAN, textRate: FEWER_THAN, emailRate: FEWER_THAN });
    expect(view.mostStoppedAfter).toBeUndefined();
    // Below the cohort's threshold its distributions are read from nothing: no quartile at all.
    expect(view.metrics.find((m) => m.metric === 'honesty')?.weeks[0]?.quartiles).toBeNull();
    expect(view.safety.flags.every((f) => f.people === FEWER_THAN && f.per1000 === FEWER_THAN)).toBe(true);
  });
});
