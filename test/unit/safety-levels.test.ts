import { describe, expect, it } from 'vitest';
import { confirm } from '../../functions/use-cases/enrollment/confirm';
import { enroll } from '../../functions/use-cases/enrollment/enroll';
import { listParticipants } from '../../functions/use-cases/operator/list-participants';
import { markFlagHandled, safetyInbox } from '../../functions/use-cases/operator/safety-inbox';
import { replyByEmail } from '../../functions/use-cases/replies/reply-by-email';
import { replyBySms } from '../../functions/use-cases/replies/reply-by-sms';
import { updateEnrollment } from '../../functions/use-cases/services/update-enrollment';
import { type FakeWorld, fakeWorld, testCatalog } from '../support/fake-deps';
import { runUntil } from '../support/fake-program';

const PHONE = '+14155550100';
const EMAIL = 'ana@example.com';
let sids = 0;
const sms = (world: FakeWorld, body: string, options: { from?: string; sid?: string } = {}) =>
  replyBySms(world.deps, {
    from: options.from ?? PHONE,
    body,
    messageSid: options.sid ?? `SMlevel${++sids}`,
  });
const { safety } = testCatalog.messages;
const [en, es] = [safety.sms.en, safety.sms.es];

async function participant(world: FakeWorld, options: { discreet?: true; phone?: false } = {}) {
  const { id } = await enroll(world.deps, {
    email: EMAIL,
    timezone: 'America/New_York',
    role: 'hurt',
    ...(options.phone === false ? {} : { phone: PHONE, smsConsent: true }),
    ...(options.discreet ? { discreet: true } : {}),
  });
  const token = new URL(
    world.emails.at(-1)?.text?.match(/https:\/\/kintsugi\.test\/confirm\?\S+/)?.[0] ?? '',
  ).searchParams.get('token');
  await confirm(world.deps, token ?? '');
  if (options.phone !== false) await sms(world, 'YES');
  return id;
}

const enrollmentOf = (world: FakeWorld, id: string) => world.store.getEnrollment(id);

describe('a text that shows signs of concern', () => {
  it('is kept as a note and answered with the resources alone: no pause, no alert, noted for the operator', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    const answer = await sms(world, "I'm not safe");
    // Not "no check-in is open, so we kept this as a note" before the lines: the lines are the answer.
    expect(answer).toBe(en.concernUs);
    const e = await enrollmentOf(world, id);
    expect(e).toMatchObject({
      concernReason: expect.any(String),
      concernAt: world.clock.now().toISOString(),
    });
    expect(e?.pausedUntil).toBeUndefined();
    expect(e?.safetyPause).toBeUndefined();
    expect(e?.flaggedAt).toBeUndefined();
    expect(world.alerts).toEqual([]);
    // The message itself is kept, as any note is: a concern is not a danger flag.
    expect(world.store.replies.filter((r) => r.enrollmentId === id).map((r) => r.note)).toEqual([
      "I'm not safe",
    ]);
  });

  it('still records the rating it carries, and adds the resources after the confirmation', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    await runUntil(world, '2026-03-09T00:00:00.000Z');
    const answer = await sms(world, "2, I'm not safe");
    expect(answer?.endsWith(` ${en.concernUs}`)).toBe(true);
    const recorded = world.store.replies.filter((r) => r.enrollmentId === id && r.score !== undefined);
    expect(recorded).toEqual([expect.objectContaining({ metric: 'honesty-safety', score: 2 })]);
    expect((await enrollmentOf(world, id))?.safetyPause).toBeUndefined();
  });

  it('in discreet mode suggests deleting the thread', async () => {
    const world = fakeWorld();
    await participant(world, { discreet: true });
    expect(await sms(world, "I'm not safe")).toBe(`${en.concernUs} ${en.deleteThread}`);
  });

  it('with a check-in open, is kept as a note beside it, never answered "couldn’t read that as an answer"', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    await runUntil(world, '2026-03-09T00:00:00.000Z');
    const answer = await sms(world, "he threw my phone at the wall again. I'm sleeping at my mom's");
    expect(answer).toBe(en.concernUs);
    const e = await enrollmentOf(world, id);
    expect(e?.concernAt).toBe(world.clock.now().toISOString());
    // The check-in stays open for its number, and the words are kept as the person's note.
    expect(await sms(world, '2')).toMatch(/noted/);
    expect(world.store.replies.filter((r) => r.enrollmentId === id).map((r) => r.note ?? r.score)).toEqual([
      "he threw my phone at the wall again. I'm sleeping at my mom's",
      2,
    ]);
  });

  it('after check-ins moved to email, gets the resources, not "good to hear from you"', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    await updateEnrollment(world.deps, id, (e) => {
      e.checkinsByEmail = true;
    });
    expect(await sms(world, "he threw my phone at the wall again. I'm sleeping at my mom's")).toBe(
      en.concernUs,
    );
    // The text still brought the check-ins back to texts, as any text does.
    expect((await enrollmentOf(world, id))?.checkinsByEmail).toBeUndefined();
  });

  it('is noted once for a provider retry, which gets no second answer', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    await sms(world, "I can't do this anymore", { sid: 'SMconcern-retry' });
    const first = (await enrollmentOf(world, id))?.concernAt;
    world.clock.set('2026-03-02T12:05:00.000Z');
    expect(await sms(world, "I can't do this anymore", { sid: 'SMconcern-retry' })).toBeUndefined();
    expect((await enrollmentOf(world, id))?.concernAt).toBe(first);
  });

  it('never replaces or hides a danger flag that waits for a human', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    await sms(world, 'he hit me');
    world.clock.set('2026-03-03T12:00:00.000Z');
    await sms(world, "I'm not safe");
    const e = await enrollmentOf(world, id);
    expect(e).toMatchObject({ flagReason: 'abuse', flaggedAt: '2026-03-02T12:00:00.000Z' });
    expect(e?.concernAt).toBe('2026-03-03T12:00:00.000Z');
    const [item] = await safetyInbox(world.deps);
    expect(item?.participant.flag).toMatchObject({ reason: 'abuse', waiting: true });
    expect(item?.participant.concern).toMatchObject({ waiting: true });
  });

  it('from a number that opted out also goes by email, since texts cannot reach it', async () => {
    const world = fakeWorld();
    await participant(world);
    await sms(world, 'STOP');
    world.emails.length = 0;
    await sms(world, "I'm not safe");
    expect(world.emails).toEqual([
      expect.objectContaining({
        to: EMAIL,
        subject: safety.email.en.subject,
        text: expect.not.stringContaining('RESUME'),
      }),
    ]);
  });

  it('in Spanish is answered in Spanish', async () => {
    const world = fakeWorld();
    await participant(world);
    expect(await sms(world, 'no estoy a salvo')).toContain(es.concernUs);
  });
});

describe('the operator', () => {
  it('sees a concern in the list and the inbox beside danger flags, told apart, and marks both handled at once', async () => {
    const world = fakeWorld();
    const ana = await participant(world);
    const ben = await enroll(world.deps, { email: 'ben@example.com', timezone: 'UTC', role: 'repairing' });
    await updateEnrollment(world.deps, ben.id, (e) => {
      e.flaggedAt = '2026-03-02T11:00:00.000Z';
      e.flagReason = 'self-harm';
    });
    await sms(world, "I'm not safe");
    const listed = await listParticipants(world.deps, { flagged: true });
    const rows = listed.participants.map((p) => [p.email, p.flag?.reason, Boolean(p.concern)]);
    expect(rows.sort()).toEqual([
      [EMAIL, undefined, true],
      ['ben@example.com', 'self-harm', false],
    ]);
    // Danger first, then concerns; the concern's own words are there to read with --with-text.
    const inbox = await safetyInbox(world.deps, { withText: true });
    expect(inbox.map((i) => i.participant.email)).toEqual(['ben@example.com', EMAIL]);
    expect(inbox[1]?.recentNotes?.map((n) => n.note)).toEqual(["I'm not safe"]);
    await markFlagHandled(world.deps, ana);
    expect((await safetyInbox(world.deps)).map((i) => i.participant.email)).toEqual(['ben@example.com']);
    expect((await listParticipants(world.deps, { flagged: false })).participants).toEqual([]);
  });
});

describe('a text that shows signs of danger', () => {
  it('"help me" gets the crisis lines, not the HELP answer', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    for (const body of ['help me', 'SOS'])
      expect((await sms(world, body))?.startsWith(en.opening)).toBe(true);
    expect((await enrollmentOf(world, id))?.flagReason).toBe('call-for-help');
  });

  it('"auxilio", "ayuda!!" and "necesito ayuda" get the crisis lines in Spanish', async () => {
    const world = fakeWorld();
    await participant(world);
    for (const body of ['auxilio', 'AYUDA!!', 'necesito ayuda'])
      expect(await sms(world, body)).toContain(es.us);
  });

  it('AYUDA alone, the Spanish HELP, gets the help text and the lines after it, noted without a pause', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    const answer = await sms(world, 'AYUDA');
    expect(answer).toContain('Kintsugi help');
    expect(answer).toContain(es.concernUs);
    const after = await enrollmentOf(world, id);
    expect(after?.safetyPause).toBeUndefined();
    expect(world.alerts).toEqual([]);
  });

  it('while HELP alone still gets the HELP answer', async () => {
    const world = fakeWorld();
    await participant(world);
    expect(await sms(world, 'HELP')).toContain('Kintsugi help');
    expect(world.alerts).toEqual([]);
  });

  it('from an Italian number no program holds gets the lines for where the number is, naming no program', async () => {
    const world = fakeWorld();
    const answer = await sms(world, 'I want to die', { from: '+393471234567' });
    expect(answer).toContain(en.elsewhere.replace('{{emergency}}', '112'));
    expect(answer).toContain(en.deleteThread);
    expect(answer).not.toContain('Kintsugi');
  });

  it('from a number that opted out also goes by email, once, with how to restart', async () => {
    const world = fakeWorld();
    await participant(world);
    await sms(world, 'STOP');
    world.emails.length = 0;
    await sms(world, 'I want to die', { sid: 'SMstopped-danger' });
    await sms(world, 'I want to die', { sid: 'SMstopped-danger' });
    expect(world.emails).toEqual([expect.objectContaining({ to: EMAIL, subject: safety.email.en.subject })]);
    expect(world.emails[0]?.text).toContain(safety.email.en.paused.text);
  });

  it('that says STOP too is emailed as well, since Twilio refuses the answer to a STOP', async () => {
    const world = fakeWorld();
    await participant(world, { discreet: true });
    world.emails.length = 0;
    expect(await sms(world, 'stop he is choking me')).toBe(
      `${en.discreetOpening} ${en.discreetUs} ${en.discreetStopped} ${en.deleteThread}`,
    );
    expect(world.emails).toEqual([
      expect.objectContaining({ subject: safety.email.en.discreetSubject, fromName: 'K. Program' }),
    ]);
  });

  it('is not emailed to an address that hard-bounced', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    await sms(world, 'STOP');
    await updateEnrollment(world.deps, id, (e) => {
      e.emailStatus = 'bounced';
      e.emailStopReason = 'hard-bounce: mailbox does not exist';
    });
    world.emails.length = 0;
    expect(await sms(world, 'I want to die')).toContain(en.us);
    expect(world.emails).toEqual([]);
  });

  it('still gets its lines when the email cannot be sent', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    await sms(world, 'STOP');
    world.deps.mailer = { send: () => Promise.reject(new Error('SES down')) };
    expect(await sms(world, 'I want to die')).toBe(`${en.opening} ${en.us}`);
    expect((await enrollmentOf(world, id))?.flagReason).toBe('self-harm');
  });
});

describe('an email reply that shows signs of concern', () => {
  it('is recorded as usual and answered with the email of lines, without a pause', async () => {
    const world = fakeWorld();
    const id = await participant(world, { phone: false });
    world.emails.length = 0;
    const outcome = await replyByEmail(world.deps, { messageId: 'c1', from: EMAIL, text: "I'm not safe" });
    expect(outcome).toMatchObject({ outcome: 'note', concern: expect.any(String) });
    expect(world.emails).toEqual([
      expect.objectContaining({
        to: EMAIL,
        subject: safety.email.en.subject,
        text: expect.not.stringContaining('RESUME'),
      }),
    ]);
    // No number, but a time zone in New York: the US lines, with no line for anyone outside the US.
    expect(world.emails[0]?.text).toContain('988');
    expect(world.emails[0]?.text).not.toContain(safety.email.en.outsideUs.text);
    const e = await enrollmentOf(world, id);
    expect(e?.concernAt).toBeDefined();
    expect(e?.safetyPause).toBeUndefined();
    expect(world.alerts).toEqual([]);
    expect(world.store.replies.filter((r) => r.enrollmentId === id).map((r) => r.note)).toEqual([
      "I'm not safe",
    ]);
  });

  it('in Spanish, from a participant with a UK number, gets the Spanish email with the UK lines', async () => {
    const world = fakeWorld();
    await enroll(world.deps, {
      email: 'eva@example.com',
      timezone: 'Europe/London',
      role: 'hurt',
      phone: '+447400123456',
      smsConsent: true,
    });
    world.emails.length = 0;
    await replyByEmail(world.deps, { messageId: 'c2', from: 'eva@example.com', text: 'quiero morir' });
    expect(world.emails[0]?.subject).toBe(safety.email.es.subject);
    // The UK has a crisis line of its own (the Samaritans), and no one abuse helpline for all four nations.
    expect(world.emails[0]?.text).toContain('[es] Call 999 or 116 123 (tel:116123).');
  });
});

describe('the lines a text of danger or concern is answered with', () => {
  const SPANISH_NUMBER = '+34612345678';
  async function livingInBogota(world: FakeWorld) {
    await enroll(world.deps, {
      email: 'lucia@example.com',
      timezone: 'America/Bogota',
      role: 'hurt',
      language: 'es',
      phone: SPANISH_NUMBER,
      smsConsent: true,
    });
    const token = new URL(
      world.emails.at(-1)?.text?.match(/https:\/\/kintsugi\.test\/confirm\?\S+/)?.[0] ?? '',
    ).searchParams.get('token');
    await confirm(world.deps, token ?? '');
    await sms(world, 'SÍ', { from: SPANISH_NUMBER });
  }

  it('are those of where the person lives, not of where their phone number is from', async () => {
    const world = fakeWorld();
    await livingInBogota(world);
    const danger = await sms(world, 'tengo miedo, me dijo que me va a matar', { from: SPANISH_NUMBER });
    expect(danger).toContain('123');
    expect(danger).not.toContain('112');
    const concern = await sms(world, 'no me siento segura en casa', { from: SPANISH_NUMBER });
    expect(concern).toContain('123');
    expect(concern).not.toContain('112');
  });

  it('are those of the number for a number no program holds', async () => {
    const world = fakeWorld();
    const danger = await sms(world, 'tengo miedo, me dijo que me va a matar', { from: SPANISH_NUMBER });
    expect(danger).toContain('112');
  });
});
