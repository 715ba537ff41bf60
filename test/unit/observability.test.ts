import type { SQSEvent } from 'aws-lambda';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { handle as sendBatch } from '../../functions/handlers/send';
import type { SendJob } from '../../functions/ports/queue';
import { withCorrelationId } from '../../functions/shared/correlation';
import { type HttpEvent, json, respond } from '../../functions/shared/http';
import { logger } from '../../functions/shared/logger';
import { countEvent } from '../../functions/shared/metrics';
import { confirm } from '../../functions/use-cases/enrollment/confirm';
import { enroll } from '../../functions/use-cases/enrollment/enroll';
import { replyBySms } from '../../functions/use-cases/replies/reply-by-sms';
import { dispatch } from '../../functions/use-cases/sending/dispatch';
import { fakeWorld } from '../support/fake-deps';
import { logsOf } from '../support/logs';

vi.mock('../../functions/shared/metrics', () => ({ countEvent: vi.fn() }));
const counted = vi.mocked(countEvent);

const event = (headers: Record<string, string> = {}): HttpEvent =>
  ({
    headers,
    requestContext: { requestId: 'apigw-req-1', http: { method: 'GET', path: '/' } },
  }) as unknown as HttpEvent;

beforeEach(() => {
  counted.mockClear();
});

describe('the correlation id', () => {
  it("is the caller's x-correlation-id, on the answer and on every log line of the request", async () => {
    let answer: Awaited<ReturnType<typeof respond>> | undefined;
    const logs = await logsOf(async () => {
      answer = await respond(event({ 'X-Correlation-Id': 'support-ticket-42' }), async () => {
        logger.info('inside the request');
        return json(200, {});
      });
    });
    expect(answer?.headers?.['x-correlation-id']).toBe('support-ticket-42');
    expect(logs.find((l) => l.message === 'inside the request')?.correlation_id).toBe('support-ticket-42');
  });

  it("is API Gateway's request id when the caller sends none, or one that is not plain", async () => {
    const none = await respond(event(), async () => json(200, {}));
    const odd = await respond(event({ 'x-correlation-id': 'two words\nand a newline' }), async () =>
      json(200, {}),
    );
    expect(none.headers?.['x-correlation-id']).toBe('apigw-req-1');
    expect(odd.headers?.['x-correlation-id']).toBe('apigw-req-1');
  });

  it('goes from the dispatch run onto every send job it queues', async () => {
    const world = fakeWorld('2026-03-02T12:00:00.000Z');
    const { id } = await enroll(world.deps, { email: 'ana@example.com', timezone: 'UTC', role: 'hurt' });
    await confirm(world.deps, world.deps.tokens.sign('confirm', id));
    const queued: SendJob[] = [];
    world.deps.queue = { enqueue: async (jobs) => void queued.push(...jobs), retryAfter: async () => {} };
    world.clock.set('2026-03-03T09:00:00.000Z');
    await withCorrelationId('dispatch-run-7', () => dispatch(world.deps));
    expect(queued.length).toBeGreaterThan(0);
    expect(queued.every((job) => job.correlationId === 'dispatch-run-7')).toBe(true);
  });

  it("is the send step's, taken from the job, on the lines it logs", async () => {
    const world = fakeWorld('2026-03-02T12:00:00.000Z');
    const { id } = await enroll(world.deps, { email: 'ana@example.com', timezone: 'UTC', role: 'hurt' });
    await confirm(world.deps, world.deps.tokens.sign('confirm', id));
    const queued: SendJob[] = [];
    world.deps.queue = { enqueue: async (jobs) => void queued.push(...jobs), retryAfter: async () => {} };
    world.clock.set('2026-03-03T09:00:00.000Z');
    await withCorrelationId('dispatch-run-8', () => dispatch(world.deps));
    const records = queued.map((job, i) => ({
      messageId: `m-${i}`,
      receiptHandle: `r-${i}`,
      body: JSON.stringify(job),
      attributes: { ApproximateReceiveCount: '1' },
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:send',
    }));
    const logs = await logsOf(() => sendBatch(world.deps, { Records: records } as unknown as SQSEvent));
    const sent = logs.filter((l) => l.message === 'message sent');
    expect(sent.length).toBe(queued.length);
    expect(sent.every((l) => l.correlation_id === 'dispatch-run-8')).toBe(true);
  });
});

describe('business metrics', () => {
  it('count enrollments, confirmations, messages by channel and outcome, replies and opt-outs', async () => {
    const world = fakeWorld('2026-03-02T12:00:00.000Z');
    const { id } = await enroll(world.deps, {
      email: 'ana@example.com',
      timezone: 'UTC',
      role: 'hurt',
      phone: '+14155550199',
      smsConsent: true,
    });
    await confirm(world.deps, world.deps.tokens.sign('confirm', id));
    const sms = (body: string, sid: string) =>
      replyBySms(world.deps, { from: '+14155550199', body, messageSid: sid });
    await sms('YES', 'SMm1');
    world.clock.set('2026-03-03T09:00:00.000Z');
    await dispatch(world.deps);
    await sms('a quiet day', 'SMm2');
    await sms('STOP', 'SMm3');

    const calls = counted.mock.calls.map(([name, dimensions]) => [name, dimensions ?? null]);
    expect(calls).toEqual(
      expect.arrayContaining([
        ['Enrollments', null],
        ['Confirmations', null],
        ['Messages', { channel: 'email', outcome: 'sent' }],
        ['Replies', { channel: 'sms', kind: 'note' }],
        ['OptOuts', { channel: 'sms' }],
      ]),
    );
    // Opt-ins (the form, the link, YES) are not opt-outs: STOP is counted, once.
    expect(calls.filter(([name]) => name === 'OptOuts')).toEqual([['OptOuts', { channel: 'sms' }]]);
  });

  it('log every change of consent with whose, which channel, what and how, and no number in clear', async () => {
    const world = fakeWorld('2026-03-02T12:00:00.000Z');
    const { id } = await enroll(world.deps, {
      email: 'ana@example.com',
      timezone: 'UTC',
      role: 'hurt',
      phone: '+14155550197',
      smsConsent: true,
    });
    await confirm(world.deps, world.deps.tokens.sign('confirm', id));
    await replyBySms(world.deps, { from: '+14155550197', body: 'YES', messageSid: 'SMm5' });
    const logs = await logsOf(() =>
      replyBySms(world.deps, { from: '+14155550197', body: 'STOP', messageSid: 'SMm6' }),
    );
    const consent = logs.filter((l) => l.message === 'consent recorded');
    expect(consent).toMatchObject([
      { enrollmentId: id, channel: 'sms', action: 'opt-out', source: 'keyword' },
    ]);
    expect(JSON.stringify(consent)).not.toContain('5550197');
  });

  it('count a safety flag by its category', async () => {
    const world = fakeWorld();
    const { id } = await enroll(world.deps, {
      email: 'ana@example.com',
      timezone: 'UTC',
      role: 'hurt',
      phone: '+14155550198',
      smsConsent: true,
    });
    await confirm(world.deps, world.deps.tokens.sign('confirm', id));
    await replyBySms(world.deps, { from: '+14155550198', body: 'he hit me', messageSid: 'SMm4' });
    expect(counted).toHaveBeenCalledWith('SafetyFlags', { category: 'abuse' });
  });
});
