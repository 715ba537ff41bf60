import type { SNSEvent } from 'aws-lambda';
import {
  isAuthenticated,
  parseInboundMail,
  type SesReceivedNotification,
} from '../adapters/ses/inbound-mail';
import { withEmailLayouts } from '../catalog/with-email-layouts';
import { withCorrelationId } from '../shared/correlation';
import { logger } from '../shared/logger';
import type { Deps } from '../use-cases/deps';
import { type EmailReplyOutcome, replyByEmail } from '../use-cases/replies/reply-by-email';
import { type LambdaWiring, lambdaDependencies } from '../wiring';
import { sesMailerOnFirstEmail } from '../wiring/ses-at-first-email';
import { snsAlerts } from '../wiring/sns-alerts';

/**
 * Email replies to check-ins: an SES receipt rule publishes each received message to SNS (UTF-8 encoding,
 * content included), and SNS invokes this function. Mail SES cannot authenticate is dropped.
 */
export async function handle(deps: Deps, event: SNSEvent): Promise<EmailReplyOutcome[]> {
  const outcomes: EmailReplyOutcome[] = [];
  for (const record of event.Records) {
    const notification = JSON.parse(record.Sns.Message) as SesReceivedNotification;
    if (notification.notificationType !== 'Received') continue;
    if (!isAuthenticated(notification.receipt)) {
      logger.warn('unauthenticated email reply dropped', { messageId: notification.mail.messageId });
      continue;
    }
    const email = await parseInboundMail(notification.mail.messageId, notification.content);
    outcomes.push(await withCorrelationId(record.Sns.MessageId, () => replyByEmail(deps, email)));
  }
  return outcomes;
}

/** The catalog parts and ports this function's entry point is built with (and the only ones bundled into it). */
export const wiring: LambdaWiring = {
  catalog: [withEmailLayouts],
  ports: [sesMailerOnFirstEmail, snsAlerts],
};

export const handler = async (event: SNSEvent): Promise<void> => {
  await handle(await lambdaDependencies(wiring), event);
};
