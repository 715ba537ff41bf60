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

const ZONE = 'America/Chicago';

async function participant(runtime: Runtime, withPhone = true) {
  const email = uniqueEmail();
  const phone = uniquePhone();
  const enrolled = await api(runtime, '/enrollments', {
    json: { email, timezone: ZONE, role: 'hurt', ...(withPhone ? { phone, smsConsent: true } : {}) },
  });
  const confirm = pathOf(linkIn((await emailsTo(runtime, email))[0], '/confirm'));
  await api(runtime, confirm, { method: 'POST', headers: { accept: 'application/json' } });
  if (withPhone) await api(runtime, '/_local/sms/reply', { json: { from: phone, body: 'YES' } });
  return { email, phone, id: enrolled.body.id as string };
}

const sesEvent = (runtime: Runtime, body: Record<string, unknown>) =>
  api(runtime, '/_local/ses-event', { json: body });

describe('what mail providers and carriers report back, through the handlers', () => {
  let runtime: Runtime;

  beforeAll(async () => {
    // Callbacks are posted by the tests themselves, so their order is under the test's control.
    runtime = await startTestRuntime({
      startAt: new Date('2026-05-04T15:00:00Z'),
      twilioStatusCallbacks: false,
    });
  });
  afterAll(async () => {
    await runtime?.stop();
  });

  it('stops email after a permanent bounce, records why, and keeps texting', async () => {
    const { email, phone, id } = await participant(runtime);
    expect((await sesEvent(runtime, { type: 'Bounce', email, bounceType: 'Permanent' })).status).toBe(200);
    const enrollment = await runtime.deps.store.getEnrollment(id);
    expect(enrollment).toMatchObject({ emailStatus: 'bounced', smsStatus: 'active' });
    expect(enrollment?.emailStopReason).toMatch(/hard-bounce/);
    const emailsBefore = (await emailsTo(runtime, email)).length;
    const textsBefore = (await textsWith(runtime, phone)).length;
    await api(runtime, '/_local/clock', { json: { advance: 'P7D' } });
    expect(await emailsTo(runtime, email)).toHaveLength(emailsBefore);
    expect((await textsWith(runtime, phone)).length).toBeGreaterThan(textsBefore);
  });

  it('counts soft bounces, forgives them after a delivery, and stops email at the third in a row', async () => {
    const { email, id } = await participant(runtime, false);
    await sesEvent(runtime, { type: 'Bounce', email, bounceType: 'Transient' });
    await sesEvent(runtime, { type: 'Bounce', email, bounceType: 'Transient' });
    await sesEvent(runtime, { type: 'Delivery', email });
    expect(await runtime.deps.store.getEnrollment(id)).toMatchObject({
      emailStatus: 'active',
      softBounces: 0,
    });
    for (let i = 0; i < 3; i++) await sesEvent(runtime, { type: 'Bounce', email, bounceType: 'Transient' });
    const enrollment = await runtime.deps.store.getEnrollment(id);
    expect(enrollment?.emailStatus).toBe('bounced');
    expect(enrollment?.emailStopReason).toMatch(/soft-bounces: 3/);
  });

  it('unsubscribes a person whose mail provider reports a complaint', async () => {
    const { email, id } = await participant(runtime, false);
    await sesEvent(runtime, { type: 'Complaint', email });
    expect(await runtime.deps.store.getEnrollment(id)).toMatchObject({ emailStatus: 'unsubscribed' });
  });

  it('refuses an SES event it cannot read, naming the field', async () => {
    const response = await sesEvent(runtime, { type: 'Explosion', email: 'x@example.com' });
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('type');
  });

  it('never moves a delivered text back to sent when callbacks arrive out of order', async () => {
    const { id } = await participant(runtime);
    await api(runtime, '/_local/clock', { json: { advance: 'P5D' } }); // past day 3's midday text
    const [text] = (await runtime.deps.store.listMessages(id)).filter((m) => m.channel === 'sms');
    expect(text?.status).toBe('queued');
    const sid = text?.providerId ?? '';
    await runtime.twilio.emitStatus(sid, 'delivered');
    await runtime.twilio.emitStatus(sid, 'sent');
    await runtime.twilio.emitStatus(sid, 'failed', { code: 30008 });
    const after = (await runtime.deps.store.listMessages(id)).find((m) => m.providerId === sid);
    expect(after?.status).toBe('delivered');
  });

  it('marks a number unreachable after three carrier failures and moves check-ins to email', async () => {
    const { email, phone, id } = await participant(runtime);
    await api(runtime, '/_local/clock', { json: { advance: 'P14D' } });
    const texts = (await runtime.deps.store.listMessages(id)).filter(
      (m) => m.channel === 'sms' && m.providerId,
    );
    expect(texts.length).toBeGreaterThanOrEqual(3);
    for (const text of texts.slice(0, 3))
      await runtime.twilio.emitStatus(text.providerId ?? '', 'undelivered', { code: 30003 });
    const failed = (await runtime.deps.store.listMessages(id)).filter((m) => m.status === 'undelivered');
    expect(failed[0]?.error).toBe('30003');
    expect((await runtime.deps.store.getEnrollment(id))?.smsStatus).toBe('unreachable');
    const textsBefore = (await textsWith(runtime, phone)).filter((m) => m.direction === 'outbound').length;
    await api(runtime, '/_local/clock', { json: { advance: 'P7D' } });
    expect((await textsWith(runtime, phone)).filter((m) => m.direction === 'outbound')).toHaveLength(
      textsBefore,
    );
    const emailedCheckins = (await emailsTo(runtime, email)).filter((m) => m.text?.includes('/checkin?'));
    expect(emailedCheckins.length).toBeGreaterThan(0);
  });

  it('stops only email on unsubscribe, and only texts on STOP', async () => {
    const { email, phone, id } = await participant(runtime);
    await api(runtime, '/_local/clock', { json: { advance: 'P1D' } });
    const lesson = (await emailsTo(runtime, email)).find((m) => m.text?.includes('/unsubscribe?'));
    await api(runtime, pathOf(linkIn(lesson, '/unsubscribe')), {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
    });
    expect(await runtime.deps.store.getEnrollment(id)).toMatchObject({
      emailStatus: 'unsubscribed',
      smsStatus: 'active',
    });

    const other = await participant(runtime);
    await api(runtime, '/_local/sms/reply', { json: { from: other.phone, body: 'STOP' } });
    expect(await runtime.deps.store.getEnrollment(other.id)).toMatchObject({
      emailStatus: 'active',
      smsStatus: 'stopped',
    });
    expect(phone).not.toBe(other.phone);
  });
});

describe('check-ins that go unanswered by text, through the handlers', () => {
  let runtime: Runtime;

  beforeAll(async () => {
    runtime = await startTestRuntime({ startAt: new Date('2026-05-04T15:00:00Z') }); // Monday 10:00 in Chicago
  });
  afterAll(async () => {
    await runtime?.stop();
  });

  it('move to email after three unanswered check-in texts, with one gentle text, and back on the next reply', async () => {
    const { email, phone, id } = await participant(runtime);
    const checkinTexts = async () =>
      (await textsWith(runtime, phone)).filter(
        // The questions themselves ("Reply 1-5", "Reply Y or N"), not the answers to the person's texts.
        (m) => m.direction === 'outbound' && /Reply 1-5|Reply Y or N/.test(m.body),
      );
    const checkinEmails = async () =>
      (await emailsTo(runtime, email)).filter((m) => m.text?.includes('/checkin?'));

    await api(runtime, '/_local/clock', { json: { advance: 'P21D' } }); // three Sunday check-ins, none answered
    expect(await checkinTexts()).toHaveLength(3);
    expect(await checkinEmails()).toHaveLength(0);

    await api(runtime, '/_local/clock', { json: { advance: 'P7D' } }); // the fourth
    expect(await checkinTexts()).toHaveLength(3);
    expect(await checkinEmails()).toHaveLength(1);
    const notices = (await textsWith(runtime, phone)).filter((m) => /by email/.test(m.body));
    expect(notices).toHaveLength(1);
    expect((await runtime.deps.store.getEnrollment(id))?.checkinsByEmail).toBe(true);

    // "Text anything": the text is not read as a failed answer to the check-in the email carries.
    const back = await api(runtime, '/_local/sms/reply', {
      json: { from: phone, body: 'sorry, busy weeks' },
    });
    expect(back.body.reply).toMatch(/check-ins will come by text again/);
    expect(back.body.reply).not.toMatch(/couldn't read that|1 to 5/);
    expect((await runtime.deps.store.getEnrollment(id))?.checkinsByEmail).toBeUndefined();
    await api(runtime, '/_local/clock', { json: { advance: 'P3DT3H' } }); // day 30, 13:00: the first quick question
    expect(await checkinTexts()).toHaveLength(4);
    expect(await checkinEmails()).toHaveLength(1);
  });

  it('make a number marked unreachable reachable again when the person texts', async () => {
    const { phone, id } = await participant(runtime);
    const current = await runtime.deps.store.getEnrollment(id);
    if (!current) throw new Error('no enrollment');
    await runtime.deps.store.saveEnrollment({
      ...current,
      smsStatus: 'unreachable',
      smsFailures: 3,
      version: current.version + 1,
    });
    await api(runtime, '/_local/sms/reply', { json: { from: phone, body: 'still here' } });
    expect(await runtime.deps.store.getEnrollment(id)).toMatchObject({ smsStatus: 'active', smsFailures: 0 });
  });
});
