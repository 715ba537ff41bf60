import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { whatNowSection } from '../../functions/pages/report';
import { contactHash } from '../../functions/program/consent';
import { crisisLinesForCountry } from '../../functions/program/crisis-lines';
import { confirm } from '../../functions/use-cases/enrollment/confirm';
import { enroll } from '../../functions/use-cases/enrollment/enroll';
import { deleteData } from '../../functions/use-cases/enrollment/privacy';
import { replyByEmail } from '../../functions/use-cases/replies/reply-by-email';
import { replyBySms } from '../../functions/use-cases/replies/reply-by-sms';
import { dispatch } from '../../functions/use-cases/sending/dispatch';
import { makeReport } from '../../functions/use-cases/services/checkpoint-report';
import { SAFETY_PAUSE_DAYS } from '../../functions/use-cases/services/safety';
import { updateEnrollment } from '../../functions/use-cases/services/update-enrollment';
import { type FakeWorld, fakeWorld, TEST_CONTACT_HASH_KEY, testCatalog } from '../support/fake-deps';

const PHONE = '+14155550100';
const EMAIL = 'ana@example.com';
let sids = 0;
const sms = (world: FakeWorld, body: string, messageSid = `SMsafety${++sids}`) =>
  replyBySms(world.deps, { from: PHONE, body, messageSid });
const { safety, sms: texts } = testCatalog.messages;
const en = safety.sms.en;

async function participant(world: FakeWorld, options: { phone?: false; discreet?: true } = {}) {
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

const enrollmentOf = async (world: FakeWorld, id: string) => world.store.getEnrollment(id);

describe('a text that shows signs of danger', () => {
  it('is answered with the crisis lines and how to restart, flags, pauses and alerts, and keeps no text', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    const repliesBefore = world.store.replies.length;
    const answer = await sms(world, 'i want to kms');
    expect(answer).toBe(`${en.opening} ${en.us} ${en.paused}`);
    const e = await enrollmentOf(world, id);
    expect(e?.flagReason).toBe('self-harm');
    expect(e?.flaggedAt).toBe(world.clock.now().toISOString());
    expect(e?.safetyPause).toBe(true);
    expect(Date.parse(e?.pausedUntil ?? '') - world.clock.now().getTime()).toBeGreaterThan(
      (SAFETY_PAUSE_DAYS - 1) * 86_400_000,
    );
    expect(world.alerts).toEqual([{ enrollmentId: id, category: 'self-harm' }]);
    expect(world.store.replies.length).toBe(repliesBefore);
    expect(JSON.stringify(e)).not.toContain('kms');
  });

  it('sends nothing more after the pause, and RESUME from the person brings the program back', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    await sms(world, 'he hit me');
    world.emails.length = 0;
    world.texts.length = 0;
    world.clock.set('2026-04-15T12:00:00.000Z');
    await dispatch(world.deps);
    expect([world.emails.length, world.texts.length]).toEqual([0, 0]);
    // Without cheer after a safety pause, and with how to pause again; an ordinary pause gets the welcome.
    expect(await sms(world, 'RESUME')).toBe(texts.resumedAfterSafety);
    expect(await sms(world, 'PAUSE')).toMatch(/paused|pausa/i);
    expect(await sms(world, 'RESUME')).toBe(texts.resumed);
    const e = await enrollmentOf(world, id);
    expect(e?.safetyPause).toBeUndefined();
    expect(e?.flagReason).toBe('abuse');
  });

  it('ends the program quietly when nobody resumed it in a year', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    await sms(world, 'im scared to go home');
    world.emails.length = 0;
    world.texts.length = 0;
    for (const day of ['2026-09-01', '2027-03-10', '2027-03-20', '2027-06-01']) {
      world.clock.set(`${day}T16:00:00.000Z`);
      await dispatch(world.deps);
    }
    expect([world.emails.length, world.texts.length]).toEqual([0, 0]);
    const ended = await enrollmentOf(world, id);
    expect(ended?.status).toBe('completed');
    // Retention runs from the end, on every item of the program.
    expect(ended?.retainUntil).toBeGreaterThan(Date.parse('2027-03-01') / 1000);
    expect(world.store.expiries.get(id)).toBe(ended?.retainUntil);
  });

  it('is answered in discreet mode without naming what the lines are for', async () => {
    const world = fakeWorld();
    await participant(world, { discreet: true });
    expect(await sms(world, 'she threatens me')).toBe(
      `${en.discreetOpening} ${en.discreetUs} ${en.paused} ${en.deleteThread}`,
    );
  });

  it('is answered even from a number that opted out, which stays opted out and gets no restart line', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    expect(await sms(world, 'STOP')).toBe(texts.stopConfirmed);
    expect(await sms(world, '4')).toBeUndefined();
    expect(await sms(world, 'I want to die')).toBe(`${en.opening} ${en.us}`);
    expect((await enrollmentOf(world, id))?.smsStatus).toBe('stopped');
    expect(world.alerts).toHaveLength(1);
  });

  it('that also says STOP opts the number out and says so after the lines', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    expect(await sms(world, 'stop he is choking me')).toBe(`${en.opening} ${en.us} ${en.stopped}`);
    expect((await enrollmentOf(world, id))?.smsStatus).toBe('stopped');
    expect(world.store.consents.at(-1)).toMatchObject({ action: 'opt-out', channel: 'sms' });
  });

  it('from a number nobody enrolled is answered with the lines, and the alert names no enrollment', async () => {
    const world = fakeWorld();
    // Anyone may hold a number no program knows: the discreet text, naming no program.
    expect(await sms(world, 'no point going on')).toBe(
      `${en.discreetOpening} ${en.discreetUs} ${en.deleteThread}`,
    );
    expect(world.alerts).toEqual([{ enrollmentId: null, category: 'self-harm' }]);
  });

  it('delivered twice by the provider is answered twice but flagged and alerted once', async () => {
    const world = fakeWorld();
    await participant(world);
    const first = await sms(world, 'he hit me', 'SMretry1');
    const again = await sms(world, 'he hit me', 'SMretry1');
    expect(again).toBe(first);
    expect(world.alerts).toHaveLength(1);
  });

  it('still gets the lines when the alert cannot be sent, and the rest still happens', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    world.deps.alerts = { notify: () => Promise.reject(new Error('SNS down')) };
    expect(await sms(world, 'he hit me')).toContain(en.us);
    expect((await enrollmentOf(world, id))?.flagReason).toBe('abuse');
  });

  it('tells a linked partner nothing', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    const partner = await enroll(world.deps, {
      email: 'ben@example.com',
      timezone: 'UTC',
      role: 'repairing',
    });
    const linkedAt = world.clock.now().toISOString();
    await updateEnrollment(world.deps, partner.id, (e) => {
      e.partner = { id, linkedAt };
    });
    await updateEnrollment(world.deps, id, (e) => {
      e.partner = { id: partner.id, linkedAt };
    });
    world.emails.length = 0;
    await sms(world, 'he hit me');
    expect(world.emails.filter((m) => m.to === 'ben@example.com')).toEqual([]);
    expect(JSON.stringify(await enrollmentOf(world, partner.id))).not.toMatch(/flag|safety|abuse/);
  });
});

describe('an email reply that shows signs of danger', () => {
  it('is answered by email with the lines and how to restart, flags, pauses and alerts', async () => {
    const world = fakeWorld();
    const id = await participant(world, { phone: false });
    world.emails.length = 0;
    const outcome = await replyByEmail(world.deps, {
      messageId: 'm1',
      from: EMAIL,
      text: 'im so scared to go home\n\nOn Monday Kintsugi wrote:\n> abuse',
    });
    expect(outcome).toEqual({ outcome: 'safety', category: 'abuse' });
    expect(world.emails).toHaveLength(1);
    expect(world.emails[0]).toMatchObject({ to: EMAIL, subject: safety.email.en.subject });
    expect(world.emails[0]?.text).toContain(safety.email.en.paused.text);
    expect((await enrollmentOf(world, id))?.safetyPause).toBe(true);
    expect(world.alerts).toEqual([{ enrollmentId: id, category: 'abuse' }]);
    expect(world.store.replies.filter((r) => r.enrollmentId === id)).toEqual([]);
    // RESUME by email ends the pause for someone who gets no texts.
    expect(await replyByEmail(world.deps, { messageId: 'm2', from: EMAIL, text: 'RESUME' })).toEqual({
      outcome: 'resumed',
    });
  });

  it('is not raised by the lesson quoted under an ordinary answer', async () => {
    const world = fakeWorld();
    await participant(world, { phone: false });
    const outcome = await replyByEmail(world.deps, {
      messageId: 'm3',
      from: EMAIL,
      text: '4\n\nOn Monday Kintsugi wrote:\n> If what happened involved abuse, call 1-800-799-7233.',
    });
    expect(outcome.outcome).not.toBe('safety');
    expect(world.alerts).toEqual([]);
  });

  it('from a discreet participant comes from the neutral sender with a neutral subject', async () => {
    const world = fakeWorld();
    await participant(world, { phone: false, discreet: true });
    world.emails.length = 0;
    await replyByEmail(world.deps, { messageId: 'm4', from: EMAIL, text: 'I want to die' });
    expect(world.emails[0]).toMatchObject({
      subject: safety.email.en.discreetSubject,
      fromName: 'K. Program',
    });
  });
});

describe('DELETE by text', () => {
  it('asks for a second DELETE, then erases everything, leaving only hashed tombstones', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    expect(await sms(world, 'DELETE')).toBe(texts.deleteConfirm);
    expect(await enrollmentOf(world, id)).toBeDefined();
    world.clock.set(new Date(world.clock.now().getTime() + 9 * 60_000).toISOString());
    expect(await sms(world, 'delete')).toBe(texts.deleted);
    expect(await enrollmentOf(world, id)).toBeUndefined();
    expect(world.store.consents.filter((c) => c.enrollmentId === id)).toEqual([]);
    expect(world.store.tombstones.map((t) => [t.channel, t.contactHash, t.action, t.source])).toEqual([
      ['email', contactHash(EMAIL, TEST_CONTACT_HASH_KEY), 'erased+opted-out', 'keyword'],
      ['sms', contactHash(PHONE, TEST_CONTACT_HASH_KEY), 'erased+opted-out', 'keyword'],
    ]);
    const stored = JSON.stringify(world.store.tombstones);
    for (const clear of [EMAIL, PHONE, id]) expect(stored).not.toContain(clear);
    // Keyed: whoever reads the table cannot find a number by hashing every number there is.
    const plain = createHash('sha256').update(PHONE).digest('hex');
    expect(stored).not.toContain(plain);
    expect(world.store.tombstones.map((t) => t.contactHash)).not.toContain(contactHash(PHONE, 'another-key'));
    // The number is now unknown and opted out: no answer but to HELP and STOP.
    expect(await sms(world, 'DELETE')).toBeUndefined();
    expect(await sms(world, 'hello?')).toBeUndefined();
    expect(await sms(world, 'HELP')).toContain('help (discreet)');
  });

  it('keys a tombstone by the contact, however its number or address is written', () => {
    const hashOf = (contact: string) => contactHash(contact, TEST_CONTACT_HASH_KEY);
    expect(hashOf('+1 (415) 555-0100')).toBe(hashOf(PHONE));
    expect(hashOf('+14155550101')).not.toBe(hashOf(PHONE));
    expect(hashOf(' Ana@Example.COM ')).toBe(hashOf(EMAIL));
    expect(hashOf('bo@example.com')).not.toBe(hashOf(EMAIL));
  });

  it('asks again when the second DELETE comes after the 10-minute window', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    await sms(world, 'DELETE');
    world.clock.set(new Date(world.clock.now().getTime() + 11 * 60_000).toISOString());
    expect(await sms(world, 'DELETE')).toBe(texts.deleteConfirm);
    expect(await enrollmentOf(world, id)).toBeDefined();
  });

  it('is heard from a number that opted out of texts', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    await sms(world, 'STOP');
    expect(await sms(world, 'DELETE my data')).toBe(texts.deleteConfirm);
    expect(await sms(world, 'DELETE')).toBe(texts.deleted);
    expect(await enrollmentOf(world, id)).toBeUndefined();
  });

  it('answers a number it never knew with words that nothing goes to it, and an erased one not at all', async () => {
    const world = fakeWorld();
    expect(await sms(world, 'hello?')).toContain('no texts go to this number');
    await participant(world);
    await sms(world, 'DELETE');
    await sms(world, 'DELETE');
    expect(await sms(world, 'hello?')).toBeUndefined();
  });

  it('only counts in a short message, so a longer note that says delete stays a note', async () => {
    const world = fakeWorld();
    await participant(world);
    expect(await sms(world, 'I want to delete the photos from that trip')).not.toBe(texts.deleteConfirm);
  });
});

describe('deleting from the privacy page', () => {
  it('leaves no tombstone for a number that never said YES: the form may have named someone else’s', async () => {
    const world = fakeWorld();
    const { id } = await enroll(world.deps, {
      email: EMAIL,
      timezone: 'America/New_York',
      role: 'hurt',
      phone: PHONE,
      smsConsent: true,
    });
    await deleteData(world.deps, world.deps.tokens.sign('privacy', id));
    expect(world.store.tombstones.map((t) => [t.channel, t.source])).toEqual([['email', 'privacy-page']]);
    // That number is still a stranger, not an erased contact: it is told nothing goes to it.
    expect(await sms(world, 'hello?')).toContain('no texts go to this number');
  });

  it('also leaves a hashed tombstone for each contact', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    await deleteData(world.deps, world.deps.tokens.sign('privacy', id));
    expect(world.store.tombstones.map((t) => [t.channel, t.source])).toEqual([
      ['email', 'privacy-page'],
      ['sms', 'privacy-page'],
    ]);
    expect(await enrollmentOf(world, id)).toBeUndefined();
  });
});

const IN_THE_US = crisisLinesForCountry('US');

describe('the day-90 report of someone whose messages showed signs of abuse', () => {
  const safetyBeforePatterns = (html: string) =>
    html.indexOf('data-field="safety"') < html.indexOf('class="pattern');

  it('puts its safety caveat before any couples step, and keeps nothing of what was said', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    await sms(world, 'he hit me again last night');
    await sms(world, 'RESUME');
    const enrollment = await enrollmentOf(world, id);
    if (!enrollment) throw new Error('no enrollment');
    const report = await makeReport(world.deps, enrollment);
    expect(report.harmDisclosed).toBe(true);
    expect(safetyBeforePatterns(whatNowSection(report, 'hurt', 'en', IN_THE_US))).toBe(true);
    expect(JSON.stringify(report)).not.toContain('hit me');
  });

  it('names the lines of where the person lives: the US hotline in the US, 911 and free helplines in Mexico, 112 in Spain', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    await sms(world, 'he hit me again last night');
    const enrollment = await enrollmentOf(world, id);
    if (!enrollment) throw new Error('no enrollment');
    const report = await makeReport(world.deps, enrollment);
    const safetyOf = (html: string) =>
      html.slice(
        html.indexOf('data-field="safety"'),
        html.indexOf('</div>', html.indexOf('data-field="safety"')),
      );
    const us = safetyOf(whatNowSection(report, 'hurt', 'en', IN_THE_US));
    expect(us).toContain('href="tel:+18007997233"');
    expect(us).toContain('call 911.');
    const mexico = safetyOf(whatNowSection(report, 'hurt', 'es', crisisLinesForCountry('MX')));
    expect(mexico).not.toMatch(/1-800|88788|Línea Nacional/);
    expect(mexico).toContain('llama al 911.');
    expect(mexico).toContain('findahelpline.com');
    const spain = safetyOf(whatNowSection(report, 'hurt', 'es', crisisLinesForCountry('ES')));
    expect(spain).toContain('llama al 112.');
    expect(spain).not.toMatch(/911|1-800/);
  });

  it('keeps the caveat after the patterns for someone whose messages did not', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    await sms(world, 'rough week but we talked');
    const enrollment = await enrollmentOf(world, id);
    if (!enrollment) throw new Error('no enrollment');
    const report = await makeReport(world.deps, enrollment);
    expect(report.harmDisclosed).toBeUndefined();
    expect(safetyBeforePatterns(whatNowSection(report, 'hurt', 'en', IN_THE_US))).toBe(false);
  });
});
