import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoStore } from '../adapters/dynamodb/store';
import { readSecret } from '../adapters/secrets/secrets';
import { parseTwilioSecret, reportUnusableTwilioSecret, type TwilioSecret } from '../adapters/twilio/secret';
import { type CatalogPart, catalogWith, compiledCatalog } from '../catalog/compiled';
import { systemClock } from '../ports/clock';
import { contactHash } from '../program/consent';
import type { StepBodies } from '../program/types';
import { type Config, parseConfig } from '../shared/config';
import { parseTokenKeys, TokenSigner } from '../shared/tokens';
import type { Deps } from '../use-cases/deps';

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
  if (twilio && !twilio.usable) reportUnusableTwilioSecret(twilio);
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
export const noTwilio = () =>
  new Error(
    'Twilio is not configured for this function: set TWILIO_SECRET_ARN (AWS) or TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM',
  );

/** What every adapter is built from: the config, the secrets read once, the clock. */
export interface Built {
  config: Config;
  twilio: TwilioSecret | undefined;
  clock: Deps['clock'];
}

/** The ports a function may send or check through, each built by one adapter below. */
type PortName = 'mailer' | 'sms' | 'webhooks' | 'queue' | 'alerts';

/**
 * Builds one port's adapter. A function's entry point names the ports it uses (functions/handlers/lambda.ts),
 * so each adapter, with its SDK client or Twilio code, is bundled and loaded only where it is used.
 */
export interface Port<K extends PortName = PortName> {
  name: K;
  build(built: Built): Deps[K] | Promise<Deps[K]>;
  /** Set when the adapter loads its code at its first use, not at the start: the bench times that use too. */
  loadsAtFirstUse?: true;
}

/** A port a function did not name: using it is a wiring bug, said at once rather than bundled for nothing. */
function notWired(name: PortName): never {
  throw new Error(
    `The ${name} port is not wired for this function: name it in its entry point (functions/wiring/)`,
  );
}

const UNWIRED: Pick<Deps, PortName> = {
  mailer: { send: () => Promise.reject(notWired('mailer')) },
  sms: { send: () => Promise.reject(notWired('sms')) },
  webhooks: { isValid: () => notWired('webhooks') },
  queue: {
    enqueue: () => Promise.reject(notWired('queue')),
    retryAfter: () => Promise.reject(notWired('queue')),
  },
  alerts: { notify: () => Promise.reject(notWired('alerts')) },
};

/** SDK clients made elsewhere, used instead of the ones built from the config (the benchmark's count requests). */
export interface SdkClients {
  dynamodb?: DynamoDBClient;
}

/**
 * Builds the adapters of the given ports (the others refuse, naming themselves) and the store, tokens and
 * catalog every function uses; `overrides` swap any of them (the local runtime's clock, queue and whole
 * catalog), `clients` the SDK clients under them.
 */
export async function assemble(
  config: Config,
  ports: readonly Port[],
  overrides: Partial<Deps>,
  clients: SdkClients,
): Promise<Deps> {
  const { tokenKeys, twilio, contactHashKey } = await resolveSecrets(config);
  const local = config.endpoints;
  const dynamo =
    clients.dynamodb ??
    new DynamoDBClient({
      region: config.region,
      ...(local.dynamodb ? { endpoint: local.dynamodb, credentials: LOCAL_CREDENTIALS } : {}),
    });
  const clock = overrides.clock ?? systemClock;
  const built: Built = { config, twilio, clock };
  const adapters: Partial<Deps> = { ...UNWIRED };
  for (const port of ports) {
    if (!(port.name in overrides)) Object.assign(adapters, { [port.name]: await port.build(built) });
  }
  return {
    config,
    catalog: compiledCatalog,
    store: dynamoStore(
      DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } }),
      config.tableName,
      { dueShards: config.dueShards, nowSeconds: () => Math.floor(clock.now().getTime() / 1000) },
    ),
    ...(adapters as Pick<Deps, PortName>),
    tokens: new TokenSigner(tokenKeys, () => Math.floor(clock.now().getTime() / 1000)),
    contactHash: contactHasher(contactHashKey),
    newId: randomUUID,
    ...overrides,
    clock,
  };
}

/** What a Lambda's entry point names: the catalog parts it reads and the ports it sends or checks through. */
export interface LambdaWiring {
  catalog?: readonly CatalogPart[];
  ports?: readonly Port[];
  /** Step bodies read one at a time at their first use, instead of a catalog part holding them all. */
  stepBodies?: StepBodies;
}

/**
 * `deps` as a function with this wiring sees them: the ports it names, the others refusing as they do in
 * its Lambda, and the catalog with only the parts it names. The tests run every handler through it
 * (test/unit/handler-wiring.test.ts), since `buildDeps` (the local runtime's) builds every port and part.
 */
export function asWired(deps: Deps, wiring: LambdaWiring, catalog = compiledCatalog): Deps {
  const named = new Set((wiring.ports ?? []).map((port) => port.name));
  const ports = Object.fromEntries(
    (Object.keys(UNWIRED) as PortName[]).map((name) => [name, named.has(name) ? deps[name] : UNWIRED[name]]),
  );
  const { stepBodies: _bodies, ...rest } = deps;
  return {
    ...rest,
    ...ports,
    catalog: catalogWith(wiring.catalog ?? [], catalog),
    ...(wiring.stepBodies ? { stepBodies: wiring.stepBodies } : {}),
  };
}

let lambdaDeps: Promise<Deps> | undefined;

/**
 * The dependencies of a Lambda, built once per cold start from its environment, with the parts of the
 * catalog and the ports its entry point names: each is bundled only into the functions that name it.
 */
export function lambdaDependencies(wiring: LambdaWiring = {}): Promise<Deps> {
  lambdaDeps ??= assemble(
    parseConfig(),
    wiring.ports ?? [],
    {
      catalog: catalogWith(wiring.catalog ?? []),
      ...(wiring.stepBodies ? { stepBodies: wiring.stepBodies } : {}),
    },
    {},
  ).catch((error) => {
    lambdaDeps = undefined; // a failed start (a secret not readable yet) is retried on the next event
    throw error;
  });
  return lambdaDeps;
}
