import type { SmsDeliveryReport } from '../../ports/sms';
import type { ConsentStore, EnrollmentStore, MessageStore, OutcomeStore } from '../../ports/store';
import { MESSAGE_PROGRESS, type MessageStatus } from '../../program/enrollment';
import { openQuestionsOf } from '../../program/open-questions';
import { logger } from '../../shared/logger';
import { countEvent } from '../../shared/metrics';
import type { UsesStore } from '../deps';
import { stopTextsAtProviderRequest } from '../services/provider-opt-out';
import { updateEnrollment } from '../services/update-enrollment';

/** Carrier failures in a row after which a number counts as unreachable and check-ins move to email. */
export const UNREACHABLE_AFTER = 3;

/** The states a message may be in for `next` to apply: only earlier ones, so nothing moves backwards. */
export function statesBefore(next: MessageStatus): MessageStatus[] {
  const rank = MESSAGE_PROGRESS.indexOf(next);
  // Terminal failures may follow any non-terminal state; progress states only earlier progress states.
  const end = rank === -1 ? MESSAGE_PROGRESS.indexOf('delivered') : rank;
  return MESSAGE_PROGRESS.slice(1, end);
}

/**
 * Records a delivery report of the SMS provider. States only move forward (reports arrive out of order).
 * A number that opted out at the carrier stops all texts; repeated carrier failures mark the number
 * unreachable, so check-ins go by email; a delivery resets the count.
 */
export async function recordSmsStatus(
  deps: UsesStore<MessageStore & EnrollmentStore & ConsentStore & OutcomeStore, 'clock'>,
  report: SmsDeliveryReport,
): Promise<void> {
  const next = report.progress;
  const message = await deps.store.findMessageByProviderId(report.providerId);
  if (!message) return;
  const moved = await deps.store.transitionMessage(message, statesBefore(next), {
    status: next,
    ...(report.failure ? { error: report.failure.providerCode } : {}),
  });
  if (!moved) return; // a late or repeated report
  if (report.failure?.reason === 'opted-out') {
    await stopTextsAtProviderRequest(deps, message.enrollmentId, {
      providerCode: report.failure.providerCode,
      messageSid: report.providerId,
    });
    return;
  }
  if (next === 'delivered') countEvent('SmsDelivered');
  if (next === 'undelivered' || next === 'failed') countEvent('SmsFailed');
  if (next === 'delivered') {
    await updateEnrollment(deps, message.enrollmentId, (e) => {
      if (!e.smsFailures) return false;
      e.smsFailures = 0;
    });
  } else if (next === 'undelivered' || next === 'failed') {
    const updated = await updateEnrollment(deps, message.enrollmentId, (e) => {
      e.smsFailures = (e.smsFailures ?? 0) + 1;
      if (e.smsFailures >= UNREACHABLE_AFTER && e.smsStatus === 'active') {
        e.smsStatus = 'unreachable';
        e.openQuestions = openQuestionsOf(e).filter((q) => q.channel !== 'sms');
        delete e.openCheckin;
      }
    });
    logger.warn('sms not delivered', {
      enrollmentId: message.enrollmentId,
      reason: report.failure?.reason,
      code: report.failure?.providerCode,
      failures: updated.smsFailures,
    });
  }
}
