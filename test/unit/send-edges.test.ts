/**
 * Sending one claimed message, at its edges: a person who can no longer be reached, a nudge they turned
 * off after it was claimed, a number the carrier refuses, a step the program dropped, a worker that died
 * at the lease's last millisecond, a write the SDK repeated, an enrollment that changed mid-send.
 */
import { describe, expect, it } from 'vitest';
import type { MessageRecord } from '../../functions/program/enrollment';
import { openQuestionsOf } from '../../functions/program/open-questions';
import { DeliveryUnknownError } from '../../functions/shared/errors';
import { replyBySms } from '../../functions/use-cases/replies/reply-by-sms';
import { SENDING_LEASE_MS, send, UNKNOWN_OUTCOME } from '../../functions/use-cases/sending/send';
import { updateEnrollment } from '../../functions/use-cases/services/update-enrollment';
import { type FakeWorld, fakeWorld } from '../support/fake-deps';
import { confirmedParticipant } from '../support/fake-program';
import { logsOf } from '../support/logs';

const PHONE = '+14155550100';
const NOON = '2026-03-02T17:00:00.000Z'; // 12:00 in New York: no quiet hours

async function participant(world: FakeWorld) {
  const id = await confirmedParticipant(world, { phone: PHONE, smsConsent: true }, { textYes: true });
  world.emails.length = 0;
  world.texts.length = 0;
  return id;
}

type Kind = MessageRecord['kind'];
/** A message of `slot` claimed for sending now, and the job that sends it. */
async function claimed(
  world: FakeWorld,
  enrollmentId: string,
  slot: string,
  channel: 'email' | 'sms',
  kind: Kind,
  day = 3,
) {
  const now = world.clock.now().toISOString();
  const job = { enrollmentId, day, slot, channel } as const;
  await world.store.claimMessage({ ...job, kind, status: 'claimed', dueAt: now, claimedAt: now });
  return job;
}

const statusOf = async (
  world: FakeWorld,
  job: { enrollmentId: string; day: number; slot: string; channel: 'email' | 'sms' },
) => world.store.getMessage(job.enrollmentId, job.day, job.slot, job.channel);

describe('a message to someone it can no longer reach', () => {
  it('is skipped, and a redelivered job finds it handled and sends nothing', async () => {
    const world = fakeWorld(NOON);
    const id = await participant(world);
    await updateEnrollment(world.deps, id, (e) => {
      e.emailStatus = 'unsubscribed';
    });
    const job = await claimed(world, id, 'hurt-d1', 'email', 'lesson', 1);
    expect(await send(world.deps, job)).toBe('skipped');
    expect((await statusOf(world, job))?.status).toBe('skipped');
    expect(await send(world.deps, job)).toBe('already-handled');
    expect(world.emails).toHaveLength(0);
  });

  it('a text to someone who said STOP is skipped', async () => {
    const world = fakeWorld(NOON);
    const id = await participant(world);
    await replyBySms(world.deps, { from: PHONE, body: 'STOP', messageSid: 'SMstop' });
    world.texts.length = 0;
    const job = await claimed(world, id, 'micro-d3', 'sms', 'micro-action');
    expect(await send(world.deps, job)).toBe('skipped');
    expect(world.texts).toHaveLength(0);
  });
});

describe('a nudge claimed before the person chose check-ins only', () => {
  it('is skipped, while their check-in still goes', async () => {
    const world = fakeWorld(NOON);
    const id = await participant(world);
    const nudge = await claimed(world, id, 'micro-d3', 'sms', 'micro-action');
    const checkin = await claimed(world, id, 'hurt-safety', 'sms', 'check-in', 6);
    await updateEnrollment(world.deps, id, (e) => {
      e.nudges = false;
    });
    expect(await send(world.deps, nudge)).toBe('skipped');
    expect(await send(world.deps, checkin)).toBe('sent');
    expect(world.texts.map((t) => t.body)).toEqual([
      world.deps.catalog.steps.find((s) => s.id === 'hurt-safety')?.sms,
    ]);
  });

  it('goes when nudges are still on', async () => {
    const world = fakeWorld(NOON);
    const id = await participant(world);
    const nudge = await claimed(world, id, 'micro-d3', 'sms', 'micro-action');
    expect(await send(world.deps, nudge)).toBe('sent');
    expect(world.texts).toHaveLength(1);
  });
});

describe('a text the carrier refuses', () => {
  it('for a number that cannot take texts: failed with the provider’s code, texts not stopped, and logged', async () => {
    const world = fakeWorld(NOON);
    const id = await participant(world);
    world.smsOutcomes.push({
      kind: 'refused',
      failure: { reason: 'invalid-number', providerCode: '21614' },
      detail: 'not a mobile number',
    });
    const job = await claimed(world, id, 'micro-d3', 'sms', 'micro-action');
    let outcome: unknown;
    const logs = await logsOf(async () => {
      outcome = await send(world.deps, job);
    });
    expect(outcome).toBe('failed');
    expect(await statusOf(world, job)).toMatchObject({ status: 'failed', error: '21614' });
    expect((await world.store.getEnrollment(id))?.smsStatus).toBe('active');
    expect(logs.find((l) => l.message === 'message not delivered')).toMatchObject({
      enrollmentId: id,
      slot: 'micro-d3',
      reason: 'invalid-number',
      code: '21614',
    });
  });

  it('because the person opted out at the carrier: texts stop', async () => {
    const world = fakeWorld(NOON);
    const id = await participant(world);
    world.smsOutcomes.push({
      kind: 'refused',
      failure: { reason: 'opted-out', providerCode: '21610' },
      detail: 'unsubscribed recipient',
    });
    const job = await claimed(world, id, 'micro-d3', 'sms', 'micro-action');
    expect(await send(world.deps, job)).toBe('failed');
    expect((await world.store.getEnrollment(id))?.smsStatus).toBe('stopped');
  });
});

describe('a message whose step the program no longer has', () => {
  it('is failed as an unknown step and nothing is sent', async () => {
    const world = fakeWorld(NOON);
    const id = await participant(world);
    const job = await claimed(world, id, 'retired-lesson', 'email', 'lesson', 2);
    expect(await send(world.deps, job)).toBe('failed');
    expect(await statusOf(world, job)).toMatchObject({ status: 'failed', error: 'unknown_step' });
    expect(world.emails).toHaveLength(0);
  });
});

describe('a message whose worker died mid-call', () => {
  it('is settled as unknown at the lease’s exact end, logged, and never sent again', async () => {
    const world = fakeWorld(NOON);
    const id = await participant(world);
    const job = await claimed(world, id, 'micro-d3', 'sms', 'micro-action');
    await world.store.transitionMessage(job, ['claimed'], {
      status: 'sending',
      sendingAt: NOON,
      sendingBy: 'gone',
    });
    world.clock.set(new Date(Date.parse(NOON) + SENDING_LEASE_MS).toISOString());
    let error: unknown;
    const logs = await logsOf(async () => {
      error = await send(world.deps, job).catch((e) => e);
    });
    expect(error).toBeInstanceOf(DeliveryUnknownError);
    expect((error as Error).message).toBe(
      'This message may or may not have been sent; it is not sent again.',
    );
    expect(await statusOf(world, job)).toMatchObject({ status: 'failed', error: UNKNOWN_OUTCOME });
    expect(
      logs.find((l) => l.message === 'message outcome unknown: marked failed, not sent again'),
    ).toMatchObject({
      enrollmentId: id,
      slot: 'micro-d3',
      channel: 'sms',
      day: 3,
    });
    expect(world.texts).toHaveLength(0);
  });
});

describe('a provider that fails in a way nobody expected', () => {
  it('counts as an unknown outcome: failed, kept from a resend', async () => {
    const world = fakeWorld(NOON);
    const id = await participant(world);
    world.smsOutcomes.push(new TypeError('cannot read properties of undefined'));
    const job = await claimed(world, id, 'micro-d3', 'sms', 'micro-action');
    const error = await send(world.deps, job).catch((e) => e);
    expect(error).toBeInstanceOf(DeliveryUnknownError);
    expect((error as DeliveryUnknownError).cause).toBeInstanceOf(TypeError);
    expect(await statusOf(world, job)).toMatchObject({ status: 'failed', error: UNKNOWN_OUTCOME });
    await expect(send(world.deps, job)).rejects.toBeInstanceOf(DeliveryUnknownError);
    expect(world.texts).toHaveLength(0);
  });
});

describe('a write the SDK repeated after its answer was lost', () => {
  it('still sends the message, once', async () => {
    const world = fakeWorld(NOON);
    const id = await participant(world);
    const job = await claimed(world, id, 'micro-d3', 'sms', 'micro-action');
    const transition = world.store.transitionMessage.bind(world.store);
    let lost = false;
    world.store.transitionMessage = async (key, from, change) => {
      const done = await transition(key, from, change);
      if (change.status === 'sending' && !lost) {
        lost = true; // written, but the answer never came back: the retried condition now fails
        return false;
      }
      return done;
    };
    expect(await send(world.deps, job)).toBe('sent');
    expect(world.texts).toHaveLength(1);
    expect((await statusOf(world, job))?.status).toBe('queued');
  });
});

describe('a question sent while the person’s enrollment changed', () => {
  it('still joins their open questions, and an answer to it is taken', async () => {
    const world = fakeWorld(NOON);
    const id = await participant(world);
    const job = await claimed(world, id, 'hurt-safety', 'sms', 'check-in', 6);
    const texting = world.deps.sms.send.bind(world.deps.sms);
    world.deps.sms = {
      async send(to, body) {
        // A reply lands while the check-in is with the provider: the enrollment read for this send is old.
        await updateEnrollment(world.deps, id, (e) => {
          e.nudges = false;
        });
        return texting(to, body);
      },
    };
    expect(await send(world.deps, job)).toBe('sent');
    const e = await world.store.getEnrollment(id);
    expect(e?.nudges).toBe(false);
    expect(openQuestionsOf(e ?? {}).map((q) => [q.stepId, q.day, q.channel])).toEqual([
      ['hurt-safety', 6, 'sms'],
    ]);
    expect(await replyBySms(world.deps, { from: PHONE, body: '4', messageSid: 'SManswer' })).toBe(
      '4 of 5 noted.',
    );
  });
});
