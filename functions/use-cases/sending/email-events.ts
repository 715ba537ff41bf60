import type { ConsentStore, EnrollmentStore } from '../../ports/store';
import type { Enrollment } from '../../program/enrollment';
import { logger } from '../../shared/logger';
import type { UsesStore } from '../deps';
import { recordOptOutOnce } from '../services/consent';
import { updateEnrollment } from '../services/update-enrollment';

/** Soft (transient) bounces in a row after which email stops, as mailbox providers expect. */
export const EMAIL_SOFT_BOUNCE_LIMIT = 3;

/** What the mail provider reported about one recipient. */
export type EmailEvent =
  | { type: 'bounce'; email: string; permanent: boolean; reason: string }
  | { type: 'complaint'; email: string; reason: string }
  | { type: 'delivery'; email: string };

/**
 * Applies a bounce, complaint or delivery to the recipient's enrollment: a permanent bounce stops email
 * and records why; a complaint unsubscribes; soft bounces are counted and stop email at the limit;
 * a delivery resets that count. SMS is left as it is.
 */
export async function recordEmailEvent(
  deps: UsesStore<EnrollmentStore & ConsentStore, 'clock'>,
  event: EmailEvent,
): Promise<Enrollment | undefined> {
  const enrollment = await deps.store.findByEmail(event.email.toLowerCase());
  if (!enrollment) return undefined;
  const updated = await updateEnrollment(deps, enrollment.id, (e) => {
    switch (event.type) {
      case 'delivery':
        if (!e.softBounces) return false;
        e.softBounces = 0;
        return;
      case 'complaint':
        if (e.emailStatus !== 'active') return false;
        e.emailStatus = 'unsubscribed';
        e.emailStopReason = `complaint: ${event.reason}`;
        return;
      case 'bounce':
        if (e.emailStatus !== 'active') return false;
        if (event.permanent) {
          e.emailStatus = 'bounced';
          e.emailStopReason = `hard-bounce: ${event.reason}`;
          return;
        }
        e.softBounces = (e.softBounces ?? 0) + 1;
        if (e.softBounces >= EMAIL_SOFT_BOUNCE_LIMIT) {
          e.emailStatus = 'bounced';
          e.emailStopReason = `soft-bounces: ${e.softBounces} in a row, last ${event.reason}`;
        }
    }
  });
  // A complaint is the person saying no to this mail: the ledger records it, as an unsubscribe would be.
  // Bounces are not the person's choice and stay in emailStopReason only.
  if (event.type === 'complaint' && updated.emailStatus === 'unsubscribed') {
    await recordOptOutOnce(deps, {
      enrollmentId: enrollment.id,
      retainUntil: enrollment.retainUntil,
      channel: 'email',
      source: 'provider-event',
      detail: `complaint: ${event.reason}`,
    });
  }
  if (updated.emailStatus !== enrollment.emailStatus) {
    logger.warn('email stopped by provider event', {
      enrollmentId: enrollment.id,
      reason: updated.emailStopReason,
    });
  }
  return updated;
}
