import { describe, expect, it } from 'vitest';
import { outcomesCsv, outcomesText } from '../../cli/commands/outcomes';
import { renderOutcomesPage } from '../../functions/pages/outcomes';
import type { PlacedAnswer } from '../../functions/program/open-questions';
import {
  buildOutcomes,
  type CounterRow,
  FEWER_THAN,
  isoWeekOf,
  monthOfIsoWeek,
  quartiles,
  suppress,
  suppressParts,
  suppressRate,
} from '../../functions/program/outcomes';
import { confirm } from '../../functions/use-cases/enrollment/confirm';
import { enroll } from '../../functions/use-cases/enrollment/enroll';
import { programOutcomes } from '../../functions/use-cases/operator/outcomes';
import { replyBySms } from '../../functions/use-cases/replies/reply-by-sms';
import { dispatch } from '../../functions/use-cases/sending/dispatch';
import {
  countAnswers,
  countAsked,
  countConfirmed,
  countEnrolled,
  countStopped,
  countTextsOn,
} from '../../functions/use-cases/services/outcomes';
import { type FakeWorld, fakeWorld } from '../support/fake-deps';
import { enrollmentRecord } from '../support/records';

const weekly = (day: number, score: number): PlacedAnswer => ({
  question: {
    stepId: 'hurt-checkin-honesty',
    day,
    metric: 'honesty-safety',
    scale: '1-5',
    kind: 'check-in',
    channel: 'sms',
    askedAt: '2026-03-08T19:00:00.000Z',
    closesAt: '2026-03-15T19:00:00.000Z',
  },
  answer: { score, scale: '1-5' },
});

/** `people` enrolled with a number, confirmed, said YES, were texted week 1 and answered it with `score(i)`. */
async function cohort(people: number, score: (i: number) => number = () => 4) {
  const world = fakeWorld();
  for (let i = 0; i < people; i++) {
    const who = enrollmentRecord(`p${i}`, {
      phone: `+1415555${String(i).padStart(4, '0')}`,
      day0: '2026-03-02',
      createdAt: '2026-03-02T10:00:00.000Z',
    });
    await countEnrolled(world.deps, who);
    await countConfirmed(world.deps, who);
    await countTextsOn(world.deps, who);
    await countAsked(world.deps, who, 6, 'sms');
    await countAnswers(world.deps, who, [weekly(6, score(i))], 'text');
  }
  return world;
}

describe('suppression', () => {
  it('shows a count of fewer than ten people as "fewer than 10", and ten or more as it is', () => {
    expect(suppress(9, 100)).toBe(FEWER_THAN);
    expect(suppress(1, 100)).toBe(FEWER_THAN);
    expect(suppress(10, 100)).toBe(10);
    expect(suppress(0, 100)).toBe(0);
  });

  it('shows nothing of a group of fewer than ten people, zeros included', () => {
    expect(suppress(0, 9)).toBe(FEWER_THAN);
    expect(suppress(9, 9)).toBe(FEWER_THAN);
  });

  it('withholds a rate whose answered or unanswered part counts fewer than ten people', () => {
    expect(suppressRate(15, 30)).toBe(0.5);
    expect(suppressRate(5, 20)).toBe(FEWER_THAN);
    expect(suppressRate(15, 18)).toBe(FEWER_THAN);
    expect(suppressRate(20, 20)).toBe(1);
    expect(suppressRate(0, 0)).toBeNull();
  });
});

describe('suppressing the parts of a shown total', () => {
  it('withholds the smallest other part with a lone withheld one, so no part is the total less the rest', () => {
    expect(suppressParts([40, 25, 3], 68)).toEqual([40, FEWER_THAN, FEWER_THAN]);
    expect(suppressParts([40, 3, 2], 45)).toEqual([40, FEWER_THAN, FEWER_THAN]);
    expect(suppressParts([40, 25, 0], 65)).toEqual([40, 25, 0]);
  });
});

describe('median and quartiles from a histogram', () => {
  it('are the nearest-rank values of the people behind the counts', () => {
    // 1,2,2,3,3,3,4,4,4,4,5,5: q1 = 3rd (2), median = 6th (3), q3 = 9th (4).
    expect(quartiles({ 1: 1, 2: 2, 3: 3, 4: 4, 5: 2 })).toEqual({ q1: 2, median: 3, q3: 4 });
    expect(quartiles({ 5: 10 })).toEqual({ q1: 5, median: 5, q3: 5 });
    expect(quartiles({})).toBeNull();
  });
});

describe('cohorts', () => {
  it('are the ISO week people enrolled in, and a month takes the weeks whose Thursday falls in it', () => {
    expect(isoWeekOf('2026-03-02T15:00:00Z')).toBe('2026-W10');
    expect(isoWeekOf('2027-01-01T00:00:00Z')).toBe('2026-W53');
    expect(isoWeekOf('2027-01-04T00:00:00Z')).toBe('2027-W01');
    expect(monthOfIsoWeek('2027-W01')).toBe('2027-01');
    expect(monthOfIsoWeek('2026-W53')).toBe('2026-12');
  });
});

describe('counting outcomes as they happen', () => {
  it('counts a milestone once per enrollment however often the event comes again', async () => {
    const world = await cohort(12);
    const who = enrollmentRecord('p0', {
      phone: '+14155550000',
      day0: '2026-03-02',
      createdAt: '2026-03-02T10:00:00.000Z',
    });
    await countConfirmed(world.deps, who);
    await countAnswers(world.deps, who, [weekly(6, 4)], 'text');
    const view = await programOutcomes(world.deps);
    const step = (name: string) => view.funnel.find((s) => s.step === name)?.people;
    expect(step('enrolled')).toBe(12);
    expect(step('confirmed')).toBe(12);
    expect(step('texts-on')).toBe(12);
    expect(step('week-1')).toBe(12);
    expect(view.response[0]).toMatchObject({
      askedByText: 12,
      answered: { text: 12, click: 0, reply: 0 },
      rate: 1,
    });
  });

  it('moves a corrected answer from its old score to the new one, counting the person once', async () => {
    const world = await cohort(12, () => 3);
    const who = enrollmentRecord('p0', { phone: '+14155550000', createdAt: '2026-03-02T10:00:00.000Z' });
    await countAnswers(world.deps, who, [weekly(6, 5)], 'text');
    const honesty = (await programOutcomes(world.deps)).metrics.find((m) => m.metric === 'honesty-safety');
    const week1 = honesty?.weeks[0];
    expect(week1?.people).toBe(12);
    expect(week1?.histogram.find((h) => h.score === 3)?.people).toBe(11);
    expect(week1?.histogram.find((h) => h.score === 5)?.people).toBe(FEWER_THAN);
    expect(week1?.quartiles).toEqual({ q1: 3, median: 3, q3: 3 });
  });

  it('finds the week most people stopped after', async () => {
    const world = await cohort(30);
    for (let i = 0; i < 12; i++) {
      world.clock.set('2026-03-20T12:00:00.000Z');
      await countStopped(
        world.deps,
        enrollmentRecord(`p${i}`, { phone: '+1', day0: '2026-03-02', createdAt: '2026-03-02T10:00:00.000Z' }),
        'opted-out',
      );
    }
    const view = await programOutcomes(world.deps);
    expect(view.mostStoppedAfter).toEqual({ reason: 'opted-out', week: 3, people: 12 });
  });

  it('refuses a cohort filter that is neither a month nor an ISO week', async () => {
    await expect(programOutcomes(fakeWorld().deps, { cohort: '2027' })).rejects.toThrow(/cohort/);
  });
});

describe('a cohort of 9', () => {
  it('shows no counts in any output: text, JSON, CSV or page', async () => {
    const world = await cohort(9, (i) => 1 + (i % 5));
    const view = await programOutcomes(world.deps, { cohort: '2026-W10' });
    for (const step of view.funnel) {
      expect(step.people).toBe(FEWER_THAN);
      expect(Object.values(step.byTrack)).toEqual([FEWER_THAN, FEWER_THAN]);
    }
    for (const week of view.response) expect(week.askedByText).toBe(FEWER_THAN);
    for (const m of view.metrics) for (const d of m.weeks) expect(d.people).toBe(FEWER_THAN);
    // Every figure a table or a row carries is withheld; only week numbers and labels remain.
    const csv = outcomesCsv(view).split('\n').slice(1);
    for (const row of csv) expect(row.split(',').at(-1)).toMatch(/^(fewer than 10)?$/);
    const cells = [...renderOutcomesPage(view).matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(cells.length).toBeGreaterThan(50);
    for (const cell of cells)
      expect(cell).toMatch(/^(fewer than 10|—|(\d: fewer than 10, )*\d: fewer than 10)$/);
    const text = outcomesText(view);
    for (const line of text
      .split('\n')
      .filter((l) => /^(Enrolled|Confirmed|Texts on|Answered|Opened)/.test(l)))
      expect(line.replace(/week \d+/, '').replaceAll('fewer than 10', '')).not.toMatch(/\d/);
    for (const output of [text, JSON.stringify(view), outcomesCsv(view), renderOutcomesPage(view)])
      expect(output).not.toMatch(/@example\.com|\+1415|"p0"|\bp0\b/);
  });

  it('is shown when it reaches ten', async () => {
    const view = await programOutcomes((await cohort(10)).deps, { cohort: '2026-03' });
    expect(view.funnel[0]?.people).toBe(10);
    expect(view.cohorts).toEqual([{ cohort: '2026-W10', enrolled: 10, confirmed: 10, answeredWeek12: 0 }]);
  });
});

describe('the view', () => {
  it('splits the funnel by track and reach, suppressing each part on its own', () => {
    const rows: CounterRow[] = [
      {
        cohort: '2026-W10',
        track: 'hurt',
        reach: 'texts',
        part: 'funnel',
        counts: { enrolled: 30, confirmed: 25 },
      },
      {
        cohort: '2026-W10',
        track: 'repairing',
        reach: 'email',
        part: 'funnel',
        counts: { enrolled: 5, confirmed: 5 },
      },
    ];
    const view = buildOutcomes(rows);
    // The repairing track has 5 people: its figure is withheld, and so is hurt's, which with the total would give it away.
    expect(view.funnel[1]).toMatchObject({
      people: 30,
      byTrack: { hurt: FEWER_THAN, repairing: FEWER_THAN },
      byReach: { texts: FEWER_THAN, email: FEWER_THAN },
    });
  });
});

describe('the program counts its own milestones', () => {
  const PHONE = '+14155550100';
  let sids = 0;
  const tokenFrom = (url: string) => new URL(url).searchParams.get('token') ?? '';
  const sms = (world: FakeWorld, body: string) =>
    replyBySms(world.deps, { from: PHONE, body, messageSid: `SMin${++sids}` });
  /** Enrolls with a phone, confirms through the email's link and says YES. */
  async function beginTexting(world: FakeWorld, email: string): Promise<void> {
    await enroll(world.deps, {
      email,
      timezone: 'America/New_York',
      role: 'hurt',
      phone: PHONE,
      smsConsent: true,
    });
    const link = world.emails.at(-1)?.text.match(/https:\/\/kintsugi\.test\/confirm\?\S+/)?.[0] ?? '';
    await confirm(world.deps, tokenFrom(link));
    await sms(world, 'YES');
  }
  /** Every dispatch due until 12 March, in order: week 1 and its check-in. */
  async function dispatchThroughWeek1(world: FakeWorld): Promise<void> {
    const end = '2026-03-12T00:00:00.000Z';
    for (;;) {
      const next = await world.store.earliestDue();
      if (!next || next > end) break;
      world.clock.set(next);
      await dispatch(world.deps);
    }
  }
  const countsOf = async (world: FakeWorld): Promise<Record<string, number>> =>
    Object.assign({}, ...(await world.store.readOutcomeCounters()).map((r) => r.counts));

  it('as a person enrolls, confirms, says YES, is asked a check-in, answers it, answers again and says STOP', async () => {
    const world = fakeWorld();
    await beginTexting(world, 'ana@example.com');
    await dispatchThroughWeek1(world);
    await sms(world, '4');
    await sms(world, 'sorry meant 5');
    await sms(world, 'STOP');
    const counts = await countsOf(world);
    expect(counts).toMatchObject({
      enrolled: 1,
      confirmed: 1,
      'texts-on': 1,
      'asked-w01-sms': 1,
      'answered-w01': 1,
      'answered-w01-text': 1,
      'w01-s4': 0,
      'w01-s5': 1,
    });
    expect(Object.keys(counts).some((k) => k.startsWith('stop-opted-out-w'))).toBe(true);
  });

  it('stores and counts nothing of an answer whose write fails, and once when Twilio retries it, however often', async () => {
    const world = fakeWorld();
    await beginTexting(world, 'cai@example.com');
    await dispatchThroughWeek1(world);
    const [id] = [...world.store.enrollments.keys()];
    const text = { from: PHONE, body: '4', messageSid: 'SMretried' };
    const save = world.store.saveAnswer.bind(world.store);
    world.store.saveAnswer = async () => {
      throw new Error('throttled');
    };
    await expect(replyBySms(world.deps, text)).rejects.toThrow('throttled');
    world.store.saveAnswer = save;
    expect(await world.store.listReplies(id as string)).toEqual([]);
    expect((await countsOf(world))['answered-w01']).toBeUndefined();
    expect(await replyBySms(world.deps, text)).toContain('4');
    expect(await replyBySms(world.deps, text)).toBeUndefined();
    expect((await world.store.listReplies(id as string)).map((r) => r.score)).toEqual([4]);
    expect(await countsOf(world)).toMatchObject({ 'answered-w01': 1, 'answered-w01-text': 1, 'w01-s4': 1 });
  });

  it('as the carrier reports a number opted out (21610): texts stopped, counted once, then STOP changes nothing', async () => {
    const world = fakeWorld();
    await beginTexting(world, 'bea@example.com');
    const opted = { reason: 'opted-out', providerCode: '21610' } as const;
    // Every text refused: the number opted out at the carrier (STOP sent to the carrier, not to us).
    for (let i = 0; i < 5; i++)
      world.smsOutcomes.push({ kind: 'refused', failure: opted, detail: 'opted out' });
    await dispatchThroughWeek1(world);
    const stops = async () => Object.entries(await countsOf(world)).filter(([k]) => k.startsWith('stop-'));
    expect(await stops()).toEqual([[expect.stringMatching(/^stop-opted-out-w0[12]$/), 1]]);
    await sms(world, 'STOP');
    expect(await stops()).toEqual([[expect.stringMatching(/^stop-opted-out-w0[12]$/), 1]]);
  });
});
