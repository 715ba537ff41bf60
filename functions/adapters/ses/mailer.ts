import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mailer, OutgoingEmail } from '../../ports/mailer';
import { DeliveryUnknownError, ProviderUnavailableError } from '../../shared/errors';

/** Sends email with SES v2. The client is injected, so it can point at the SES emulator. */
export class SesMailer implements Mailer {
  constructor(
    private readonly ses: SESv2Client,
    private readonly from: string,
    private readonly configurationSet?: string,
    /** Replies go here (the address SES receives check-in answers on), when it is not the From address. */
    private readonly replyTo?: string,
  ) {}

  async send(email: OutgoingEmail): Promise<string> {
    const headers = Object.entries(email.headers ?? {}).map(([Name, Value]) => ({ Name, Value }));
    const result = await this.ses
      .send(
        new SendEmailCommand({
          FromEmailAddress: email.fromName ? withDisplayName(this.from, email.fromName) : this.from,
          Destination: { ToAddresses: [email.to] },
          ...(this.replyTo ? { ReplyToAddresses: [this.replyTo] } : {}),
          ConfigurationSetName: this.configurationSet,
          Content: {
            Simple: {
              Subject: { Data: email.subject, Charset: 'UTF-8' },
              Body: {
                Html: { Data: email.html, Charset: 'UTF-8' },
                Text: { Data: email.text, Charset: 'UTF-8' },
              },
              ...(headers.length ? { Headers: headers } : {}),
            },
          },
        }),
      )
      .catch((error: unknown) => {
        throw transientOrUnknown(error);
      });
    return result.MessageId ?? '';
  }
}

/**
 * `"Name" <address>` from EMAIL_FROM's address ("Kintsugi <hello@example.org>" or a bare address) and
 * another display name; the name is quoted, with quotes, backslashes and line breaks taken out.
 */
export function withDisplayName(from: string, name: string): string {
  const address = from.match(/<([^<>\s]+@[^<>\s]+)>/)?.[1] ?? from.trim();
  return `"${name.replace(/["\\\r\n]/g, '')}" <${address}>`;
}

/** Network errors raised before the request left this machine: SES never saw it. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * SES refused the email (throttled, over quota, rejected: any 4xx) or was never reached: nothing was
 * sent, the queue may retry. A timeout or a 5xx may follow an accepted email: never retried.
 */
function transientOrUnknown(error: unknown): Error {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const code = (error as { code?: unknown }).code;
  const options = { cause: error };
  if (status !== undefined && status >= 400 && status < 500)
    return new ProviderUnavailableError(`SES refused the email (HTTP ${status})`, undefined, options);
  if (status === undefined && typeof code === 'string' && NOT_SENT.has(code))
    return new ProviderUnavailableError(`SES could not be reached (${code})`, undefined, options);
  return new DeliveryUnknownError(
    status ? `SES answered HTTP ${status}` : 'SES did not answer',
    undefined,
    options,
  );
}
