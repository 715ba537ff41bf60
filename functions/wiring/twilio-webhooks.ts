import { unusableTwilioAdapters } from '../adapters/twilio/secret';
import { TwilioWebhookVerifier } from '../adapters/twilio/webhooks';
import { noTwilio, type Port } from './index';

/** Checks Twilio's webhook signatures with the auth token. */
export const twilioWebhooks: Port<'webhooks'> = {
  name: 'webhooks',
  build: ({ twilio }) => {
    if (!twilio)
      return {
        isValid: () => {
          throw noTwilio();
        },
      };
    if (!twilio.usable) return unusableTwilioAdapters(twilio).webhooks;
    return new TwilioWebhookVerifier(twilio.credentials.authToken);
  },
};
