import type { ConsentStore, EnrollmentStore, OutcomeStore } from '../../ports/store';
import { openQuestionsOf } from '../../program/open-questions';
import { logger } from '../../shared/logger';
import type { UsesStore } from '../deps';
import { recordOptOutOnce } from './consent';
import { countStopped } from './outcomes';
import { updateEnrollment } from './update-enrollment';

/** What the provider said: its own code for the opt-out (kept as the consent's detail), and the text it was about. */
export interface ProviderOptOut {
  providerCode: string;
  messageSid?: string;
}

/**
 * The provider says the number opted out (when a text is refused, or in a delivery report): texts stop
 * and the consent ledger records it, as if the person had texted STOP to us (the outcomes count it so too).
 */
export async function stopTextsAtProviderRequest(
  deps: UsesStore<EnrollmentStore & ConsentStore & OutcomeStore, 'clock'>,
  enrollmentId: string,
  { providerCode, messageSid }: ProviderOptOut,
): Promise<void> {
  const updated = await updateEnrollment(deps, enrollmentId, (e) => {
    e.smsStatus = 'stopped';
    e.openQuestions = openQuestionsOf(e).filter((q) => q.channel !== 'sms');
    delete e.openCheckin;
  });
  // Once: the provider reports the opt-out on every text it refuses and in their delivery reports.
  await recordOptOutOnce(deps, {
    enrollmentId,
    channel: 'sms',
    source: 'provider-event',
    detail: providerCode,
    ...(messageSid ? { messageSid } : {}),
    retainUntil: updated.retainUntil,
  });
  // In the outcomes as STOP texted to us is: the person stopped texts (counted once, whichever came first).
  await countStopped(deps, updated, 'opted-out');
  logger.info('sms opt-out from provider', { enrollmentId });
}
