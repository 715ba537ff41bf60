import { randomUUID } from 'node:crypto';
import type { SNSEvent } from 'aws-lambda';
import type { SesReceivedNotification } from '../functions/adapters/ses/inbound-mail';
import * as emailInbound from '../functions/handlers/email-inbound';
import { ValidationError } from '../functions/shared/errors';
import type { Deps } from '../functions/use-cases/deps';
import type { EmailReplyOutcome } from '../functions/use-cases/replies/reply-by-email';

const PASS = { status: 'PASS' } as const;

/**
 * `POST /_local/email/reply` `{"from":"…","subject":"Re: …","text":"4"}` (optional `inReplyTo`): builds the
 * raw message and the SNS notification an SES receipt rule would publish, and hands it to the same handler.
 */
export async function injectEmailReply(
  deps: Deps,
  input: Record<string, unknown>,
): Promise<EmailReplyOutcome> {
  if (typeof input.from !== 'string' || !/^[^\s@<>]+@[^\s@<>]+$/.test(input.from)) {
    throw new ValidationError('invalid_from', 'from must be the sender’s email address.', 'from');
  }
  if (typeof input.text !== 'string' || input.text.length > 100_000) {
    throw new ValidationError('invalid_text', 'text must be the plain text of the reply.', 'text');
  }
  const subject = typeof input.subject === 'string' ? input.subject.replace(/[\r\n]/g, ' ') : 'Re: Kintsugi';
  const inReplyTo =
    typeof input.inReplyTo === 'string' ? input.inReplyTo.replace(/[\r\n<>]/g, '') : undefined;
  const messageId = `local-${randomUUID()}`;
  const content = [
    `From: ${input.from}`,
    `To: ${deps.config.emailFrom}`,
    `Subject: ${subject}`,
    `Message-ID: <${messageId}@local>`,
    ...(inReplyTo ? [`In-Reply-To: <${inReplyTo}>`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    input.text,
  ].join('\r\n');
  const notification: SesReceivedNotification = {
    notificationType: 'Received',
    mail: { messageId, source: input.from, timestamp: deps.clock.now().toISOString() },
    receipt: {
      spamVerdict: PASS,
      virusVerdict: PASS,
      spfVerdict: PASS,
      dkimVerdict: PASS,
      dmarcVerdict: PASS,
    },
    content,
  };
  const event = {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: 'arn:aws:sns:local:000000000000:kintsugi-email-inbound:local',
        Sns: {
          Type: 'Notification',
          MessageId: randomUUID(),
          TopicArn: 'arn:aws:sns:local:000000000000:kintsugi-email-inbound',
          Subject: 'Amazon SES Email Receipt Notification',
          Message: JSON.stringify(notification),
          Timestamp: deps.clock.now().toISOString(),
          SignatureVersion: '1',
          Signature: '',
          SigningCertUrl: '',
          UnsubscribeUrl: '',
          MessageAttributes: {},
        },
      },
    ],
  } satisfies SNSEvent;
  const [outcome] = await emailInbound.handle(deps, event);
  return outcome ?? { outcome: 'ignored', reason: 'unknown-sender' };
}
