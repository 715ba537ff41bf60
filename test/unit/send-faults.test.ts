import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { SesMailer } from '../../functions/adapters/ses/mailer';
import { queueUrlOf } from '../../functions/adapters/sqs/send-queue';
import { TwilioSmsSender } from '../../functions/adapters/twilio/sms-sender';
import type { MessageRecord } from '../../functions/program/enrollment';
import {
  DeliveryUnknownError,
  ProviderUnavailableError,
  SendInProgressError,
} from '../../functions/shared/errors';
import {
  retryDelaySeconds,
  SENDING_LEASE_MS,
  send,
  UNKNOWN_OUTCOME,
} from '../../functions/use-cases/sending/send';
import { fakeWorld } from '../support/fake-deps';

const failingTwilio = (error: unknown) =>
  new TwilioSmsSender({ create: () => Promise.reject(error) }, '+15005550006');
const failingSes = (error: unknown) =>
  new SesMailer({ send: () => Promise.reject(error) } as unknown as SESv2Client, 'hello@kintsugi.example');
const email = { to: 'a@example.com', subject: 's', html: '<p>h</p>', text: 't' };
const rest = (status: number, code: number) => Object.assign(new Error('twilio'), { status, code });
const network = (code: string) => Object.assign(new Error(code), { code });
const aws = (name: string, httpStatusCode?: number) =>
  Object.assign(new Error(name), { name, $metadata: httpStatusCode ? { httpStatusCode } : {} });

describe('what a provider failure means for a retry', () => {
  it.each([
    { failure: 'a 429', error: rest(429, 20429), kind: ProviderUnavailableError },
    { failure: 'a 503', error: rest(503, 20503), kind: ProviderUnavailableError },
    { failure: 'another 4xx', error: rest(400, 21602), kind: ProviderUnavailableError },
    { failure: 'a refused connection', error: network('ECONNREFUSED'), kind: ProviderUnavailableError },
    { failure: 'a 500', error: rest(500, 20500), kind: DeliveryUnknownError },
    { failure: 'a 502', error: rest(502, 20502), kind: DeliveryUnknownError },
    { failure: 'a timeout', error: network('ECONNABORTED'), kind: DeliveryUnknownError },
    { failure: 'a dropped connection', error: network('ECONNRESET'), kind: DeliveryUnknownError },
  ])('Twilio: $failure is a $kind.name', async ({ error, kind }) => {
    await expect(failingTwilio(error).send('+14155550100', 'hi')).rejects.toBeInstanceOf(kind);
  });

  it('Twilio: an opted-out number is a permanent failure, returned as a value in the program’s words', async () => {
    expect(await failingTwilio(rest(400, 21610)).send('+14155550100', 'hi')).toEqual({
      kind: 'refused',
      failure: { reason: 'opted-out', providerCode: '21610' },
      detail: 'twilio',
    });
  });

  it.each([
    { failure: 'a throttle', error: aws('TooManyRequestsException', 429), kind: ProviderUnavailableError },
    { failure: 'a rejected message', error: aws('MessageRejected', 400), kind: ProviderUnavailableError },
    {
      failure: 'a refused connection',
      error: Object.assign(network('ECONNREFUSED'), { $metadata: {} }),
      kind: ProviderUnavailableError,
    },
    { failure: 'a 500', error: aws('InternalFailure', 500), kind: DeliveryUnknownError },
    {
      failure: 'a timeout',
      error: Object.assign(aws('TimeoutError'), { code: 'ETIMEDOUT' }),
      kind: DeliveryUnknownError,
    },
  ])('SES: $failure is a $kind.name', async ({ error, kind }) => {
    await expect(failingSes(error).send(email)).rejects.toBeInstanceOf(kind);
  });
});

describe('a message found in the middle of being sent', () => {
  const job = { enrollmentId: 'e1', day: 3, slot: 'micro-d3', channel: 'sms' } as const;
  const claimed: MessageRecord = {
    ...job,
    kind: 'micro-action',
    status: 'claimed',
    dueAt: '2026-03-06T17:30:00.000Z',
    claimedAt: '2026-03-06T17:30:00.000Z',
  };

  it('is tried again later while its worker may still be at it, then failed with an unknown outcome, never sent', async () => {
    const world = fakeWorld('2026-03-06T17:30:00.000Z');
    await world.store.claimMessage(claimed);
    await world.store.transitionMessage(claimed, ['claimed'], {
      status: 'sending',
      sendingAt: '2026-03-06T17:30:00.000Z',
      sendingBy: 'worker-1',
    });
    world.clock.set('2026-03-06T17:30:30.000Z');
    await expect(send(world.deps, job)).rejects.toBeInstanceOf(SendInProgressError);
    expect((await world.store.getMessage('e1', 3, 'micro-d3', 'sms'))?.status).toBe('sending');

    world.clock.set(new Date(Date.parse('2026-03-06T17:30:00.000Z') + SENDING_LEASE_MS + 1).toISOString());
    await expect(send(world.deps, job)).rejects.toBeInstanceOf(DeliveryUnknownError);
    expect(await world.store.getMessage('e1', 3, 'micro-d3', 'sms')).toMatchObject({
      status: 'failed',
      error: UNKNOWN_OUTCOME,
    });
    // Its job keeps failing, so SQS moves it to the DLQ; nothing is ever sent for it.
    await expect(send(world.deps, job)).rejects.toBeInstanceOf(DeliveryUnknownError);
    expect(world.texts).toEqual([]);
  });
});

describe('the send queue’s backoff', () => {
  it('waits 30 s after the first failure, doubling each time, at most 15 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(retryDelaySeconds)).toEqual([30, 60, 120, 240, 480, 900, 900]);
  });

  it('finds the queue’s URL from the ARN of the record it came from', () => {
    expect(queueUrlOf('arn:aws:sqs:eu-west-1:123456789012:Kintsugi-SendQueue-abc')).toBe(
      'https://sqs.eu-west-1.amazonaws.com/123456789012/Kintsugi-SendQueue-abc',
    );
  });
});
