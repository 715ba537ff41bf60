import type { SQSEvent } from 'aws-lambda';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readSecret } from '../../functions/adapters/secrets/secrets';
import { parseTwilioSecret, unusableTwilioAdapters } from '../../functions/adapters/twilio/secret';
import { TwilioWebhookVerifier } from '../../functions/adapters/twilio/webhooks';
import { buildDeps } from '../../functions/every-port';
import { handle as sendBatch } from '../../functions/handlers/send';
import { handle as smsStatus } from '../../functions/handlers/sms-status';
import type { SendJob } from '../../functions/ports/queue';
import type { Enrollment, MessageRecord } from '../../functions/program/enrollment';
import { parseConfig } from '../../functions/shared/config';
import { ProviderUnavailableError } from '../../functions/shared/errors';
import type { HttpEvent } from '../../functions/shared/http';
import { logger } from '../../functions/shared/logger';
import { countEvent } from '../../functions/shared/metrics';
import { fakeWorld, testCatalog } from '../support/fake-deps';

vi.mock('../../functions/shared/metrics', () => ({ countEvent: vi.fn() }));
vi.mock('../../functions/adapters/secrets/secrets', () => ({ readSecret: vi.fn() }));
const counted = vi.mocked(countEvent);

const SID = `AC${'0123456789abcdef'.repeat(2)}`;
const SERVICE = `MG${'fedcba9876543210'.repeat(2)}`;
const TOKEN = 'the-real-auth-token-0123456789ab';
const good = { accountSid: SID, authToken: TOKEN, from: '+15005550006' };

describe('the Twilio secret, read', () => {
  it.each([
    ['a number', good],
    ['a Messaging Service', { ...good, from: SERVICE }],
    ['an alphanumeric sender id', { ...good, from: 'Kintsugi' }],
  ])('is usable with %s as the sender', (_what, value) => {
    expect(parseTwilioSecret(JSON.stringify(value))).toEqual({ usable: true, credentials: value });
  });

  it.each([
    ['text that is not JSON', '{"accountSid": "AC…",', /not JSON/],
    ['a JSON array', '[]', /not a JSON object/],
    ['a JSON string', '"AC123"', /not a JSON object/],
    ['no accountSid', JSON.stringify({ ...good, accountSid: undefined }), /accountSid/],
    ['an account SID of the wrong shape', JSON.stringify({ ...good, accountSid: 'SK123' }), /accountSid/],
    ['no auth token', JSON.stringify({ ...good, authToken: '' }), /authToken/],
    ['a sender that is none of the three kinds', JSON.stringify({ ...good, from: '555-0100' }), /from/],
    [
      'fields of the wrong type',
      JSON.stringify({ accountSid: 1, authToken: true, from: null }),
      /accountSid.*authToken.*from/,
    ],
  ])('is unusable when it holds %s, and says why without repeating what it holds', (_what, text, why) => {
    const secret = parseTwilioSecret(text);
    expect(secret).toMatchObject({ usable: false, placeholder: false, problem: expect.stringMatching(why) });
    if (secret.usable) throw new Error('unreachable');
    for (const value of [SID, TOKEN, '555-0100', 'SK123']) expect(secret.problem).not.toContain(value);
  });

  it('is the placeholder while the operator has not filled it in, whose random token still checks webhooks', () => {
    const placeholder = JSON.stringify({
      accountSid: '',
      from: '',
      authToken: 'random32characters0123456789abc',
    });
    expect(parseTwilioSecret(placeholder)).toMatchObject({
      usable: false,
      placeholder: true,
      authToken: 'random32characters0123456789abc',
    });
  });
});

const NOW = '2026-03-06T12:00:00.000Z';
const person: Enrollment = {
  id: 'e1',
  email: 'e1@example.com',
  phone: '+14155550100',
  timezone: 'Europe/London',
  track: 'hurt',
  checkinDay: 'sunday',
  checkinTime: '19:00',
  status: 'active',
  emailStatus: 'active',
  smsStatus: 'active',
  createdAt: '2026-03-01T00:00:00.000Z',
  confirmedAt: '2026-03-01T00:00:00.000Z',
  day0: '2026-03-02',
  version: 1,
};
const emailJob: SendJob = { enrollmentId: 'e1', day: 1, slot: 'hurt-d1', channel: 'email' };
const smsJob: SendJob = { enrollmentId: 'e1', day: 3, slot: 'micro-d3', channel: 'sms' };
const claimed = (job: SendJob, kind: MessageRecord['kind']): MessageRecord => ({
  ...job,
  kind,
  status: 'claimed',
  dueAt: NOW,
  claimedAt: NOW,
});
const batch = (...jobs: SendJob[]): SQSEvent => ({
  Records: jobs.map((job, i) => ({
    messageId: `m${i}`,
    receiptHandle: `r${i}`,
    body: JSON.stringify(job),
    attributes: { ApproximateReceiveCount: '1' },
    eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:send',
  })) as unknown as SQSEvent['Records'],
});

describe('a function whose Twilio secret cannot be used', () => {
  const secrets: Record<string, string> = { 'arn:token': 't'.repeat(64) };
  vi.mocked(readSecret).mockImplementation(async (arn) => {
    const value = secrets[arn];
    if (value === undefined) throw new Error(`no secret ${arn}`);
    return value;
  });
  const awsConfig = () =>
    parseConfig({
      PUBLIC_URL: 'https://kintsugi.test',
      TOKEN_SECRET_ARN: 'arn:token',
      TWILIO_SECRET_ARN: 'arn:twilio',
      DUE_SHARDS: '1',
    });
  let errors: ReturnType<typeof vi.spyOn>;
  let warnings: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    counted.mockClear();
    errors = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    warnings = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());

  it('starts anyway (it used to fail at start), saying so as an error and a TwilioSecretInvalid count', async () => {
    secrets['arn:twilio'] = '{"accountSid": "AC…", "authToken": ';
    await expect(buildDeps(awsConfig())).resolves.toBeDefined();
    expect(errors).toHaveBeenCalledWith(
      expect.stringContaining('the Twilio secret cannot be used'),
      expect.objectContaining({ problem: 'it is not JSON' }),
    );
    expect(counted).toHaveBeenCalledWith('TwilioSecretInvalid');
  });

  it('sends the email of a batch and hands its text back to the queue, refused as the provider unavailable, loudly', async () => {
    secrets['arn:twilio'] = JSON.stringify({ ...good, from: '' });
    const world = fakeWorld(NOW);
    await world.store.createEnrollment(person);
    await world.store.claimMessage(claimed(emailJob, 'lesson'));
    await world.store.claimMessage(claimed(smsJob, 'micro-action'));
    // The wiring's own SMS adapters (from the broken secret); the rest from the in-memory world.
    const deps = await buildDeps(awsConfig(), {
      store: world.store,
      mailer: world.deps.mailer,
      clock: world.clock,
      catalog: testCatalog,
      queue: world.deps.queue,
    });
    counted.mockClear();

    const result = await sendBatch(deps, batch(emailJob, smsJob));

    expect(world.emails.map((e) => e.to)).toEqual(['e1@example.com']);
    expect((await world.store.getMessage('e1', 1, 'hurt-d1', 'email'))?.status).toBe('sent');
    // The text failed as "not sent", so it is tried again (and ends in the DLQ if the secret stays broken),
    // never marked as an unknown outcome.
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'm1' }]);
    expect((await world.store.getMessage('e1', 3, 'micro-d3', 'sms'))?.status).toBe('claimed');
    expect(warnings).toHaveBeenCalledWith(
      'send failed; will retry',
      expect.objectContaining({ error: 'ProviderUnavailableError' }),
    );
    expect(errors).toHaveBeenCalledWith(
      'text not sent: the Twilio secret cannot be used',
      expect.objectContaining({ problem: expect.stringContaining('from') }),
    );
    expect(counted).toHaveBeenCalledWith('TwilioSecretInvalid');
  });

  it('left as the placeholder, only warns at start (texts may be unused), and alarms once a text is due', async () => {
    secrets['arn:twilio'] = JSON.stringify({ accountSid: '', from: '', authToken: 'x'.repeat(32) });
    const deps = await buildDeps(awsConfig());
    expect(warnings).toHaveBeenCalledWith(
      expect.stringContaining('the Twilio secret is not filled in'),
      expect.anything(),
    );
    expect(errors).not.toHaveBeenCalled();
    expect(counted).not.toHaveBeenCalled();
    await expect(deps.sms.send('+14155550100', 'hi')).rejects.toBeInstanceOf(ProviderUnavailableError);
    expect(counted).toHaveBeenCalledWith('TwilioSecretInvalid');
  });

  it('still checks Twilio’s webhooks with the auth token when the secret has one, and refuses them all when not', () => {
    const params = { MessageSid: 'SM1', MessageStatus: 'delivered' };
    const url = 'https://kintsugi.test/sms/status';
    const signature = getExpectedTwilioSignature(TOKEN, url, params);
    const withToken = unusableTwilioAdapters({
      usable: false,
      placeholder: false,
      problem: 'from',
      authToken: TOKEN,
    });
    expect(withToken.webhooks.isValid(url, signature, params)).toBe(true);
    expect(withToken.webhooks.isValid(url, 'forged', params)).toBe(false);
    expect(withToken.webhooks.isValid(url, undefined, params)).toBe(false);
    expect(withToken.webhooks.isValid(url, '', params)).toBe(false);
    const withoutToken = unusableTwilioAdapters({
      usable: false,
      placeholder: false,
      problem: 'it is not JSON',
    });
    expect(withoutToken.webhooks.isValid(url, signature, params)).toBe(false);
    expect(counted).toHaveBeenCalledWith('TwilioSecretInvalid');
  });
});

describe('a Twilio status callback', () => {
  const API_URL = 'https://abc123.execute-api.us-east-1.amazonaws.com';
  const PUBLIC_URL = 'https://kintsugi.example.org';

  /** Twilio's POST to /sms/status for `sid`, signed for `signedUrl`. */
  const callback = (signedUrl: string, sid: string): HttpEvent => {
    const params = { MessageSid: sid, MessageStatus: 'delivered', AccountSid: SID };
    return {
      version: '2.0',
      routeKey: 'POST /sms/status',
      rawPath: '/sms/status',
      rawQueryString: '',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': getExpectedTwilioSignature(TOKEN, signedUrl, params),
      },
      requestContext: { requestId: 'r1', http: { method: 'POST', path: '/sms/status' } },
      body: new URLSearchParams(params).toString(),
      isBase64Encoded: false,
    } as unknown as HttpEvent;
  };

  async function world(apiUrl: string | undefined) {
    const w = fakeWorld(NOW);
    w.deps.config = parseConfig({
      PUBLIC_URL,
      ...(apiUrl ? { API_URL: `${apiUrl}/` } : {}),
      TOKEN_KEY: 'x'.repeat(40),
      DUE_SHARDS: '1',
    });
    w.deps.webhooks = new TwilioWebhookVerifier(TOKEN);
    await w.store.createEnrollment(person);
    for (const [day, sid] of [
      [3, 'SM3'],
      [10, 'SM10'],
    ] as const) {
      const job: SendJob = { enrollmentId: 'e1', day, slot: 'micro-d3', channel: 'sms' };
      await w.store.claimMessage(claimed(job, 'micro-action'));
      await w.store.transitionMessage(job, ['claimed'], { status: 'queued', providerId: sid });
    }
    return w;
  }

  it('is accepted signed for the public URL, or for the API’s own URL a text sent before publicUrl changed was given', async () => {
    const w = await world(API_URL);
    expect((await smsStatus(w.deps, callback(`${PUBLIC_URL}/sms/status`, 'SM3'))).statusCode).toBe(200);
    expect((await smsStatus(w.deps, callback(`${API_URL}/sms/status`, 'SM10'))).statusCode).toBe(200);
    expect((await w.store.getMessage('e1', 3, 'micro-d3', 'sms'))?.status).toBe('delivered');
    expect((await w.store.getMessage('e1', 10, 'micro-d3', 'sms'))?.status).toBe('delivered');
  });

  it('is refused signed for any other URL, and for the API’s URL where the function is not told it', async () => {
    const w = await world(API_URL);
    expect(
      (await smsStatus(w.deps, callback('https://elsewhere.example/sms/status', 'SM3'))).statusCode,
    ).toBe(403);
    const without = await world(undefined);
    expect((await smsStatus(without.deps, callback(`${API_URL}/sms/status`, 'SM3'))).statusCode).toBe(403);
    expect((await without.store.getMessage('e1', 3, 'micro-d3', 'sms'))?.status).toBe('queued');
  });
});
