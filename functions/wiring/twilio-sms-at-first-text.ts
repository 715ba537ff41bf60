import type { SmsSender } from '../ports/sms';
import { atFirstUse } from './at-first-use';
import type { Port } from './index';

/**
 * Twilio's Messages API as `twilioSms` builds it (wiring/twilio-sms.ts), loaded at the first text rather
 * than when the function starts: for the settings page, which texts only when a person adds a mobile
 * number, so nearly all of its starts send none.
 */
export const twilioSmsAtFirstText: Port<'sms'> = {
  name: 'sms',
  loadsAtFirstUse: true,
  build: (built) => {
    const sms = atFirstUse(() => import('./twilio-sms').then(({ twilioSms }) => twilioSms.build(built)));
    const onFirstText: SmsSender = { send: async (to, body) => (await sms()).send(to, body) };
    return onFirstText;
  },
};
