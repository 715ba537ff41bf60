import type { MessageStatus as TwilioStatus } from 'twilio/lib/rest/api/v2010/account/message';
import type { SmsFailure, SmsFailureReason, SmsProgress } from '../../ports/sms';

/** Twilio error codes that will never succeed on retry: a send refused with one is a failure, not retried. */
export const PERMANENT_CODES = [
  21211, // invalid To number
  21408, // region not enabled
  21610, // the number replied STOP
  21612, // cannot route to this number
  21614, // not a mobile number
  30003, // unreachable handset
  30005, // unknown destination
  30006, // landline or unreachable carrier
] as const;

export type PermanentCode = (typeof PERMANENT_CODES)[number];

/** Fails to compile when a switch misses a case of its union. */
function unhandled(value: never): never {
  throw new Error(`Unhandled Twilio value: ${String(value)}`);
}

/** The program's reason for a permanent Twilio error code (an exhaustive switch). */
export function reasonOfCode(code: PermanentCode): Exclude<SmsFailureReason, 'other'> {
  switch (code) {
    case 21610:
      return 'opted-out';
    case 21211:
    case 21614:
    case 30005:
      return 'invalid-number';
    case 21612:
    case 30003:
    case 30006:
      return 'unreachable-number';
    case 21408:
      return 'not-permitted';
    default:
      return unhandled(code);
  }
}

/** Whether Twilio gave one of the codes a retry never cures. */
export const isPermanentCode = (code: unknown): code is PermanentCode =>
  typeof code === 'number' && (PERMANENT_CODES as readonly number[]).includes(code);

/** A status callback's ErrorCode (a string, any code Twilio has) in the program's words. */
export function failureOfCode(errorCode: string): SmsFailure {
  const code = Number(errorCode);
  return { reason: isPermanentCode(code) ? reasonOfCode(code) : 'other', providerCode: errorCode };
}

const TWILIO_STATUSES: readonly TwilioStatus[] = [
  'queued',
  'sending',
  'sent',
  'failed',
  'delivered',
  'undelivered',
  'receiving',
  'received',
  'accepted',
  'scheduled',
  'read',
  'partially_delivered',
  'canceled',
];

const isTwilioStatus = (status: string): status is TwilioStatus =>
  (TWILIO_STATUSES as readonly string[]).includes(status);

/**
 * Where a text is, for a Twilio message status (an exhaustive switch); undefined for states the program
 * does not follow (inbound, scheduled, canceled, or one Twilio added since), which change nothing.
 */
export function progressOfStatus(status: string): SmsProgress | undefined {
  if (!isTwilioStatus(status)) return undefined;
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
    case 'receiving':
    case 'received':
    case 'scheduled':
    case 'partially_delivered':
    case 'canceled':
      return undefined;
    default:
      return unhandled(status);
  }
}
