import type { MessageStatus } from '../program/enrollment';
import { logger } from '../shared/logger';
import type { Deps } from './deps';
import { SMS_OPTED_OUT } from './send';
import { updateEnrollment } from './update-enrollment';

export interface SmsStatusUpdate {
  messageSid: string;
  status: string;
  errorCode?: string;
}

/** Our state for a provider's delivery status; undefined for states that change nothing (queued, sending). */
export function statusFromProvider(status: string): MessageStatus | undefined {
  switch (status) {
    case 'sent':
      return 'sent';
    case 'delivered':
    case 'read':
      return 'delivered';
    case 'failed':
    case 'undelivered':
      return 'failed';
    default:
      return undefined;
  }
}

// States only move forward: a late "sent" never overwrites "delivered".
const ALLOWED_FROM: Record<string, MessageStatus[]> = {
  sent: ['sending'],
  delivered: ['sending', 'sent'],
  failed: ['sending', 'sent'],
};

/** Records a provider's delivery callback; error 21610 (the number replied STOP) stops all texts. */
export async function recordSmsStatus(deps: Deps, update: SmsStatusUpdate): Promise<void> {
  const next = statusFromProvider(update.status);
  const message = await deps.store.findMessageByProviderId(update.messageSid);
  if (!message) return;
  if (next) {
    await deps.store.transitionMessage(message, ALLOWED_FROM[next] ?? [], {
      status: next,
      ...(update.errorCode ? { error: update.errorCode } : {}),
    });
  }
  if (update.errorCode === SMS_OPTED_OUT) {
    await updateEnrollment(deps, message.enrollmentId, (e) => {
      e.smsStatus = 'stopped';
      delete e.openCheckin;
    });
    logger.info('sms opt-out from provider', { enrollmentId: message.enrollmentId });
  }
}
