/**
 * Check-ins only, or check-ins and the mid-week nudges, through the HTTP API with the clock fast-forwarded
 * over the whole program: the choice on the form, and a change on the settings page that applies only to
 * what is still to come.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Enrollment, MessageRecord } from '../../functions/program/enrollment';
import type { Runtime } from '../../local/runtime';
import { advanceTo, outboundTexts, type Participant, reached } from '../support/participant';
import {
  api,
  emailsTo,
  linkIn,
  pathOf,
  startTestRuntime,
  uniqueEmail,
  uniquePhone,
} from '../support/runtime';

const ZONE = 'America/Chicago';
const START = '2026-04-06T15:00:00Z'; // Monday 10:00 in Chicago: day 0 is Tuesday 7 April
/** Noon in Chicago on a program day (CDT all through the program). */
const dayAt = (day: number, hhmm = '12:00') => {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(Date.UTC(2026, 3, 7 + day, (h ?? 0) + 5, m ?? 0)).toISOString();
};
/** Past the report (day 90, 20:30) and the longest wait for it (day 92). */
const END = dayAt(93);

let runtime: Runtime;
beforeAll(async () => {
  runtime = await startTestRuntime({ startAt: new Date(START) });
});
afterAll(async () => {
  await runtime?.twilio.idle();
  await runtime?.stop();
});

/** Enrolls through the form's API with a mobile number, confirms by the emailed link, and says YES. */
async function enroll(choice: { nudges?: boolean | string } = {}): Promise<Participant> {
  const email = uniqueEmail('fewer');
  const phone = uniquePhone();
  const enrolled = await api(runtime, '/enrollments', {
    json: { email, timezone: ZONE, role: 'hurt', phone, smsConsent: true, ...choice },
  });
  expect(enrolled.status).toBe(202);
  const confirm = pathOf(linkIn((await emailsTo(runtime, email))[0], '/confirm'));
  expect(
    (await api(runtime, confirm, { method: 'POST', headers: { accept: 'application/json' } })).status,
  ).toBe(200);
  const yes = await api(runtime, '/_local/sms/reply', { json: { from: phone, body: 'YES' } });
  expect(yes.body.reply).toMatch(/you're in/i);
  return { id: (await runtime.deps.store.findByEmail(email))?.id as string, email, phone };
}

/** The settings link in the participant's confirmation email, as the footer gives it. */
const settingsPath = async (who: Participant) =>
  pathOf(linkIn((await emailsTo(runtime, who.email))[0], '/settings'));

const nudgesSent = async (who: Participant): Promise<MessageRecord[]> =>
  (await reached(runtime, who)).filter((m) => m.kind === 'micro-action').sort((a, b) => a.day - b.day);

/** The nudge texts' own words, as the content has them. */
const nudgeWords = () =>
  runtime.deps.catalog.steps.filter((s) => s.kind === 'micro-action').map((s) => s.sms as string);

describe('fewer texts: check-ins only, through the HTTP API', () => {
  const people: Record<string, Participant> = {};

  beforeAll(async () => {
    people.fewer = await enroll({ nudges: false });
    people.formFewer = await enroll({ nudges: 'false' });
    people.usual = await enroll();
    people.stopsNudges = await enroll();
    people.startsNudges = await enroll({ nudges: false });
  });

  it('stores the choice on the enrollment; today’s behaviour stays the default', async () => {
    const of = async (who: Participant) => (await runtime.deps.store.getEnrollment(who.id)) as Enrollment;
    expect((await of(people.fewer as Participant)).nudges).toBe(false);
    expect((await of(people.formFewer as Participant)).nudges).toBe(false);
    expect((await of(people.usual as Participant)).nudges).toBeUndefined();
  });

  it('refuses a choice that is neither, naming the field', async () => {
    const refused = await api(runtime, '/enrollments', {
      json: { email: uniqueEmail(), timezone: ZONE, role: 'hurt', nudges: 'some' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'invalid_nudges', field: 'nudges' });
  });

  it('on the settings page, stopping nudges on day 11 keeps the two sent and sends none after', async () => {
    await advanceTo(runtime, dayAt(11));
    const who = people.stopsNudges as Participant;
    expect((await nudgesSent(who)).map((m) => m.day)).toEqual([3, 10]);
    const saved = await api(runtime, await settingsPath(who), {
      json: { timezone: ZONE, checkinDay: 'sunday', checkinTime: '19:00', nudges: false },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ nudges: false, checkinTime: '19:00' });
  });

  it('turning nudges on after day 24’s was due (13:30) sends the next ones, never day 24’s late', async () => {
    await advanceTo(runtime, dayAt(24, '13:30'));
    const who = people.startsNudges as Participant;
    const page = await api(runtime, await settingsPath(who), { headers: { accept: 'text/html' } });
    expect(page.text).toMatch(/<input type="radio" name="nudges" value="false" checked>/);
    const saved = await api(runtime, await settingsPath(who), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({
        timezone: ZONE,
        checkinDay: 'sunday',
        checkinTime: '19:00',
        nudges: 'true',
      }).toString(),
    });
    expect(saved.status).toBe(200);
    expect(saved.text).toContain('Saved.');
    expect(saved.text).toMatch(/<input type="radio" name="nudges" value="true" checked>/);
    expect((await runtime.deps.store.getEnrollment(who.id))?.nudges).toBeUndefined();
  });

  it('over the 90 days, sends no nudge to those who chose check-ins only, and every check-in', async () => {
    await advanceTo(runtime, END);
    const usual = await nudgesSent(people.usual as Participant);
    expect(usual.map((m) => m.day)).toEqual([3, 10, 17, 24, 31, 38, 45, 52, 59, 66, 73, 80, 87]);
    const words = nudgeWords();
    for (const name of ['fewer', 'formFewer']) {
      const who = people[name] as Participant;
      expect(await nudgesSent(who), name).toEqual([]);
      // Not claimed, held or skipped either: nudges are not in their schedule at all.
      expect(
        (await runtime.deps.store.listMessages(who.id)).filter((m) => m.kind === 'micro-action'),
      ).toEqual([]);
      expect((await outboundTexts(runtime, who)).filter((t) => words.includes(t.body))).toEqual([]);
      const questions = (await reached(runtime, who)).filter(
        (m) => m.kind === 'check-in' || m.kind === 'checkpoint',
      );
      const usualQuestions = (await reached(runtime, people.usual as Participant)).filter(
        (m) => m.kind === 'check-in' || m.kind === 'checkpoint',
      );
      expect(questions.map((m) => `${m.day}#${m.slot}`)).toEqual(
        usualQuestions.map((m) => `${m.day}#${m.slot}`),
      );
      expect((await reached(runtime, who)).some((m) => m.slot === 'report')).toBe(true);
    }
  });

  it('the settings change applied to what was still to come, in both directions', async () => {
    expect((await nudgesSent(people.stopsNudges as Participant)).map((m) => m.day)).toEqual([3, 10]);
    expect((await nudgesSent(people.startsNudges as Participant)).map((m) => m.day)).toEqual([
      31, 38, 45, 52, 59, 66, 73, 80, 87,
    ]);
  });
});
