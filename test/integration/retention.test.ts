import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime';
import { advance, enrollParticipant, text } from '../support/participant';
import { api, emailsTo, linkIn, pathOf, startTestRuntime, uniqueEmail } from '../support/runtime';

const ZONE = 'Europe/Dublin';

describe('how long Kintsugi keeps what people tell it', () => {
  let runtime: Runtime;

  beforeAll(async () => {
    runtime = await startTestRuntime({
      startAt: new Date('2026-09-07T10:00:00Z'),
      env: { RETENTION_DAYS: '30' },
    });
  });
  afterAll(async () => {
    await runtime?.stop();
  });

  it('forgets an enrollment nobody confirmed after two weeks, so the address can enroll afresh', async () => {
    const email = uniqueEmail();
    const first = await api(runtime, '/enrollments', { json: { email, timezone: ZONE, role: 'hurt' } });
    await api(runtime, '/_local/clock', { json: { advance: 'P15D' } });
    expect(await runtime.deps.store.getEnrollment(first.body.id)).toBeUndefined();
    const again = await api(runtime, '/enrollments', { json: { email, timezone: ZONE, role: 'repairing' } });
    expect(again.status).toBe(202);
    expect(again.body.id).not.toBe(first.body.id);
    expect((await runtime.deps.store.findByEmail(email))?.track).toBe('repairing');
  });

  it('keeps a finished program for the retention period, then nothing of it is readable', async () => {
    const email = uniqueEmail();
    const { body } = await api(runtime, '/enrollments', { json: { email, timezone: ZONE, role: 'hurt' } });
    await api(runtime, pathOf(linkIn((await emailsTo(runtime, email)).at(-1), '/confirm')), {
      method: 'POST',
    });
    // Past day 92: the report waits 48 hours for the last checkpoint question, left unanswered here.
    await api(runtime, '/_local/clock', { json: { advance: 'P94D' } });
    const reportLink = pathOf(
      linkIn(
        (await emailsTo(runtime, email)).find((m) => m.text?.includes('/report?')),
        '/report',
      ),
    );
    expect((await api(runtime, reportLink, { headers: { accept: 'application/json' } })).status).toBe(200);
    expect((await runtime.deps.store.getEnrollment(body.id))?.status).toBe('completed');

    await api(runtime, '/_local/clock', { json: { advance: 'P31D' } });
    expect(await runtime.deps.store.getEnrollment(body.id)).toBeUndefined();
    expect(await runtime.deps.store.findByEmail(email)).toBeUndefined();
    expect(await runtime.deps.store.listMessages(body.id)).toEqual([]);
    expect((await api(runtime, reportLink, { headers: { accept: 'application/json' } })).status).toBe(404);
  });

  it('forgets a finished program on time even when the person texts after it ended', async () => {
    const who = await enrollParticipant(runtime, { timezone: ZONE });
    await advance(runtime, 'P94D');
    const ended = await runtime.deps.store.getEnrollment(who.id);
    expect(ended?.status).toBe('completed');
    // Their download says when it will all be gone: the retention period (30 days here) after the end.
    const exported = await api(
      runtime,
      pathOf(linkIn((await emailsTo(runtime, who.email)).at(-1), '/privacy')),
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'action=export',
      },
    );
    const deletedAfter = Date.parse(exported.body.deletedAfter);
    const now = Date.parse((await api(runtime, '/_local/clock')).body.now);
    expect(deletedAfter - now).toBeGreaterThan(28 * 86_400_000);
    expect(deletedAfter - now).toBeLessThanOrEqual(30 * 86_400_000);
    // A late answer, then STOP: both change the enrollment after its retention was set.
    await text(runtime, who, '4');
    await text(runtime, who, 'STOP');
    await advance(runtime, 'P31D');
    expect(await runtime.deps.store.getEnrollment(who.id)).toBeUndefined();
    expect(await runtime.deps.store.findByPhone(who.phone as string)).toBeUndefined();
    expect(await runtime.deps.store.listReplies(who.id)).toEqual([]);
    expect(await runtime.deps.store.listMessages(who.id)).toEqual([]);
    expect(await runtime.deps.store.listConsents(who.id)).toEqual([]);
    expect(await runtime.deps.store.getReport(who.id)).toBeUndefined();
  });
});

describe('a deployment that keeps only the scores once the report is out', () => {
  let runtime: Runtime;

  beforeAll(async () => {
    runtime = await startTestRuntime({
      startAt: new Date('2026-09-07T10:00:00Z'),
      env: { DROP_REPLY_TEXT_AFTER_REPORT: 'true' },
    });
  });
  afterAll(async () => {
    await runtime?.stop();
  });

  it('erases the words of replies after the day-90 report, keeping every score', async () => {
    const email = uniqueEmail();
    const phone = `+1415555${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
    const { body } = await api(runtime, '/enrollments', {
      json: { email, timezone: ZONE, role: 'hurt', phone, smsConsent: true },
    });
    await api(runtime, pathOf(linkIn((await emailsTo(runtime, email)).at(-1), '/confirm')), {
      method: 'POST',
    });
    await api(runtime, '/_local/sms/reply', { json: { from: phone, body: 'YES' } });
    await api(runtime, '/_local/clock', { json: { advance: 'P7D' } });
    await api(runtime, '/_local/sms/reply', { json: { from: phone, body: '2 we argued about the phone' } });
    await api(runtime, '/_local/clock', { json: { advance: 'P1D' } });
    await api(runtime, '/_local/sms/reply', { json: { from: phone, body: 'a note that answers nothing' } });
    const before = await runtime.deps.store.listReplies(body.id);
    expect(before.filter((r) => r.note).length).toBe(2);

    await api(runtime, '/_local/clock', { json: { advance: 'P87D' } });
    const after = await runtime.deps.store.listReplies(body.id);
    expect(after.filter((r) => r.note)).toEqual([]);
    expect(after.filter((r) => r.score !== undefined).map((r) => r.score)).toContain(2);
    const reportLink = pathOf(
      linkIn(
        (await emailsTo(runtime, email)).find((m) => m.text?.includes('/report?')),
        '/report',
      ),
    );
    const report = await api(runtime, reportLink, { headers: { accept: 'application/json' } });
    expect(report.body.journalNotes).toBe(1); // counted before the words went
  });
});
