/** The outcome of asking the SMS provider to send. */
export type SmsResult =
  | { ok: true; sid: string }
  | { ok: false; permanent: true; code: string; message: string };

/** Sends SMS (the Twilio Messages API in production and locally against a Twilio-shaped server). */
export interface SmsSender {
  /** Permanent failures (opted out, invalid number) come back as values; transient ones throw. */
  send(to: string, body: string): Promise<SmsResult>;
}

/** Checks that a webhook really came from the SMS provider. */
export interface WebhookVerifier {
  isValid(url: string, signature: string | undefined, params: Record<string, string>): boolean;
}
