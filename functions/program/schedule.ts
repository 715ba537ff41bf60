import { DateTime } from 'luxon';
import type { Enrollment } from './enrollment';
import { PROGRAM_DAYS, type Step, type StepKind, type Track, WEEKDAYS } from './types';

/** The local hour at which day 0 begins: the participant's next local morning. */
export const MORNING = '08:00';
/** The report goes out on day 90 at this local time, after the last checkpoint question. */
export const REPORT_AT = '20:30';
/** Check-ins later than this are not sent late: they are skipped and counted as skipped. */
export const CHECKIN_GRACE_HOURS = 12;

/** One due moment in a participant's program. */
export interface Slot {
  /** The step id, or `report`. */
  slot: string;
  day: number;
  dueAt: string;
  kind: StepKind | 'report';
  step?: Step;
}

type ScheduleFor = Pick<Enrollment, 'track' | 'timezone' | 'checkinDay' | 'checkinTime' | 'day0'>;

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

/** The UTC instant of a local day-and-time of the program, DST-correct. */
export function instantOf(day0: string, day: number, at: string, timezone: string): string {
  const date = DateTime.fromISO(day0, { zone: timezone }).plus({ days: day });
  return date
    .set({ ...hhmm(at), second: 0, millisecond: 0 })
    .toUTC()
    .toISO() as string;
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

/** Every slot of a participant's program in time order, the day-90 report last. */
export function programSlots(steps: readonly Step[], who: ScheduleFor): Slot[] {
  const day0 = who.day0;
  if (!day0) return [];
  const slots: Slot[] = [];
  for (const step of steps) {
    if (!forTrack(step, who.track)) continue;
    if (step.weeks) {
      for (const week of step.weeks) {
        const day = checkinDayOfWeek(day0, week, who.checkinDay);
        if (day > PROGRAM_DAYS) continue;
        const dueAt = instantOf(day0, day, who.checkinTime, who.timezone);
        slots.push({ slot: step.id, day, dueAt, kind: step.kind, step });
      }
    } else if (step.day !== undefined && step.at) {
      slots.push({
        slot: step.id,
        day: step.day,
        dueAt: instantOf(day0, step.day, step.at, who.timezone),
        kind: step.kind,
        step,
      });
    }
  }
  slots.push({
    slot: 'report',
    day: PROGRAM_DAYS,
    dueAt: instantOf(day0, PROGRAM_DAYS, REPORT_AT, who.timezone),
    kind: 'report',
  });
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
