import { DateTime } from 'luxon';
import type { Enrollment, HeldMessage, ScheduleProgress } from './enrollment';
import { PROGRAM_DAYS, type Step, type StepKind, type Track, WEEKDAYS } from './types';

/** The local hour at which day 0 begins: the participant's next local morning. */
export const MORNING = '08:00';
/** The report goes out on day 90 at this local time, after the last checkpoint question. */
export const REPORT_AT = '20:30';
/** Check-ins later than this are not sent late: they are skipped and counted as skipped. */
export const CHECKIN_GRACE_HOURS = 12;
/** Lessons later than this (after an outage) wait for the next slot, one per slot, instead of a burst. */
export const LESSON_GRACE_HOURS = 24;
/** Scheduled texts never leave between these local times. */
export const QUIET_FROM = '21:00';
export const QUIET_UNTIL = MORNING;

/** One due moment in a participant's program. */
export interface Slot {
  /** The step id, or `report`. */
  slot: string;
  day: number;
  dueAt: string;
  kind: StepKind | 'report';
  step?: Step;
  /** Weekly check-ins: the program week (1–13) the check-in looks back on. */
  week?: number;
  /** Fixed steps: the program-local position "DDD HH:MM", the same in every time zone and after a pause. */
  position?: string;
}

export type ScheduleFor = Pick<Enrollment, 'track' | 'timezone' | 'checkinDay' | 'checkinTime' | 'day0'> &
  Partial<Pick<Enrollment, 'progress' | 'nudges' | 'nudgesFrom'>>;

const positionOf = (day: number, at: string) => `${String(day).padStart(3, '0')} ${at}`;

const hhmm = (at: string) => {
  const [hour, minute] = at.split(':').map(Number);
  return { hour: hour ?? 0, minute: minute ?? 0 };
};

/** The local date of day 0: today if it is not yet morning where the participant is, else tomorrow. */
export function firstDay(now: Date, timezone: string): string {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  const { hour, minute } = hhmm(MORNING);
  const morning = local.set({ hour, minute, second: 0, millisecond: 0 });
  return (local < morning ? local : local.plus({ days: 1 })).toISODate() as string;
}

/**
 * Instants already computed, by zone, day 0, day and time: every enrollment that started on the same day
 * in the same zone shares them. Each costs a few time-zone offset lookups (Intl), the bulk of a dispatch
 * tick's CPU without this. Bounded; emptied when full.
 */
const instants = new Map<string, string>();
const INSTANTS_KEPT = 50_000;

/** The UTC instant of a local day-and-time of the program, DST-correct. */
export function instantOf(day0: string, day: number, at: string, timezone: string): string {
  const key = `${timezone}|${day0}|${day}|${at}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    instant = DateTime.fromISO(day0, { zone: timezone })
      .plus({ days: day })
      .set({ ...hhmm(at), second: 0, millisecond: 0 })
      .toUTC()
      .toISO() as string;
    if (instants.size >= INSTANTS_KEPT) instants.clear();
    instants.set(key, instant);
  }
  return instant;
}

/**
 * The program day of week `week`'s check-in: the participant's chosen weekday among days
 * 7(week−1)+1 … 7·week. Day 0 never carries one (there is no week behind it to look back on), so a
 * week-13 check-in can fall on day 91, after the checkpoint, and is then left out.
 */
export function checkinDayOfWeek(day0: string, week: number, checkinDay: Enrollment['checkinDay']): number {
  const start = DateTime.fromISO(day0);
  const wanted = WEEKDAYS.indexOf(checkinDay) + 1; // luxon: Monday = 1
  const offset = ((wanted - start.weekday + 6) % 7) + 1; // 1–7 days after the week's first day
  return (week - 1) * 7 + offset;
}

const forTrack = (step: Step, track: Track) => step.track === 'both' || step.track === track;

/**
 * Whether a fixed step due at `dueAt` belongs in this person's schedule: the mid-week nudges (`micro-action`
 * texts) are left out for those who chose check-ins only, and those due before they were turned back on.
 */
const wanted = (step: Step, dueAt: string, who: ScheduleFor) =>
  step.kind !== 'micro-action' || (who.nudges !== false && (!who.nudgesFrom || dueAt >= who.nudgesFrom));

const NOTHING_DONE: ScheduleProgress = { fixedThrough: '', checkinWeek: 0 };

/**
 * Every slot of a participant's program still to come in time order, the day-90 report last. Slots
 * already handled before the schedule last changed (`who.progress`) are left out.
 */
export function programSlots(steps: readonly Step[], who: ScheduleFor): Slot[] {
  const day0 = who.day0;
  if (!day0) return [];
  const done = who.progress ?? NOTHING_DONE;
  const slots: Slot[] = [];
  for (const step of steps) {
    if (!forTrack(step, who.track)) continue;
    if (step.weeks) {
      for (const week of step.weeks) {
        if (week <= done.checkinWeek) continue;
        const day = checkinDayOfWeek(day0, week, who.checkinDay);
        if (day > PROGRAM_DAYS) continue;
        const dueAt = instantOf(day0, day, who.checkinTime, who.timezone);
        slots.push({ slot: step.id, day, dueAt, kind: step.kind, step, week });
      }
    } else if (step.day !== undefined && step.at) {
      const position = positionOf(step.day, step.at);
      if (position <= done.fixedThrough) continue;
      const dueAt = instantOf(day0, step.day, step.at, who.timezone);
      if (!wanted(step, dueAt, who)) continue;
      slots.push({ slot: step.id, day: step.day, dueAt, kind: step.kind, step, position });
    }
  }
  const report = positionOf(PROGRAM_DAYS, REPORT_AT);
  if (report > done.fixedThrough) {
    slots.push({
      slot: 'report',
      day: PROGRAM_DAYS,
      dueAt: instantOf(day0, PROGRAM_DAYS, REPORT_AT, who.timezone),
      kind: 'report',
      position: report,
    });
  }
  return slots.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.slot.localeCompare(b.slot));
}

/** The slots due at `now` that have not been handled: due at or after `from`, at or before `now`. */
export function dueSlots(slots: readonly Slot[], from: string, now: string): Slot[] {
  return slots.filter((s) => s.dueAt >= from && s.dueAt <= now);
}

/** The next slot strictly after `now`, if any. */
export function nextSlotAfter(slots: readonly Slot[], now: string): Slot | undefined {
  return slots.find((s) => s.dueAt > now);
}

/** Whether a check-in slot is too late to ask (the person would be answering a stale week). */
export function isStale(slot: Slot, now: string): boolean {
  if (slot.kind !== 'check-in' && slot.kind !== 'checkpoint') return false;
  return DateTime.fromISO(now).diff(DateTime.fromISO(slot.dueAt), 'hours').hours > CHECKIN_GRACE_HOURS;
}

const isCheckin = (slot: Slot) => slot.kind === 'check-in' || slot.kind === 'checkpoint';

/** What dispatch does with a due slot: send it now, skip it, or hold the claim until a later instant. */
export type SlotPlan = { action: 'send' } | { action: 'skip' } | { action: 'hold'; until: string };

/**
 * Decides each due slot. A check-in more than 12 hours late, or due while the program is paused, is
 * skipped. A lesson more than a day late goes out with the next slot of the program, one late lesson per
 * slot, so an outage never ends in a burst. While paused, anything else waits for the pause to end.
 * The report waits until `reportWaitsUntil` (the final checkpoint's answers, or their windows closing).
 */
export function planDue(
  due: readonly Slot[],
  slots: readonly Slot[],
  now: string,
  pausedUntil?: string,
  reportWaitsUntil?: string,
): { slot: Slot; plan: SlotPlan }[] {
  const paused = pausedUntil !== undefined && now < pausedUntil;
  const upcoming = slots.filter((s) => s.dueAt > now);
  let catchUps = 0;
  return due.map((slot) => {
    if (isCheckin(slot))
      return { slot, plan: paused || isStale(slot, now) ? { action: 'skip' } : { action: 'send' } };
    if (paused) return { slot, plan: { action: 'hold', until: pausedUntil as string } };
    if (slot.kind === 'report' && reportWaitsUntil && reportWaitsUntil > now)
      return { slot, plan: { action: 'hold', until: reportWaitsUntil } };
    const late = DateTime.fromISO(now).diff(DateTime.fromISO(slot.dueAt), 'hours').hours;
    if (slot.kind !== 'report' && late > LESSON_GRACE_HOURS) {
      const ride = upcoming[catchUps++] ?? upcoming.at(-1);
      if (ride) return { slot, plan: { action: 'hold', until: ride.dueAt } };
    }
    return { slot, plan: { action: 'send' } };
  });
}

/** The identity of a held message. */
export const heldKey = (m: Pick<HeldMessage, 'day' | 'slot' | 'channel'>) =>
  `${m.day}#${m.slot}#${m.channel}`;

/** The enrollment's next due instant: its next slot, or an earlier held message. */
export function nextDueOf(
  slots: readonly Slot[],
  now: string,
  held: readonly HeldMessage[] = [],
): string | undefined {
  const next = nextSlotAfter(slots, now)?.dueAt;
  return [...(next ? [next] : []), ...held.map((h) => h.until)].sort()[0];
}

/** When a text may leave: undefined if `now` is outside quiet hours, else the next local 08:00. */
export function quietHoursEnd(now: Date, timezone: string): string | undefined {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  const time = local.toFormat('HH:mm');
  if (time >= QUIET_UNTIL && time < QUIET_FROM) return undefined;
  const morning = local.set({ ...hhmm(QUIET_UNTIL), second: 0, millisecond: 0 });
  return (time < QUIET_UNTIL ? morning : morning.plus({ days: 1 })).toUTC().toISO() as string;
}

/** What has been handled of a schedule whose next unhandled slot is due at `nextDueAt`. */
export function progressOf(
  slots: readonly Slot[],
  nextDueAt: string | undefined,
  before: ScheduleProgress = NOTHING_DONE,
): ScheduleProgress {
  const progress = { ...before };
  for (const slot of slots) {
    if (nextDueAt !== undefined && slot.dueAt >= nextDueAt) continue;
    if (slot.week !== undefined) progress.checkinWeek = Math.max(progress.checkinWeek, slot.week);
    else if (slot.position && slot.position > progress.fixedThrough) progress.fixedThrough = slot.position;
  }
  return progress;
}

/**
 * The schedule after a change of time zone, check-in day or time, or day 0 (a pause): what was handled
 * stays handled, the rest is computed anew. `nextDueAt` may lie in the past (a move east): dispatch then
 * handles it on its next tick, under the usual lateness rules.
 */
export function reschedule(
  steps: readonly Step[],
  before: ScheduleFor & Pick<Enrollment, 'nextDueAt'>,
  after: ScheduleFor & Pick<Enrollment, 'held'>,
): { progress: ScheduleProgress; nextDueAt: string | undefined } {
  const progress = progressOf(programSlots(steps, before), before.nextDueAt, before.progress);
  const slots = programSlots(steps, { ...after, progress });
  const first = slots[0]?.dueAt;
  const nextDueAt = [...(first ? [first] : []), ...(after.held ?? []).map((h) => h.until)].sort()[0];
  return { progress, nextDueAt };
}

/** A local calendar date `days` later (or earlier, when negative). */
export const plusDays = (date: string, days: number): string =>
  DateTime.fromISO(date).plus({ days }).toISODate() as string;

/** The program day of `now` in the participant's zone (day 0 = the local date `day0`), or null before confirmation. */
export function programDay(enrollment: Pick<Enrollment, 'day0' | 'timezone'>, now: Date): number | null {
  if (!enrollment.day0) return null;
  const today = DateTime.fromJSDate(now, { zone: enrollment.timezone }).startOf('day');
  const day0 = DateTime.fromISO(enrollment.day0, { zone: enrollment.timezone }).startOf('day');
  // Confirmed after the morning's start: day 0 is tomorrow, and today counts as day 0 too.
  return Math.max(0, Math.round(today.diff(day0, 'days').days));
}
