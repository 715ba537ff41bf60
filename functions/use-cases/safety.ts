import { type Enrollment, retainedUntil } from '../program/enrollment';
import type { SafetyCategory } from '../program/safety';
import type { Channel } from '../program/types';
import { logger } from '../shared/logger';
import { countEvent } from '../shared/metrics';
import type { Deps } from './deps';
import { pauseProgram } from './pause';
import { updateEnrollment } from './update-enrollment';

/**
 * How long a safety pause lasts: a year, so in practice until the person says RESUME. Nobody resumes
 * it for them, and if nobody does, the program ends quietly when the year is up (dispatch.ts): steps
 * about the relationship never start again on their own after someone said they were in danger.
 */
export const SAFETY_PAUSE_DAYS = 365;

/** What protecting a person did: whether their program is (now) paused. */
export interface Protection {
  paused: boolean;
}

/**
 * What follows a message that shows signs of danger, besides the answer with crisis lines: an operator
 * is told (id and category), the enrollment is flagged (category and time, never the text) and its
 * program paused. Each step runs even if the one before it failed; a failure is logged as an error
 * and never holds back the answer. The partner, linked or not, is told nothing.
 */
export async function protect(
  deps: Deps,
  enrollment: Enrollment | undefined,
  category: SafetyCategory,
  channel: Channel,
): Promise<Protection> {
  const enrollmentId = enrollment?.id ?? null;
  const attempt = async (step: string, work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      logger.error('safety step failed', {
        step,
        enrollmentId,
        category,
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
  };
  await attempt('alert', () => deps.alerts.notify({ enrollmentId, category }));
  logger.warn('safety flag raised', { enrollmentId, category, channel });
  countEvent('SafetyFlags', { category });
  if (!enrollment) return { paused: false };

  const now = deps.clock.now().toISOString();
  const alreadyPaused = Boolean(
    enrollment.safetyPause && enrollment.pausedUntil && enrollment.pausedUntil > now,
  );
  let paused = alreadyPaused;
  if (!alreadyPaused) {
    await attempt('pause', async () => {
      paused = (await pauseProgram(deps, enrollment.id, SAFETY_PAUSE_DAYS)).paused;
    });
  }
  await attempt('flag', () =>
    updateEnrollment(deps, enrollment.id, (e) => {
      e.flaggedAt = now;
      e.flagReason = category;
      if (paused) e.safetyPause = true;
    }),
  );
  return { paused };
}

/** What the crisis text ends with: how to restart a paused program, or that texts stopped (STOP). */
export type SafetyFollowUp = 'paused' | 'stopped' | undefined;

/** The crisis text: the lines (named, or unnamed in discreet mode), then the follow-up, if any. */
export function safetySms(
  deps: Pick<Deps, 'catalog'>,
  who: Pick<Enrollment, 'discreet'> | undefined,
  followUp: SafetyFollowUp,
): string {
  const texts = deps.catalog.messages.safety.sms;
  const lines = who?.discreet ? texts.discreetResources : texts.resources;
  if (followUp === 'paused') return `${lines} ${texts.paused}`;
  if (followUp === 'stopped') return `${lines} ${texts.stopped}`;
  return lines;
}

/** Whether a safety pause ran its whole length without the person asking for the program back. */
export const safetyPauseRanOut = (e: Enrollment, now: string): boolean =>
  Boolean(e.safetyPause && e.pausedUntil && e.pausedUntil <= now);

/**
 * Ends a program whose safety pause ran out: nothing more is sent, and retention runs from now. As in
 * dispatch, the retention TTL goes on every item first; a failure before the enrollment is marked ended
 * leaves it due, and the next tick ends it again.
 */
export async function endAfterSafetyPause(deps: Deps, enrollmentId: string): Promise<void> {
  const now = deps.clock.now().toISOString();
  const retainUntil = retainedUntil(now, deps.config.retentionDays);
  const current = await deps.store.getEnrollment(enrollmentId);
  if (!current || !safetyPauseRanOut(current, now)) return;
  await deps.store.expireEnrollment(current, retainUntil);
  let ended = false;
  await updateEnrollment(
    deps,
    enrollmentId,
    (e) => {
      if (!safetyPauseRanOut(e, now)) return false;
      e.status = 'completed';
      e.retainUntil = retainUntil;
      delete e.nextDueAt;
      delete e.held;
      delete e.pausedUntil;
      delete e.safetyPause;
      ended = true;
    },
    current,
  );
  if (!ended) return;
  logger.info('program ended after a safety pause', { enrollmentId });
}
