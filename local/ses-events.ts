import * as sesEvents from '../functions/handlers/ses-events';
import { ValidationError } from '../functions/shared/errors';
import type { Deps } from '../functions/use-cases/deps';

const DETAIL_TYPES = {
  Bounce: 'Email Bounced',
  Complaint: 'Email Complaint Received',
  Delivery: 'Email Delivered',
} as const;

/**
 * `POST /_local/ses-event` `{"type":"Bounce","email":"…","bounceType":"Permanent"}`: builds the EventBridge
 * event SES would publish for the configuration set and hands it to the same handler as in AWS.
 */
export async function injectSesEvent(
  deps: Deps,
  input: Record<string, unknown>,
): Promise<{ applied: number }> {
  const type = input.type;
  if (type !== 'Bounce' && type !== 'Complaint' && type !== 'Delivery') {
    throw new ValidationError('invalid_type', 'type must be "Bounce", "Complaint" or "Delivery".', 'type');
  }
  if (typeof input.email !== 'string' || !input.email.includes('@')) {
    throw new ValidationError('invalid_email', 'email must be the recipient address.', 'email');
  }
  const bounceType = input.bounceType ?? 'Permanent';
  if (type === 'Bounce' && bounceType !== 'Permanent' && bounceType !== 'Transient') {
    throw new ValidationError(
      'invalid_bounce_type',
      'bounceType must be "Permanent" or "Transient".',
      'bounceType',
    );
  }
  const email = input.email;
  const event: sesEvents.SesEvent = {
    version: '0',
    id: `local-${Date.now()}`,
    'detail-type': DETAIL_TYPES[type],
    source: 'aws.ses',
    account: '000000000000',
    time: deps.clock.now().toISOString(),
    region: 'local',
    resources: [],
    detail: {
      eventType: type,
      mail: { messageId: 'local', destination: [email] },
      ...(type === 'Bounce'
        ? {
            bounce: {
              bounceType: bounceType as 'Permanent' | 'Transient',
              bounceSubType: bounceType === 'Permanent' ? 'General' : 'MailboxFull',
              bouncedRecipients: [{ emailAddress: email }],
            },
          }
        : {}),
      ...(type === 'Complaint'
        ? { complaint: { complainedRecipients: [{ emailAddress: email }], complaintFeedbackType: 'abuse' } }
        : {}),
      ...(type === 'Delivery' ? { delivery: { recipients: [email] } } : {}),
    },
  };
  await sesEvents.handle(deps, event);
  return { applied: 1 };
}
