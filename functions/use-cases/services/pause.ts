import { DateTime } from 'luxon';
import type { EnrollmentStore, MessageStore } from '../../ports/store';
import type { Enrollment, HeldMessage } from '../../program/enrollment';
import { REACHED } from '../../program/enrollment';
import { openQuestionsOf, unanswered } from '../../program/open-questions';
import { plusDays, programSlots, reschedule } from '../../program/schedule';
import { logger } from '../../shared/logger';
import type { Deps, UsesStore } from '../deps';
import { updateEnrollment } from './update-enrollment';

/** How a pause request ended: the instant the program picks up again, or why nothing changed. */
export type PauseResult = { paused: true; until: string } | { paused: false };

const DAY_MS = 86_400_000;

/**
 * PAUSE: the rest of the program (email too) moves `days` later, and nothing is sent until then.
 * A second PAUSE while paused adds its days to the first.
 */
export async function pauseProgram(
  deps: UsesStore<EnrollmentStore, 'clock' | 'catalog'>,
  enrollmentId: string,
  days: number,
): Promise<PauseResult> {
  const now = deps.clock.now().toISOString();
  let until: string | undefined;
  await updateEnrollment(deps, enrollmentId, (e) => {
    if (e.status !== 'active' || !e.day0) return false;
    const from = e.pausedUntil && e.pausedUntil > now ? e.pausedUntil : now;
    until = DateTime.fromISO(from, { zone: e.timezone }).plus({ days }).toUTC().toISO() as string;
    shift(deps, e, days, now);
    e.pausedUntil = until;
  });
  if (!until) return { paused: false };
  logger.info('program paused', { enrollmentId, days });
  return { paused: true, until };
}

/**
 * RESUME: ends a pause early; the program moves back by the whole days the pause had left. It ends a
 * safety pause too: the person decides when the program comes back (the flag itself stays).
 */
export async function resumeProgram(
  deps: UsesStore<EnrollmentStore, 'clock' | 'catalog'>,
  enrollmentId: string,
): Promise<boolean> {
  const now = deps.clock.now().toISOString();
  let resumed = false;
  await updateEnrollment(deps, enrollmentId, (e) => {
    if (!e.pausedUntil || e.pausedUntil <= now || !e.day0) return false;
    const left = Math.floor((Date.parse(e.pausedUntil) - Date.parse(now)) / DAY_MS);
    shift(deps, e, -left, now);
    delete e.pausedUntil;
    delete e.safetyPause;
    resumed = true;
  });
  if (resumed) logger.info('program resumed', { enrollmentId });
  return resumed;
}

/** Moves what is left of the program by `days` (day 0 and the held messages), keeping what was handled. */
function shift(deps: Pick<Deps, 'catalog'>, e: Enrollment, days: number, now: string): void {
  const held: HeldMessage[] = (e.held ?? []).map((h) => {
    const moved = DateTime.fromISO(h.until, { zone: e.timezone }).plus({ days }).toUTC().toISO() as string;
    return { ...h, until: moved < now ? now : moved };
  });
  const after = { ...e, day0: plusDays(e.day0 as string, days), held };
  const { progress, nextDueAt } = reschedule(deps.catalog.steps, e, after);
  e.day0 = after.day0;
  e.progress = progress;
  if (held.length) e.held = held;
  if (nextDueAt) e.nextDueAt = nextDueAt;
}

const WEEK_MS = 7 * DAY_MS;

/**
 * SKIP: this week's check-in is not asked, or no longer waits for an answer. An open check-in sent in
 * the last seven days is the one skipped; otherwise the next check-in, if it is due within seven days.
 * Either way it counts as skipped, never as unanswered.
 */
export async function skipCheckin(
  deps: UsesStore<EnrollmentStore & MessageStore, 'clock' | 'catalog'>,
  enrollment: Enrollment,
): Promise<void> {
  const now = deps.clock.now();
  const open = unanswered(openQuestionsOf(enrollment), now.toISOString())
    .filter((q) => q.kind === 'check-in')
    .at(-1);
  if (open && now.getTime() - Date.parse(open.askedAt) < WEEK_MS) {
    const message = await deps.store.getMessage(enrollment.id, open.day, open.stepId, open.channel);
    if (message) await deps.store.transitionMessage(message, REACHED, { status: 'skipped' });
    await updateEnrollment(deps, enrollment.id, (e) => {
      const questions = openQuestionsOf(e);
      const kept = questions.filter((q) => !(q.stepId === open.stepId && q.day === open.day));
      if (kept.length === questions.length) return false;
      e.openQuestions = kept;
      delete e.openCheckin;
    });
    logger.info('check-in skipped', { enrollmentId: enrollment.id, day: open.day });
    return;
  }
  const iso = now.toISOString();
  const weekAhead = new Date(now.getTime() + WEEK_MS).toISOString();
  const next = programSlots(deps.catalog.steps, enrollment).find(
    (s) => s.week !== undefined && s.dueAt > iso && s.dueAt <= weekAhead,
  );
  if (!next) return;
  // Claimed as skipped on both channels, so dispatch finds it handled whichever way it would have gone.
  for (const channel of ['sms', 'email'] as const) {
    await deps.store.claimMessage({
      enrollmentId: enrollment.id,
      day: next.day,
      slot: next.slot,
      channel,
      kind: next.kind,
      ...(next.step?.metric ? { metric: next.step.metric } : {}),
      status: 'skipped',
      dueAt: next.dueAt,
      claimedAt: iso,
    });
  }
  logger.info('check-in skipped', { enrollmentId: enrollment.id, day: next.day });
}
