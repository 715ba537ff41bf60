import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoStore } from './adapters/dynamodb/store';
import { pacedMailer, pacedSmsSender, shareOfRate } from './adapters/pacing';
import { readSecret } from './adapters/secrets/secrets';
import { SesMailer } from './adapters/ses/mailer';
import { retryThrottlingOnly } from './adapters/ses/retry';
import { SnsOperatorAlerts } from './adapters/sns/operator-alerts';
import { SqsSendQueue } from './adapters/sqs/send-queue';
import { createMessagesClient } from './adapters/twilio/messages-client';
import {
  parseTwilioSecret,
  reportUnusableTwilioSecret,
  type TwilioSecret,
  unusableTwilioAdapters,
} from './adapters/twilio/secret';
import { TwilioSmsSender } from './adapters/twilio/sms-sender';
import { TwilioWebhookVerifier } from './adapters/twilio/webhooks';
import { type CatalogPart, catalogWith, compiledCatalog } from './catalog/compiled';
import { systemClock } from './ports/clock';
import type { SendQueue } from './ports/queue';
import type { SmsSender, WebhookVerifier } from './ports/sms';
import { contactHash } from './program/consent';
import { type Config, parseConfig } from './shared/config';
import { parseTokenKeys, TokenSigner } from './shared/tokens';
import type { Deps } from './use-cases/deps';

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** The secrets a deployment needs: from Secrets Manager by ARN in AWS, from the environment locally. */
async function resolveSecrets(config: Config) {
  const tokenKey = config.secrets.tokenSecretArn
    ? await readSecret(config.secrets.tokenSecretArn, config.region)
    : config.secrets.tokenKey;
  // A Twilio secret that cannot be used stops texts only (adapters/twilio/secret.ts), never the function.
  const twilio: TwilioSecret | undefined = config.secrets.twilioSecretArn
    ? parseTwilioSecret(await readSecret(config.secrets.twilioSecretArn, config.region))
    : config.secrets.twilio && { usable: true, credentials: config.secrets.twilio };
  if (!tokenKey) throw new Error('No token key: set TOKEN_SECRET_ARN (AWS) or TOKEN_KEY (local)');
  const keys = parseTokenKeys(tokenKey);
  if (!config.secrets.tokenSecretArn && config.secrets.previousTokenKeys.length) {
    keys.previous = config.secrets.previousTokenKeys;
  }
  const contactHashKey = config.secrets.contactHashSecretArn
    ? await readSecret(config.secrets.contactHashSecretArn, config.region)
    : config.secrets.contactHashKey;
  return { tokenKeys: keys, twilio, contactHashKey };
}

/** Tombstones are hashed with a key only the functions that erase (or check for erased contacts) are given. */
function contactHasher(key: string | undefined): (contact: string) => string {
  if (key) return (contact) => contactHash(contact, key);
  return () => {
    throw new Error(
      'No contact-hash key for this function: set CONTACT_HASH_SECRET_ARN (AWS) or CONTACT_HASH_KEY (local)',
    );
  };
}

/** Functions that never text (report, unsubscribe…) get no Twilio secret; using SMS there is a wiring bug. */
const noTwilio = () =>
  new Error(
    'Twilio is not configured for this function: set TWILIO_SECRET_ARN (AWS) or TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM',
  );

function twilioAdapters(
  config: Config,
  secret: TwilioSecret | undefined,
): { sms: SmsSender; webhooks: WebhookVerifier } {
  if (!secret) {
    return {
      sms: { send: () => Promise.reject(noTwilio()) },
      webhooks: {
        isValid: () => {
          throw noTwilio();
        },
      },
    };
  }
  if (!secret.usable) {
    reportUnusableTwilioSecret(secret);
    return unusableTwilioAdapters(secret);
  }
  const twilio = secret.credentials;
  const messages = createMessagesClient({
    accountSid: twilio.accountSid,
    authToken: twilio.authToken,
    timeoutMs: config.providerTimeoutMs,
    ...(config.endpoints.twilioApi ? { baseUrl: config.endpoints.twilioApi } : {}),
  });
  return {
    sms: new TwilioSmsSender(messages, twilio.from, `${config.publicUrl}/sms/status`),
    webhooks: new TwilioWebhookVerifier(twilio.authToken),
  };
}

/**
 * The email and SMS providers, each paced to this instance's share of its rate (SES_MAX_SEND_RATE,
 * TWILIO_MESSAGES_PER_SECOND) so a burst of sends waits its turn instead of being throttled.
 */
function providers(config: Config, ses: SESv2Client, twilio: TwilioSecret | undefined) {
  const { emailsPerSecond, textsPerSecond, instances } = config.pacing;
  const { sms, webhooks } = twilioAdapters(config, twilio);
  return {
    mailer: pacedMailer(
      new SesMailer(ses, config.emailFrom, config.sesConfigurationSet, config.replyTo),
      shareOfRate(emailsPerSecond, instances),
    ),
    sms: pacedSmsSender(sms, shareOfRate(textsPerSecond, instances)),
    webhooks,
  };
}

/** SDK clients made elsewhere, used instead of the ones built from the config (the benchmark's count requests). */
export interface SdkClients {
  dynamodb?: DynamoDBClient;
}

/**
 * Builds every adapter from the config, with the compiled catalog; `overrides` swap any of them (the local
 * runtime's clock, queue and whole catalog), `clients` the SDK clients under them.
 */
export async function buildDeps(
  config: Config,
  overrides: Partial<Deps> = {},
  clients: SdkClients = {},
): Promise<Deps> {
  const { tokenKeys, twilio, contactHashKey } = await resolveSecrets(config);
  const local = config.endpoints;
  const dynamo =
    clients.dynamodb ??
    new DynamoDBClient({
      region: config.region,
      ...(local.dynamodb ? { endpoint: local.dynamodb, credentials: LOCAL_CREDENTIALS } : {}),
    });
  const ses = new SESv2Client({
    ...(local.ses
      ? { region: 'aws-ses-v2-local', endpoint: local.ses, credentials: LOCAL_CREDENTIALS }
      : { region: config.region }),
    // A send that timed out may have gone: only throttled calls are repeated (see retryThrottlingOnly).
    retryStrategy: retryThrottlingOnly(),
    requestHandler: { requestTimeout: config.providerTimeoutMs, throwOnRequestTimeout: true },
  });
  const clock = overrides.clock ?? systemClock;
  const queue: SendQueue =
    overrides.queue ?? new SqsSendQueue(new SQSClient({ region: config.region }), config.sendQueueUrl);
  return {
    config,
    catalog: compiledCatalog,
    store: dynamoStore(
      DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } }),
      config.tableName,
      { dueShards: config.dueShards, nowSeconds: () => Math.floor(clock.now().getTime() / 1000) },
    ),
    ...providers(config, ses, twilio),
    alerts: config.safetyTopicArn
      ? new SnsOperatorAlerts(new SNSClient({ region: config.region }), config.safetyTopicArn)
      : { notify: () => Promise.reject(new Error('SAFETY_TOPIC_ARN is not set for this function')) },
    tokens: new TokenSigner(tokenKeys, () => Math.floor(clock.now().getTime() / 1000)),
    contactHash: contactHasher(contactHashKey),
    newId: randomUUID,
    ...overrides,
    clock,
    queue,
  };
}

let lambdaDeps: Promise<Deps> | undefined;

/**
 * The dependencies of a Lambda, built once per cold start from its environment, with the parts of the
 * catalog its entry point names (each part is bundled only into the functions that name it).
 */
export function lambdaDependencies(...parts: CatalogPart[]): Promise<Deps> {
  lambdaDeps ??= buildDeps(parseConfig(), { catalog: catalogWith(parts) }).catch((error) => {
    lambdaDeps = undefined; // a failed start (a secret not readable yet) is retried on the next event
    throw error;
  });
  return lambdaDeps;
}
