import type { EnrollmentStore } from '../../ports/store';
import { EMAIL_RESTART_WORDS_IN, wordingVersion } from '../../program/consent';
import type { Enrollment } from '../../program/enrollment';
import { about, ConflictError, NotFoundError, ValidationError } from '../../shared/errors';
import { logger } from '../../shared/logger';
import type { Deps, UsesStore } from '../deps';
import { channelLedger, type RequestOrigin, recordConsent, recordOptOutOnce } from '../services/consent';
import { countStopped } from '../services/outcomes';
import { updateEnrollment } from '../services/update-enrollment';

/** The enrollment an unsubscribe link belongs to, changing nothing. */
export async function lookupUnsubscribe(
  deps: UsesStore<EnrollmentStore, 'tokens'>,
  token: string | undefined,
): Promise<Enrollment> {
  const claims = deps.tokens.verify(token, 'unsubscribe');
  const enrollment = await deps.store.getEnrollment(claims.sub);
  if (!enrollment) throw new NotFoundError('This enrollment no longer exists.');
  return enrollment;
}

/** Stops program email at once (RFC 8058 one-click, or the button on the page). */
export async function unsubscribe(
  deps: Deps,
  token: string | undefined,
  origin: RequestOrigin = {},
): Promise<Enrollment> {
  const enrollment = await lookupUnsubscribe(deps, token);
  let stopped = false;
  const updated = await updateEnrollment(deps, enrollment.id, (e) => {
    // Already stopped (by the person, or by a bounce, whose reason is kept: it decides what may restart).
    if (e.emailStatus !== 'active') return false;
    e.emailStatus = 'unsubscribed';
    e.emailStopReason = 'unsubscribed';
    stopped = true;
  });
  if (stopped) await countStopped(deps, updated, 'opted-out');
  // Every click, not only the first: a click after a failed ledger write still gets its entry (once).
  // (The ledger write logs it as "consent recorded", with the channel and the source.)
  await recordOptOutOnce(deps, {
    enrollmentId: enrollment.id,
    retainUntil: enrollment.retainUntil,
    channel: 'email',
    source: 'email-link',
    ...origin,
  });
  return updated;
}

/** Email a person stopped themselves (the link, or a spam report) can be turned back on; a bounce cannot. */
function mayRestart(enrollment: Enrollment): void {
  if (enrollment.emailStatus === 'bounced')
    throw about(
      new ConflictError(
        'email_bounced',
        'Mail to this address came back undeliverable, so Kintsugi cannot send to it. If the address works again, sign up with it afresh.',
      ),
      { timezone: enrollment.timezone },
    );
}

/**
 * Undoes a stop from the "Emails stopped" page: program email comes again, and the consent ledger gets
 * the opt-in (once, as opt-outs are recorded once), with the words beside the button pressed.
 */
export async function resubscribe(
  deps: Deps,
  token: string | undefined,
  origin: RequestOrigin = {},
  button: 'restart' | 'pause' = 'restart',
): Promise<Enrollment> {
  const enrollment = await lookupUnsubscribe(deps, token);
  mayRestart(enrollment);
  const updated = await updateEnrollment(deps, enrollment.id, (e) => {
    if (e.emailStatus !== 'unsubscribed') return false;
    e.emailStatus = 'active';
    delete e.emailStopReason;
  });
  const last = (await channelLedger(deps, enrollment.id, 'email')).at(-1);
  if (last?.action !== 'opt-in') {
    await recordConsent(deps, {
      enrollmentId: enrollment.id,
      retainUntil: enrollment.retainUntil,
      channel: 'email',
      action: 'opt-in',
      source: 'email-link',
      // The words beside the button, in the language the page was shown in.
      wordingVersion: wordingVersion(EMAIL_RESTART_WORDS_IN[enrollment.language ?? 'en'][button]),
      ...origin,
    });
    logger.info('email opt-in again', { enrollmentId: enrollment.id });
  }
  return updated;
}

/** The pauses the "Emails stopped" page offers are PAUSE's own: 1 to 30 days. */
export const PAUSE_DAYS = { min: 1, max: 30 } as const;

/**
 * "Pause instead" on the "Emails stopped" page: the program pauses for `days` (PAUSE by text does the
 * same), then email is turned back on, so the program picks up by itself when the pause ends. Refused,
 * with nothing changed, when the program is not running (nothing to pause) or the address bounced.
 */
export async function pauseInstead(
  deps: Deps,
  token: string | undefined,
  days: unknown,
  origin: RequestOrigin = {},
): Promise<{ enrollment: Enrollment; until: string }> {
  const count = typeof days === 'string' && days.trim() !== '' ? Number(days) : days;
  if (
    typeof count !== 'number' ||
    !Number.isInteger(count) ||
    count < PAUSE_DAYS.min ||
    count > PAUSE_DAYS.max
  )
    throw new ValidationError(
      'invalid_days',
      `Choose a pause of ${PAUSE_DAYS.min} to ${PAUSE_DAYS.max} days, as a whole number.`,
      'days',
    );
  const enrollment = await lookupUnsubscribe(deps, token);
  mayRestart(enrollment);
  // Loaded on demand: PAUSE brings Luxon and the schedule, which the one-click stop never needs.
  const { pauseProgram } = await import('../services/pause');
  const paused = await pauseProgram(deps, enrollment.id, count);
  if (!paused.paused)
    throw about(
      new ConflictError(
        'not_running',
        'Your program is not running, so there is nothing to pause. You can start your emails again instead.',
      ),
      { timezone: enrollment.timezone },
    );
  await countStopped(deps, enrollment, 'paused');
  return {
    enrollment: await resubscribe(deps, token, origin, 'pause'),
    until: paused.until,
  };
}
