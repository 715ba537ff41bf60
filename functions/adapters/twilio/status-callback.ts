import type { SmsDeliveryReport } from '../../ports/sms';
import { ValidationError } from '../../shared/errors';
import { failureOfCode, progressOfStatus } from './outcomes';

/**
 * Reads Twilio's status callback (its form fields) as a delivery report in the program's words:
 * undefined for a state the program does not follow. A callback without MessageSid or MessageStatus is
 * refused (400).
 */
export function deliveryReportOf(params: Record<string, string>): SmsDeliveryReport | undefined {
  const { MessageSid: providerId, MessageStatus: status, ErrorCode: errorCode } = params;
  if (!providerId || !status)
    throw new ValidationError(
      'missing_field',
      'MessageSid and MessageStatus are required.',
      providerId ? 'MessageStatus' : 'MessageSid',
    );
  const progress = progressOfStatus(status);
  if (!progress) return undefined;
  return { providerId, progress, ...(errorCode ? { failure: failureOfCode(errorCode) } : {}) };
}
