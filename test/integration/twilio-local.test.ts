import http from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import RestException from 'twilio/lib/base/RestException';
import { validateRequest } from 'twilio/lib/webhooks/webhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LocalRequestClient } from '../../functions/adapters/twilio/local-request-client';
import { createMessagesClient } from '../../functions/adapters/twilio/messages-client';
import { TwilioSmsSender } from '../../functions/adapters/twilio/sms-sender';
import { startTwilioServer, type TwilioServer } from '../../local/emulators/twilio-server';

const accountSid = `AC${'1'.repeat(32)}`;
const authToken = 'local-test-auth-token';
const PROGRAM = '+15005550006';
const PARTICIPANT = '+14155550123';

/** A receiver for status callbacks: records each form body with its signature header. */
async function startCallbackReceiver() {
  const received: { params: Record<string, string>; signature: string | undefined }[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      received.push({
        params: Object.fromEntries(new URLSearchParams(body)),
        signature: request.headers['x-twilio-signature'] as string | undefined,
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms/status`,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the real twilio client against the local Twilio server', () => {
  let server: TwilioServer;
  let client: twilio.Twilio;

  beforeAll(async () => {
    server = await startTwilioServer({ accountSid, authToken, statusCallbacks: false });
    client = twilio(accountSid, authToken, { httpClient: new LocalRequestClient(server.baseUrl) });
  });
  afterEach(() => server.clear());
  afterAll(() => server.stop());

  it('sends a message that the server keeps, answering with a queued Twilio message resource', async () => {
    const message = await client.messages.create({
      to: PARTICIPANT,
      from: PROGRAM,
      body: 'Reply YES to get check-ins.',
    });

    expect(message.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(message.status).toBe('queued');
    expect(message.numSegments).toBe('1');
    expect(message.direction).toBe('outbound-api');
    expect(message.dateCreated).toBeInstanceOf(Date);
    expect(server.messages()).toEqual([
      {
        sid: message.sid,
        to: PARTICIPANT,
        from: PROGRAM,
        body: 'Reply YES to get check-ins.',
        at: expect.any(String),
        direction: 'outbound',
      },
    ]);
  });

  it('counts SMS segments as Twilio does', async () => {
    const long = await client.messages.create({ to: PARTICIPANT, from: PROGRAM, body: 'a'.repeat(161) });
    const unicode = await client.messages.create({
      to: PARTICIPANT,
      from: PROGRAM,
      body: `${'é'.repeat(60)}✓`,
    });
    expect([long.numSegments, unicode.numSegments]).toEqual(['2', '1']);
  });

  it('rejects a wrong auth token with Twilio’s 401 error 20003 and keeps nothing', async () => {
    const intruder = twilio(accountSid, 'wrong-token', {
      httpClient: new LocalRequestClient(server.baseUrl),
    });

    const error = await intruder.messages
      .create({ to: PARTICIPANT, from: PROGRAM, body: 'hello' })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(RestException);
    expect(error).toMatchObject({ status: 401, code: 20003 });
    expect(server.messages()).toEqual([]);
  });

  it('rejects an invalid To number with error 21211', async () => {
    const error = await client.messages
      .create({ to: '555-0123', from: PROGRAM, body: 'hello' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      status: 400,
      code: 21211,
      moreInfo: 'https://www.twilio.com/docs/errors/21211',
    });
  });

  it('fails the next sends with an injected fault, then sends normally again', async () => {
    server.failNext(1, { status: 400, code: 21610 });
    server.failNext(1, { status: 429, code: 20429 });
    const send = () =>
      client.messages
        .create({ to: PARTICIPANT, from: PROGRAM, body: 'Week 1 check-in' })
        .catch((e: unknown) => e);

    const optedOut = await send();
    const throttled = await send();
    const delivered = await send();

    expect(optedOut).toMatchObject({
      status: 400,
      code: 21610,
      message: 'Attempt to send to unsubscribed recipient',
    });
    expect(throttled).toMatchObject({ status: 429, code: 20429 });
    expect(delivered).toMatchObject({ status: 'queued' });
    expect(server.messages()).toHaveLength(1);
  });

  it('shows a participant’s recorded reply in the same list, as inbound', async () => {
    const sent = await client.messages.create({
      to: PARTICIPANT,
      from: PROGRAM,
      body: 'How honest was this week? 1-5',
    });
    server.recordInbound({ from: PARTICIPANT, to: PROGRAM, body: '4', sid: `SM${'a'.repeat(32)}` });

    expect(server.messages().map(({ sid, direction, body }) => ({ sid, direction, body }))).toEqual([
      { sid: sent.sid, direction: 'outbound', body: 'How honest was this week? 1-5' },
      { sid: `SM${'a'.repeat(32)}`, direction: 'inbound', body: '4' },
    ]);
  });
});

describe('status callbacks from the local Twilio server', () => {
  it('posts signed "sent" then "delivered" callbacks to the StatusCallback URL', async () => {
    const receiver = await startCallbackReceiver();
    const server = await startTwilioServer({ accountSid, authToken, statusCallbacks: { delayMs: 5 } });
    try {
      const client = twilio(accountSid, authToken, { httpClient: new LocalRequestClient(server.baseUrl) });
      const message = await client.messages.create({
        to: PARTICIPANT,
        from: PROGRAM,
        body: 'Day 1 is in your inbox.',
        statusCallback: receiver.url,
      });
      await server.idle();

      expect(receiver.received.map(({ params }) => params)).toEqual([
        expect.objectContaining({
          MessageSid: message.sid,
          MessageStatus: 'sent',
          To: PARTICIPANT,
          From: PROGRAM,
          AccountSid: accountSid,
        }),
        expect.objectContaining({ MessageSid: message.sid, MessageStatus: 'delivered' }),
      ]);
      for (const { params, signature } of receiver.received) {
        expect(validateRequest(authToken, signature ?? '', receiver.url, params)).toBe(true);
      }
    } finally {
      await server.stop();
      await receiver.stop();
    }
  });

  it('sends no callback when callbacks are turned off, until the test emits one', async () => {
    const receiver = await startCallbackReceiver();
    const server = await startTwilioServer({ accountSid, authToken, statusCallbacks: false });
    try {
      const client = twilio(accountSid, authToken, { httpClient: new LocalRequestClient(server.baseUrl) });
      const message = await client.messages.create({
        to: PARTICIPANT,
        from: PROGRAM,
        body: 'hi',
        statusCallback: receiver.url,
      });
      await server.idle();
      expect(receiver.received).toEqual([]);

      await server.emitStatus(message.sid, 'undelivered', { code: 30003 });

      expect(receiver.received.map(({ params }) => params)).toEqual([
        expect.objectContaining({
          MessageSid: message.sid,
          MessageStatus: 'undelivered',
          ErrorCode: '30003',
        }),
      ]);
    } finally {
      await server.stop();
      await receiver.stop();
    }
  });
});

describe('the Messages-only client (createMessagesClient)', () => {
  let server: TwilioServer;

  beforeAll(async () => {
    server = await startTwilioServer({ accountSid, authToken, statusCallbacks: false });
  });
  afterAll(() => server.stop());

  it('sends through the same Twilio request path as the full client', async () => {
    const messages = createMessagesClient({
      accountSid,
      authToken,
      httpClient: new LocalRequestClient(server.baseUrl),
    });

    const created = await messages.create({
      to: PARTICIPANT,
      from: PROGRAM,
      body: 'Your day-90 report is ready.',
    });

    expect(created).toEqual({
      sid: expect.stringMatching(/^SM[0-9a-f]{32}$/),
      status: 'queued',
      numSegments: '1',
    });
    expect(server.messages().at(-1)).toMatchObject({
      sid: created.sid,
      body: 'Your day-90 report is ready.',
    });
  });

  it('sends through a Messaging Service when the sender is an MG… SID (Advanced Opt-Out, A2P)', async () => {
    const requests: string[] = [];
    const messages = createMessagesClient({
      accountSid,
      authToken,
      httpClient: new LocalRequestClient(server.baseUrl),
    });
    const service = `MG${'a'.repeat(32)}`;
    const sender = new TwilioSmsSender(
      {
        create: async (params) => {
          requests.push(JSON.stringify(params));
          return messages.create(params);
        },
      },
      service,
    );
    const sent = await sender.send(PARTICIPANT, 'Kintsugi: one small thing.');
    expect(sent.kind).toBe('accepted');
    expect(JSON.parse(requests[0] ?? '{}')).toEqual({
      to: PARTICIPANT,
      messagingServiceSid: service,
      body: 'Kintsugi: one small thing.',
    });
    // Twilio answers a Messaging Service send as `accepted`: it picks the sender afterwards.
    expect(await messages.create({ to: PARTICIPANT, messagingServiceSid: service, body: 'x' })).toMatchObject(
      {
        status: 'accepted',
      },
    );
  });

  it('rejects with Twilio’s RestException, carrying the error code', async () => {
    const messages = createMessagesClient({
      accountSid,
      authToken: 'nope',
      httpClient: new LocalRequestClient(server.baseUrl),
    });

    const error = await messages
      .create({ to: PARTICIPANT, from: PROGRAM, body: 'x' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RestException);
    expect(error).toMatchObject({ status: 401, code: 20003 });
  });
});
