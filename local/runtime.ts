import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Duration } from 'luxon';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { ensureTable } from '../functions/adapters/dynamodb/table';
import * as checkin from '../functions/handlers/checkin';
import * as confirm from '../functions/handlers/confirm';
import * as enroll from '../functions/handlers/enroll';
import type { Route } from '../functions/handlers/lambda';
import * as partner from '../functions/handlers/partner';
import * as privacy from '../functions/handlers/privacy';
import * as report from '../functions/handlers/report';
import { HTTP_ROUTES, type HttpHandlerName } from '../functions/handlers/routes';
import { sendBatch } from '../functions/handlers/send';
import * as settings from '../functions/handlers/settings';
import * as smsInbound from '../functions/handlers/sms-inbound';
import * as smsStatus from '../functions/handlers/sms-status';
import * as unsubscribe from '../functions/handlers/unsubscribe';
import { parseConfig } from '../functions/shared/config';
import { ValidationError } from '../functions/shared/errors';
import { json, respond, wantsJson } from '../functions/shared/http';
import type { Deps } from '../functions/use-cases/deps';
import { dispatch } from '../functions/use-cases/dispatch';
import { buildDeps } from '../functions/wiring';
import { adminOperationOf, runAdminOperation } from './admin-operations';
import { toApiGatewayEvent } from './api-gateway';
import { LocalClock } from './clock';
import { injectEmailReply } from './email-inbound';
import { listEmails } from './emulators/ses';
import { startTwilioServer, type TwilioServer, twilioSid } from './emulators/twilio-server';
import { LocalOperatorAlerts, renderSafetyPage } from './operator-alerts';
import { renderPhonePage } from './phone-page';
import { renderPreviewPage } from './preview-page';
import { InProcessSendQueue } from './send-queue';
import { injectSesEvent } from './ses-events';

/** Local defaults, documented in the README. Never used in AWS, where secrets come from Secrets Manager. */
export const LOCAL_DEFAULTS = {
  TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
  TWILIO_AUTH_TOKEN: 'kintsugi-local-twilio-auth-token',
  TWILIO_FROM: '+15005550006',
  TOKEN_KEY: 'kintsugi-local-token-key-not-a-secret-0000',
  CONTACT_HASH_KEY: 'kintsugi-local-contact-hash-key-not-a-secret',
  REPLY_TO: 'replies@kintsugi.example',
};

const ROUTES: Record<HttpHandlerName, Route> = {
  enroll: enroll.route,
  confirm: confirm.route,
  'sms-inbound': smsInbound.route,
  'sms-status': smsStatus.route,
  unsubscribe: unsubscribe.route,
  checkin: checkin.route,
  report: report.route,
  privacy: privacy.route,
  partner: partner.route,
  settings: settings.route,
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

export interface AdvanceResult {
  now: string;
  dispatches: number;
  sent: { email: number; sms: number };
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
  replyBySms(from: string, body: string): Promise<{ status: number; twiml: string; reply: string | null }>;
  stop(): Promise<void>;
}

/** The answer to any request that comes before the runtime is ready: 503, try again in a second. */
export const STARTING_ANSWER = {
  status: 503,
  retryAfterSeconds: 1,
  body: { error: { code: 'starting', message: 'Kintsugi is starting; try again in a moment.' } },
};

/** The app's port while the program starts: it answers every request with STARTING_ANSWER until `ready`. */
export interface StartingServer {
  server: http.Server;
  port: number;
  /** From now on `handler` answers every request. */
  ready(handler: http.RequestListener): void;
}

/**
 * Listens on `port` at once, before anything else starts, and answers 503 (with Retry-After and a JSON
 * error) until `ready`: a request that comes while the emulators and tables start is told to come back,
 * never left waiting for ever (a client without a timeout would wait that long).
 */
export async function listenWhileStarting(port: number): Promise<StartingServer> {
  let handler: http.RequestListener | undefined;
  const server = http.createServer((req, res) => {
    if (handler) return handler(req, res);
    req.resume(); // the body is not read, but must not hold the connection
    res.writeHead(STARTING_ANSWER.status, {
      'content-type': 'application/json',
      'retry-after': String(STARTING_ANSWER.retryAfterSeconds),
      'cache-control': 'no-store',
    });
    res.end(JSON.stringify(STARTING_ANSWER.body));
  });
  // Idle connections outlive any client's own idle timeout (undici's is 4 s), so a client never sends on a
  // socket the server is closing at that moment (ECONNRESET when a busy machine delays the timers).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    ready: (next) => {
      handler = next;
    },
  };
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
  const base = await buildDeps(
    config,
    { clock, queue, alerts },
    options.dynamoDbClient ? { dynamodb: options.dynamoDbClient } : {},
  );
  // Emulators stamp messages with real time; remember the simulated time each one was sent at.
  const sentAt = new Map<string, string>();
  // Counted as they go, so a fast-forward never lists the emulators' whole outboxes.
  const outbound = { email: 0, sms: 0 };
  const deps: Deps = {
    ...base,
    mailer: {
      async send(email) {
        const id = await base.mailer.send(email);
        sentAt.set(id, clock.now().toISOString());
        outbound.email++;
        return id;
      },
    },
    sms: {
      async send(to, body) {
        const result = await base.sms.send(to, body);
        if (result.ok) {
          sentAt.set(result.sid, clock.now().toISOString());
          outbound.sms++;
        }
        return result;
      },
    },
  };
  const smsThread = () => twilio.messages().map((m) => ({ ...m, at: sentAt.get(m.sid) ?? m.at }));
  const emails = async () =>
    (await listEmails(options.sesEndpoint)).map((e) => ({ ...e, at: sentAt.get(e.messageId) ?? e.at }));
  queue.attach((event) => sendBatch(deps, event));
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

  const advanceTo = (target: Date, { outage = false } = {}) =>
    serial(async () => {
      const before = { ...outbound };
      if (outage) {
        // The scheduler is down: time passes, nothing is dispatched until the clock moves again.
        clock.moveTo(target);
        return { now: clock.now().toISOString(), dispatches: 0, sent: { email: 0, sms: 0 } };
      }
      let dispatches = 0;
      let previous: string | undefined;
      for (;;) {
        const next = await deps.store.earliestDue();
        if (!next || next > target.toISOString()) break;
        // After an outage the due time lies behind the clock: dispatch now, once per due time.
        if (next === previous && next <= clock.now().toISOString()) break;
        previous = next;
        clock.moveTo(new Date(next));
        await dispatch(deps);
        dispatches++;
      }
      clock.moveTo(target);
      await dispatch(deps);
      dispatches++;
      return {
        now: clock.now().toISOString(),
        dispatches,
        sent: { email: outbound.email - before.email, sms: outbound.sms - before.sms },
      };
    });

  const replyBySms = async (from: string, body: string) => {
    const messageSid = twilioSid();
    const params: Record<string, string> = {
      MessageSid: messageSid,
      AccountSid: env.TWILIO_ACCOUNT_SID,
      From: from,
      To: env.TWILIO_FROM,
      Body: body,
      NumMedia: '0',
      NumSegments: '1',
      SmsStatus: 'received',
      ApiVersion: '2010-04-01',
    };
    sentAt.set(messageSid, clock.now().toISOString());
    twilio.recordInbound({ from, to: env.TWILIO_FROM, body, sid: messageSid });
    const signature = getExpectedTwilioSignature(
      env.TWILIO_AUTH_TOKEN,
      `${config.publicUrl}/sms/inbound`,
      params,
    );
    const response = await fetch(`${url}/sms/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params).toString(),
    });
    const twiml = await response.text();
    const reply = twiml.match(/<Message>([\s\S]*?)<\/Message>/)?.[1];
    const text = reply === undefined ? null : decodeXml(reply);
    if (text) {
      const sid = twilioSid();
      sentAt.set(sid, clock.now().toISOString());
      twilio.recordReply({ from: env.TWILIO_FROM, to: from, body: text, sid });
      outbound.sms++;
    }
    return { status: response.status, twiml, reply: text };
  };

  const handleRequest: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = new URL(req.url ?? '/', 'http://local').pathname;
      const method = req.method ?? 'GET';
      const routeKey = `${method} ${path}`;
      const event = toApiGatewayEvent(req, body, routeKey);
      const local = path.startsWith('/_local') ? localRoute(method, path, wantsJson(event)) : undefined;
      const match = HTTP_ROUTES.find((r) => r.method === method && r.path === path);
      const handle = local
        ? respond(event, () => local(event.body ?? ''))
        : match
          ? ROUTES[match.handler](deps, event)
          : Promise.resolve(json(404, { error: { code: 'not_found', message: `No route for ${routeKey}` } }));
      handle
        .then((result) => {
          res.writeHead(result.statusCode ?? 200, result.headers as http.OutgoingHttpHeaders);
          // A binary body (the report's PDF) comes base64-encoded, as API Gateway expects it.
          res.end(result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''));
        })
        .catch(() => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end('{"error":{"code":"internal","message":"Local server error"}}');
        });
    });
  };

  const parseJson = (text: string): Record<string, unknown> => {
    try {
      const value = JSON.parse(text || '{}');
      if (typeof value === 'object' && value && !Array.isArray(value)) return value;
    } catch {}
    throw new ValidationError('invalid_json', 'Send a JSON object.', 'body');
  };

  function localRoute(
    method: string,
    path: string,
    asksJson: boolean,
  ): ((body: string) => Promise<ReturnType<typeof json>>) | undefined {
    const key = `${method} ${path}`;
    switch (key) {
      case 'GET /_local/clock':
        return async () => json(200, { now: clock.now().toISOString() });
      case 'POST /_local/clock':
        return async (body) => {
          const input = parseJson(body);
          let target: Date;
          if (typeof input.advance === 'string') {
            const duration = Duration.fromISO(input.advance);
            if (!duration.isValid || duration.toMillis() < 0) {
              throw new ValidationError(
                'invalid_duration',
                'advance must be an ISO-8601 duration such as P7D or PT12H.',
                'advance',
              );
            }
            target = new Date(clock.now().getTime() + duration.toMillis());
          } else if (typeof input.to === 'string' && !Number.isNaN(Date.parse(input.to))) {
            target = new Date(input.to);
            if (target < clock.now())
              throw new ValidationError('clock_backwards', 'The clock only moves forward.', 'to');
          } else {
            throw new ValidationError(
              'invalid_clock',
              'Send {"advance":"P7D"} or {"to":"<ISO instant>"}.',
              'advance',
            );
          }
          return json(200, await advanceTo(target, { outage: input.outage === true }));
        };
      case 'GET /_local/sms':
        return async () => json(200, smsThread());
      case 'POST /_local/sms/reply':
        return async (body) => {
          const input = parseJson(body);
          if (typeof input.from !== 'string' || !/^\+[1-9]\d{6,14}$/.test(input.from)) {
            throw new ValidationError(
              'invalid_from',
              'from must be an E.164 number such as +14155550100.',
              'from',
            );
          }
          if (typeof input.body !== 'string' || input.body.length > 1600) {
            throw new ValidationError(
              'invalid_body',
              'body must be the text of the message (up to 1600 characters).',
              'body',
            );
          }
          return json(200, await replyBySms(input.from, input.body));
        };
      case 'GET /_local/email':
        return async () => json(200, await emails());
      case 'POST /_local/email/reply':
        return async (body) => json(200, await injectEmailReply(deps, parseJson(body)));
      case 'POST /_local/ses-event':
        return async (body) => json(200, await injectSesEvent(deps, parseJson(body)));
      case 'GET /_local/preview':
        return async () => ({
          statusCode: 200,
          headers: { 'content-type': 'text/html; charset=utf-8' },
          body: renderPreviewPage(deps),
        });
      case 'GET /_local/safety':
        return async () =>
          asksJson
            ? json(200, alerts.alerts)
            : {
                statusCode: 200,
                headers: { 'content-type': 'text/html; charset=utf-8' },
                body: renderSafetyPage(alerts.alerts),
              };
      case 'GET /_local/phone':
        return async () => ({
          statusCode: 200,
          headers: { 'content-type': 'text/html; charset=utf-8' },
          body: renderPhonePage(),
        });
      default: {
        // POST /_local/admin/<operation>: the CLI's operator actions (local/admin-operations.ts).
        const operation = adminOperationOf(method, path);
        return (
          operation && (async (body) => json(200, await runAdminOperation(deps, operation, parseJson(body))))
        );
      }
    }
  }

  // Everything is up: the program answers from here on.
  starting.ready(handleRequest);

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
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await twilio.stop();
    },
  };
}

const XML_ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
  '&amp;': '&',
};
const decodeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (entity) => XML_ENTITIES[entity] ?? entity);

/** A random id for a local run's table, so parallel test files never share data. */
export const uniqueTableName = (prefix = 'kintsugi') => `${prefix}-${randomBytes(4).toString('hex')}`;
