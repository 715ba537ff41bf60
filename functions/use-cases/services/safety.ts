import type { EnrollmentStore, RetentionStore } from '../../ports/store';
import type { CrisisLines } from '../../program/crisis-lines';
import { type Enrollment, pausedAt, retainedUntil } from '../../program/enrollment';
import type { MessageLanguage, SafetyCategory } from '../../program/safety';
import type { Channel, CrisisSms, SystemSms } from '../../program/types';
import { fillText } from '../../render/fill';
import { logger } from '../../shared/logger';
import { countEvent } from '../../shared/metrics';
import type { Deps, UsesStore } from '../deps';
import { type CrisisReach, composeSafetyEmail } from './compose';
import { countSafety } from './outcomes';
import { pauseProgram } from './pause';
import { updateEnrollment } from './update-enrollment';

/**
 * How long a safety pause lasts: a year, so in practice until the person says RESUME. Nobody resumes
 * it for them, and if nobody does, the program ends quietly when the year is up (sending/dispatch.ts): steps
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
  const alreadyPaused = enrollment.safetyPause === true && pausedAt(enrollment, now);
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
  await countSafety(deps, enrollment, 'danger', category);
  return { paused };
}

/**
 * Notes signs of concern (not danger: "I'm not safe", "I can't do this anymore", or a 1 on a safety
 * question) for the operator's list: `concernAt` and `concernReason` on the enrollment, never the text,
 * and never over a danger flag (those are fields of their own). Nothing is paused and nobody is paged.
 * A failure is logged as an error, never thrown: the message it came with is still handled.
 */
export async function noteConcern(
  deps: Deps,
  enrollment: Pick<Enrollment, 'id'> | undefined,
  category: SafetyCategory,
  channel: Channel,
): Promise<void> {
  const enrollmentId = enrollment?.id ?? null;
  logger.warn('safety concern noted', { enrollmentId, category, channel });
  if (!enrollment) return;
  const now = deps.clock.now().toISOString();
  try {
    const updated = await updateEnrollment(deps, enrollment.id, (e) => {
      e.concernAt = now;
      e.concernReason = category;
    });
    await countSafety(deps, updated, 'concern', category);
  } catch (error) {
    logger.error('safety step failed', {
      step: 'concern',
      enrollmentId,
      category,
      error: error instanceof Error ? error.name : 'unknown',
    });
  }
}

/** What the crisis text ends with: how to restart a paused program, or that texts stopped (STOP). */
export type SafetyFollowUp = 'paused' | 'stopped' | undefined;

type TextDeps = Pick<Deps, 'catalog'>;
type Who = Pick<Enrollment, 'discreet'> | undefined;

/** The lines of a region, in one language: `{{emergency}}` is the country's number, or words for it. */
function linesSms(
  texts: CrisisSms,
  lines: CrisisLines,
  discreet: boolean,
  category: SafetyCategory | undefined,
): string {
  if (lines.region === 'us') return discreet ? texts.discreetUs : texts.us;
  if (lines.region === 'canada') return texts.canada;
  return elsewhereSms(texts, lines, discreet, texts.elsewhere, texts.elsewhereNational, category);
}

/** Someone hurt or threatened by another, or calling out for help: the line for violence at home comes first. */
const abuseFirst = (category: SafetyCategory | undefined) =>
  category === 'abuse' || category === 'call-for-help';

/**
 * Outside the US and Canada: the country's emergency number (or words for it) and, where the country has
 * its own free lines (program/crisis-lines.ts), those too, each said what it is for ("Violence at home:
 * 016."), or with `neutral` (discreet mode, the concern text) the numbers alone.
 */
function elsewhereSms(
  texts: CrisisSms,
  lines: CrisisLines,
  neutral: boolean,
  withoutNational: string,
  withNational: string,
  category: SafetyCategory | undefined,
): string {
  const emergency = lines.emergency ?? texts.localEmergency;
  const own = [
    ...(lines.crisis ? [{ number: lines.crisis, said: texts.crisisLine }] : []),
    ...(lines.abuse ? [{ number: lines.abuse, said: texts.abuseLine }] : []),
  ];
  if (!own.length) return fillText(withoutNational, { emergency });
  if (abuseFirst(category)) own.reverse();
  const national = neutral
    ? fillText(texts.discreetNational, { numbers: own.map((line) => line.number).join(', ') })
    : own.map((line) => fillText(line.said, { number: line.number })).join(' ');
  return fillText(withNational, { emergency, national });
}

/**
 * The crisis text: that nobody reads replies as they arrive, the lines of the country of the number
 * (program/crisis-lines.ts) in the language the person wrote in, then the follow-up, if any. In discreet
 * mode it names neither the program nor what the lines are for, and suggests deleting the thread.
 */
export function crisisSms(
  deps: TextDeps,
  who: Who,
  language: MessageLanguage,
  lines: CrisisLines,
  followUp: SafetyFollowUp,
  /** What the message showed: for someone hurt or threatened, the line for violence at home comes first. */
  category?: SafetyCategory,
): string {
  const texts = deps.catalog.messages.safety.sms[language];
  const discreet = Boolean(who?.discreet);
  const parts = [
    discreet ? texts.discreetOpening : texts.opening,
    linesSms(texts, lines, discreet, category),
  ];
  if (followUp === 'paused') parts.push(texts.paused);
  if (followUp === 'stopped') parts.push(discreet ? texts.discreetStopped : texts.stopped);
  if (discreet) parts.push(texts.deleteThread);
  return parts.join(' ');
}

/**
 * The short answer to signs of concern: that nobody reads replies as they arrive, and the lines of the
 * country of the number in one segment; in discreet mode, with the suggestion to delete the thread.
 */
export function concernSms(
  deps: TextDeps,
  who: Who,
  language: MessageLanguage,
  lines: CrisisLines,
  category?: SafetyCategory,
): string {
  const texts = deps.catalog.messages.safety.sms[language];
  // Like the US one, it gives the numbers without what each is for, in every mode: it is one segment.
  const concern =
    lines.region === 'us'
      ? texts.concernUs
      : lines.region === 'canada'
        ? texts.concernCanada
        : elsewhereSms(texts, lines, true, texts.concernElsewhere, texts.concernElsewhereNational, category);
  return who?.discreet ? `${concern} ${texts.deleteThread}` : concern;
}

/** Where a country's emergency number is not known: 112 reaches emergency services from most mobiles. */
const FALLBACK_EMERGENCY = '112';

/**
 * The HELP text with the crisis line of the number's country: 988 connects only in the US and Canada;
 * elsewhere `helpElsewhere` names the country's own crisis line where it is known (the UK's 116 123),
 * else its emergency number (one segment leaves no room for words).
 */
export function helpSms(
  texts: Pick<SystemSms, 'help' | 'helpElsewhere'>,
  values: Record<string, string>,
  lines: CrisisLines,
): string {
  if (lines.region === 'us' || lines.region === 'canada') return fillText(texts.help, values);
  return fillText(texts.helpElsewhere, {
    ...values,
    emergency: lines.crisis ?? lines.emergency ?? FALLBACK_EMERGENCY,
  });
}

/**
 * A HELP text without its crisis clause ("Crisis: 988.", "Crisis: llama al 112."): for AYUDA alone, whose
 * answer gives the lines in full right after it, so that no number is named twice.
 */
export const withoutCrisisClause = (help: string): string => help.replace(/\s*Crisis: [^.]*\./, '');

/** Whether texts may not reach this person: they opted out (Twilio then refuses even a reply) or the carrier failed. */
export const textsBlocked = (enrollment: Pick<Enrollment, 'smsStatus'>): boolean =>
  enrollment.smsStatus === 'stopped' || enrollment.smsStatus === 'unreachable';

/**
 * Emails the crisis lines to a participant whose texts cannot reach them, unless their address
 * hard-bounced. Returns whether it went; a failure is logged as an error, never thrown (the text's
 * answer and the rest of the protection still happen, and a retry would repeat them).
 */
export async function emailCrisisLines(
  deps: Deps,
  enrollment: Enrollment,
  reach: CrisisReach,
  paused: boolean,
): Promise<boolean> {
  if (enrollment.emailStopReason?.startsWith('hard-bounce')) return false;
  try {
    await deps.mailer.send(composeSafetyEmail(deps, enrollment.email, enrollment, paused, reach));
    logger.info('crisis lines emailed', { enrollmentId: enrollment.id });
    return true;
  } catch (error) {
    logger.error('safety step failed', {
      step: 'email',
      enrollmentId: enrollment.id,
      error: error instanceof Error ? error.name : 'unknown',
    });
    return false;
  }
}

/** Whether a safety pause ran its whole length without the person asking for the program back. */
export const safetyPauseRanOut = (e: Enrollment, now: string): boolean =>
  Boolean(e.safetyPause && e.pausedUntil && e.pausedUntil <= now);

/**
 * Ends a program whose safety pause ran out: nothing more is sent, and retention runs from now. As in
 * dispatch, the retention TTL goes on every item first; a failure before the enrollment is marked ended
 * leaves it due, and the next tick ends it again.
 */
export async function endAfterSafetyPause(
  deps: UsesStore<EnrollmentStore & RetentionStore, 'clock' | 'config'>,
  enrollmentId: string,
): Promise<void> {
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
