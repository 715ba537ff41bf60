import { describe, expect, it } from 'vitest';
import {
  dueSlots,
  firstDay,
  heldKey,
  instantOf,
  isStale,
  nextDueOf,
  nextSlotAfter,
  planDue,
  plusDays,
  programDay,
  programSlots,
  progressOf,
  reschedule,
  type ScheduleFor,
  type Slot,
} from '../../functions/program/schedule';
import { testCatalog } from '../support/fake-deps';

// Survivors of `npx stryker run --mutate functions/program/schedule.ts`: the edges of when a text goes out.
const LONDON: ScheduleFor = {
  track: 'hurt',
  timezone: 'Europe/London',
  checkinDay: 'sunday',
  checkinTime: '19:00',
  day0: '2026-03-02', // a Monday
};
const hours = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000).toISOString();
const slots = programSlots(testCatalog.steps, LONDON);
const slotOf = (id: string) => {
  const slot = slots.find((s) => s.slot === id);
  if (!slot) throw new Error(`no slot ${id}`);
  return slot;
};

describe('which slots are due', () => {
  it('takes slots due exactly at the start and exactly now, and none outside', () => {
    const [welcome, d1, micro] = slots as [Slot, Slot, Slot];
    expect(dueSlots(slots, welcome.dueAt, d1.dueAt).map((s) => s.slot)).toEqual(['welcome', 'hurt-d1']);
    expect(dueSlots(slots, d1.dueAt, micro.dueAt).map((s) => s.slot)).toEqual(['hurt-d1', 'micro-d3']);
    expect(dueSlots(slots, hours(welcome.dueAt, 1), hours(d1.dueAt, -1))).toEqual([]);
  });

  it('finds the next slot strictly after now', () => {
    const [welcome, d1] = slots as [Slot, Slot];
    expect(nextSlotAfter(slots, welcome.dueAt)?.slot).toBe('hurt-d1');
    expect(nextSlotAfter(slots, hours(welcome.dueAt, -1))?.slot).toBe('welcome');
    expect(nextSlotAfter(slots, d1.dueAt)?.slot).toBe('micro-d3');
    expect(nextSlotAfter(slots, '2027-01-01T00:00:00.000Z')).toBeUndefined();
  });

  it('calls only check-ins and checkpoints stale, and only past 12 hours', () => {
    const lesson = slotOf('hurt-d1');
    const checkpoint = slotOf('both-willing');
    expect(isStale(lesson, hours(lesson.dueAt, 100))).toBe(false);
    expect(isStale(checkpoint, hours(checkpoint.dueAt, 12))).toBe(false);
    expect(isStale(checkpoint, hours(checkpoint.dueAt, 12.5))).toBe(true);
  });
});

describe('planning the report and late lessons', () => {
  const report = slotOf('report');

  it('holds the day-90 report while the last answers may still come, then sends it, however late', () => {
    const waits = hours(report.dueAt, 2);
    expect(planDue([report], slots, report.dueAt, undefined, waits)[0]?.plan).toEqual({
      action: 'hold',
      until: waits,
    });
    expect(planDue([report], slots, hours(report.dueAt, 3), undefined, waits)[0]?.plan).toEqual({
      action: 'send',
    });
    expect(planDue([report], slots, hours(report.dueAt, 48))[0]?.plan).toEqual({ action: 'send' });
  });

  it('asks a check-in once a pause has ended, and skips it while the pause lasts', () => {
    const checkin = slots.find((s) => s.week === 1) as Slot;
    const now = hours(checkin.dueAt, 1);
    expect(planDue([checkin], slots, now, checkin.dueAt)[0]?.plan).toEqual({ action: 'send' });
    expect(planDue([checkin], slots, now, hours(now, 1))[0]?.plan).toEqual({ action: 'skip' });
  });

  it('skips a checkpoint question more than 12 hours late, and one due while paused, as it does a check-in', () => {
    const checkpoint = slotOf('both-willing');
    expect(planDue([checkpoint], slots, hours(checkpoint.dueAt, 13))[0]?.plan).toEqual({ action: 'skip' });
    const now = hours(checkpoint.dueAt, 1);
    expect(planDue([checkpoint], slots, now, hours(now, 24))[0]?.plan).toEqual({ action: 'skip' });
  });

  it('asks a check-in due at the very instant a pause ends', () => {
    const checkin = slots.find((s) => s.week === 1) as Slot;
    expect(planDue([checkin], slots, checkin.dueAt, checkin.dueAt)[0]?.plan).toEqual({ action: 'send' });
  });

  it('sends the report the moment the last answers’ window closes, and holds nothing else for it', () => {
    const waits = hours(report.dueAt, 2);
    expect(planDue([report], slots, waits, undefined, waits)[0]?.plan).toEqual({ action: 'send' });
    const lesson = slotOf('hurt-d1');
    expect(planDue([lesson], slots, hours(lesson.dueAt, 1), undefined, waits)[0]?.plan).toEqual({
      action: 'send',
    });
  });

  it('holds a lesson more than a day late for the next slot still to come, not the one going out now', () => {
    const lesson = slotOf('hurt-d1');
    const now = slotOf('micro-d3').dueAt;
    const next = nextSlotAfter(slots, now) as Slot;
    expect(planDue([lesson], slots, now)[0]?.plan).toEqual({ action: 'hold', until: next.dueAt });
  });

  it('sends a lesson exactly a day late, and rides the last slot when more lessons are late than slots remain', () => {
    const lesson = slotOf('hurt-d1');
    expect(planDue([lesson], slots, hours(lesson.dueAt, 24))[0]?.plan).toEqual({ action: 'send' });
    const last = slots.at(-1) as Slot;
    const now = hours(last.dueAt, -1);
    const plans = planDue([slotOf('welcome'), lesson], slots, now);
    expect(plans.map((p) => p.plan)).toEqual([
      { action: 'hold', until: last.dueAt },
      { action: 'hold', until: last.dueAt },
    ]);
    expect(planDue([lesson], slots, hours(last.dueAt, 1))[0]?.plan).toEqual({ action: 'send' });
  });
});

describe('held messages and progress', () => {
  it('names a held message by day, slot and channel', () => {
    expect(heldKey({ day: 3, slot: 'micro-d3', channel: 'sms' })).toBe('3#micro-d3#sms');
  });

  it('is due at the next slot when held messages wait longer, and at nothing when all is done', () => {
    const now = slotOf('welcome').dueAt;
    const later = [{ day: 3, slot: 'micro-d3', channel: 'sms' as const, until: '2026-12-01T00:00:00.000Z' }];
    expect(nextDueOf(slots, now, later)).toBe(slotOf('hurt-d1').dueAt);
    expect(nextDueOf(slots, '2027-01-01T00:00:00.000Z')).toBeUndefined();
  });

  it('counts every slot as handled when nothing is due any more', () => {
    expect(progressOf(slots, undefined)).toEqual({ fixedThrough: '090 20:30', checkinWeek: 13 });
    expect(progressOf(slots, slotOf('micro-d3').dueAt)).toEqual({
      fixedThrough: '001 08:00',
      checkinWeek: 0,
    });
  });

  it('never moves progress backwards', () => {
    const before = { fixedThrough: '050 08:00', checkinWeek: 9 };
    expect(progressOf(slots, slotOf('micro-d3').dueAt, before)).toEqual(before);
  });
});

describe('changing the schedule', () => {
  const before = { ...LONDON, nextDueAt: slotOf('micro-d3').dueAt };

  it('is due at a held message when it comes before the next slot', () => {
    const until = hours(slotOf('micro-d3').dueAt, -2);
    const held = [{ day: 3, slot: 'micro-d3', channel: 'sms' as const, until }];
    const moved = reschedule(testCatalog.steps, before, { ...LONDON, timezone: 'Europe/Madrid', held });
    expect(moved.nextDueAt).toBe(until);
  });

  it('is due at nothing once every slot is handled, and then only at a held message', () => {
    const done = { ...LONDON, nextDueAt: undefined };
    expect(reschedule(testCatalog.steps, done, { ...LONDON, timezone: 'Europe/Madrid' })).toEqual({
      progress: { fixedThrough: '090 20:30', checkinWeek: 13 },
      nextDueAt: undefined,
    });
    const until = '2026-06-01T07:00:00.000Z';
    const held = [{ day: 90, slot: 'report', channel: 'email' as const, until }];
    expect(reschedule(testCatalog.steps, done, { ...LONDON, held }).nextDueAt).toBe(until);
  });
});

describe('the program slots of one person', () => {
  it('has no slots before day 0 is set', () => {
    expect(programSlots(testCatalog.steps, { ...LONDON, day0: undefined })).toEqual([]);
  });

  it('leaves out the mid-week nudges for check-ins only, and those before they were turned back on', () => {
    const ids = (who: ScheduleFor) => programSlots(testCatalog.steps, who).map((s) => s.slot);
    expect(ids({ ...LONDON, nudges: false })).not.toContain('micro-d3');
    expect(ids({ ...LONDON, nudges: false })).toEqual(ids(LONDON).filter((id) => id !== 'micro-d3'));
    expect(ids(LONDON)).toContain('micro-d3');
    const micro = slotOf('micro-d3').dueAt;
    expect(ids({ ...LONDON, nudgesFrom: micro })).toContain('micro-d3');
    expect(ids({ ...LONDON, nudgesFrom: hours(micro, 1) })).not.toContain('micro-d3');
    expect(ids({ ...LONDON, nudgesFrom: hours(micro, 1) })).toContain('hurt-d1');
  });

  it('leaves out the report once it has been handled, and keeps the other track out', () => {
    const done = programSlots(testCatalog.steps, {
      ...LONDON,
      progress: { fixedThrough: '090 20:30', checkinWeek: 13 },
    });
    expect(done).toEqual([]);
    const repairing = programSlots(testCatalog.steps, { ...LONDON, track: 'repairing' }).map((s) => s.slot);
    expect(repairing).toContain('repairing-d1');
    expect(repairing).not.toContain('hurt-d1');
  });

  it('gives fixed steps their position and check-ins their week', () => {
    expect(slotOf('micro-d3')).toMatchObject({ position: '003 12:30', day: 3, kind: 'micro-action' });
    expect(slots.find((s) => s.week === 2)).toMatchObject({ slot: 'hurt-safety', day: 13, kind: 'check-in' });
    expect(slotOf('report')).toMatchObject({ position: '090 20:30', kind: 'report' });
  });
});

describe('days and mornings', () => {
  it('starts tomorrow when the person confirms at 08:00 sharp', () => {
    expect(firstDay(new Date('2026-03-02T08:00:00Z'), 'Europe/London')).toBe('2026-03-03');
    expect(firstDay(new Date('2026-03-02T07:59:30Z'), 'Europe/London')).toBe('2026-03-02');
  });

  it('gives the same instant again, and a different one in another zone', () => {
    const once = instantOf('2026-03-02', 5, '19:00', 'Europe/London');
    expect(instantOf('2026-03-02', 5, '19:00', 'Europe/London')).toBe(once);
    expect(instantOf('2026-03-02', 5, '19:00', 'Europe/Madrid')).toBe('2026-03-07T18:00:00.000Z');
  });

  it('adds and takes away calendar days', () => {
    expect(plusDays('2026-03-31', 1)).toBe('2026-04-01');
    expect(plusDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts the program day in the person’s zone, 0 before day 0 and none before confirmation', () => {
    const who = { day0: '2026-03-02', timezone: 'America/New_York' };
    expect(programDay({ timezone: 'America/New_York' }, new Date('2026-03-05T12:00:00Z'))).toBeNull();
    expect(programDay(who, new Date('2026-03-01T20:00:00Z'))).toBe(0);
    expect(programDay(who, new Date('2026-03-03T04:00:00Z'))).toBe(0); // 23:00 on day 0 in New York
    expect(programDay(who, new Date('2026-03-03T06:00:00Z'))).toBe(1);
    expect(programDay(who, new Date('2026-03-10T12:00:00Z'))).toBe(8); // across the spring DST change
    const auckland = { day0: '2026-03-02', timezone: 'Pacific/Auckland' }; // 13 hours ahead of UTC
    expect(programDay(auckland, new Date('2026-03-02T11:30:00Z'))).toBe(1); // 00:30 on 3 March there
  });
});
