import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SegmentedMessage } from 'sms-segments-calculator';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';

const HOST = '127.0.0.1';
const API_VERSION = '2010-04-01';
const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;
const E164 = /^\+[1-9]\d{1,14}$/;
const MAX_BODY_CHARS = 1600;
const MAX_REQUEST_BYTES = 1024 * 1024;

/** One SMS as the phone page and `GET /_local/sms` show it. */
export interface SmsRecord {
  sid: string;
  to: string;
  from: string;
  body: string;
  /** ISO 8601 */
  at: string;
  direction: 'outbound' | 'inbound';
}

/** A Twilio message status, as status callbacks report it. */
export type MessageStatus =
  | 'queued'
  | 'accepted'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'undelivered'
  | 'failed';

/**
 * A fault for the next send: a Twilio-style error (HTTP status and Twilio's error code), a slow answer
 * (`delayMs`, longer than the client's timeout: a hang), or both. With `accepted` the message is taken
 * (and will be delivered) before the error or the wait, as when Twilio fails after accepting it.
 */
export type TwilioFault =
  | { status: number; code: number; message?: string; delayMs?: number; accepted?: boolean }
  | { status?: undefined; delayMs: number; accepted?: boolean };

/** Sends one status callback; the default POSTs the signed form as Twilio does. */
export type StatusCallbackSender = (
  url: string,
  params: Record<string, string>,
  signature: string,
) => Promise<void>;

export interface TwilioServerOptions {
  accountSid: string;
  authToken: string;
  /** Port to listen on; a free one is picked when absent. */
  port?: number;
  /** The sender recorded when a send names a MessagingServiceSid instead of a From number. */
  messagingServiceFrom?: string;
  /**
   * Status callbacks after a send that names a StatusCallback: `sent` then `delivered`, `delayMs` apart
   * (default 20 ms). `false` turns them off (tests then call `emitStatus` themselves).
   */
  statusCallbacks?: false | { delayMs?: number; send?: StatusCallbackSender };
}

export interface TwilioServer {
  /** Replaces `https://api.twilio.com` for the `twilio` client (see LocalRequestClient). */
  baseUrl: string;
  /** Every message, outbound (received on the API) and inbound (recorded), oldest first. */
  messages(): SmsRecord[];
  /** The messages created through the Messages API (not TwiML answers, not inbound), oldest first. */
  created(): SmsRecord[];
  /** Faults set with `failNext` that no send has met yet. */
  faultsPending(): number;
  /** How many stalled sends the client gave up on (closed the connection) before the answer came. */
  clientsGaveUp(): number;
  /** Records a message the participant sent, so their phone's thread shows it. */
  recordInbound(message: { from: string; to: string; body: string; sid?: string }): SmsRecord;
  /** Records the program's TwiML <Message> answer to an inbound SMS (Twilio sends it as an outbound message). */
  recordReply(message: { from: string; to: string; body: string; sid?: string }): SmsRecord;
  /**
   * The next `count` sends fail with this fault (e.g. 400/21610 opted out, 429/20429, 500/20500), or
   * answer only after `delayMs` (a timeout for the client), having taken the message if `accepted`.
   */
  failNext(count: number, fault: TwilioFault): void;
  /** POSTs a signed status callback for a message sent with a StatusCallback. */
  emitStatus(sid: string, status: MessageStatus, error?: { code: number }): Promise<void>;
  /** Resolves when every scheduled status callback has been posted. */
  idle(): Promise<void>;
  clear(): void;
  stop(): Promise<void>;
}

interface OutboundMessage extends SmsRecord {
  statusCallback: string | undefined;
  messagingServiceSid: string | undefined;
}

class TwilioError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const ERROR_MESSAGES: Record<number, string> = {
  20003: 'Authenticate',
  20404: 'The requested resource was not found',
  20429: 'Too Many Requests',
  20500: 'An internal server error has occurred',
  21610: 'Attempt to send to unsubscribed recipient',
  21611: 'This From number has exceeded the maximum number of queued messages',
  21614: "'To' number is not a valid mobile number",
};

/** A new Twilio-style resource id: a two-letter prefix and 32 hex digits. */
export function twilioSid(prefix: 'SM' | 'MM' = 'SM'): string {
  return prefix + randomBytes(16).toString('hex');
}

/**
 * Starts a Twilio-shaped SMS API on 127.0.0.1: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`
 * with Basic auth, form bodies, Twilio's JSON errors and message resources, and signed status callbacks.
 */
export async function startTwilioServer(options: TwilioServerOptions): Promise<TwilioServer> {
  const records: (OutboundMessage | SmsRecord)[] = [];
  const outbound = new Map<string, OutboundMessage>();
  const faults: TwilioFault[] = [];
  const pending = new Set<Promise<void>>();
  const callbacks = options.statusCallbacks === false ? undefined : (options.statusCallbacks ?? {});
  const sendCallback = callbacks?.send ?? postForm;

  const emitStatus = async (sid: string, status: MessageStatus, error?: { code: number }) => {
    const message = outbound.get(sid);
    if (!message?.statusCallback) throw new Error(`no message ${sid} with a StatusCallback`);
    const params: Record<string, string> = {
      AccountSid: options.accountSid,
      ApiVersion: API_VERSION,
      From: message.from,
      MessageSid: sid,
      MessageStatus: status,
      SmsSid: sid,
      SmsStatus: status,
      To: message.to,
    };
    if (message.messagingServiceSid) params.MessagingServiceSid = message.messagingServiceSid;
    if (error) params.ErrorCode = String(error.code);
    const signature = getExpectedTwilioSignature(options.authToken, message.statusCallback, params);
    await sendCallback(message.statusCallback, params, signature);
  };

  const scheduleCallbacks = (sid: string) => {
    if (!callbacks) return;
    const delayMs = callbacks.delayMs ?? 20;
    const run = (async () => {
      for (const status of ['sent', 'delivered'] as const) {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        // A callback nobody receives is Twilio's problem to retry, not a reason to crash the server.
        await emitStatus(sid, status).catch((error: Error) =>
          console.warn(`[twilio-server] status callback ${status} for ${sid} failed: ${error.message}`),
        );
      }
    })();
    pending.add(run);
    void run.finally(() => pending.delete(run));
  };

  const createMessage = (form: URLSearchParams): OutboundMessage => {
    const to = form.get('To') ?? '';
    const from = form.get('From') ?? '';
    const messagingServiceSid = form.get('MessagingServiceSid') ?? '';
    const body = form.get('Body') ?? '';
    const statusCallback = form.get('StatusCallback') ?? '';
    if (!to) throw new TwilioError(400, 21604, "A 'To' phone number is required.");
    if (!E164.test(to)) throw new TwilioError(400, 21211, `Invalid 'To' Phone Number: ${to}`);
    if (!from && !messagingServiceSid)
      throw new TwilioError(400, 21603, "A 'From' phone number is required.");
    if (from && !E164.test(from) && !/^[A-Za-z0-9 ]{1,11}$/.test(from)) {
      throw new TwilioError(400, 21212, `Invalid From Number (caller ID): ${from}`);
    }
    if (messagingServiceSid && !/^MG[0-9a-f]{32}$/.test(messagingServiceSid)) {
      throw new TwilioError(400, 21701, `The Messaging Service Sid ${messagingServiceSid} is invalid.`);
    }
    if (!body) throw new TwilioError(400, 21602, 'Message body is required.');
    if ([...body].length > MAX_BODY_CHARS) {
      throw new TwilioError(400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
    }
    if (statusCallback && !isHttpUrl(statusCallback)) {
      throw new TwilioError(400, 21609, `The StatusCallback URL ${statusCallback} is not a valid URL.`);
    }
    return {
      sid: twilioSid(),
      to,
      from: from || (options.messagingServiceFrom ?? '+15005550006'),
      body,
      at: new Date().toISOString(),
      direction: 'outbound',
      statusCallback: statusCallback || undefined,
      messagingServiceSid: messagingServiceSid || undefined,
    };
  };

  // A stalled answer ends early when the server stops, so a test never waits on a hang.
  const stalls = new Set<() => void>();
  // A client that hangs up while its answer is stalled (its own timeout fired) is counted.
  let gaveUp = 0;
  const stall = (ms: number, response: http.ServerResponse) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        stalls.delete(done);
        response.off('close', hungUp);
        resolve();
      };
      const hungUp = () => {
        gaveUp++;
        done();
      };
      const timer = setTimeout(done, ms);
      stalls.add(done);
      response.once('close', hungUp);
    });

  const server = http.createServer((request, response) => {
    handle(request, response)
      .then(({ status, json }) => reply(response, status, json))
      .catch((error: unknown) => {
        const twilioError =
          error instanceof TwilioError ? error : new TwilioError(500, 20500, ERROR_MESSAGES[20500] as string);
        if (!(error instanceof TwilioError)) console.error('[twilio-server]', error);
        reply(response, twilioError.status, errorBody(twilioError));
      });
  });

  const handle = async (
    request: http.IncomingMessage,
    response: http.ServerResponse,
  ): Promise<{ status: number; json: unknown }> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = MESSAGES_PATH.exec(url.pathname);
    if (!match || request.method !== 'POST') {
      request.resume();
      throw new TwilioError(404, 20404, `The requested resource ${url.pathname} was not found`);
    }
    const pathAccountSid = decodeURIComponent(match[1] as string);
    if (!isAuthorised(request.headers.authorization, options.accountSid, options.authToken)) {
      request.resume();
      throw new TwilioError(401, 20003, 'Authenticate');
    }
    if (pathAccountSid !== options.accountSid) {
      request.resume();
      throw new TwilioError(404, 20404, `The requested resource ${url.pathname} was not found`);
    }
    const form = new URLSearchParams(await readBody(request));
    const message = createMessage(form);
    const accept = () => {
      records.push(message);
      outbound.set(message.sid, message);
      if (message.statusCallback) scheduleCallbacks(message.sid);
    };
    const fault = faults.shift();
    if (fault?.accepted) accept();
    if (fault?.delayMs) await stall(fault.delayMs, response);
    if (fault?.status !== undefined)
      throw new TwilioError(fault.status, fault.code, fault.message ?? ERROR_MESSAGES[fault.code] ?? 'Error');
    if (!fault?.accepted) accept();
    return { status: 201, json: messageResource(options.accountSid, message) };
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const record = (
    { from, to, body, sid }: { from: string; to: string; body: string; sid?: string },
    direction: SmsRecord['direction'],
  ): SmsRecord => {
    const entry: SmsRecord = {
      sid: sid ?? twilioSid(),
      to,
      from,
      body,
      at: new Date().toISOString(),
      direction,
    };
    records.push(entry);
    return { ...entry };
  };

  let stopping: Promise<void> | undefined;
  return {
    baseUrl: `http://${HOST}:${port}`,
    messages: () =>
      records.map(({ sid, to, from, body, at, direction }) => ({ sid, to, from, body, at, direction })),
    created: () =>
      records
        .filter((r) => outbound.has(r.sid))
        .map(({ sid, to, from, body, at, direction }) => ({ sid, to, from, body, at, direction })),
    faultsPending: () => faults.length,
    clientsGaveUp: () => gaveUp,
    recordInbound: (message) => record(message, 'inbound'),
    recordReply: (message) => record(message, 'outbound'),
    failNext: (count, fault) => {
      for (let i = 0; i < count; i++) faults.push(fault);
    },
    emitStatus,
    idle: async () => {
      while (pending.size > 0) await Promise.all(pending);
    },
    clear: () => {
      records.length = 0;
      outbound.clear();
      faults.length = 0;
    },
    stop: () => {
      for (const done of [...stalls]) done();
      stopping ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return stopping;
    },
  };
}

/** Segments per body, remembered: counting them splits graphemes, and most texts repeat a prompt word for word. */
const segments = new Map<string, number>();
function segmentsOf(body: string): number {
  let count = segments.get(body);
  if (count === undefined) {
    if (segments.size >= 10_000) segments.clear();
    count = new SegmentedMessage(body).segmentsCount;
    segments.set(body, count);
  }
  return count;
}

/** The message resource Twilio answers a create with (snake_case JSON, RFC 2822 dates). */
function messageResource(accountSid: string, message: OutboundMessage) {
  const created = rfc2822(new Date(message.at));
  const uri = `/${API_VERSION}/Accounts/${accountSid}/Messages/${message.sid}`;
  return {
    account_sid: accountSid,
    api_version: API_VERSION,
    body: message.body,
    date_created: created,
    date_sent: null,
    date_updated: created,
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: message.messagingServiceSid ? null : message.from,
    messaging_service_sid: message.messagingServiceSid ?? null,
    num_media: '0',
    num_segments: String(segmentsOf(message.body)),
    price: null,
    price_unit: 'USD',
    sid: message.sid,
    status: message.messagingServiceSid ? 'accepted' : 'queued',
    subresource_uris: { media: `${uri}/Media.json` },
    to: message.to,
    uri: `${uri}.json`,
  };
}

function errorBody(error: TwilioError) {
  return {
    code: error.code,
    message: error.message,
    more_info: `https://www.twilio.com/docs/errors/${error.code}`,
    status: error.status,
  };
}

function reply(response: http.ServerResponse, status: number, json: unknown): void {
  const body = JSON.stringify(json);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Twilio-Request-Id': `RQ${randomBytes(16).toString('hex')}`,
  });
  response.end(body);
}

function isAuthorised(header: string | undefined, accountSid: string, authToken: string): boolean {
  const match = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!match) return false;
  const given = Buffer.from(Buffer.from(match[1] as string, 'base64').toString('utf8'));
  const expected = Buffer.from(`${accountSid}:${authToken}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        request.removeAllListeners('data');
        request.resume();
        reject(new TwilioError(413, 20413, 'Request entity too large'));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** `Thu, 24 Aug 2023 05:01:45 +0000`, the date format of Twilio's REST API. */
function rfc2822(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

async function postForm(url: string, params: Record<string, string>, signature: string): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Twilio-Signature': signature,
      'User-Agent': 'TwilioProxy/1.1',
    },
    body: new URLSearchParams(params).toString(),
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
}
