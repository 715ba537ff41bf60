import type { EnrollmentStore } from '../../ports/store';
import type { HeldMessage } from '../../program/enrollment';
import { heldKey } from '../../program/schedule';
import type { UsesStore } from '../deps';
import { updateEnrollment } from './update-enrollment';

/**
 * Keeps a claimed message claimed and asks dispatch to queue it again at `until` (the enrollment's
 * next-due time honours it). Holding the same message again only moves its time.
 */
export async function holdMessage(
  deps: UsesStore<EnrollmentStore>,
  enrollmentId: string,
  message: Omit<HeldMessage, 'until'>,
  until: string,
): Promise<void> {
  const { day, slot, channel } = message;
  await updateEnrollment(deps, enrollmentId, (e) => {
    e.held = [
      ...(e.held ?? []).filter((h) => heldKey(h) !== heldKey(message)),
      { day, slot, channel, until },
    ];
    if (!e.nextDueAt || until < e.nextDueAt) e.nextDueAt = until;
    // The report's text may be held after the last slot: the enrollment stays due until it has gone.
    if (e.status === 'completed') {
      e.status = 'active';
      delete e.retainUntil; // set again when it ends
    }
  });
}
