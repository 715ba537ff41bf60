import { describe, expect, it } from 'vitest';
import { SMS_CONSENT_TEXT, wordingVersion } from '../../functions/program/consent';
import { parseKeyword } from '../../functions/program/keywords';
import { replyTextOf } from '../../functions/program/reply-parsing';
import {
  nextDueOf,
  planDue,
  programSlots,
  progressOf,
  quietHoursEnd,
  reschedule,
  type ScheduleFor,
} from '../../functions/program/schedule';
import { confirm } from '../../functions/use-cases/enrollment/confirm';
import { enroll } from '../../functions/use-cases/enrollment/enroll';
import { replyBySms } from '../../functions/use-cases/replies/reply-by-sms';
import { dispatch } from '../../functions/use-cases/sending/dispatch';
import { recordEmailEvent } from '../../functions/use-cases/sending/email-events';
import { send } from '../../functions/use-cases/sending/send';
import { systemTexts } from '../../functions/use-cases/services/compose';
import { recordConsent } from '../../functions/use-cases/services/consent';
import { type FakeWorld, fakeWorld, testCatalog } from '../support/fake-deps';
import { runUntil } from '../support/fake-program';

const PHONE = '+14155550100';
let sids = 0;
const sms = (world: FakeWorld, body: string) =>
  replyBySms(world.deps, { from: PHONE, body, messageSid: `SMunit${++sids}` });

/** The enrollment form as Ana fills it in, with her mobile number and consent to texts. */
const FORM = {
  email: 'ana@example.com',
  timezone: 'America/New_York',
  role: 'hurt',
  phone: PHONE,
  smsConsent: true,
};

/** Ana enrolls; her id and the token of the confirmation link she was sent. */
async function enrolled(world: FakeWorld, extra: Record<string, unknown> = {}) {
  const { id } = await enroll(world.deps, { ...FORM, ...extra });
  const token = new URL(
    world.emails.at(-1)?.text?.match(/https:\/\/kintsugi\.test\/confirm\?\S+/)?.[0] ?? '',
  ).searchParams.get('token');
  return { id, token: token ?? '' };
}

/** Ana enrolls, confirms, and answers YES to texts. */
async function texting(world: FakeWorld, extra: Record<string, unknown> = {}) {
  const { id, token } = await enrolled(world, extra);
  await confirm(world.deps, token);
  await sms(world, 'YES');
  return id;
}

const NEW_YORK: ScheduleFor = {
  track: 'hurt',
  timezone: 'America/New_York',
  checkinDay: 'sunday',
  checkinTime: '19:00',
  day0: '2026-03-03', // a Tuesday; clocks go forward on Sunday 8 March
};

describe('quiet hours', () => {
  it.each([
    ['07:59', '2026-03-03T08:00:00.000-05:00'],
    ['08:00', undefined],
    ['20:59', undefined],
    ['21:00', '2026-03-04T08:00:00.000-05:00'],
  ])('quiet hours: a text at %s local waits until %s', (time, until) => {
    const now = new Date(`2026-03-03T${time}:00-05:00`);
    const end = quietHoursEnd(now, 'America/New_York');
    expect(end && new Date(end).toISOString()).toBe(until && new Date(until).toISOString());
  });

  it('lets a text leave at 20:59 local', () => {
    expect(quietHoursEnd(new Date('2026-03-03T01:59:00Z'), 'America/New_York')).toBeUndefined();
  });

  it('holds a text at 21:05 local until 08:00 the next morning', () => {
    expect(quietHoursEnd(new Date('2026-03-03T02:05:00Z'), 'America/New_York')).toBe(
      '2026-03-03T13:00:00.000Z',
    );
  });

  it('holds a text at 06:00 local until 08:00 the same morning', () => {
    expect(quietHoursEnd(new Date('2026-03-03T11:00:00Z'), 'America/New_York')).toBe(
      '2026-03-03T13:00:00.000Z',
    );
  });

  it('finds 08:00 across the night the clocks go forward', () => {
    // 22:00 on Saturday 7 March (EST); 08:00 on Sunday is already EDT
    expect(quietHoursEnd(new Date('2026-03-08T03:00:00Z'), 'America/New_York')).toBe(
      '2026-03-08T12:00:00.000Z',
    );
  });

  it('reads quiet hours in a half-hour zone', () => {
    expect(quietHoursEnd(new Date('2026-03-02T15:45:00Z'), 'Asia/Kolkata')).toBe('2026-03-03T02:30:00.000Z'); // 21:15
    expect(quietHoursEnd(new Date('2026-03-02T15:15:00Z'), 'Asia/Kolkata')).toBeUndefined(); // 20:45
  });
});

describe('planning the due slots', () => {
  const slots = programSlots(testCatalog.steps, NEW_YORK);

  it('skips a check-in more than 12 hours late and sends one less late', () => {
    const checkin = slots.find((s) => s.week === 1);
    if (!checkin) throw new Error('no check-in');
    const at = (hours: number) => new Date(Date.parse(checkin.dueAt) + hours * 3_600_000).toISOString();
    expect(planDue([checkin], slots, at(11))[0]?.plan).toEqual({ action: 'send' });
    expect(planDue([checkin], slots, at(13))[0]?.plan).toEqual({ action: 'skip' });
  });

  it('holds lessons missed by more than a day for the next slots, one per slot', () => {
    const now = '2026-03-07T15:00:00.000Z'; // day 4: the lessons of days 0 and 1 are days late
    const late = slots.filter((s) => s.position && s.dueAt < '2026-03-05T00:00:00.000Z');
    const upcoming = slots.filter((s) => s.dueAt > now);
    const plans = planDue(late, slots, now);
    expect(plans.map((p) => p.plan)).toEqual(
      late.map((_, i) => ({ action: 'hold', until: upcoming[i]?.dueAt })),
    );
  });

  it('sends a lesson less than a day late at once', () => {
    const lesson = slots.find((s) => s.slot === 'hurt-d1');
    if (!lesson) throw new Error('no lesson');
    const now = new Date(Date.parse(lesson.dueAt) + 20 * 3_600_000).toISOString();
    expect(planDue([lesson], slots, now)[0]?.plan).toEqual({ action: 'send' });
  });

  it('skips check-ins and holds everything else while the program is paused', () => {
    const checkin = slots.find((s) => s.week === 1);
    const lesson = slots.find((s) => s.slot === 'hurt-d1');
    if (!checkin || !lesson) throw new Error('missing slots');
    const pausedUntil = '2026-03-20T12:00:00.000Z';
    const plans = planDue([lesson, checkin], slots, checkin.dueAt, pausedUntil);
    expect(plans.map((p) => p.plan)).toEqual([{ action: 'hold', until: pausedUntil }, { action: 'skip' }]);
  });

  it('makes the enrollment due at a held message earlier than its next slot', () => {
    const now = '2026-03-03T14:00:00.000Z';
    const held = [{ day: 3, slot: 'micro-d3', channel: 'sms' as const, until: '2026-03-03T13:30:00.000Z' }];
    expect(nextDueOf(slots, now, held)).toBe('2026-03-03T13:30:00.000Z');
    expect(nextDueOf(slots, now)).toBe(slots.find((s) => s.dueAt > now)?.dueAt);
  });
});

describe('changing the schedule mid-program', () => {
  const now = '2026-03-12T03:00:00.000Z'; // day 8, late evening in New York
  const before = {
    ...NEW_YORK,
    nextDueAt: programSlots(testCatalog.steps, NEW_YORK).find((s) => s.dueAt > now)?.dueAt,
  };

  it('keeps what was handled and computes the rest in the new time zone', () => {
    const after = { ...NEW_YORK, timezone: 'Europe/London' };
    const { progress, nextDueAt } = reschedule(testCatalog.steps, before, after);
    expect(progress).toEqual(progressOf(programSlots(testCatalog.steps, NEW_YORK), before.nextDueAt));
    expect(progress.checkinWeek).toBe(1);
    const rest = programSlots(testCatalog.steps, { ...after, progress });
    expect(rest.every((s) => s.day >= 8)).toBe(true);
    expect(rest.filter((s) => s.slot === 'hurt-safety').map((s) => s.week)).toEqual([
      2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
    ]);
    expect(nextDueAt).toBe(rest[0]?.dueAt);
  });

  it('leaves nothing out and repeats nothing when moving west', () => {
    const after = { ...NEW_YORK, timezone: 'America/Los_Angeles' };
    const { progress } = reschedule(testCatalog.steps, before, after);
    const handled = programSlots(testCatalog.steps, NEW_YORK).filter(
      (s) => s.dueAt < (before.nextDueAt ?? ''),
    );
    const rest = programSlots(testCatalog.steps, { ...after, progress });
    const key = (s: { slot: string; day: number }) => `${s.slot}#${s.day}`;
    expect([...handled, ...rest].map(key).sort()).toEqual(
      programSlots(testCatalog.steps, NEW_YORK).map(key).sort(),
    );
  });

  it('moves every remaining step by the days of a pause', () => {
    const after = { ...NEW_YORK, day0: '2026-03-10' };
    const { progress } = reschedule(testCatalog.steps, before, after);
    const rest = programSlots(testCatalog.steps, { ...after, progress });
    const original = programSlots(testCatalog.steps, NEW_YORK);
    for (const slot of rest.filter((s) => s.position)) {
      const was = original.find((s) => s.slot === slot.slot);
      expect(Date.parse(slot.dueAt) - Date.parse(was?.dueAt ?? '')).toBe(7 * 86_400_000);
    }
  });
});

describe('keywords with more to them', () => {
  it.each([
    ['PAUSE', 7],
    ['pause 10', 10],
    ['Pause for 3 days', 3],
    ['PAUSE 90', 30],
    ['pause 0', 1],
  ])('reads %j as a pause of %i days', (body, days) => {
    expect(parseKeyword(body)).toMatchObject({ keyword: 'pause', days });
  });

  it('reads RESUME and SKIP only in a short message, so a sentence that starts with them stays an answer', () => {
    expect(parseKeyword('skip this week')?.keyword).toBe('skip');
    expect(parseKeyword('Resume.')?.keyword).toBe('resume');
    expect(parseKeyword('Skip the excuses, he is really trying. 4')).toBeUndefined();
  });

  it.each([
    ['Stpo', 'stop'],
    ['STOPPP', 'stop'],
    ['sotp pls', 'stop'],
    ['stp', 'stop'],
    ['helpp', 'help'],
  ])('reads the slip %j as %s', (body, keyword) => {
    expect(parseKeyword(body)?.keyword).toBe(keyword);
  });

  it.each([
    ['PARAR', 'stop'],
    ['Baja', 'stop'],
    ['alto por favor', 'stop'],
    ['Cancelar.', 'stop'],
    ['comenzar', 'start'],
    ['Reanudar', 'resume'],
    ['pausa 10', 'pause'],
  ])('reads the Spanish %j as %s', (body, keyword) => {
    expect(parseKeyword(body)?.keyword).toBe(keyword);
  });

  it('reads Spanish keywords only in a short message, where they cannot be everyday words', () => {
    for (const body of [
      'Alto nivel de estrés esta semana, 2',
      'para mí fue un 4 esta semana',
      'baja la tensión, 4 de 5',
      'Para mí 4',
      'baja, 2',
    ])
      expect(parseKeyword(body)).toBeUndefined();
  });

  it('does not read ordinary words that look like keywords as ones', () => {
    for (const body of ['Stoop was icy, 3', 'top week 5', 'hep B shot today, 4'])
      expect(parseKeyword(body)).toBeUndefined();
  });

  it('reads STOP at the start of a long sentence: the carrier words have no length limit', () => {
    expect(parseKeyword('STOP texting me about this now, I mean it')?.keyword).toBe('stop');
    expect(
      parseKeyword('Stop. Please take me off every list you have, I am done with this program')?.keyword,
    ).toBe('stop');
  });

  it('keeps the word the person used, for the consent ledger', () => {
    expect(parseKeyword('stopall please')).toEqual({ keyword: 'stop', word: 'STOPALL' });
  });
});

describe('email replies and consent wording', () => {
  it('reads only what the person wrote above the quoted check-in', () => {
    expect(
      replyTextOf('4 - calmer\r\n\r\nOn Sun, 12 Apr 2026 at 19:00, Kintsugi <a@b> wrote:\r\n> How safe?'),
    ).toBe('4 - calmer');
    expect(replyTextOf('3\n\nSent from my iPhone')).toBe('3');
    expect(replyTextOf('Thank you.\n-- \nSam')).toBe('Thank you.');
    expect(replyTextOf('> only quoted')).toBe('');
  });

  it('reads only what the person wrote above the quote from a Spanish mail app too', () => {
    expect(
      replyTextOf('4 creo\n\nEl dom, 31 ene 2027 a las 20:00, Kintsugi <a@b> escribió:\n> ¿Qué tan seguro?'),
    ).toBe('4 creo');
    // The header wrapped before "escribió:", as narrow mail apps do.
    expect(replyTextOf('3\n\nEl lun, 1 feb 2027 a las 8:05 p. m., Programa K. <a@b>\nescribió:\n> …')).toBe(
      '3',
    );
    expect(replyTextOf('2, semana dura\n\nEnviado desde mi iPhone')).toBe('2, semana dura');
    expect(replyTextOf('sí\n-----Mensaje original-----\nDe: Kintsugi')).toBe('sí');
    expect(replyTextOf('sí\n\nDe: Kintsugi <a@b>\nEnviado: domingo')).toBe('sí');
    // A sentence that only starts like a header stays.
    expect(replyTextOf('El martes hablamos de todo, 4')).toBe('El martes hablamos de todo, 4');
  });

  it('versions a consent wording by its text', () => {
    expect(wordingVersion('Reply YES')).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(wordingVersion('Reply YES')).toBe(wordingVersion('Reply YES'));
    expect(wordingVersion('Reply YES')).not.toBe(wordingVersion('Reply Y'));
  });
});

describe('the rules at the moment of sending, with in-memory ports', () => {
  it('holds a text that becomes sendable at night and sends it once at 08:00 local', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const id = await texting(world);
    await runUntil(world, '2026-03-06T17:29:00.000Z'); // day 3, 12:29: the micro-action is due at 12:30
    world.clock.set('2026-03-07T02:05:00.000Z'); // the scheduler was down until 21:05
    const before = world.texts.length;
    await dispatch(world.deps);
    expect(world.texts).toHaveLength(before);
    expect((await world.store.getMessage(id, 3, 'micro-d3', 'sms'))?.status).toBe('claimed');
    const enrollment = await world.store.getEnrollment(id);
    expect(enrollment?.held).toEqual([
      { day: 3, slot: 'micro-d3', channel: 'sms', until: '2026-03-07T13:00:00.000Z' },
    ]);
    expect(enrollment?.nextDueAt).toBe('2026-03-07T13:00:00.000Z');
    const job = { enrollmentId: id, day: 3, slot: 'micro-d3', channel: 'sms' } as const;
    expect(await send(world.deps, job)).toBe('held'); // a redelivered job is held again, not sent

    await runUntil(world, '2026-03-07T13:00:00.000Z');
    await dispatch(world.deps);
    expect(world.texts.slice(before).map((t) => t.body)).toEqual(['Kintsugi: one small thing today.']);
    expect((await world.store.getEnrollment(id))?.held).toBeUndefined();
    await dispatch(world.deps);
    expect(world.texts).toHaveLength(before + 1);
  });

  it('never texts an opted-out number, not even an answer to its messages', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    await texting(world);
    await sms(world, 'STOP');
    const before = world.texts.length;
    expect(await sms(world, '4')).toBeUndefined();
    expect(await sms(world, 'PAUSE')).toBeUndefined();
    expect(await sms(world, 'STOP')).toBeUndefined();
    await runUntil(world, '2026-04-02T00:00:00.000Z');
    expect(world.texts).toHaveLength(before);
  });

  it('appends a consent event stamped with the clock, without empty fields', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    await recordConsent(world.deps, {
      enrollmentId: 'e1',
      channel: 'email',
      action: 'opt-out',
      source: 'email-link',
      ip: '',
      userAgent: 'Mail/1.0',
    });
    expect(world.store.consents).toEqual([
      {
        enrollmentId: 'e1',
        at: '2026-03-02T15:00:00.000Z',
        channel: 'email',
        action: 'opt-out',
        source: 'email-link',
        userAgent: 'Mail/1.0',
      },
    ]);
  });

  it('records the web form’s SMS consent, the confirm link and YES in the ledger', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const id = await texting(world);
    expect(
      world.store.consents.filter((c) => c.enrollmentId === id).map((c) => [c.channel, c.source]),
    ).toEqual([
      ['sms', 'web-form'],
      ['email', 'email-link'],
      ['sms', 'keyword'],
    ]);
  });
});

/** The store refuses the next consent write, as DynamoDB might after the enrollment was updated. */
function failNextConsentWrite(world: FakeWorld) {
  const add = world.store.addConsent.bind(world.store);
  let failed = false;
  world.store.addConsent = async (event) => {
    if (!failed) {
      failed = true;
      throw new Error('ProvisionedThroughputExceededException');
    }
    return add(event);
  };
}

describe('an opt-out whose ledger write failed', () => {
  const optOuts = (world: FakeWorld, id: string) =>
    world.store.consents.filter((c) => c.enrollmentId === id && c.action === 'opt-out');

  it('is recorded when Twilio retries the STOP, and only once however often STOP comes again', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const id = await texting(world);
    failNextConsentWrite(world);
    await expect(
      replyBySms(world.deps, { from: PHONE, body: 'STOP', messageSid: 'SMstop1' }),
    ).rejects.toThrow();
    expect((await world.store.getEnrollment(id))?.smsStatus).toBe('stopped'); // texts stopped at once
    expect(optOuts(world, id)).toEqual([]);
    // Twilio retries the same message: no second confirmation text, but the ledger entry now exists.
    expect(
      await replyBySms(world.deps, { from: PHONE, body: 'STOP', messageSid: 'SMstop1' }),
    ).toBeUndefined();
    expect(optOuts(world, id)).toMatchObject([{ channel: 'sms', source: 'keyword', messageSid: 'SMstop1' }]);
    await sms(world, 'STOP');
    expect(optOuts(world, id)).toHaveLength(1);
  });

  it('is recorded for a mail complaint when EventBridge delivers it again', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const id = await texting(world);
    const complaint = { type: 'complaint', email: 'ana@example.com', reason: 'abuse' } as const;
    failNextConsentWrite(world);
    await expect(recordEmailEvent(world.deps, complaint)).rejects.toThrow();
    expect((await world.store.getEnrollment(id))?.emailStatus).toBe('unsubscribed');
    await recordEmailEvent(world.deps, complaint);
    await recordEmailEvent(world.deps, complaint);
    expect(optOuts(world, id)).toMatchObject([
      { channel: 'email', source: 'provider-event', detail: 'complaint: abuse' },
    ]);
  });
});

describe('an opt-in whose ledger write failed', () => {
  const optIns = (world: FakeWorld, id: string, source: string) =>
    world.store.consents.filter((c) => c.enrollmentId === id && c.action === 'opt-in' && c.source === source);

  it('YES: Twilio’s retry records it, and a later YES adds nothing', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const { id, token } = await enrolled(world);
    await confirm(world.deps, token);
    failNextConsentWrite(world);
    await expect(
      replyBySms(world.deps, { from: PHONE, body: 'YES', messageSid: 'SMyes1' }),
    ).rejects.toThrow();
    expect((await world.store.getEnrollment(id))?.smsStatus).toBe('active');
    expect(optIns(world, id, 'keyword')).toEqual([]);
    const reply = await replyBySms(world.deps, { from: PHONE, body: 'YES', messageSid: 'SMyes1' });
    expect(reply).toBe(testCatalog.messages.sms.optInConfirmed);
    expect(optIns(world, id, 'keyword')).toMatchObject([
      {
        channel: 'sms',
        messageSid: 'SMyes1',
        wordingVersion: wordingVersion(testCatalog.messages.sms.optInPrompt),
      },
    ]);
    await sms(world, 'YES');
    expect(optIns(world, id, 'keyword')).toHaveLength(1);
  });

  it.each(['Y', 'yeah!', 'Yse', 'yesss', 'ok thanks', 'Sí', 'si claro'])(
    'the first opt-in: %j is a yes to the prompt, recorded with the word as written',
    async (body) => {
      const world = fakeWorld('2026-03-02T15:00:00.000Z');
      const { id, token } = await enrolled(world);
      await confirm(world.deps, token);
      expect(await sms(world, body)).toBe(testCatalog.messages.sms.optInConfirmed);
      expect((await world.store.getEnrollment(id))?.smsStatus).toBe('active');
      expect(optIns(world, id, 'keyword')).toMatchObject([{ detail: body.toUpperCase() }]);
    },
  );

  it.each(['yeah but who is this really from', 'no', 'what is this', 'yet another text'])(
    'the first opt-in: %j is not a yes, and the prompt is sent again',
    async (body) => {
      const world = fakeWorld('2026-03-02T15:00:00.000Z');
      const { id, token } = await enrolled(world);
      await confirm(world.deps, token);
      expect(await sms(world, body)).toBe(testCatalog.messages.sms.optInPrompt);
      expect((await world.store.getEnrollment(id))?.smsStatus).toBe('awaiting-yes');
    },
  );

  it('after STOP, "yeah" does not turn texts back on: only START or YES does', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const id = await texting(world);
    await sms(world, 'STOP');
    await sms(world, 'yeah');
    expect((await world.store.getEnrollment(id))?.smsStatus).toBe('stopped');
  });

  it('START after STOP: the retry records it against the wording that said “reply START”', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const id = await texting(world);
    await sms(world, 'STOP');
    failNextConsentWrite(world);
    await expect(
      replyBySms(world.deps, { from: PHONE, body: 'START', messageSid: 'SMstart1' }),
    ).rejects.toThrow();
    expect(await replyBySms(world.deps, { from: PHONE, body: 'START', messageSid: 'SMstart1' })).toBe(
      testCatalog.messages.sms.startConfirmed,
    );
    const ledger = world.store.consents.filter((c) => c.enrollmentId === id && c.channel === 'sms');
    expect(ledger.map((c) => [c.action, c.source])).toEqual([
      ['opt-in', 'web-form'],
      ['opt-in', 'keyword'],
      ['opt-out', 'keyword'],
      ['opt-in', 'keyword'],
    ]);
    expect(ledger.at(-1)?.wordingVersion).toBe(wordingVersion(testCatalog.messages.sms.stopConfirmed));
  });

  it('the confirmation link: a second click records it and sends the YES prompt the first never sent', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const { id, token } = await enrolled(world);
    failNextConsentWrite(world);
    await expect(confirm(world.deps, token)).rejects.toThrow();
    expect((await world.store.getEnrollment(id))?.status).toBe('active');
    expect(world.texts).toEqual([]);
    expect((await confirm(world.deps, token)).changed).toBe(false);
    expect(optIns(world, id, 'email-link')).toHaveLength(1);
    expect(world.texts.map((t) => t.body)).toEqual([testCatalog.messages.sms.optInPrompt]);
    await confirm(world.deps, token);
    expect(optIns(world, id, 'email-link')).toHaveLength(1);
    expect(world.texts).toHaveLength(1);
  });

  it('the web form: sending it again records the SMS consent, once', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    failNextConsentWrite(world);
    await expect(enroll(world.deps, FORM)).rejects.toThrow();
    await enroll(world.deps, FORM);
    // The answer's id is a fresh one for every address already in the table: find the enrollment by email.
    const id = (await world.store.findByEmail(FORM.email))?.id as string;
    expect(optIns(world, id, 'web-form')).toMatchObject([
      { channel: 'sms', wordingVersion: wordingVersion(SMS_CONSENT_TEXT) },
    ]);
    await enroll(world.deps, FORM);
    expect(optIns(world, id, 'web-form')).toHaveLength(1);
  });
});

// Survivors of `npm run mutate` in the SMS reply path (use-cases/replies/reply-by-sms.ts).
describe('texted requests, at the edges', () => {
  it('SKIP skips this week’s check-in and says when the next one comes; PAUSE 10 says until when', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    await texting(world);
    expect(await sms(world, 'SKIP')).toMatch(/^Kintsugi: check-in skipped\. Next on \S+/);
    expect(await sms(world, 'PAUSE 10')).toMatch(/^Kintsugi: paused for 10 days, until .*12/);
  });

  it('STOP from a number no program holds is confirmed, and nothing else is said to it but HELP', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const stranger = (body: string) =>
      replyBySms(world.deps, { from: '+14155550111', body, messageSid: `SMstranger${++sids}` });
    // Anyone may hold a number no program knows: the answers are the discreet ones, naming no program.
    expect(await stranger('STOP')).toBe(systemTexts(world.deps, { discreet: true }).stopConfirmed);
    expect(await stranger('HELP')).not.toContain('Kintsugi');
    expect(await stranger('HELP')).toContain('help (discreet)');
    expect(await stranger('HELP')).not.toContain('{{');
  });

  it('records a yes to the opt-in prompt by its first 20 characters, trimmed and upper-cased', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const { id, token } = await enrolled(world);
    await confirm(world.deps, token);
    expect(await sms(world, '  okay thankyouverymuch')).toBe(testCatalog.messages.sms.optInConfirmed);
    const optIn = world.store.consents.filter((c) => c.enrollmentId === id && c.source === 'keyword');
    expect(optIn.map((c) => c.detail)).toEqual(['OKAY THANKYOUVERYMUC']);
  });

  it('erases on a second DELETE exactly at the end of its 10-minute window', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const id = await texting(world);
    await sms(world, 'DELETE');
    world.clock.set(new Date(world.clock.now().getTime() + 10 * 60_000).toISOString());
    expect(await sms(world, 'DELETE')).toBe(testCatalog.messages.sms.deleted);
    expect(await world.store.getEnrollment(id)).toBeUndefined();
  });
});
