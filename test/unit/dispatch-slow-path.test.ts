/**
 * Dispatch claims a person's due messages and moves them on in one write when it can; when that write is
 * refused (the enrollment changed since the due index was read, or the program ends at this tick) it
 * claims one by one and moves them on after queueing. Whichever path a tick takes, the person must get
 * the same program: these run the same weeks both ways and compare what arrived, and when.
 */
import { describe, expect, it } from 'vitest';
import { replyBySms } from '../../functions/use-cases/replies/reply-by-sms';
import { dispatch } from '../../functions/use-cases/sending/dispatch';
import { type FakeWorld, fakeWorld } from '../support/fake-deps';
import { confirmedParticipant } from '../support/fake-program';

const PHONE = '+14155550100';
const HOUR = 3_600_000;

interface Run {
  world: FakeWorld;
  id: string;
  /** What the person received, in order: when, by which channel, what. */
  received: string[];
  skipped: number;
}

/** A participant with texts on, in a world whose one-write claim is always (or never) refused. */
async function start(slowPath: boolean): Promise<Run> {
  const world = fakeWorld('2026-03-02T15:00:00.000Z');
  if (slowPath) world.store.claimWithAdvance = async () => false;
  const received: string[] = [];
  const mailer = world.deps.mailer;
  const sms = world.deps.sms;
  world.deps.mailer = {
    send: async (email) => {
      received.push(`${world.clock.now().toISOString()} email ${email.subject}`);
      return mailer.send(email);
    },
  };
  world.deps.sms = {
    send: async (to, body) => {
      received.push(`${world.clock.now().toISOString()} sms ${body}`);
      return sms.send(to, body);
    },
  };
  const id = await confirmedParticipant(world, { phone: PHONE, smsConsent: true }, { textYes: true });
  received.length = 0;
  return { world, id, received, skipped: 0 };
}

/** Ticks every `everyHours` hours until `iso`. */
async function tickUntil(run: Run, iso: string, everyHours: number) {
  for (let t = run.world.clock.now().getTime(); t <= Date.parse(iso); t += everyHours * HOUR) {
    run.world.clock.set(new Date(t).toISOString());
    run.skipped += (await dispatch(run.world.deps)).skipped;
  }
}

async function bothWays(script: (run: Run) => Promise<void>) {
  const fast = await start(false);
  const slow = await start(true);
  await script(fast);
  await script(slow);
  return { fast, slow };
}

describe('a tick whose one-write claim is refused', () => {
  it('sends the same messages at the same times, every hour for three weeks', async () => {
    const { fast, slow } = await bothWays((run) => tickUntil(run, '2026-03-23T15:00:00.000Z', 1));
    expect(fast.received.length).toBeGreaterThan(5);
    expect(slow.received).toEqual(fast.received);
    expect((await slow.world.store.getEnrollment(slow.id))?.nextDueAt).toBe(
      (await fast.world.store.getEnrollment(fast.id))?.nextDueAt,
    );
  });

  it('holds the same messages through a pause, and picks up the same way after it', async () => {
    const { fast, slow } = await bothWays(async (run) => {
      await tickUntil(run, '2026-03-05T15:00:00.000Z', 1);
      await replyBySms(run.world.deps, { from: PHONE, body: 'PAUSE 7', messageSid: 'SMpause' });
      await tickUntil(run, '2026-03-25T15:00:00.000Z', 1);
    });
    // Nothing but the answer to PAUSE during the week's pause.
    const during = fast.received.filter((r) => r > '2026-03-05T15:00:01' && r < '2026-03-12T15:00');
    expect(during).toEqual([]);
    expect(fast.received.length).toBeGreaterThan(3);
    expect(slow.received).toEqual(fast.received);
  });

  it('catches up the same way after a long gap between ticks, skipping the same stale check-ins and holding texts for the morning alike', async () => {
    const { fast, slow } = await bothWays(async (run) => {
      await tickUntil(run, '2026-03-03T15:00:00.000Z', 1);
      // Nothing ticks for a week (past the first check-in), then ticks come at night (quiet hours for texts) and every 5 hours.
      run.world.clock.set('2026-03-11T03:30:00.000Z');
      await tickUntil(run, '2026-03-20T03:30:00.000Z', 5);
    });
    expect(slow.received).toEqual(fast.received);
    // The check-ins of the days nobody ticked are skipped, not sent late.
    expect(fast.skipped).toBeGreaterThan(0);
    expect(slow.skipped).toBe(fast.skipped);
    const texts = fast.received.filter((r) => r.includes(' sms '));
    expect(texts.length).toBeGreaterThan(0);
    // No text went out in quiet hours (21:00–08:00 in New York).
    for (const text of texts) {
      const hour = Number(
        new Intl.DateTimeFormat('en-US', {
          hour: 'numeric',
          hourCycle: 'h23',
          timeZone: 'America/New_York',
        }).format(new Date(text.slice(0, 24))),
      );
      expect(hour >= 8 && hour < 21, text).toBe(true);
    }
  });

  it('ends the program the same way, with the report sent once', async () => {
    const { fast, slow } = await bothWays((run) => tickUntil(run, '2026-06-05T15:00:00.000Z', 6));
    expect(slow.received).toEqual(fast.received);
    expect(fast.received.filter((r) => r.endsWith('email Your report'))).toHaveLength(1);
    expect((await slow.world.store.getEnrollment(slow.id))?.status).toBe('completed');
  });
});
