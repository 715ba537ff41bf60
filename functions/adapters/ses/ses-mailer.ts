import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { Mailer } from '../../ports/mailer';
import type { Config } from '../../shared/config';
import type { Port } from '../../wiring';
import { pacedMailer, shareOfRate } from '../pacing';
import { SesMailer } from './mailer';
import { retryThrottlingOnly } from './retry';

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * SES v2 from the config: the emulator locally, the region's endpoint in AWS; not paced. The reply
 * webhooks import it only when a first email needs it (functions/wiring/ses-at-first-email.ts).
 */
export function sesMailerFrom(config: Config): Mailer {
  const local = config.endpoints;
  const ses = new SESv2Client({
    ...(local.ses
      ? { region: 'aws-ses-v2-local', endpoint: local.ses, credentials: LOCAL_CREDENTIALS }
      : { region: config.region }),
    // A send that timed out may have gone: only throttled calls are repeated (see retryThrottlingOnly).
    retryStrategy: retryThrottlingOnly(),
    requestHandler: { requestTimeout: config.providerTimeoutMs, throwOnRequestTimeout: true },
  });
  return new SesMailer(ses, config.emailFrom, config.sesConfigurationSet, config.replyTo);
}

/** SES, paced to this instance's share of SES_MAX_SEND_RATE so a burst of sends waits its turn. */
export const sesMailer: Port<'mailer'> = {
  name: 'mailer',
  build: ({ config }) =>
    pacedMailer(sesMailerFrom(config), shareOfRate(config.pacing.emailsPerSecond, config.pacing.instances)),
};
