import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime';
import {
  api,
  emailsTo,
  linkIn,
  pathOf,
  startTestRuntime,
  textsWith,
  uniqueEmail,
  uniquePhone,
} from '../support/runtime';

const ZONE = 'Europe/London';

async function enrollAndConfirm(runtime: Runtime, extra: Record<string, unknown> = {}) {
  const email = uniqueEmail();
  const enrolled = await api(runtime, '/enrollments', {
    json: { email, timezone: ZONE, role: 'repairing', ...extra },
  });
  expect(enrolled.status).toBe(202);
  const confirmLink = pathOf(linkIn((await emailsTo(runtime, email))[0], '/confirm'));
  await api(runtime, confirmLink, { method: 'POST', headers: { accept: 'application/json' } });
  return { email, id: enrolled.body.id as string };
}

describe('links and webhooks a participant meets, through HTTP', () => {
  let runtime: Runtime;

  beforeAll(async () => {
    runtime = await startTestRuntime({ startAt: new Date('2026-04-06T09:30:00Z') }); // a Monday morning in London
  });
  afterAll(async () => {
    await runtime?.stop();
  });

  it('enrolls from a plain HTML form post and answers with a page', async () => {
    const email = uniqueEmail('form');
    const response = await fetch(`${runtime.url}/enrollments`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({
        email,
        timezone: ZONE,
        role: 'hurt',
        phone: '',
        checkinDay: 'friday',
        checkinTime: '18:30',
      }).toString(),
    });
    expect(response.status).toBe(202);
    expect(await response.text()).toContain('Check your email');
    expect(await runtime.deps.store.findByEmail(email)).toMatchObject({
      checkinDay: 'friday',
      checkinTime: '18:30',
      status: 'pending',
    });
  });

  it('answers malformed JSON with a 400 that names the body', async () => {
    const response = await api(runtime, '/enrollments', {
      method: 'POST',
      body: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'invalid_json', field: 'body' });
  });

  it('serves the enrollment form at / with every field the contract names', async () => {
    const page = await api(runtime, '/', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    for (const name of ['email', 'timezone', 'role', 'phone', 'smsConsent', 'checkinDay', 'checkinTime']) {
      expect(page.text).toContain(`name="${name}"`);
    }
  });

  it('records a one-click email check-in only on POST, never on the GET a link scanner makes', async () => {
    const { email, id } = await enrollAndConfirm(runtime);
    await api(runtime, '/_local/clock', { json: { advance: 'P7D' } });
    const checkin = (await emailsTo(runtime, email)).find((m) => m.text?.includes('/checkin?'));
    expect(checkin).toBeDefined();
    const four = pathOf(linkIn(checkin, '/checkin').replace(/score=\d/, 'score=4'));
    const preview = await api(runtime, four, { headers: { accept: 'text/html' } });
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('4 of 5');
    expect(await runtime.deps.store.listReplies(id)).toHaveLength(0);
    const recorded = await api(runtime, four, { method: 'POST', headers: { accept: 'application/json' } });
    expect(recorded.status).toBe(200);
    expect(await runtime.deps.store.listReplies(id)).toEqual([
      expect.objectContaining({ score: 4, channel: 'email' }),
    ]);
  });

  it('unsubscribes with an RFC 8058 one-click POST and sends no more email', async () => {
    const { email, id } = await enrollAndConfirm(runtime);
    await api(runtime, '/_local/clock', { json: { advance: 'P1D' } });
    const lesson = (await emailsTo(runtime, email)).find((m) => m.headers['list-unsubscribe']);
    const url = lesson?.headers['list-unsubscribe']?.match(/<(https?:[^>]+)>/)?.[1] ?? '';
    expect(lesson?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const response = await fetch(`${runtime.url}${pathOf(url)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(200);
    expect((await runtime.deps.store.getEnrollment(id))?.emailStatus).toBe('unsubscribed');
    const before = (await emailsTo(runtime, email)).length;
    await api(runtime, '/_local/clock', { json: { advance: 'P7D' } });
    expect(await emailsTo(runtime, email)).toHaveLength(before);
  });

  it('answers HELP and STOP by SMS, and stops texting after STOP', async () => {
    const phone = uniquePhone();
    const { id } = await enrollAndConfirm(runtime, { phone, smsConsent: true });
    await api(runtime, '/_local/sms/reply', { json: { from: phone, body: 'YES' } });
    const help = await api(runtime, '/_local/sms/reply', { json: { from: phone, body: 'help' } });
    expect(help.body.reply).toMatch(/STOP/);
    const stop = await api(runtime, '/_local/sms/reply', { json: { from: phone, body: 'STOP!!' } });
    expect(stop.body.reply).toMatch(/START/);
    expect((await runtime.deps.store.getEnrollment(id))?.smsStatus).toBe('stopped');
    const outboundBefore = (await textsWith(runtime, phone)).filter((m) => m.direction === 'outbound').length;
    await api(runtime, '/_local/clock', { json: { advance: 'P14D' } });
    expect((await textsWith(runtime, phone)).filter((m) => m.direction === 'outbound')).toHaveLength(
      outboundBefore,
    );
  });

  it('records signed delivery callbacks from Twilio against the message sent', async () => {
    const phone = uniquePhone();
    const { id } = await enrollAndConfirm(runtime, { phone, smsConsent: true });
    await api(runtime, '/_local/sms/reply', { json: { from: phone, body: 'YES' } });
    await api(runtime, '/_local/clock', { json: { advance: 'P7D' } });
    await runtime.twilio.idle();
    const texted = (await runtime.deps.store.listMessages(id)).filter((m) => m.channel === 'sms');
    expect(texted.length).toBeGreaterThan(0);
    for (const message of texted) expect(message.status).toBe('delivered');
  });

  it('moves the clock only forward and says why', async () => {
    const response = await api(runtime, '/_local/clock', { json: { to: '2000-01-01T00:00:00Z' } });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('clock_backwards');
    const bad = await api(runtime, '/_local/clock', { json: { advance: 'seven days' } });
    expect(bad.body.error).toMatchObject({ code: 'invalid_duration', field: 'advance' });
  });
});

describe('a participant’s own data, through HTTP', () => {
  let runtime: Runtime;

  beforeAll(async () => {
    runtime = await startTestRuntime({ startAt: new Date('2026-04-06T09:30:00Z') });
  });
  afterAll(async () => {
    await runtime?.stop();
  });

  it('exports everything held about the person, then deletes it all so the address can enroll again', async () => {
    const phone = uniquePhone();
    const { email, id } = await enrollAndConfirm(runtime, { phone, smsConsent: true });
    await api(runtime, '/_local/sms/reply', { json: { from: phone, body: 'YES' } });
    await api(runtime, '/_local/clock', { json: { advance: 'P7D' } });
    await api(runtime, '/_local/sms/reply', { json: { from: phone, body: '3 - a hard week' } });
    const lesson = (await emailsTo(runtime, email)).find((m) => m.text?.includes('/privacy?'));
    const privacy = pathOf(linkIn(lesson, '/privacy'));

    const choices = await api(runtime, privacy, { headers: { accept: 'text/html' } });
    expect(choices.text).toContain('Delete all my data');

    const exported = await api(runtime, privacy, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=export',
    });
    expect(exported.status).toBe(200);
    expect(exported.body.enrollment).toMatchObject({ id, email, phone });
    expect(exported.body.replies).toEqual([expect.objectContaining({ score: 3, note: 'a hard week' })]);
    expect(exported.body.messages.length).toBeGreaterThan(3);

    const deleted = await api(runtime, privacy, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: 'action=delete',
    });
    expect(deleted.body).toEqual({ deleted: true });
    expect(await runtime.deps.store.getEnrollment(id)).toBeUndefined();
    expect(await runtime.deps.store.findByPhone(phone)).toBeUndefined();
    expect(await runtime.deps.store.listMessages(id)).toEqual([]);
    expect(await runtime.deps.store.listReplies(id)).toEqual([]);
    expect((await api(runtime, privacy, { headers: { accept: 'application/json' } })).status).toBe(404);
    const again = await api(runtime, '/enrollments', { json: { email, timezone: ZONE, role: 'hurt' } });
    expect(again.status).toBe(202);
  });
});
