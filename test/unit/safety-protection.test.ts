/**
 * What protecting someone does around the crisis answer, when things go wrong or sit at an edge: a pager
 * that is down, a second message during the pause, a pause that ran out this very minute, texts that can
 * no longer reach the person, an address that bounced, a number in Canada.
 */
import { describe, expect, it } from 'vitest';
import { crisisLinesFor } from '../../functions/program/crisis-lines-by-number';
import { replyByEmail } from '../../functions/use-cases/replies/reply-by-email';
import { replyBySms } from '../../functions/use-cases/replies/reply-by-sms';
import { crisisSms, endAfterSafetyPause, SAFETY_PAUSE_DAYS } from '../../functions/use-cases/services/safety';
import { updateEnrollment } from '../../functions/use-cases/services/update-enrollment';
import { type FakeWorld, fakeWorld, testCatalog } from '../support/fake-deps';
import { confirmedParticipant } from '../support/fake-program';
import { logsOf } from '../support/logs';

const PHONE = '+14155550100';
const en = testCatalog.messages.safety.sms.en;
/** The crisis text to a number no program holds: discreet, with the lines of the number's country. */
const toNoProgram = (phone: string) =>
  crisisSms({ catalog: testCatalog }, { discreet: true }, 'en', crisisLinesFor(phone), undefined);
const email = testCatalog.messages.safety.email.en;
let sids = 0;
const sms = (world: FakeWorld, body: string, from = PHONE) =>
  replyBySms(world.deps, { from, body, messageSid: `SMprotect${++sids}` });

const participant = (world: FakeWorld, phone = PHONE) =>
  confirmedParticipant(world, { phone, smsConsent: true }, { textYes: true });

class PagerDown extends Error {
  override name = 'PagerDown';
}

const failures = (logs: Record<string, unknown>[]) =>
  logs.filter((l) => l.level === 'ERROR' && l.message === 'safety step failed');

describe('when a step of protecting someone fails', () => {
  it('an operator alert that cannot go still lets the pause and flag happen, and the failure is logged', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    world.deps.alerts = {
      async notify() {
        throw new PagerDown('the pager is down');
      },
    };
    let answer: string | undefined;
    const logs = await logsOf(async () => {
      answer = await sms(world, 'he hit me');
    });
    expect(answer).toBe(`${en.opening} ${en.us} ${en.paused}`);
    const e = await world.store.getEnrollment(id);
    expect(e?.safetyPause).toBe(true);
    expect(e?.flagReason).toBe('abuse');
    expect(failures(logs)).toMatchObject([
      { step: 'alert', enrollmentId: id, category: 'abuse', error: 'PagerDown' },
    ]);
    expect(JSON.stringify(logs)).not.toContain('hit me');
  });

  it('a concern that cannot be written down is logged, and the person still gets the lines', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    world.store.saveEnrollment = async () => {
      throw new PagerDown('the table is unavailable');
    };
    let answer: string | undefined;
    const logs = await logsOf(async () => {
      answer = await sms(world, "I'm not safe");
    });
    expect(answer?.endsWith(en.concernUs)).toBe(true);
    expect(failures(logs)).toMatchObject([{ step: 'concern', enrollmentId: id, error: 'PagerDown' }]);
  });

  it('a crisis email that cannot be sent is logged, and the text answer still goes', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    expect(await sms(world, 'STOP')).toBe(testCatalog.messages.sms.stopConfirmed);
    world.deps.mailer = {
      async send() {
        throw new PagerDown('mail is down');
      },
    };
    let answer: string | undefined;
    const logs = await logsOf(async () => {
      answer = await sms(world, 'i want to kill myself');
    });
    expect(answer).toBe(`${en.opening} ${en.us}`);
    expect(failures(logs)).toMatchObject([{ step: 'email', enrollmentId: id, error: 'PagerDown' }]);
    expect((await world.store.getEnrollment(id))?.safetyPause).toBe(true);
  });
});

describe('the safety pause', () => {
  it('is not moved by a second message during it', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    await sms(world, 'he hit me');
    const first = (await world.store.getEnrollment(id))?.pausedUntil;
    expect(Date.parse(first ?? '') - world.clock.now().getTime()).toBe(SAFETY_PAUSE_DAYS * 86_400_000);
    world.clock.set('2026-03-12T12:00:00.000Z');
    expect(await sms(world, 'he hit me again')).toBe(`${en.opening} ${en.us} ${en.paused}`);
    const e = await world.store.getEnrollment(id);
    expect(e?.pausedUntil).toBe(first);
    expect(e?.flaggedAt).toBe('2026-03-12T12:00:00.000Z');
  });

  it('that ran out this very moment is started again, for a year from now, by a new message of danger', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    await sms(world, 'he hit me');
    const until = (await world.store.getEnrollment(id))?.pausedUntil ?? '';
    world.clock.set(until);
    await sms(world, 'he hit me again');
    const e = await world.store.getEnrollment(id);
    expect(Date.parse(e?.pausedUntil ?? '') - Date.parse(until)).toBe(SAFETY_PAUSE_DAYS * 86_400_000);
    expect(e?.safetyPause).toBe(true);
  });

  it('ends the program at the exact moment it runs out, not a millisecond before, and says so once in the log', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    await sms(world, 'he hit me');
    const until = (await world.store.getEnrollment(id))?.pausedUntil ?? '';
    world.clock.set(new Date(Date.parse(until) - 1).toISOString());
    await endAfterSafetyPause(world.deps, id);
    expect((await world.store.getEnrollment(id))?.status).not.toBe('completed');

    world.clock.set(until);
    const logs = await logsOf(() => endAfterSafetyPause(world.deps, id));
    const e = await world.store.getEnrollment(id);
    expect(e?.status).toBe('completed');
    expect(e?.pausedUntil).toBeUndefined();
    expect(e?.safetyPause).toBeUndefined();
    expect(e?.nextDueAt).toBeUndefined();
    expect(logs.filter((l) => l.message === 'program ended after a safety pause')).toMatchObject([
      { enrollmentId: id },
    ]);

    const again = await logsOf(() => endAfterSafetyPause(world.deps, id));
    expect(again.filter((l) => l.message === 'program ended after a safety pause')).toHaveLength(0);
  });

  it('does not end a program whose person said RESUME', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    await sms(world, 'he hit me');
    const until = (await world.store.getEnrollment(id))?.pausedUntil ?? '';
    await sms(world, 'RESUME');
    world.clock.set(until);
    await endAfterSafetyPause(world.deps, id);
    expect((await world.store.getEnrollment(id))?.status).toBe('active');
  });
});

describe('a message of danger from someone nobody enrolled', () => {
  it('is answered with the lines, tells an operator with no id, and does not say a program was paused', async () => {
    const world = fakeWorld();
    const outcome = await replyByEmail(world.deps, {
      messageId: 'x1',
      from: 'eve@example.com',
      text: 'he hit me',
    });
    expect(outcome).toEqual({ outcome: 'safety', category: 'abuse' });
    expect(world.alerts).toEqual([{ enrollmentId: null, category: 'abuse' }]);
    const sent = world.emails.at(-1);
    expect(sent?.to).toBe('eve@example.com');
    expect(sent?.text).toContain(email.us.text);
    expect(sent?.text).not.toContain(email.paused.text);
  });
});

describe('when texts can no longer reach the person', () => {
  const markUnreachable = (world: FakeWorld, id: string) =>
    updateEnrollment(world.deps, id, (e) => {
      e.smsStatus = 'unreachable';
    });

  it('danger from a number the carrier stopped delivering to also sends the lines by email', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    await markUnreachable(world, id);
    const before = world.emails.length;
    await sms(world, 'i want to die');
    expect(world.emails.slice(before).map((e) => [e.to, e.subject])).toEqual([
      ['ana@example.com', email.subject],
    ]);
  });

  it('concern from a number that opted out also sends the lines by email, without the pause', async () => {
    const world = fakeWorld();
    await participant(world);
    await sms(world, 'STOP');
    const before = world.emails.length;
    await sms(world, "I'm not safe");
    const sent = world.emails.slice(before);
    expect(sent.map((e) => e.to)).toEqual(['ana@example.com']);
    expect(sent[0]?.text).not.toContain(email.paused.text);
  });

  it('concern from a number that still gets texts sends no email', async () => {
    const world = fakeWorld();
    await participant(world);
    const before = world.emails.length;
    expect(await sms(world, "I'm not safe")).toMatch(en.concernUs);
    expect(world.emails).toHaveLength(before);
  });

  it('sends no email to an address that hard-bounced', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    await updateEnrollment(world.deps, id, (e) => {
      e.smsStatus = 'unreachable';
      e.emailStopReason = 'hard-bounce: mailbox does not exist';
    });
    const before = world.emails.length;
    await sms(world, 'i want to die');
    expect(world.emails).toHaveLength(before);
  });

  it('still sends the email to an address that only soft-bounced', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    await updateEnrollment(world.deps, id, (e) => {
      e.smsStatus = 'unreachable';
      e.emailStopReason = 'soft-bounces: 3 in a row, last mailbox full';
    });
    const before = world.emails.length;
    await sms(world, 'i want to die');
    expect(world.emails).toHaveLength(before + 1);
  });
});

describe('the lines of the person’s country', () => {
  it('a concern from a Canadian number gets the Canadian lines', async () => {
    const world = fakeWorld();
    const answer = await sms(world, "I'm not safe", '+14165550199');
    expect(answer).toContain(en.concernCanada);
  });

  it('danger from a Canadian number gets the Canadian lines', async () => {
    const world = fakeWorld();
    expect(await sms(world, 'i want to kill myself', '+16045550199')).toBe(toNoProgram('+16045550199'));
  });

  it('concern from a number elsewhere names the local emergency number', async () => {
    const world = fakeWorld();
    const answer = await sms(world, "I'm not safe", '+393471234567');
    expect(answer).toContain(en.concernElsewhere.replace('{{emergency}}', '112'));
  });

  it("concern from a number elsewhere names the country's own lines too, not what each is for, the one for violence at home first for someone unsafe", async () => {
    const world = fakeWorld();
    const answer = await sms(world, "I'm not safe", '+34612345678');
    expect(answer).toContain(
      en.concernElsewhereNational
        .replace('{{emergency}}', '112')
        .replace('{{national}}', en.discreetNational.replace('{{numbers}}', '016, 024')),
    );
  });
});

describe('the crisis text itself', () => {
  it('goes even when the store cannot be reached, without a follow-up, and the failure is logged', async () => {
    const world = fakeWorld();
    await participant(world);
    world.store.claimInbound = async () => {
      throw new PagerDown('the table is unavailable');
    };
    let answer: string | undefined;
    const logs = await logsOf(async () => {
      answer = await sms(world, 'i want to kill myself');
    });
    // The store could not say whose number it is: written as to a number no program holds.
    expect(answer).toBe(toNoProgram(PHONE));
    expect(logs.filter((l) => l.message === 'safety answer sent without its follow-up')).toMatchObject([
      { level: 'ERROR', category: 'self-harm', error: 'PagerDown' },
    ]);
  });

  it('is repeated as it was for a provider’s retry, and an unknown number is never told it was paused', async () => {
    const world = fakeWorld();
    const retry = { from: '+14155550199', body: 'he hit me', messageSid: 'SMretried' };
    const first = await replyBySms(world.deps, retry);
    expect(first).toBe(toNoProgram(retry.from));
    expect(await replyBySms(world.deps, retry)).toBe(first);
    expect(world.alerts).toHaveLength(1);
  });

  it('to someone whose program already ended says nothing of a pause', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    await updateEnrollment(world.deps, id, (e) => {
      e.status = 'completed';
    });
    expect(await sms(world, 'he hit me')).toBe(`${en.opening} ${en.us}`);
    expect((await world.store.getEnrollment(id))?.safetyPause).toBeUndefined();
  });

  it('to someone who still gets texts goes by text only, with no email', async () => {
    const world = fakeWorld();
    await participant(world);
    const before = world.emails.length;
    expect(await sms(world, 'he hit me')).toBe(`${en.opening} ${en.us} ${en.paused}`);
    expect(world.emails).toHaveLength(before);
  });
});

describe('asking for the program back in one’s own words, while it is paused', () => {
  it.each(['ya estoy bien, reanudar', 'ok resume please', 'Reanuda por favor 🙏'])(
    '%j by text ends the pause',
    async (body) => {
      const world = fakeWorld();
      const id = await participant(world);
      await sms(world, 'he hit me');
      expect((await world.store.getEnrollment(id))?.safetyPause).toBe(true);
      expect(await sms(world, body)).toBe(testCatalog.messages.sms.resumedAfterSafety);
      const e = await world.store.getEnrollment(id);
      expect([e?.safetyPause, e?.pausedUntil]).toEqual([undefined, undefined]);
    },
  );

  it('"quiero reanudar el programa" by email ends the pause', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    await sms(world, 'he hit me');
    const outcome = await replyByEmail(world.deps, {
      messageId: 'resume-words',
      from: 'ana@example.com',
      text: 'quiero reanudar el programa',
    });
    expect(outcome).toEqual({ outcome: 'resumed' });
    expect((await world.store.getEnrollment(id))?.pausedUntil).toBeUndefined();
  });

  it('is read as words like any other when nothing is paused, or in a longer message', async () => {
    const world = fakeWorld();
    const id = await participant(world);
    expect(await sms(world, 'ok resume please')).not.toBe(testCatalog.messages.sms.resumed);
    await sms(world, 'he hit me');
    await sms(world, 'i read the part about when to resume the hard talks and it made sense to me today');
    expect((await world.store.getEnrollment(id))?.safetyPause).toBe(true);
  });
});
