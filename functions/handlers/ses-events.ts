import type { EventBridgeEvent } from 'aws-lambda';
import { withCorrelationId } from '../shared/correlation';
import type { Deps } from '../use-cases/deps';
import { type EmailEvent, recordEmailEvent } from '../use-cases/sending/email-events';
import { type LambdaWiring, lambdaDependencies } from '../wiring';

/** The `detail` of an SES event published by the configuration set to EventBridge. */
export interface SesEventDetail {
  eventType: 'Bounce' | 'Complaint' | 'Delivery' | string;
  mail: { messageId: string; destination: string[] };
  bounce?: {
    bounceType: 'Permanent' | 'Transient' | 'Undetermined';
    bounceSubType: string;
    bouncedRecipients: { emailAddress: string; diagnosticCode?: string }[];
  };
  complaint?: { complainedRecipients: { emailAddress: string }[]; complaintFeedbackType?: string };
  delivery?: { recipients: string[] };
}

export type SesEvent = EventBridgeEvent<string, SesEventDetail>;

/** One EmailEvent per recipient the SES event names. */
export function emailEventsOf(detail: SesEventDetail): EmailEvent[] {
  switch (detail.eventType) {
    case 'Bounce': {
      const bounce = detail.bounce;
      if (!bounce) return [];
      return bounce.bouncedRecipients.map((r) => ({
        type: 'bounce' as const,
        email: r.emailAddress,
        permanent: bounce.bounceType === 'Permanent',
        reason: `${bounce.bounceType}/${bounce.bounceSubType}`,
      }));
    }
    case 'Complaint':
      return (detail.complaint?.complainedRecipients ?? []).map((r) => ({
        type: 'complaint' as const,
        email: r.emailAddress,
        reason: detail.complaint?.complaintFeedbackType ?? 'abuse',
      }));
    case 'Delivery':
      return (detail.delivery?.recipients ?? detail.mail.destination).map((email) => ({
        type: 'delivery' as const,
        email,
      }));
    default:
      return [];
  }
}

/** Applies an SES bounce, complaint or delivery event. */
export async function handle(deps: Deps, event: SesEvent): Promise<void> {
  await withCorrelationId(event.id, async () => {
    for (const emailEvent of emailEventsOf(event.detail)) await recordEmailEvent(deps, emailEvent);
  });
}

/** This function's entry point adds no catalog part and names no port (no mail, texts, queue or alerts). */
export const wiring: LambdaWiring = {};

export const handler = async (event: SesEvent): Promise<void> =>
  handle(await lambdaDependencies(wiring), event);
