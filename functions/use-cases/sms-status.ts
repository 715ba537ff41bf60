import type { ConsentStore, EnrollmentStore, MessageStore } from '../ports/store';
import { MESSAGE_PROGRESS, type MessageStatus } from '../program/enrollment';
import { openQuestionsOf } from '../program/open-questions';
import { logger } from '../shared/logger';
import { countEvent } from '../shared/metrics';
import type { UsesStore } from './deps';
import { SMS_OPTED_OUT, stopTextsAtProviderRequest } from './provider-opt-out';
import { updateEnrollment } from './update-enrollment';

export interface SmsStatusUpdate {
  messageSid: string;
  status: string;
  errorCode?: string;
}

/** Carrier failures in a row after which a number counts as unreachable and check-ins move to email. */
export const UNREACHABLE_AFTER = 3;

/** Our state for a Twilio delivery status (an exhaustive map; unknown states change nothing). */
export function statusFromProvider(status: string): MessageStatus | undefined {
  switch (status) {
    case 'accepted':
    case 'queued':
    case 'sending':
      return 'queued';
    case 'sent':
      return 'sent';
    case 'delivered':
    case 'read':
      return 'delivered';
    case 'undelivered':
      return 'undelivered';
    case 'failed':
      return 'failed';
    default:
      return undefined;
  }
}

/** The states a message may be in for `next` to apply: only earlier ones, so nothing moves backwards. */
export function statesBefore(next: MessageStatus): MessageStatus[] {
  const rank = MESSAGE_PROGRESS.indexOf(next);
  // Terminal failures may follow any non-terminal state; progress states only earlier progress states.
  const end = rank === -1 ? MESSAGE_PROGRESS.indexOf('delivered') : rank;
  return MESSAGE_PROGRESS.slice(1, end);
}

/**
 * Records a Twilio delivery callback. States only move forward (callbacks arrive out of order).
 * Error 21610 (the number replied STOP to the carrier) stops all texts; repeated carrier failures mark
 * the number unreachable, so check-ins go by email; a delivery resets the count.
 */
export async function recordSmsStatus(
  deps: UsesStore<MessageStore & EnrollmentStore & ConsentStore, 'clock'>,
  update: SmsStatusUpdate,
): Promise<void> {
  const next = statusFromProvider(update.status);
  const message = await deps.store.findMessageByProviderId(update.messageSid);
  if (!message || !next) return;
  const moved = await deps.store.transitionMessage(message, statesBefore(next), {
    status: next,
    ...(update.errorCode ? { error: update.errorCode } : {}),
  });
  if (!moved) return; // a late or repeated callback
  if (update.errorCode === SMS_OPTED_OUT) {
    await stopTextsAtProviderRequest(deps, message.enrollmentId, update.messageSid);
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
      code: update.errorCode,
      failures: updated.smsFailures,
    });
  }
}
