import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime';
import {
  api,
  emailsTo,
  type LocalEmail,
  type LocalSms,
  linkIn,
  pathOf,
  startTestRuntime,
  textsWith,
  uniqueEmail,
  uniquePhone,
} from '../support/runtime';

const ZONE = 'America/New_York';
const local = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });

describe('the whole program, through the HTTP API, on real emulators', () => {
  let runtime: Runtime;
  const email = uniqueEmail('ana');
  const phone = uniquePhone();
  let enrollmentId: string;

  beforeAll(async () => {
    runtime = await startTestRuntime({ startAt: new Date('2026-03-02T15:00:00Z') }); // Monday 10:00 in New York
  });
  afterAll(async () => {
    await runtime?.stop();
  });

  it('refuses an enrollment with a bad field, names the field and stores nothing', async () => {
    const bad = uniqueEmail('bad');
    const response = await api(runtime, '/enrollments', {
      json: { email: bad, timezone: 'Nowhere/Land', role: 'hurt' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'invalid_timezone', field: 'timezone' });
    expect(await runtime.deps.store.findByEmail(bad)).toBeUndefined();
    expect(await emailsTo(runtime, bad)).toHaveLength(0);
  });

  it('enrolls from JSON with 202 and emails a confirmation link', async () => {
    const response = await api(runtime, '/enrollments', {
      json: {
        email,
        timezone: ZONE,
        role: 'hurt',
        phone,
        smsConsent: true,
        checkinDay: 'sunday',
        checkinTime: '19:00',
      },
    });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ id: expect.any(String), status: 'pending' });
    enrollmentId = response.body.id;
    const [confirmation] = await emailsTo(runtime, email);
    expect(linkIn(confirmation, '/confirm')).toMatch(new RegExp(`^${runtime.url}/confirm\\?token=`));
  });

  it('re-sends the confirmation to the same email while pending, and lets someone else name the same number', async () => {
    await api(runtime, '/_local/clock', { json: { advance: 'PT2M' } }); // a double submit within a minute sends one
    const again = await api(runtime, '/enrollments', { json: { email, timezone: ZONE, role: 'hurt' } });
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ id: expect.any(String), status: 'pending' });
    expect(await emailsTo(runtime, email)).toHaveLength(2);
    // A form names a number; only YES from it claims it (enrollment-privacy.test.ts).
    const other = await api(runtime, '/enrollments', {
      json: { email: uniqueEmail('other'), timezone: ZONE, role: 'repairing', phone, smsConsent: true },
    });
    expect(other.status).toBe(202);
  });

  it('shows a confirm page on GET without activating, and activates on POST', async () => {
    const link = pathOf(linkIn((await emailsTo(runtime, email))[0], '/confirm'));
    const page = await api(runtime, link, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<form method="post"');
    expect((await runtime.deps.store.getEnrollment(enrollmentId))?.status).toBe('pending');
    const activated = await api(runtime, link, { method: 'POST', headers: { accept: 'application/json' } });
    expect(activated.body).toMatchObject({ status: 'active', day0: '2026-03-03' });
    const [prompt] = await textsWith(runtime, phone);
    expect(prompt?.body).toMatch(/Kintsugi/);
    expect(prompt?.body).toMatch(/YES/);
  });

  it.each([
    ['a forged signature', { 'x-twilio-signature': 'forged' }],
    ['no signature header at all', {}],
  ])('refuses an inbound SMS with %s with 403 and records nothing', async (_case, signature) => {
    const response = await fetch(`${runtime.url}/sms/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signature },
      body: new URLSearchParams({ From: phone, Body: 'YES', MessageSid: 'SM123' }).toString(),
    });
    expect(response.status).toBe(403);
    expect((await runtime.deps.store.getEnrollment(enrollmentId))?.smsStatus).toBe('awaiting-yes');
  });

  it('turns on SMS check-ins when the person replies YES', async () => {
    const response = await api(runtime, '/_local/sms/reply', { json: { from: phone, body: 'Yes' } });
    expect(response.status).toBe(200);
    expect(response.body.twiml).toContain('<Response><Message>');
    expect((await runtime.deps.store.getEnrollment(enrollmentId))?.smsStatus).toBe('active');
  });

  it('shows one inbox and one thread when asked (/_local/email?to=, /_local/sms?phone=)', async () => {
    const other = uniqueEmail('other');
    const otherPhone = uniquePhone();
    await api(runtime, '/enrollments', {
      json: { email: other, timezone: ZONE, role: 'repairing', phone: otherPhone, smsConsent: true },
    });
    await api(runtime, '/_local/sms/reply', { json: { from: otherPhone, body: 'hello?' } });
    const all = (await api(runtime, '/_local/email')).body as LocalEmail[];
    expect(all.some((e) => e.to.includes(other))).toBe(true);
    const mine = (await api(runtime, `/_local/email?to=${encodeURIComponent(email.toUpperCase())}`))
      .body as LocalEmail[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.filter((e) => !e.to.includes(email))).toEqual([]);
    expect((await api(runtime, '/_local/sms')).body.some((m: LocalSms) => m.from === otherPhone)).toBe(true);
    // Typed into a browser's address bar, the "+" is not escaped and arrives as a space.
    const thread = (await api(runtime, `/_local/sms?phone=${phone}`)).body as LocalSms[];
    expect(thread.length).toBeGreaterThan(0);
    expect(thread.filter((m) => m.to !== phone && m.from !== phone)).toEqual([]);
  });

  it('runs 92 days: lessons at 08:00 local, Sunday check-ins at 19:00 local, answers recorded, then the report', async () => {
    const answers = [2, 3, 3, 4, 4, 4, 5];
    let answered = 0;
    for (let week = 0; week < 13; week++) {
      const moved = await api(runtime, '/_local/clock', { json: { advance: 'P7D' } });
      expect(moved.status).toBe(200);
      const last = (await textsWith(runtime, phone)).filter((m) => m.direction === 'outbound').at(-1);
      if (week % 2 === 0 && answered < answers.length && last && /1-5|1 to 5/.test(last.body)) {
        const reply = await api(runtime, '/_local/sms/reply', {
          json: { from: phone, body: String(answers[answered++]) },
        });
        expect(reply.body.reply).toMatch(new RegExp(`${answers[answered - 1]} of 5`));
      }
    }
    // The final checkpoint questions went unanswered: the report waits for their windows (48 hours).
    await api(runtime, '/_local/clock', { json: { advance: 'P3D' } });
    expect(answered).toBeGreaterThanOrEqual(5);

    const mail = await emailsTo(runtime, email);
    const lessons = mail.filter((m) =>
      ['/confirm?', '/checkin?', '/report?'].every((path) => !m.text?.includes(path)),
    );
    expect(lessons.length).toBeGreaterThanOrEqual(8);
    for (const lesson of lessons) expect(local(lesson.at).toFormat('HH:mm')).toBe('08:00');
    expect(lessons[0] && local(lessons[0].at).toISODate()).toBe('2026-03-03');
    for (const lesson of lessons)
      expect(lesson.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

    const texts = await textsWith(runtime, phone);
    const checkins = texts.filter(
      (m) =>
        m.direction === 'outbound' && /1-5|1 to 5/.test(m.body) && m.to === phone && !/noted/i.test(m.body),
    );
    expect(checkins.length).toBeGreaterThanOrEqual(13);
    const weekly = checkins.filter((m) => local(m.at).toFormat('cccc HH:mm') === 'Sunday 19:00');
    expect(weekly).toHaveLength(13);

    const reportEmail = mail.find((m) => m.text?.includes('/report?'));
    expect(reportEmail).toBeDefined();
    // Day 92 at 09:00: 48 hours after the last checkpoint question (day 90, 09:00), left unanswered.
    expect(local(reportEmail?.at ?? '').toFormat('yyyy-MM-dd HH:mm')).toBe('2026-06-03 09:00');
    const link = pathOf(linkIn(reportEmail, '/report'));
    const numbers = await api(runtime, link, { headers: { accept: 'application/json' } });
    expect(numbers.status).toBe(200);
    const answeredTotal = numbers.body.metrics.reduce(
      (n: number, m: { answered: number }) => n + m.answered,
      0,
    );
    expect(answeredTotal).toBe(answered);
    for (const metric of numbers.body.metrics) {
      expect(metric.weekly).toHaveLength(13);
      expect(metric.responseRate).toBeCloseTo(metric.answered / metric.sent, 2);
    }
    const page = await api(runtime, link, { headers: { accept: 'text/html' } });
    // Each question has its week-by-week bars and the same numbers as a table.
    expect(page.text.match(/<div class="chart"/g)?.length).toBe(numbers.body.metrics.length);
    expect(page.text.match(/data-table="weekly"/g)?.length).toBe(numbers.body.metrics.length);
    expect((await runtime.deps.store.getEnrollment(enrollmentId))?.status).toBe('completed');
  });

  it('refuses a report link that was signed for something else', async () => {
    const confirmLink = pathOf(linkIn((await emailsTo(runtime, email))[0], '/confirm'));
    const token = new URL(confirmLink, runtime.url).searchParams.get('token') ?? '';
    const response = await api(runtime, `/report?token=${encodeURIComponent(token)}`, {
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(403);
  });
});
