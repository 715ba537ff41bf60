import { sesMailer } from './adapters/ses/ses-mailer';
import type { Config } from './shared/config';
import type { Deps } from './use-cases/deps';
import { assemble, type Port, type SdkClients } from './wiring';
import { snsAlerts } from './wiring/sns-alerts';
import { sqsQueue } from './wiring/sqs-queue';
import { twilioSms } from './wiring/twilio-sms';
import { twilioWebhooks } from './wiring/twilio-webhooks';

/** Every port: what the local runtime, the CLI and the tests build. */
const EVERY_PORT: readonly Port[] = [sesMailer, twilioSms, twilioWebhooks, sqsQueue, snsAlerts];

/**
 * Every adapter built from the config (the local runtime, the CLI, tests), with the compiled catalog. Apart
 * from functions/wiring/ so that a Lambda's bundle holds only the adapters its entry point names.
 */
export const buildDeps = (
  config: Config,
  overrides: Partial<Deps> = {},
  clients: SdkClients = {},
): Promise<Deps> => assemble(config, EVERY_PORT, overrides, clients);
