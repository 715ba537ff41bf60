import { validateRequest } from 'twilio/lib/webhooks/webhooks';
import type { WebhookVerifier } from '../../ports/sms';

/** Checks X-Twilio-Signature with only Twilio's webhook module (a few KB), not the whole client. */
export class TwilioWebhookVerifier implements WebhookVerifier {
  constructor(private readonly authToken: string) {}

  isValid(url: string, signature: string | undefined, params: Record<string, string>): boolean {
    if (!signature) return false;
    return validateRequest(this.authToken, signature, url, params);
  }
}
