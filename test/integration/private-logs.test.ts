import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logger, redact } from '../../functions/shared/logger';
import type { Runtime } from '../../local/runtime';
import {
  api,
  emailsTo,
  linkIn,
  pathOf,
  startTestRuntime,
  uniqueEmail,
  uniquePhone,
} from '../support/runtime';

describe('the logs of a whole program run', () => {
  let runtime: Runtime;
  const captured: string[] = [];
  const writes = { out: process.stdout.write, err: process.stderr.write };

  beforeAll(async () => {
    runtime = await startTestRuntime({ startAt: new Date('2026-08-03T14:00:00Z') });
    logger.setLogLevel('INFO');
    const tap =
      (original: typeof process.stdout.write) =>
      (chunk: unknown, ...rest: unknown[]): boolean => {
        captured.push(String(chunk));
        return (original as (...args: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
      };
    process.stdout.write = tap(writes.out) as typeof process.stdout.write;
    process.stderr.write = tap(writes.err) as typeof process.stderr.write;
  });
  afterAll(async () => {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    logger.setLogLevel('WARN');
    await runtime?.stop();
  });

  it('never hold an email address, a phone number or the words of a reply', async () => {
    const email = uniqueEmail('private.person');
    const phone = uniquePhone();
    const secret = 'he read my diary again';
    const enrolled = await api(runtime, '/enrollments', {
      json: { email, timezone: 'America/Denver', role: 'hurt', phone, smsConsent: true },
    });
    expect(enrolled.status).toBe(202);
    await api(runtime, pathOf(linkIn((await emailsTo(runtime, email))[0], '/confirm')), { method: 'POST' });
    await api(runtime, '/_local/sms/reply', { json: { from: phone, body: 'YES' } });
    for (let week = 0; week < 13; week++) {
      await api(runtime, '/_local/clock', { json: { advance: 'P7D' } });
      await api(runtime, '/_local/sms/reply', { json: { from: phone, body: `3 ${secret}` } });
    }
    await api(runtime, '/_local/clock', { json: { advance: 'P1D' } });
    // The same 202 as any address; the owner gets a notice by email.
    await api(runtime, '/enrollments', { json: { email, timezone: 'America/Denver', role: 'hurt' } });

    const logs = captured.join('');
    expect(logs).toMatch(/"message":"message sent"/); // the run did log
    expect(logs).toMatch(/"message":"check-in answered"/);
    expect(logs).not.toContain(email);
    expect(logs).not.toContain(email.split('@')[0]);
    expect(logs).not.toContain(phone);
    expect(logs).not.toContain(phone.slice(2));
    expect(logs).not.toContain(secret);
  });

  it('scrub addresses and numbers even if code passes them by mistake', () => {
    expect(
      redact({
        note: 'anything',
        nested: { who: 'ana@example.com called +1 415 555 0100' },
        list: ['+447400123456'],
      }),
    ).toEqual({ note: '[private]', nested: { who: '[email] called [number]' }, list: ['[number]'] });
  });

  it('keep the dates and times an operator needs, and still mask a number written like a date', () => {
    expect(
      redact({
        day0: '2026-11-22',
        nextDueAt: '2026-11-22T13:00:00.000Z',
        window: 'from 2026-11-22 08:00 to 2026-11-23',
        who: 'texted from 415-555-0100 and (415) 555 0199',
      }),
    ).toEqual({
      day0: '2026-11-22',
      nextDueAt: '2026-11-22T13:00:00.000Z',
      window: 'from 2026-11-22 08:00 to 2026-11-23',
      who: 'texted from [number] and ([number]',
    });
  });
});
