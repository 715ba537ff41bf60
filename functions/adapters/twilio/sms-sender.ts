import type { SmsSender, SmsSendOutcome } from '../../ports/sms';
import { DeliveryUnknownError, ProviderUnavailableError } from '../../shared/errors';
import { isPermanentCode, reasonOfCode } from './outcomes';

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

  async send(to: string, body: string): Promise<SmsSendOutcome> {
    try {
      const message = await this.messages.create({
        to,
        ...(this.from.startsWith('MG') ? { messagingServiceSid: this.from } : { from: this.from }),
        body,
        ...(this.statusCallback ? { statusCallback: this.statusCallback } : {}),
      });
      return { kind: 'accepted', providerId: message.sid };
    } catch (error) {
      // A permanent refusal is a value in the program's words; Twilio's code stays only as a record.
      const code = (error as { code?: unknown }).code;
      if (isPermanentCode(code)) {
        return {
          kind: 'refused',
          failure: { reason: reasonOfCode(code), providerCode: String(code) },
          detail: (error as Error).message,
        };
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
