import type { MessageStatus } from '../program/enrollment';

/**
 * Why a text cannot reach, or did not reach, a number, in the program's words. The SMS adapter maps
 * its provider's codes to these; the program acts on `opted-out` only and records the rest.
 */
export type SmsFailureReason =
  /** The person told the carrier STOP: no text may go to the number until they text START. */
  | 'opted-out'
  /** Not a number that can take texts: malformed, unknown, or not a mobile. */
  | 'invalid-number'
  /** A real number the carrier cannot reach (handset off, a landline's carrier, no route). */
  | 'unreachable-number'
  /** The program's sender may not text this destination (its region is not enabled). */
  | 'not-permitted'
  /** Any other reason the provider gave (only in delivery reports). */
  | 'other';

/** A failure as the provider reported it: the program's reason and, for records and operators, the provider's own code. */
export interface SmsFailure {
  reason: SmsFailureReason;
  /** Opaque to the program: stored on the message and the consent ledger, never compared. */
  providerCode: string;
}

/**
 * The outcome of asking the SMS provider to send: accepted (on its way; delivery reports follow), or
 * refused for good. Transient failures are thrown instead (ProviderUnavailableError, DeliveryUnknownError).
 */
export type SmsSendOutcome =
  | { kind: 'accepted'; providerId: string }
  | { kind: 'refused'; failure: SmsFailure & { reason: Exclude<SmsFailureReason, 'other'> }; detail: string };

/** Where a text is after the provider took it, as the program follows it (a message's later states). */
export type SmsProgress = Extract<MessageStatus, 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed'>;

/** A delivery report (the provider's status callback), in the program's words. */
export interface SmsDeliveryReport {
  /** The id the provider gave the text when it accepted it. */
  providerId: string;
  progress: SmsProgress;
  /** Why it did not arrive, when the provider said. */
  failure?: SmsFailure;
}

/** Sends SMS (the Twilio Messages API in production and locally against a Twilio-shaped server). */
export interface SmsSender {
  /** Permanent failures (opted out, invalid number) come back as values; transient ones throw. */
  send(to: string, body: string): Promise<SmsSendOutcome>;
}

/** Checks that a webhook really came from the SMS provider. */
export interface WebhookVerifier {
  isValid(url: string, signature: string | undefined, params: Record<string, string>): boolean;
}
