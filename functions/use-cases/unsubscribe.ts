import type { Enrollment } from '../program/enrollment';
import { NotFoundError } from '../shared/errors';
import { logger } from '../shared/logger';
import { type RequestOrigin, recordOptOutOnce } from './consent';
import type { Deps } from './deps';
import { updateEnrollment } from './update-enrollment';

/** The enrollment an unsubscribe link belongs to, changing nothing. */
export async function lookupUnsubscribe(deps: Deps, token: string | undefined): Promise<Enrollment> {
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
  const updated = await updateEnrollment(deps, enrollment.id, (e) => {
    if (e.emailStatus === 'unsubscribed') return false;
    e.emailStatus = 'unsubscribed';
    e.emailStopReason = 'unsubscribed';
  });
  // Every click, not only the first: a click after a failed ledger write still gets its entry (once).
  if (
    await recordOptOutOnce(deps, {
      enrollmentId: enrollment.id,
      retainUntil: enrollment.retainUntil,
      channel: 'email',
      source: 'email-link',
      ...origin,
    })
  )
    logger.info('email opt-out', { enrollmentId: enrollment.id });
  return updated;
}
