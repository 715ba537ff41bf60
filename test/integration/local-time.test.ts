import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { MessageRecord } from '../../functions/program/enrollment';
import { programSlots, REPORT_AT } from '../../functions/program/schedule';
import type { Runtime } from '../../local/runtime';
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
import { api, emailsTo, linkIn, pathOf, startTestRuntime } from '../support/runtime';

async function withRuntime(startAt: string, work: (runtime: Runtime) => Promise<void>) {
  const runtime = await startTestRuntime({ startAt: new Date(startAt) });
  try {
    await work(runtime);
    await runtime.twilio.idle();
  } finally {
    await runtime.stop();
  }
}

/** The local time a message was scheduled for: its step's time, the chosen check-in time, or the report's. */
function scheduledTime(runtime: Runtime, message: MessageRecord, checkinTime: string): string {
  if (message.slot === 'report') return REPORT_AT;
  const step = runtime.deps.catalog.steps.find((s) => s.id === message.slot);
  return step?.weeks ? checkinTime : (step?.at as string);
}

/**
 * Every message that reached the person was due at its local time on its program day in `zone`, and
 * actually left at that instant (the emulators' outboxes, in simulated time).
 */
async function expectSentOnLocalTime(
  runtime: Runtime,
  who: Participant,
  zone: string,
  messages: MessageRecord[],
  checkinTime = '19:00',
) {
  const day0 = (await runtime.deps.store.getEnrollment(who.id))?.day0 as string;
  const outbox = [
    ...(await programEmails(runtime, who)).map((e) => ({ id: e.messageId, at: e.at })),
    ...(await outboundTexts(runtime, who)).map((t) => ({ id: t.sid, at: t.at })),
  ];
  for (const message of messages) {
    const due = localTime(message.dueAt, zone);
    expect(due.toFormat('HH:mm'), message.slot).toBe(scheduledTime(runtime, message, checkinTime));
    expect(due.toISODate(), message.slot).toBe(
      DateTime.fromISO(day0).plus({ days: message.day }).toISODate(),
    );
    const sent = outbox.find((o) => o.id === message.providerId);
    expect(sent, `${message.slot} in the outbox`).toBeDefined();
    expect(Math.abs(Date.parse(sent?.at ?? '') - Date.parse(message.dueAt))).toBeLessThan(60_000);
  }
}

const offsetsOf = (messages: MessageRecord[], zone: string) =>
  [...new Set(messages.map((m) => localTime(m.dueAt, zone).offset))].sort((a, b) => a - b);

describe('send times in the participant’s own time zone, through the HTTP API', () => {
  it.each([
    ['America/New_York', 'the March DST change', '2026-03-02T15:00:00Z', [-300, -240]],
    ['America/New_York', 'the November DST change', '2026-10-26T15:00:00Z', [-300, -240]],
    ['Europe/London', 'the March change to summer time', '2026-03-23T10:00:00Z', [0, 60]],
    ['Europe/London', 'the October change back', '2026-10-19T10:00:00Z', [0, 60]],
    ['Australia/Lord_Howe', 'its 30-minute April change', '2026-03-29T23:00:00Z', [630, 660]],
    ['Australia/Lord_Howe', 'its 30-minute October change', '2026-09-28T00:00:00Z', [630, 660]],
    ['Asia/Kolkata', 'a +05:30 offset and no DST', '2026-03-02T04:00:00Z', [330]],
  ])('keeps every email and text on local time in %s across %s', async (zone, _change, start, offsets) => {
    await withRuntime(start, async (runtime) => {
      const who = await enrollParticipant(runtime, {
        timezone: zone,
        checkinDay: 'sunday',
        checkinTime: '19:00',
      });
      await advance(runtime, 'P17D');
      const messages = await reached(runtime, who);
      expect(messages.filter((m) => m.channel === 'email').length).toBeGreaterThanOrEqual(8);
      expect(messages.filter((m) => m.kind === 'check-in' && m.channel === 'sms')).toHaveLength(2);
      await expectSentOnLocalTime(runtime, who, zone, messages);
      expect(offsetsOf(messages, zone)).toEqual(offsets);
    });
  });

  it('follows a participant who moves from New York to London mid-program, sending nothing twice', async () => {
    await withRuntime('2026-04-06T15:00:00Z', async (runtime) => {
      const who = await enrollParticipant(runtime, { timezone: 'America/New_York', checkinTime: '19:00' });
      const before = (await runtime.deps.store.getEnrollment(who.id)) as NonNullable<
        Awaited<ReturnType<typeof runtime.deps.store.getEnrollment>>
      >;
      const moveAt = '2026-04-16T02:00:00.000Z'; // 22:00 in New York, 03:00 in London
      await advanceTo(runtime, moveAt);

      const latest = (await programEmails(runtime, who)).at(-1);
      const settings = pathOf(linkIn(latest, '/settings'));
      const page = await api(runtime, settings, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      // The zone they chose is the one selected (its option also names the zones it stands for).
      expect(page.text).toMatch(/<option value="America\/New_York"[^>]* selected>/);
      const saved = await fetch(`${runtime.url}${settings}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        body: new URLSearchParams({
          timezone: 'Europe/London',
          checkinDay: 'sunday',
          checkinTime: '19:00',
        }).toString(),
      });
      expect(saved.status).toBe(200);
      expect(await saved.text()).toContain('Saved');
      expect(await runtime.deps.store.getEnrollment(who.id)).toMatchObject({ timezone: 'Europe/London' });

      await advanceTo(runtime, '2026-04-30T00:00:00.000Z');
      const messages = await reached(runtime, who);
      const earlier = messages.filter((m) => m.dueAt < moveAt);
      const later = messages.filter((m) => m.dueAt >= moveAt);
      expect(earlier.length).toBeGreaterThan(5);
      expect(later.length).toBeGreaterThan(5);
      await expectSentOnLocalTime(runtime, who, 'America/New_York', earlier);
      await expectSentOnLocalTime(runtime, who, 'Europe/London', later);

      // Every step of days 0–22 reached the person exactly once, on one channel.
      const expected = programSlots(runtime.deps.catalog.steps, before)
        .filter((s) => s.day <= 22)
        .map((s) => `${s.slot}#${s.day}`)
        .sort();
      const sent = messages.filter((m) => m.day <= 22).map((m) => `${m.slot}#${m.day}`);
      expect(sent.sort()).toEqual(expected);
      const subjects = (await programEmails(runtime, who)).map((e) => e.subject);
      expect(new Set(subjects).size).toBe(subjects.length);
    });
  });
});

describe('quiet hours, through the HTTP API', () => {
  it('holds a text that becomes sendable at 21:05 until 08:00 the next morning, and sends it once', async () => {
    await withRuntime('2026-04-06T15:00:00Z', async (runtime) => {
      const zone = 'America/New_York';
      const who = await enrollParticipant(runtime, {
        timezone: zone,
        checkinDay: 'sunday',
        checkinTime: '20:00',
      });
      await advanceTo(runtime, '2026-04-12T23:59:00.000Z'); // Sunday 19:59, the check-in is due at 20:00
      const checkinsBefore = (await outboundTexts(runtime, who)).filter((t) => /Reply 1-5/.test(t.body));
      await advanceTo(runtime, '2026-04-13T01:05:00.000Z', true); // the scheduler is down until 21:05
      await advance(runtime, 'PT1M');

      const held = (await runtime.deps.store.listMessages(who.id)).find(
        (m) => m.kind === 'check-in' && m.day === 5,
      );
      expect(held?.status).toBe('claimed');
      expect((await outboundTexts(runtime, who)).filter((t) => /Reply 1-5/.test(t.body))).toHaveLength(
        checkinsBefore.length,
      );
      expect((await runtime.deps.store.getEnrollment(who.id))?.held).toEqual([
        expect.objectContaining({ slot: held?.slot, until: '2026-04-13T12:00:00.000Z' }),
      ]);

      await advanceTo(runtime, '2026-04-13T16:00:00.000Z');
      const checkins = (await outboundTexts(runtime, who)).filter((t) => /Reply 1-5/.test(t.body));
      expect(checkins).toHaveLength(checkinsBefore.length + 1);
      expect(localTime(checkins.at(-1)?.at ?? '', zone).toFormat('cccc HH:mm')).toBe('Monday 08:00');
      expect((await runtime.deps.store.getMessage(who.id, 5, held?.slot ?? '', 'sms'))?.status).not.toBe(
        'claimed',
      );
      expect((await runtime.deps.store.getEnrollment(who.id))?.held).toBeUndefined();
    });
  });

  it('answers a keyword at once, even at night', async () => {
    await withRuntime('2026-04-06T15:00:00Z', async (runtime) => {
      const who = await enrollParticipant(runtime, { timezone: 'America/New_York' });
      await advanceTo(runtime, '2026-04-08T03:00:00.000Z'); // 23:00 in New York
      expect(await text(runtime, who, 'HELP')).toMatch(/STOP/);
      const help = (await outboundTexts(runtime, who)).at(-1);
      expect(localTime(help?.at ?? '', 'America/New_York').toFormat('HH:mm')).toBe('23:00');
    });
  });

  it('texts the opt-in prompt right after a late-night confirmation, since it answers what the person did', async () => {
    await withRuntime('2026-04-07T03:30:00Z', async (runtime) => {
      // 23:30 in New York
      const who = await enrollParticipant(runtime, { timezone: 'America/New_York', yes: false });
      const [prompt] = await outboundTexts(runtime, who);
      expect(prompt?.body).toMatch(/YES/);
      expect(localTime(prompt?.at ?? '', 'America/New_York').toFormat('HH:mm')).toBe('23:30');
      expect((await emailsTo(runtime, who.email)).length).toBe(1);
    });
  });
});
