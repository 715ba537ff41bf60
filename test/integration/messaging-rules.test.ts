import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMS_CONSENT_TEXT, wordingVersion } from '../../functions/program/consent';
import type { Enrollment } from '../../functions/program/enrollment';
import { programSlots } from '../../functions/program/schedule';
import { systemTexts } from '../../functions/use-cases/services/compose';
import { LOCAL_DEFAULTS, type Runtime } from '../../local/runtime';
import {
  advance,
  advanceTo,
  enrollParticipant,
  localTime,
  outboundTexts,
  type Participant,
  programEmails,
  reached,
  text,
} from '../support/participant';
import { api, emailsTo, linkIn, pathOf, startTestRuntime, uniqueEmail } from '../support/runtime';

const ZONE = 'America/New_York';
const START = '2026-04-06T15:00:00Z'; // Monday 11:00 in New York: day 0 is Tuesday 7 April

const enrollmentOf = async (runtime: Runtime, who: Participant) =>
  (await runtime.deps.store.getEnrollment(who.id)) as Enrollment;

describe('SMS keywords, through the HTTP API', () => {
  let runtime: Runtime;
  beforeAll(async () => {
    runtime = await startTestRuntime({ startAt: new Date(START) });
  });
  afterAll(async () => {
    await runtime?.twilio.idle();
    await runtime?.stop();
  });

  it.each([
    'STOP',
    'Stop.',
    'stop please',
    'STOP!!',
    'STOPALL',
    'Unsubscribe',
    'cancel',
    'End',
    'QUIT',
    'revoke',
    'OptOut',
  ])('stops texts at once on %j, confirms once, and stays silent afterwards', async (word) => {
    const who = await enrollParticipant(runtime, { timezone: ZONE });
    expect(await text(runtime, who, word)).toMatch(/won't get more texts.*START/);
    expect((await enrollmentOf(runtime, who)).smsStatus).toBe('stopped');
    expect(await text(runtime, who, 'STOP')).toBeNull();
    expect(await text(runtime, who, '4')).toBeNull();
    const ledger = await runtime.deps.store.listConsents(who.id);
    expect(ledger.filter((c) => c.action === 'opt-out')).toEqual([
      expect.objectContaining({
        channel: 'sms',
        source: 'keyword',
        messageSid: expect.stringMatching(/^SM/),
      }),
    ]);
  });

  it.each(['START', 'unstop', 'Yes'])(
    'turns texts back on after STOP when the person sends %j',
    async (word) => {
      const who = await enrollParticipant(runtime, { timezone: ZONE });
      await text(runtime, who, 'STOP');
      expect(await text(runtime, who, word)).toMatch(/welcome back/i);
      expect((await enrollmentOf(runtime, who)).smsStatus).toBe('active');
      expect((await runtime.deps.store.listConsents(who.id)).at(-1)).toMatchObject({
        channel: 'sms',
        action: 'opt-in',
        source: 'keyword',
        detail: word.toUpperCase(),
        wordingVersion: wordingVersion(runtime.deps.catalog.messages.sms.stopConfirmed),
      });
    },
  );

  it.each(['HELP', 'info', 'Help?'])(
    'answers %j with what the program is, how often it texts, how to stop and whom to ask',
    async (word) => {
      const who = await enrollParticipant(runtime, { timezone: ZONE });
      const reply = await text(runtime, who, word);
      expect(reply).toMatch(/^Kintsugi/);
      expect(reply).toMatch(/2 msgs\/week/);
      expect(reply).toMatch(/STOP/);
      expect(reply).toContain(runtime.deps.config.supportEmail);
    },
  );

  it('tells a person who chose check-ins only that texts come once a week, in the first text and in HELP', async () => {
    const who = await enrollParticipant(runtime, { timezone: ZONE, yes: false, nudges: false });
    const [first] = await outboundTexts(runtime, who);
    expect(first?.body).toContain('1 msg/week, up to 5 in checkpoint weeks');
    expect(first?.body).not.toMatch(/2 msgs\/week/);
    const help = await text(runtime, who, 'HELP');
    expect(help).toContain('1 msg/week, up to 5 in checkpoint weeks');
  });

  it('opens with a first text that names the brand, the frequency, the rates, STOP and HELP', async () => {
    const who = await enrollParticipant(runtime, { timezone: ZONE, yes: false });
    const [first] = await outboundTexts(runtime, who);
    expect(first?.body).toMatch(/^Kintsugi:/);
    expect(first?.body).toMatch(/2 msgs\/week/);
    expect(first?.body).toContain('Msg&data rates may apply');
    expect(first?.body).toMatch(/STOP/);
    expect(first?.body).toMatch(/HELP/);
  });
});

describe('PAUSE, RESUME and SKIP, through the HTTP API', () => {
  it('shifts the rest of the program, email too, by seven days on PAUSE and sends nothing meanwhile', async () => {
    const runtime = await startTestRuntime({ startAt: new Date(START) });
    try {
      const who = await enrollParticipant(runtime, { timezone: ZONE });
      await advanceTo(runtime, '2026-04-09T14:00:00.000Z'); // Thursday 10:00, day 2
      const before = await enrollmentOf(runtime, who);
      const planned = programSlots(runtime.deps.catalog.steps, before).filter(
        (s) => s.position && s.day >= 3 && s.day <= 6,
      );
      expect(await text(runtime, who, 'Pause')).toMatch(
        /paused 7 days, emails too, until Thursday, April 16; day 90 moves with it\./,
      );
      const emailsBefore = (await programEmails(runtime, who)).length;
      const textsBefore = (await outboundTexts(runtime, who)).length;

      await advanceTo(runtime, '2026-04-16T13:00:00.000Z'); // the pause ends at 10:00 on 16 April
      expect(await programEmails(runtime, who)).toHaveLength(emailsBefore);
      expect(await outboundTexts(runtime, who)).toHaveLength(textsBefore);

      await advanceTo(runtime, '2026-04-21T00:00:00.000Z');
      const messages = await reached(runtime, who);
      for (const slot of planned) {
        const sent = messages.find((m) => m.slot === slot.slot && m.day === slot.day);
        const moved = localTime(slot.dueAt, ZONE).plus({ days: 7 });
        expect(sent?.dueAt, slot.slot).toBe(moved.toUTC().toISO());
      }
      expect((await enrollmentOf(runtime, who)).pausedUntil).toBeUndefined();
    } finally {
      await runtime.twilio.idle();
      await runtime.stop();
    }
  });

  it('reads PAUSE 10 as ten days, and RESUME ends the pause early', async () => {
    const runtime = await startTestRuntime({ startAt: new Date(START) });
    try {
      const who = await enrollParticipant(runtime, { timezone: ZONE });
      await advanceTo(runtime, '2026-04-09T14:00:00.000Z');
      const next = programSlots(runtime.deps.catalog.steps, await enrollmentOf(runtime, who)).find(
        (s) => s.dueAt > '2026-04-09T14:00:00.000Z',
      );
      expect(await text(runtime, who, 'PAUSE 10 days')).toMatch(
        /paused 10 days, emails too, until Sunday, April 19; day 90 moves with it\./,
      );
      await advanceTo(runtime, '2026-04-11T15:00:00.000Z'); // two days and an hour later
      expect(await text(runtime, who, 'resume')).toMatch(/welcome back/i);
      expect(await text(runtime, who, 'resume')).toMatch(/isn't paused/);
      // Seven days and 23 hours were left: the program moves back by eight, keeping a shift of the two whole
      // days it was paused (no step fell due in the hour beyond them, so none is left in the past).
      const after = await enrollmentOf(runtime, who);
      expect(after.pausedUntil).toBeUndefined();
      const moved = programSlots(runtime.deps.catalog.steps, after).find(
        (s) => s.slot === next?.slot && s.day === next.day,
      );
      expect(moved?.dueAt).toBe(
        localTime(next?.dueAt ?? '', ZONE)
          .plus({ days: 2 })
          .toUTC()
          .toISO(),
      );
    } finally {
      await runtime.twilio.idle();
      await runtime.stop();
    }
  });

  it('skips this week’s check-in on SKIP and counts it as skipped, not unanswered', async () => {
    const runtime = await startTestRuntime({ startAt: new Date(START) });
    try {
      const who = await enrollParticipant(runtime, { timezone: ZONE, checkinDay: 'sunday' });
      await advanceTo(runtime, '2026-04-11T14:00:00.000Z'); // Saturday: the check-in is due tomorrow
      expect(await text(runtime, who, 'skip this week')).toMatch(/skipped.*Sunday/);
      await advanceTo(runtime, '2026-04-13T12:00:00.000Z');
      expect((await outboundTexts(runtime, who)).filter((t) => /Reply 1-5/.test(t.body))).toHaveLength(0);
      const week1 = (await runtime.deps.store.listMessages(who.id)).filter((m) => m.kind === 'check-in');
      expect(week1.map((m) => m.status)).toEqual(['skipped', 'skipped']); // on both channels

      await advanceTo(runtime, '2026-04-20T12:00:00.000Z'); // the week-2 check-in went out; skip it after the fact
      expect(await text(runtime, who, 'SKIP')).toMatch(/skipped/);
      const checkins = (await runtime.deps.store.listMessages(who.id)).filter((m) => m.kind === 'check-in');
      expect(checkins.every((m) => m.status === 'skipped')).toBe(true);
      // Nothing waits for an answer any more: a rating now is a note.
      expect(await text(runtime, who, '4')).toMatch(/no check-in is open/);
    } finally {
      await runtime.twilio.idle();
      await runtime.stop();
    }
  });
});

describe('replies to check-ins, through the HTTP API', () => {
  let runtime: Runtime;
  const people: Record<string, Participant> = {};
  const forms = ['4', '4/5', 'four', '4️⃣', '4 - better week', "I'd say a 4"];
  beforeAll(async () => {
    runtime = await startTestRuntime({ startAt: new Date(START) });
    for (const form of [...forms, 'unclear', 'late', 'email', 'email-unclear']) {
      people[form] = await enrollParticipant(runtime, {
        timezone: ZONE,
        phone: !form.startsWith('email'),
      });
    }
    await advanceTo(runtime, '2026-04-13T00:00:00.000Z'); // Sunday 20:00: the week-1 check-in went out at 19:00
  });
  afterAll(async () => {
    await runtime?.twilio.idle();
    await runtime?.stop();
  });

  it.each(forms)('records %j as 4 against the open check-in and says so', async (form) => {
    const who = people[form] as Participant;
    expect(await text(runtime, who, form)).toMatch(/^4 of 5 noted/);
    const [reply] = await runtime.deps.store.listReplies(who.id);
    expect(reply).toMatchObject({ score: 4, day: 5, metric: 'honesty-safety', channel: 'sms' });
    if (form.includes('better week')) expect(reply?.note).toBe('better week');
  });

  it('asks once more after an unclear or out-of-range answer, then keeps the next unclear one as a note', async () => {
    const who = people.unclear as Participant;
    expect(await text(runtime, who, '7')).toMatch(/number from 1 to 5/);
    // A doubt is an answer of its own: kept beside the check-in it doubts, named, and the check-in stays open.
    expect(await text(runtime, who, 'hard to say really')).toBe(
      'Kintsugi: not sure is an honest answer too. We kept it as a private note with week 1 check-in. It stays open if you decide later.',
    );
    expect(await text(runtime, who, '2')).toMatch(/^2 of 5 noted/);
    const replies = await runtime.deps.store.listReplies(who.id);
    expect(replies).toEqual([
      expect.objectContaining({ note: 'hard to say really', day: 5 }),
      expect.objectContaining({ score: 2, day: 5 }),
    ]);
    expect(replies[0]?.score).toBeUndefined();
    expect(await text(runtime, who, 'We talked for an hour tonight.')).toMatch(/no check-in is open/);
    const journal = (await runtime.deps.store.listReplies(who.id)).at(-1);
    expect(journal?.note).toBe('We talked for an hour tonight.');
    expect(journal?.stepId).toBeUndefined();
  });

  it('records a reply to a check-in email against that check-in, with its note, and ignores the quoted text', async () => {
    const who = people.email as Participant;
    const checkin = (await emailsTo(runtime, who.email)).find((e) => e.text?.includes('/checkin?'));
    expect(checkin).toBeDefined();
    // "Reply" in any mail app goes to the address that receives answers, whatever the From address is.
    expect(checkin?.replyTo).toEqual([LOCAL_DEFAULTS.REPLY_TO]);
    const response = await api(runtime, '/_local/email/reply', {
      json: {
        from: who.email.toUpperCase(),
        subject: `Re: ${checkin?.subject}`,
        text: `4 - calmer week\n\nOn Sun, Apr 12, 2026 at 7:00 PM Kintsugi <hello@kintsugi.example> wrote:\n> ${checkin?.text?.split('\n')[0]}\n> 1 2 3 4 5`,
      },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ outcome: 'recorded', score: 4 });
    const [reply] = await runtime.deps.store.listReplies(who.id);
    expect(reply).toMatchObject({
      channel: 'email',
      score: 4,
      note: 'calmer week',
      metric: 'honesty-safety',
    });
    const repeat = await api(runtime, '/_local/email/reply', {
      json: { from: uniqueEmail('stranger'), text: '5' },
    });
    expect(repeat.body).toEqual({ outcome: 'ignored', reason: 'unknown-sender' });
  });

  it('keeps an email reply that is not an answer as a note beside the check-in', async () => {
    const who = people['email-unclear'] as Participant;
    const response = await api(runtime, '/_local/email/reply', {
      json: { from: who.email, subject: 'Re: Your weekly check-in', text: 'Thank you for this.\n\n-- \nSam' },
    });
    expect(response.body).toMatchObject({ outcome: 'note' });
    const replies = await runtime.deps.store.listReplies(who.id);
    expect(replies).toEqual([
      expect.objectContaining({ channel: 'email', note: 'Thank you for this.', day: 5 }),
    ]);
    expect(replies[0]?.score).toBeUndefined();
  });
  it('attaches a late reply, sent after the next prompt went out, to the newest check-in', async () => {
    const who = people.late as Participant;
    await advanceTo(runtime, '2026-04-20T00:00:00.000Z'); // the week-2 check-in went out, week 1 unanswered
    expect(await text(runtime, who, '3')).toMatch(/^3 of 5 noted/);
    expect(await runtime.deps.store.listReplies(who.id)).toEqual([
      expect.objectContaining({ score: 3, day: 12 }),
    ]);
  });
});

describe('the consent ledger, through the HTTP API', () => {
  it('records every opt-in and opt-out with its source, wording and origin, and hands it back in the export', async () => {
    const runtime = await startTestRuntime({ startAt: new Date(START) });
    try {
      const who = await enrollParticipant(runtime, { timezone: ZONE });
      await text(runtime, who, 'STOP');
      await text(runtime, who, 'START');
      const lesson = (await programEmails(runtime, who)).at(-1) ?? (await emailsTo(runtime, who.email))[0];
      const privacy = pathOf(linkIn(lesson, '/privacy'));
      const exported = await api(runtime, privacy, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'action=export',
      });
      expect(exported.status).toBe(200);
      const ip = expect.stringMatching(/127\.0\.0\.1|::1/);
      expect(exported.body.consents).toEqual([
        expect.objectContaining({
          channel: 'sms',
          action: 'opt-in',
          source: 'web-form',
          wordingVersion: wordingVersion(SMS_CONSENT_TEXT),
          ip,
          userAgent: expect.any(String),
        }),
        expect.objectContaining({ channel: 'email', action: 'opt-in', source: 'email-link', ip }),
        expect.objectContaining({
          channel: 'sms',
          action: 'opt-in',
          source: 'keyword',
          detail: 'YES',
          messageSid: expect.stringMatching(/^SM/),
          wordingVersion: wordingVersion(systemTexts(runtime.deps).optInPrompt),
        }),
        expect.objectContaining({ channel: 'sms', action: 'opt-out', source: 'keyword', detail: 'STOP' }),
        expect.objectContaining({ channel: 'sms', action: 'opt-in', source: 'keyword', detail: 'START' }),
      ]);
      for (const event of exported.body.consents) expect(Date.parse(event.at)).not.toBeNaN();
    } finally {
      await runtime.twilio.idle();
      await runtime.stop();
    }
  });

  it('never overwrites a ledger entry, even two on one channel in the same millisecond', async () => {
    const runtime = await startTestRuntime({ startAt: new Date(START) });
    try {
      const event = {
        enrollmentId: 'ledger-test',
        at: '2026-04-06T15:00:00.000Z',
        channel: 'sms' as const,
        source: 'provider-event' as const,
      };
      await runtime.deps.store.addConsent({ ...event, action: 'opt-out', detail: '21610' });
      await runtime.deps.store.addConsent({ ...event, action: 'opt-in', detail: 'START' });
      expect(await runtime.deps.store.listConsents('ledger-test')).toEqual([
        expect.objectContaining({ action: 'opt-out', detail: '21610' }),
        expect.objectContaining({ action: 'opt-in', detail: 'START' }),
      ]);
    } finally {
      await runtime.stop();
    }
  });
});

describe('after an outage, through the HTTP API', () => {
  it('sends missed lessons one per slot instead of a burst, skips stale check-ins and leaves them out of the response rate', async () => {
    const runtime = await startTestRuntime({ startAt: new Date(START) });
    try {
      const who = await enrollParticipant(runtime, { timezone: ZONE, checkinDay: 'sunday' });
      await advanceTo(runtime, '2026-04-09T12:30:00.000Z'); // Thursday 08:30, day 2
      const sentBefore = (await reached(runtime, who)).length;
      await advanceTo(runtime, '2026-04-13T14:00:00.000Z', true); // down until Monday 10:00, day 6
      const recovery = await advance(runtime, 'PT1M');
      expect(recovery.sent.email + recovery.sent.sms).toBeLessThanOrEqual(1); // only today's 08:00 lesson

      const stale = (await runtime.deps.store.listMessages(who.id)).find(
        (m) => m.kind === 'check-in' && m.day === 5,
      );
      expect(stale?.status).toBe('skipped');

      await advanceTo(runtime, '2026-04-24T00:00:00.000Z');
      const messages = await reached(runtime, who);
      const missed = programSlots(runtime.deps.catalog.steps, {
        ...(await enrollmentOf(runtime, who)),
        progress: undefined,
      }).filter(
        (s) =>
          s.kind !== 'check-in' &&
          s.dueAt > '2026-04-09T12:30:00.000Z' &&
          s.dueAt < '2026-04-13T14:00:00.000Z',
      );
      expect(missed.length).toBeGreaterThanOrEqual(4);
      for (const slot of missed) {
        expect(
          messages.filter((m) => m.slot === slot.slot && m.day === slot.day),
          slot.slot,
        ).toHaveLength(1);
      }
      // No moment carries more than its own slot and one late lesson.
      const perMinute = new Map<string, number>();
      for (const m of messages.slice(sentBefore)) {
        const outbox = [...(await programEmails(runtime, who)), ...(await outboundTexts(runtime, who))];
        const sent = outbox.find((o) => ('messageId' in o ? o.messageId : o.sid) === m.providerId);
        const minute = DateTime.fromISO(sent?.at ?? '')
          .toUTC()
          .toFormat("yyyy-MM-dd'T'HH:mm");
        perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
      }
      expect(Math.max(...perMinute.values())).toBeLessThanOrEqual(2);

      await advanceTo(runtime, '2026-07-09T00:00:00.000Z'); // past day 92: the report waited for the last checkpoint question
      const all = await runtime.deps.store.listMessages(who.id);
      const asked = all.filter(
        (m) => m.kind === 'check-in' && ['queued', 'sent', 'delivered'].includes(m.status),
      );
      const report = await runtime.deps.store.getReport(who.id);
      expect(report).toBeDefined();
      const sentInReport = report?.metrics.reduce((n, m) => n + m.sent, 0);
      expect(sentInReport).toBe(asked.length);
      expect(all.filter((m) => m.kind === 'check-in' && m.status === 'skipped')).toHaveLength(1);
    } finally {
      await runtime.twilio.idle();
      await runtime.stop();
    }
  });
});
