import { pacedMailer, shareOfRate } from '../adapters/pacing';
import type { Mailer } from '../ports/mailer';
import { atFirstUse } from './at-first-use';
import type { Port } from './index';

/**
 * SES as `sesMailer` (adapters/ses/ses-mailer.ts) sends it, with the SES client loaded at the first email
 * rather than when the function starts: for the reply webhooks, which email only the crisis lines (a reply
 * with signs of danger or concern), so most of their starts send none.
 */
export const sesMailerOnFirstEmail: Port<'mailer'> = {
  name: 'mailer',
  loadsAtFirstUse: true,
  build: ({ config }) => {
    const ses = atFirstUse(() =>
      import('../adapters/ses/ses-mailer').then(({ sesMailerFrom }) => sesMailerFrom(config)),
    );
    const onFirstEmail: Mailer = { send: async (email) => (await ses()).send(email) };
    return pacedMailer(onFirstEmail, shareOfRate(config.pacing.emailsPerSecond, config.pacing.instances));
  },
};
