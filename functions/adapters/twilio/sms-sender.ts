import type { SmsResult, SmsSender } from '../../ports/sms';
import { DeliveryUnknownError, ProviderUnavailableError } from '../../shared/errors';

/** The slice of the `twilio` client this adapter uses (`client.messages`). */
export interface TwilioMessages {
  create(params: {
    to: string;
    from?: string;
    messagingServiceSid?: string;
    body: string;
    statusCallback?: string;
  }): Promise<{ sid: string }>;
}

/** Twilio error codes that will never succeed on retry: recorded as failures, not retried. */
const PERMANENT_CODES = new Set([
  21211, // invalid To number
  21408, // region not enabled
  21610, // the number replied STOP
  21612, // cannot route to this number
  21614, // not a mobile number
  30003, // unreachable handset
  30005, // unknown destination
  30006, // landline or unreachable carrier
]);

/**
 * Sends SMS through Twilio's Messages API. `from` is a number (+1…), or a Messaging Service SID (MG…):
 * then Twilio picks the sender and the service's Advanced Opt-Out and A2P registration apply.
 */
export class TwilioSmsSender implements SmsSender {
  constructor(
    private readonly messages: TwilioMessages,
    private readonly from: string,
    private readonly statusCallback?: string,
  ) {}

  async send(to: string, body: string): Promise<SmsResult> {
    try {
      const message = await this.messages.create({
        to,
        ...(this.from.startsWith('MG') ? { messagingServiceSid: this.from } : { from: this.from }),
        body,
        ...(this.statusCallback ? { statusCallback: this.statusCallback } : {}),
      });
      return { ok: true, sid: message.sid };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'number' && PERMANENT_CODES.has(code)) {
        return { ok: false, permanent: true, code: String(code), message: (error as Error).message };
      }
      throw transientOrUnknown(error);
    }
  }
}

/** Network errors raised before the request left this machine: Twilio never saw it. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * A refusal (429, 503, any other 4xx) or an unreachable host means nothing was sent, so the queue may
 * retry. A timeout, a dropped connection or another 5xx may follow an accepted message: never retried.
 */
function transientOrUnknown(error: unknown): Error {
  const { status, code } = error as { status?: unknown; code?: unknown };
  const options = { cause: error };
  if (typeof status === 'number') {
    if (status === 429 || status === 503 || (status >= 400 && status < 500))
      return new ProviderUnavailableError(`Twilio refused the message (HTTP ${status})`, undefined, options);
    return new DeliveryUnknownError(`Twilio answered HTTP ${status}`, undefined, options);
  }
  if (typeof code === 'string' && NOT_SENT.has(code))
    return new ProviderUnavailableError(`Twilio could not be reached (${code})`, undefined, options);
  return new DeliveryUnknownError('Twilio did not answer', undefined, options);
}
