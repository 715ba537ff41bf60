import { describe, expect, it } from 'vitest';
import { enrollmentEmail } from '../../functions/program/enrollment-emails';
import { ProviderUnavailableError } from '../../functions/shared/errors';
import { confirm } from '../../functions/use-cases/enrollment/confirm';
import { enroll } from '../../functions/use-cases/enrollment/enroll';
import { replyBySms } from '../../functions/use-cases/replies/reply-by-sms';
import { dispatch } from '../../functions/use-cases/sending/dispatch';
import { send } from '../../functions/use-cases/sending/send';
import { type FakeWorld, fakeWorld } from '../support/fake-deps';
import { runUntil } from '../support/fake-program';

const PHONE = '+14155550100';
let sids = 0;
const sms = (world: FakeWorld, body: string) =>
  replyBySms(world.deps, { from: PHONE, body, messageSid: `SMin${++sids}` });

const tokenFrom = (url: string) => new URL(url).searchParams.get('token') ?? '';
const confirmTokenOf = (world: FakeWorld) => {
  const text = world.emails.at(-1)?.text ?? '';
  return tokenFrom(text.match(/https:\/\/kintsugi\.test\/confirm\?\S+/)?.[0] ?? '');
};

async function enrolled(world: FakeWorld, extra: Record<string, unknown> = {}) {
  const { id } = await enroll(world.deps, {
    email: 'ana@example.com',
    timezone: 'America/New_York',
    role: 'hurt',
    ...extra,
  });
  await confirm(world.deps, confirmTokenOf(world));
  return id;
}

describe('enrolling', () => {
  it('stores a pending enrollment and emails a confirmation link', async () => {
    const world = fakeWorld();
    const result = await enroll(world.deps, {
      email: 'ana@example.com',
      timezone: 'America/New_York',
      role: 'hurt',
    });
    expect(result).toEqual({ id: 'id-1', status: 'pending' });
    expect(world.emails).toHaveLength(1);
    expect(world.emails[0]?.to).toBe('ana@example.com');
    expect(confirmTokenOf(world)).not.toBe('');
  });

  it('re-sends the confirmation when the same email enrolls again while pending, with a fresh id in the answer', async () => {
    const world = fakeWorld();
    const first = await enroll(world.deps, {
      email: 'ana@example.com',
      timezone: 'America/New_York',
      role: 'hurt',
    });
    world.clock.set('2026-03-02T12:05:00.000Z');
    const again = await enroll(world.deps, {
      email: 'ANA@example.com',
      timezone: 'America/New_York',
      role: 'hurt',
    });
    expect(again).toEqual({ id: expect.any(String), status: 'pending' });
    expect(again.id).not.toBe(first.id);
    expect(world.emails).toHaveLength(2);
    expect(world.emails[1]?.subject).toBe(world.deps.catalog.messages.email.confirm.subject);
    expect(world.store.enrollments.size).toBe(1);
  });

  it('sends one email for a form sent twice within a minute', async () => {
    const world = fakeWorld();
    const form = { email: 'ana@example.com', timezone: 'America/New_York', role: 'hurt' };
    await enroll(world.deps, form);
    world.clock.set('2026-03-02T12:00:30.000Z');
    expect(await enroll(world.deps, form)).toMatchObject({ status: 'pending' });
    expect(world.emails).toHaveLength(1);
  });

  it('answers an enrolled address as it answers a new one, and tells the owner by a plain email', async () => {
    const world = fakeWorld();
    const id = await enrolled(world);
    world.clock.set('2026-03-02T13:00:00.000Z');
    const result = await enroll(world.deps, {
      email: 'ana@example.com',
      timezone: 'Europe/London',
      role: 'repairing',
    });
    expect(result).toEqual({ id: expect.any(String), status: 'pending' });
    expect(result.id).not.toBe(id);
    const notice = world.emails.at(-1);
    expect(notice?.subject).toBe(enrollmentEmail(world.deps.catalog, 'alreadyEnrolled').subject);
    expect(notice?.text).toContain('https://kintsugi.test/settings?token=');
    expect(notice?.text).toContain('https://kintsugi.test/privacy?token=');
    expect(world.store.enrollments.size).toBe(1);
    expect((await world.store.getEnrollment(id))?.timezone).toBe('America/New_York');
  });

  it('sends an address at most 3 emails a stranger can cause in any 24 hours, and answers the same after', async () => {
    const world = fakeWorld();
    const form = { email: 'ana@example.com', timezone: 'America/New_York', role: 'hurt' };
    for (let minute = 0; minute < 6; minute++) {
      world.clock.set(`2026-03-02T12:0${minute}:00.000Z`);
      expect(await enroll(world.deps, form)).toMatchObject({ status: 'pending' });
    }
    expect(world.emails).toHaveLength(3);
    world.clock.set('2026-03-03T12:00:00.000Z'); // 24 hours after the first
    await enroll(world.deps, form);
    expect(world.emails).toHaveLength(4);
  });

  it('lets a second enrollment name a number nobody has proved, and gives the number to the one YES comes for', async () => {
    const world = fakeWorld();
    // A stranger's sign-up names the number and is never confirmed.
    await enroll(world.deps, {
      email: 'stranger@example.com',
      timezone: 'Europe/London',
      role: 'hurt',
      phone: PHONE,
      smsConsent: true,
    });
    const id = await enrolled(world, { phone: PHONE, smsConsent: true });
    expect(world.texts.map((t) => t.to)).toEqual([PHONE]);
    expect(await sms(world, 'YES')).toBe(world.deps.catalog.messages.sms.optInConfirmed);
    expect((await world.store.findByPhone(PHONE))?.id).toBe(id);
    expect((await world.store.getEnrollment(id))?.smsStatus).toBe('active');
  });

  it('gives check-ins by email, with the confirmation anyone gets, when the number already gets texts for a running program', async () => {
    const world = fakeWorld();
    const holder = await enrolled(world, { phone: PHONE, smsConsent: true });
    await sms(world, 'YES');
    world.clock.set('2026-03-02T14:00:00.000Z');
    const result = await enroll(world.deps, {
      email: 'ben@example.com',
      timezone: 'America/New_York',
      role: 'repairing',
      phone: PHONE,
      smsConsent: true,
    });
    expect(result).toEqual({ id: expect.any(String), status: 'pending' });
    const confirmation = world.emails.at(-1);
    expect(confirmation?.to).toBe('ben@example.com');
    // Word for word what a free number's form gets: nothing tells whoever typed the number in that it is taken.
    expect(confirmation?.subject).toBe(world.deps.catalog.messages.email.confirm.subject);
    expect(confirmation?.text).toContain(world.deps.catalog.messages.email.confirm.bodyText);
    const second = await world.store.findByEmail('ben@example.com');
    expect(second).toMatchObject({ smsStatus: 'none', textsUnavailable: true });
    await confirm(world.deps, confirmTokenOf(world));
    expect(world.texts.filter((t) => t.body === world.deps.catalog.messages.sms.optInPrompt)).toHaveLength(1);
    expect((await world.store.findByPhone(PHONE))?.id).toBe(holder);
  });
});

describe('confirming', () => {
  it('activates the program with day 0 on the next local morning and asks for YES by text', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z'); // 10:00 in New York
    const id = await enrolled(world, { phone: PHONE, smsConsent: true });
    const enrollment = await world.store.getEnrollment(id);
    expect(enrollment).toMatchObject({ status: 'active', day0: '2026-03-03', smsStatus: 'awaiting-yes' });
    expect(enrollment?.nextDueAt).toBe('2026-03-03T13:00:00.000Z');
    expect(world.texts.map((t) => t.body)).toEqual([world.deps.catalog.messages.sms.optInPrompt]);
  });

  it('changes nothing when the link is used twice', async () => {
    const world = fakeWorld();
    await enroll(world.deps, {
      email: 'ana@example.com',
      timezone: 'America/New_York',
      role: 'hurt',
      phone: PHONE,
      smsConsent: true,
    });
    const token = confirmTokenOf(world);
    await confirm(world.deps, token);
    const second = await confirm(world.deps, token);
    expect(second.changed).toBe(false);
    expect(world.texts).toHaveLength(1);
  });
});

describe('the program running', () => {
  it('sends the lessons of the person’s track by email at 08:00 local time', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    await enrolled(world);
    await runUntil(world, '2026-03-05T00:00:00.000Z');
    expect(world.emails.slice(1).map((e) => e.subject)).toEqual(['Lesson welcome', 'Lesson hurt-d1']);
  });

  it('sends check-ins by email with one-click answers until the person says YES to texts', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    await enrolled(world, { phone: PHONE, smsConsent: true });
    await runUntil(world, '2026-03-09T12:00:00.000Z'); // past the first Sunday 19:00
    const checkin = world.emails.find((e) => e.subject === 'Your weekly check-in');
    expect(checkin?.html).toContain('/checkin?token=');
    expect(world.texts).toHaveLength(1); // only the opt-in prompt: no micro-action text before YES
  });

  it('texts check-ins after YES and records a reply against the open check-in', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const id = await enrolled(world, { phone: PHONE, smsConsent: true });
    expect(await sms(world, 'YES')).toBe(world.deps.catalog.messages.sms.optInConfirmed);
    await runUntil(world, '2026-03-09T12:00:00.000Z');
    expect(world.texts.map((t) => t.body)).toContain(
      world.deps.catalog.steps.find((s) => s.id === 'hurt-safety')?.sms,
    );
    expect(await sms(world, '4 - better week')).toBe('4 of 5 noted.');
    expect(world.store.replies).toMatchObject([
      { enrollmentId: id, metric: 'honesty-safety', score: 4, note: 'better week', day: 5 },
    ]);
  });

  it('records a repeated MessageSid once', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    await enrolled(world, { phone: PHONE, smsConsent: true });
    await sms(world, 'YES');
    await runUntil(world, '2026-03-09T12:00:00.000Z');
    const retry = { from: PHONE, body: '3', messageSid: 'SMretry' };
    await replyBySms(world.deps, retry);
    expect(await replyBySms(world.deps, retry)).toBeUndefined();
    expect(world.store.replies).toHaveLength(1);
  });

  it('stops every text after STOP and starts again after START', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const id = await enrolled(world, { phone: PHONE, smsConsent: true });
    await sms(world, 'YES');
    expect(await sms(world, 'Stop.')).toBe(world.deps.catalog.messages.sms.stopConfirmed);
    const before = world.texts.length;
    await runUntil(world, '2026-03-10T00:00:00.000Z');
    expect(world.texts).toHaveLength(before);
    await sms(world, 'start');
    expect((await world.store.getEnrollment(id))?.smsStatus).toBe('active');
  });

  it('never sends a claimed message twice, even when the job is delivered again', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const id = await enrolled(world);
    await runUntil(world, '2026-03-03T14:00:00.000Z');
    const emailsBefore = world.emails.length;
    expect(await send(world.deps, { enrollmentId: id, day: 0, slot: 'welcome', channel: 'email' })).toBe(
      'already-handled',
    );
    expect(world.emails).toHaveLength(emailsBefore);
  });

  it('puts a message back for retry when the provider fails for a moment, then sends it once', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const id = await enrolled(world, { phone: PHONE, smsConsent: true });
    await sms(world, 'YES');
    world.smsOutcomes.push(new ProviderUnavailableError('Twilio refused the message (HTTP 429)'));
    await runUntil(world, '2026-03-06T18:00:00.000Z'); // day 3, 12:30 local: the micro-action is due
    const microText = world.deps.catalog.steps.find((s) => s.id === 'micro-d3')?.sms;
    expect(world.texts.filter((t) => t.body === microText)).toHaveLength(0);
    expect((await world.store.getMessage(id, 3, 'micro-d3', 'sms'))?.status).toBe('claimed');
    const job = { enrollmentId: id, day: 3, slot: 'micro-d3', channel: 'sms' } as const;
    expect(await send(world.deps, job)).toBe('sent');
    expect(await send(world.deps, job)).toBe('already-handled');
    expect(world.texts.filter((t) => t.body === microText)).toHaveLength(1);
  });

  it('completes at day 90 with a report built from the person’s own answers', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const id = await enrolled(world, { phone: PHONE, smsConsent: true });
    await sms(world, 'YES');
    const answers = [2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 5, 5];
    let week = 0;
    for (;;) {
      const next = await world.store.earliestDue();
      if (!next) break;
      world.clock.set(next);
      const sentBefore = world.texts.length;
      await dispatch(world.deps);
      const newest = world.texts.at(-1);
      if (world.texts.length > sentBefore && newest?.body.includes('how safe'))
        await sms(world, String(answers[week++]));
      if (world.texts.length > sentBefore && newest?.body.includes('still willing')) await sms(world, 'yes');
    }
    expect(week).toBe(13);
    const enrollment = await world.store.getEnrollment(id);
    expect(enrollment?.status).toBe('completed');
    const report = await world.store.getReport(id);
    const safety = report?.metrics.find((m) => m.metric === 'honesty-safety');
    expect(safety).toMatchObject({ sent: 13, answered: 13, responseRate: 1 });
    expect(safety?.weekly.map((w) => w.score)).toEqual(answers);
    expect(safety?.first30).toBeCloseTo((2 + 2 + 3 + 3) / 4, 2); // Sundays on days 5, 12, 19, 26
    expect(report?.checkpoint).toEqual([expect.objectContaining({ metric: 'still-willing', answer: 1 })]);
    expect(world.emails.at(-1)?.subject).toBe('Your report');
    expect(world.texts.at(-1)?.body).toContain('report');
  });

  it('ends a program only once its retention is set on everything, so a failure half-way is done again', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const id = await enrolled(world);
    const expire = world.store.expireEnrollment.bind(world.store);
    let failures = 1;
    world.store.expireEnrollment = async (enrollment, at) => {
      if (failures-- > 0) throw new Error('ProvisionedThroughputExceededException');
      return expire(enrollment, at);
    };
    let failedTicks = 0;
    for (;;) {
      const next = await world.store.earliestDue();
      if (!next) break;
      world.clock.set(next);
      await dispatch(world.deps).catch(() => failedTicks++);
    }
    expect(failedTicks).toBe(1);
    const ended = await world.store.getEnrollment(id);
    expect(ended?.status).toBe('completed');
    // Retention runs from the end: 180 days (the default) after the tick that finished it.
    expect(ended?.retainUntil).toBe(Math.floor(world.clock.now().getTime() / 1000) + 180 * 86_400);
    expect(world.store.expiries.get(id)).toBe(ended?.retainUntil);
    expect(world.emails.filter((e) => e.subject === 'Your report')).toHaveLength(1);
  });
});
