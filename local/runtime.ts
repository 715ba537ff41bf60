/**
 * The local runtime: the program's handlers behind one HTTP server, on DynamoDB Local, the SES emulator
 * and a local Twilio server, with a clock that fast-forwards. Its own `/_local/*` routes live in routes/.
 */
import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../functions/adapters/dynamodb/table';
import { completeCatalog } from '../functions/catalog/complete';
import { buildDeps } from '../functions/every-port';
import * as send from '../functions/handlers/send';
import { parseConfig } from '../functions/shared/config';
import { type HttpEvent, type HttpResult, json, respond } from '../functions/shared/http';
import type { Deps } from '../functions/use-cases/deps';
import { dispatch } from '../functions/use-cases/sending/dispatch';
import { LocalClock } from './clock';
import { startTwilioServer, type TwilioServer } from './emulators/twilio-server';
import { type AdvanceResult, fastForward } from './fast-forward';
import { listenWhileStarting, requestListener, type StartingServer } from './http-server';
import { LocalOperatorAlerts } from './operator-alerts';
import { type LocalContext, localRouteFor, programHandleFor } from './routes';
import { InProcessSendQueue } from './send-queue';
import { SentLog } from './sent-log';
import { postSmsReply, type SmsReplyResult } from './sms-reply';

export type { AdvanceResult } from './fast-forward';
export { listenWhileStarting, STARTING_ANSWER, type StartingServer } from './http-server';
export { LOCAL_ROUTES } from './routes';

/** Local defaults, documented in the README. Never used in AWS, where secrets come from Secrets Manager. */
export const LOCAL_DEFAULTS = {
  TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
  TWILIO_AUTH_TOKEN: 'kintsugi-local-twilio-auth-token',
  TWILIO_FROM: '+15005550006',
  TOKEN_KEY: 'kintsugi-local-token-key-not-a-secret-0000',
  CONTACT_HASH_KEY: 'kintsugi-local-contact-hash-key-not-a-secret',
  REPLY_TO: 'replies@kintsugi.example',
};

export interface RuntimeOptions {
  /** The app's port; 0 picks a free one. */
  port?: number;
  /** A server already listening (`listenWhileStarting`), answering 503 until this runtime takes it over; `port` is then unused. */
  server?: StartingServer;
  dynamodbEndpoint: string;
  sesEndpoint: string;
  tableName?: string;
  /** The simulated time to start from (default: now). */
  startAt?: Date;
  /** Real milliseconds between background dispatch ticks; 0 turns them off (tests drive the clock). */
  tickMs?: number;
  /** Whether the local Twilio server posts delivery callbacks by itself (default true). */
  twilioStatusCallbacks?: boolean;
  /** Extra environment (PUBLIC_URL, TWILIO_AUTH_TOKEN, DUE_SHARDS…), read like the Lambda's. */
  env?: Record<string, string | undefined>;
  /** A DynamoDB client of the caller's for the store (the simulation's counts what it reads and writes). */
  dynamoDbClient?: DynamoDBClient;
  /** Batches of send jobs handed to the send handler at once (default 5, the send function's maxConcurrency). */
  sendConcurrency?: number;
}

/** The whole program running locally: the same handlers behind an HTTP server, on a fast-forward clock. */
export interface Runtime {
  url: string;
  deps: Deps;
  clock: LocalClock;
  twilio: TwilioServer;
  queue: InProcessSendQueue;
  /** Moves the simulated clock, running every dispatch due on the way, in order (none during an `outage`). */
  advanceTo(target: Date, options?: { outage?: boolean }): Promise<AdvanceResult>;
  /** Posts a correctly signed inbound SMS webhook, as Twilio would. */
  replyBySms(from: string, body: string): Promise<SmsReplyResult>;
  stop(): Promise<void>;
}

/** Starts the local runtime against running DynamoDB Local and SES emulators. */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  // The port answers (503) from the first moment; the program takes it over once everything is up.
  const starting = options.server ?? (await listenWhileStarting(options.port ?? 3000));
  try {
    return await startOn(starting, options);
  } catch (error) {
    if (!options.server) await new Promise((resolve) => starting.server.close(resolve));
    throw error;
  }
}

async function startOn(starting: StartingServer, options: RuntimeOptions): Promise<Runtime> {
  const env = { ...LOCAL_DEFAULTS, ...options.env };
  const twilio = await startTwilioServer({
    accountSid: env.TWILIO_ACCOUNT_SID,
    authToken: env.TWILIO_AUTH_TOKEN,
    ...(options.twilioStatusCallbacks === false ? { statusCallbacks: false as const } : {}),
  });
  const { server, port } = starting;
  const url = `http://localhost:${port}`;
  const config = parseConfig({
    ...env,
    PORT: String(port),
    TABLE_NAME: options.tableName ?? 'kintsugi',
    DYNAMODB_ENDPOINT: options.dynamodbEndpoint,
    SES_ENDPOINT: options.sesEndpoint,
    TWILIO_API_URL: twilio.baseUrl,
  });
  const clock = new LocalClock(options.startAt);
  // A redelivery waits out its visibility timeout on the simulated clock, as it would on SQS's.
  const queue = new InProcessSendQueue(async (ms) => {
    clock.moveTo(new Date(clock.now().getTime() + ms));
    await new Promise((resolve) => setImmediate(resolve));
  }, options.sendConcurrency);
  const alerts = new LocalOperatorAlerts(clock);
  const sent = new SentLog(clock);
  const deps = sent.recording(
    await buildDeps(
      config,
      { clock, queue, alerts, catalog: completeCatalog },
      options.dynamoDbClient ? { dynamodb: options.dynamoDbClient } : {},
    ),
  );
  // Step emails take their bodies as the send function does in Lambda: each read from its own file at its
  // first use.
  const sendDeps = { ...deps, stepBodies: send.wiring.stepBodies };
  queue.attach((event) => send.handle(sendDeps, event));
  await ensureTable(
    new DynamoDBClient({
      region: config.region,
      endpoint: options.dynamodbEndpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
    config.tableName,
  );

  // One dispatch at a time, whether from the background tick or a fast-forward.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = chain.then(work, work);
    chain = run.catch(() => undefined);
    return run;
  };
  const advanceTo = (target: Date, options?: { outage?: boolean }) =>
    serial(() => fastForward({ deps, clock, sent }, target, options));
  const replyBySms = (from: string, body: string) =>
    postSmsReply(
      {
        url,
        publicUrl: config.publicUrl,
        accountSid: env.TWILIO_ACCOUNT_SID,
        authToken: env.TWILIO_AUTH_TOKEN,
        programNumber: env.TWILIO_FROM,
        twilio,
        clock,
        sent,
      },
      from,
      body,
    );

  // The local routes first (`/_local/*`), then the program's own API, as API Gateway would route it.
  const context: LocalContext = {
    deps,
    clock,
    alerts,
    twilio,
    sent,
    sesEndpoint: options.sesEndpoint,
    advanceTo,
    replyBySms,
  };
  const answer = (event: HttpEvent): Promise<HttpResult> => {
    const { method } = event.requestContext.http;
    const local = localRouteFor(method, event.rawPath);
    if (local) return respond(event, () => local.handle(context, { event, body: event.body ?? '' }));
    const program = programHandleFor(method, event.rawPath);
    if (program) return program(deps, event);
    return Promise.resolve(
      json(404, { error: { code: 'not_found', message: `No route for ${event.routeKey}` } }),
    );
  };

  // Everything is up: the program answers from here on.
  starting.ready(requestListener(answer));

  const timer = options.tickMs
    ? setInterval(() => void serial(() => dispatch(deps)).catch(() => undefined), options.tickMs)
    : undefined;

  return {
    url,
    deps,
    clock,
    twilio,
    queue,
    advanceTo,
    replyBySms,
    async stop() {
      if (timer) clearInterval(timer);
      await chain;
      // Connections kept alive (65 s here) would hold close() open: they are ended first.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await closed;
      await twilio.stop();
    },
  };
}

/** A random id for a local run's table, so parallel test files never share data. */
export const uniqueTableName = (prefix = 'kintsugi') => `${prefix}-${randomBytes(4).toString('hex')}`;
