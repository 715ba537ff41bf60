import { pacedSmsSender, shareOfRate } from '../adapters/pacing';
import { createMessagesClient } from '../adapters/twilio/messages-client';
import { unusableTwilioAdapters } from '../adapters/twilio/secret';
import { TwilioSmsSender } from '../adapters/twilio/sms-sender';
import { noTwilio, type Port } from './index';

/**
 * Twilio's Messages API, paced to this instance's share of TWILIO_MESSAGES_PER_SECOND. In a file of its own,
 * imported only by the functions that text (send, confirm): Twilio's code is CommonJS, which esbuild cannot
 * shake out of the bundles of functions that never text.
 */
export const twilioSms: Port<'sms'> = {
  name: 'sms',
  build: ({ config, twilio }) => {
    const { textsPerSecond, instances } = config.pacing;
    if (!twilio) return { send: () => Promise.reject(noTwilio()) };
    if (!twilio.usable)
      return pacedSmsSender(unusableTwilioAdapters(twilio).sms, shareOfRate(textsPerSecond, instances));
    const messages = createMessagesClient({
      accountSid: twilio.credentials.accountSid,
      authToken: twilio.credentials.authToken,
      timeoutMs: config.providerTimeoutMs,
      ...(config.endpoints.twilioApi ? { baseUrl: config.endpoints.twilioApi } : {}),
    });
    return pacedSmsSender(
      new TwilioSmsSender(messages, twilio.credentials.from, `${config.publicUrl}/sms/status`),
      shareOfRate(textsPerSecond, instances),
    );
  },
};
