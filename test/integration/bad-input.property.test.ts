import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCAL_DEFAULTS, type Runtime } from '../../local/runtime';
import { startTestRuntime } from '../support/runtime';

/** `FUZZ_RUNS=10000 npm test` for a long run; a normal run tries a few hundred cases in all. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || undefined;
const runs = (normal: number) => ({ numRuns: RUNS ?? normal });

const TOKEN_ROUTES = ['/confirm', '/unsubscribe', '/checkin', '/report', '/privacy', '/partner'];

/** Anything a client might send as a field value. */
const anyValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 3 }),
);

const enrollmentBody = fc.record(
  {
    email: fc.oneof(fc.emailAddress(), anyValue),
    timezone: fc.oneof(fc.constantFrom('Europe/London', 'America/New_York', 'Mars/Base', ''), anyValue),
    role: fc.oneof(fc.constantFrom('hurt', 'repairing', 'HURT', ''), anyValue),
    phone: fc.oneof(fc.constantFrom('+14155550100', '0770090012', '+1', '١٢٣'), anyValue),
    smsConsent: anyValue,
    checkinDay: fc.oneof(fc.constantFrom('sunday', 'Funday'), anyValue),
    checkinTime: fc.oneof(fc.constantFrom('19:00', '25:00', '07:59'), anyValue),
    invite: anyValue,
  },
  { requiredKeys: [] },
);

interface Answer {
  status: number;
  text: string;
}

function expectHandled(answer: Answer) {
  expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500);
  expect(answer.text).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack trace
  if (answer.status >= 400 && answer.text.startsWith('{')) {
    const error = JSON.parse(answer.text).error;
    expect(typeof error?.code).toBe('string');
    expect(error.message.length).toBeGreaterThan(5);
  }
}

describe('bad input, on every route, never breaks the program', () => {
  let runtime: Runtime;
  let scanItems: () => Promise<number>;

  beforeAll(async () => {
    runtime = await startTestRuntime({ startAt: new Date('2026-07-01T12:00:00Z') });
    const client = new DynamoDBClient({
      region: 'us-east-1',
      endpoint: inject('dynamoDbEndpoint'),
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const table = runtime.deps.config.tableName;
    // Test-only: a whole-table count to prove that refused input stored nothing.
    scanItems = async () =>
      (await client.send(new ScanCommand({ TableName: table, Select: 'COUNT' }))).Count ?? 0;
  });
  afterAll(async () => {
    await runtime?.stop();
  });

  const send = async (path: string, init: RequestInit): Promise<Answer> => {
    const response = await fetch(`${runtime.url}${path}`, init);
    return { status: response.status, text: await response.text() };
  };

  it('answers any enrollment JSON with 202 or a 4xx naming the field, storing nothing when refused', async () => {
    await fc.assert(
      fc.asyncProperty(enrollmentBody, async (body) => {
        const before = await scanItems();
        const answer = await send('/enrollments', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(body),
        });
        expectHandled(answer);
        if (answer.status === 400) {
          expect(JSON.parse(answer.text).error.field).toEqual(expect.any(String));
          expect(await scanItems()).toBe(before);
        }
      }),
      runs(60),
    );
  });

  it('answers any form body, any bytes and any content type without a 5xx', async () => {
    const raw = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
      fc
        .dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 40 }))
        .map((d) => new URLSearchParams(d).toString()),
    );
    const type = fc.constantFrom(
      'application/x-www-form-urlencoded',
      'application/json',
      'text/plain',
      'multipart/form-data; boundary=x',
      '',
    );
    await fc.assert(
      fc.asyncProperty(raw, type, async (body, contentType) => {
        const answer = await send('/enrollments', {
          method: 'POST',
          headers: contentType ? { 'content-type': contentType } : {},
          body,
        });
        expectHandled(answer);
        expect(answer.status === 202 || (answer.status >= 400 && answer.status < 500)).toBe(true);
      }),
      runs(60),
    );
  });

  it('refuses a body far larger than any form with a 400 that says so', async () => {
    const answer = await send('/enrollments', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ email: 'a@example.com', padding: 'x'.repeat(300_000) }),
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).error.code).toBe('body_too_large');
  });

  it('refuses forged, mangled or missing tokens on every link with a 4xx, for GET and POST', async () => {
    const token = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.base64String(),
      fc.tuple(fc.base64String(), fc.base64String()).map(([a, b]) => `${a}.${b}`),
      fc.constant(''),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...TOKEN_ROUTES),
        fc.constantFrom('GET', 'POST'),
        token,
        async (path, method, t) => {
          const answer = await send(`${path}?token=${encodeURIComponent(t)}&score=3`, {
            method,
            headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
            ...(method === 'POST' ? { body: 'action=export' } : {}),
          });
          expectHandled(answer);
          expect([400, 403, 404]).toContain(answer.status);
        },
      ),
      runs(80),
    );
  });

  it('refuses unsigned or wrongly signed webhooks with 403 and records nothing', async () => {
    const params = fc.dictionary(
      fc.constantFrom(
        'From',
        'To',
        'Body',
        'MessageSid',
        'MessageStatus',
        'ErrorCode',
        'AccountSid',
        'Extra',
      ),
      fc.oneof(fc.string(), fc.string({ unit: 'binary' })),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/sms/inbound', '/sms/status'),
        params,
        fc.option(fc.base64String()),
        async (path, p, sig) => {
          const before = await scanItems();
          const answer = await send(path, {
            method: 'POST',
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              ...(sig ? { 'x-twilio-signature': sig } : {}),
            },
            body: new URLSearchParams(p).toString(),
          });
          expect(answer.status).toBe(403);
          expect(await scanItems()).toBe(before);
        },
      ),
      runs(60),
    );
  });

  it('answers correctly signed webhooks with odd content without a 5xx', async () => {
    const params = fc.record(
      {
        From: fc.oneof(fc.constantFrom('+14155550100', 'not-a-number', ''), fc.string()),
        Body: fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.constantFrom('STOP', '4️⃣', 'yes', 'pause 900'),
        ),
        MessageSid: fc.oneof(fc.stringMatching(/^SM[0-9a-f]{32}$/), fc.string()),
        MessageStatus: fc.constantFrom('delivered', 'failed', 'bogus', ''),
        ErrorCode: fc.constantFrom('21610', '30003', 'x'),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/sms/inbound', '/sms/status'), params, async (path, p) => {
        const form = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as Record<
          string,
          string
        >;
        const signature = getExpectedTwilioSignature(
          LOCAL_DEFAULTS.TWILIO_AUTH_TOKEN,
          `${runtime.url}${path}`,
          form,
        );
        const answer = await send(path, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
          body: new URLSearchParams(form).toString(),
        });
        expectHandled(answer);
      }),
      runs(60),
    );
  });
});
