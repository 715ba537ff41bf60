import { describe, expect, it } from 'vitest';
import { PERMANENT_CODES } from '../../functions/adapters/twilio/outcomes';
import { TwilioSmsSender } from '../../functions/adapters/twilio/sms-sender';
import { deliveryReportOf } from '../../functions/adapters/twilio/status-callback';
import { ProviderUnavailableError, ValidationError } from '../../functions/shared/errors';

const refusing = (status: number, code: number) =>
  new TwilioSmsSender(
    { create: () => Promise.reject(Object.assign(new Error(`Twilio ${code}`), { status, code })) },
    '+15005550006',
  );

/** Every Twilio error code a send may be refused with for good, and what the program calls it. */
const REFUSALS = [
  { code: 21610, reason: 'opted-out' },
  { code: 21211, reason: 'invalid-number' },
  { code: 21614, reason: 'invalid-number' },
  { code: 30005, reason: 'invalid-number' },
  { code: 21612, reason: 'unreachable-number' },
  { code: 30003, reason: 'unreachable-number' },
  { code: 30006, reason: 'unreachable-number' },
  { code: 21408, reason: 'not-permitted' },
] as const;

describe('a text Twilio refuses, in the program’s words', () => {
  it('names every permanent code Twilio has for a refusal', () => {
    expect(REFUSALS.map((r) => r.code).sort()).toEqual([...PERMANENT_CODES].sort());
  });

  it.each(REFUSALS)('Twilio error $code is a refusal for good: $reason', async ({ code, reason }) => {
    expect(await refusing(400, code).send('+14155550100', 'hi')).toEqual({
      kind: 'refused',
      failure: { reason, providerCode: String(code) },
      detail: `Twilio ${code}`,
    });
  });

  it('throws any other 4xx as the provider being unavailable, so the queue retries it', async () => {
    await expect(refusing(400, 21602).send('+14155550100', 'hi')).rejects.toBeInstanceOf(
      ProviderUnavailableError,
    );
  });

  it('gives an accepted text the id Twilio gave it', async () => {
    const sender = new TwilioSmsSender({ create: async () => ({ sid: 'SM123' }) }, '+15005550006');
    expect(await sender.send('+14155550100', 'hi')).toEqual({ kind: 'accepted', providerId: 'SM123' });
  });
});

describe('a Twilio status callback, in the program’s words', () => {
  const callback = (MessageStatus: string, ErrorCode?: string) =>
    deliveryReportOf({ MessageSid: 'SM1', MessageStatus, ...(ErrorCode ? { ErrorCode } : {}) });

  it.each([
    { status: 'accepted', progress: 'queued' },
    { status: 'queued', progress: 'queued' },
    { status: 'sending', progress: 'queued' },
    { status: 'sent', progress: 'sent' },
    { status: 'delivered', progress: 'delivered' },
    { status: 'read', progress: 'delivered' },
    { status: 'undelivered', progress: 'undelivered' },
    { status: 'failed', progress: 'failed' },
  ])('Twilio’s $status is $progress', ({ status, progress }) => {
    expect(callback(status)).toEqual({ providerId: 'SM1', progress });
  });

  it.each(['receiving', 'received', 'scheduled', 'partially_delivered', 'canceled', 'bogus'])(
    'Twilio’s %s is not a state the program follows',
    (status) => {
      expect(callback(status)).toBeUndefined();
    },
  );

  it.each(REFUSALS)('error $code in a callback is $reason', ({ code, reason }) => {
    expect(callback('undelivered', String(code))).toEqual({
      providerId: 'SM1',
      progress: 'undelivered',
      failure: { reason, providerCode: String(code) },
    });
  });

  it('keeps any other error code as it came, for the record, with no reason the program acts on', () => {
    expect(callback('failed', '30007')?.failure).toEqual({ reason: 'other', providerCode: '30007' });
    expect(callback('failed', 'x')?.failure).toEqual({ reason: 'other', providerCode: 'x' });
  });

  it('refuses a callback without the message’s id or status', () => {
    expect(() => deliveryReportOf({ MessageStatus: 'sent' })).toThrow(ValidationError);
    expect(() => deliveryReportOf({ MessageSid: 'SM1' })).toThrow(ValidationError);
  });
});
