import type { ConsentStore, EnrollmentStore } from '../ports/store';
import { openQuestionsOf } from '../program/open-questions';
import { logger } from '../shared/logger';
import { recordOptOutOnce } from './consent';
import type { UsesStore } from './deps';
import { updateEnrollment } from './update-enrollment';

/** Twilio's code for a number that has replied STOP to the carrier: never text it again. */
export const SMS_OPTED_OUT = '21610';

/**
 * The provider says the number opted out (21610, at send time or in a status callback): texts stop
 * and the consent ledger records it, as if the person had texted STOP to us.
 */
export async function stopTextsAtProviderRequest(
  deps: UsesStore<EnrollmentStore & ConsentStore, 'clock'>,
  enrollmentId: string,
  messageSid?: string,
): Promise<void> {
  const updated = await updateEnrollment(deps, enrollmentId, (e) => {
    e.smsStatus = 'stopped';
    e.openQuestions = openQuestionsOf(e).filter((q) => q.channel !== 'sms');
    delete e.openCheckin;
  });
  // Once: Twilio reports 21610 on every text it refuses and on their status callbacks.
  await recordOptOutOnce(deps, {
    enrollmentId,
    channel: 'sms',
    source: 'provider-event',
    detail: SMS_OPTED_OUT,
    ...(messageSid ? { messageSid } : {}),
    retainUntil: updated.retainUntil,
  });
  logger.info('sms opt-out from provider', { enrollmentId });
}
