import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../functions/shared/errors';
import { confirm } from '../../functions/use-cases/enrollment/confirm';
import { enroll } from '../../functions/use-cases/enrollment/enroll';
import { deleteParticipant, exportParticipant } from '../../functions/use-cases/operator/export-and-delete';
import { listParticipants } from '../../functions/use-cases/operator/list-participants';
import { participantReport } from '../../functions/use-cases/operator/participant-report';
import { participantTimeline } from '../../functions/use-cases/operator/participant-timeline';
import { findParticipant } from '../../functions/use-cases/operator/participants';
import { pauseParticipant, resumeParticipant } from '../../functions/use-cases/operator/pause-and-resume';
import { markFlagHandled, safetyInbox } from '../../functions/use-cases/operator/safety-inbox';
import { replyBySms } from '../../functions/use-cases/replies/reply-by-sms';
import { type FakeWorld, fakeWorld } from '../support/fake-deps';

let sids = 0;

/** Enrolls (and, unless `pending`, confirms) a participant as the form and the email link would. */
async function participant(
  world: FakeWorld,
  email: string,
  { pending = false, phone }: { pending?: boolean; phone?: string } = {},
): Promise<string> {
  const { id } = await enroll(world.deps, {
    email,
    timezone: 'America/New_York',
    role: 'hurt',
    ...(phone ? { phone, smsConsent: true } : {}),
  });
  if (!pending) await confirm(world.deps, world.deps.tokens.sign('confirm', id));
  return id;
}

const text = (world: FakeWorld, from: string, body: string) =>
  replyBySms(world.deps, { from, body, messageSid: `SMadmin${++sids}` });

describe('finding a participant', () => {
  it('finds one by email address in any case, by phone number, or by id', async () => {
    const world = fakeWorld();
    const id = await participant(world, 'ana@example.com', { phone: '+14155550101' });
    expect((await findParticipant(world.deps, 'Ana@Example.com')).id).toBe(id);
    expect((await findParticipant(world.deps, '+1 415 555 0101')).id).toBe(id);
    expect((await findParticipant(world.deps, id)).id).toBe(id);
  });

  it('says plainly when nobody matches', async () => {
    const world = fakeWorld();
    await expect(findParticipant(world.deps, 'nobody@example.com')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('listing participants', () => {
  it('filters by status, program day and safety flag, newest first', async () => {
    const world = fakeWorld('2026-03-02T12:00:00.000Z');
    await participant(world, 'early@example.com');
    world.clock.set('2026-03-12T12:00:00.000Z');
    await participant(world, 'late@example.com', { phone: '+14155550102' });
    world.clock.set('2026-03-12T13:00:00.000Z');
    await participant(world, 'waiting@example.com', { pending: true });
    world.clock.set('2026-03-13T18:00:00.000Z');
    await text(world, '+14155550102', 'YES');
    await text(world, '+14155550102', 'he hit me again');

    const all = await listParticipants(world.deps);
    expect(all.scanned).toBe(3);
    expect(all.participants.map((p) => p.email)).toEqual([
      'waiting@example.com',
      'late@example.com',
      'early@example.com',
    ]);
    expect(
      (await listParticipants(world.deps, { status: 'pending' })).participants.map((p) => p.email),
    ).toEqual(['waiting@example.com']);
    const early = await listParticipants(world.deps, { dayFrom: 10, dayTo: 12 });
    expect(early.participants.map((p) => [p.email, p.day])).toEqual([['early@example.com', 11]]);
    const flagged = await listParticipants(world.deps, { flagged: true });
    expect(flagged.participants.map((p) => [p.email, p.flag?.reason, p.flag?.waiting])).toEqual([
      ['late@example.com', 'abuse', true],
    ]);
    expect(flagged.participants[0]?.safetyPause).toBe(true);
  });

  it('keeps a paused program at the day it will pick up again', async () => {
    const world = fakeWorld('2026-03-02T12:00:00.000Z');
    await participant(world, 'ana@example.com');
    world.clock.set('2026-03-10T12:00:00.000Z');
    const before = (await listParticipants(world.deps)).participants[0]?.day;
    await pauseParticipant(world.deps, 'ana@example.com', 10);
    const paused = (await listParticipants(world.deps, { status: 'paused' })).participants;
    expect(paused.map((p) => [p.email, p.day])).toEqual([['ana@example.com', before]]);
  });
});

describe('a participant timeline', () => {
  it('lists what was sent and answered without the words of replies, unless asked', async () => {
    const world = fakeWorld();
    await participant(world, 'ana@example.com', { phone: '+14155550103' });
    await text(world, '+14155550103', 'YES');
    await text(world, '+14155550103', 'a hard week, but we talked');

    const plain = await participantTimeline(world.deps, 'ana@example.com');
    expect(plain.entries.map((e) => e.type)).toEqual(
      expect.arrayContaining(['enrolled', 'confirmed', 'consent', 'reply']),
    );
    const reply = plain.entries.find((e) => e.type === 'reply');
    expect(reply).toMatchObject({ hasNote: true });
    expect(JSON.stringify(plain)).not.toContain('hard week');

    const withText = await participantTimeline(world.deps, 'ana@example.com', { withText: true });
    expect(withText.entries.find((e) => e.type === 'reply')).toMatchObject({
      note: 'a hard week, but we talked',
    });
  });
});

describe('pausing and resuming for a participant', () => {
  it('pauses an active program and resumes it early', async () => {
    const world = fakeWorld();
    await participant(world, 'ana@example.com');
    const { until, participant: paused } = await pauseParticipant(world.deps, 'ana@example.com', 7);
    expect(paused.paused).toBe(true);
    expect(until).toBe(paused.pausedUntil);
    const { participant: resumed } = await resumeParticipant(world.deps, 'ana@example.com');
    expect(resumed.paused).toBe(false);
  });

  it('refuses to pause a program that has not started, and to resume one that is not paused', async () => {
    const world = fakeWorld();
    await participant(world, 'pending@example.com', { pending: true });
    await participant(world, 'ana@example.com');
    await expect(pauseParticipant(world.deps, 'pending@example.com', 7)).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(resumeParticipant(world.deps, 'ana@example.com')).rejects.toMatchObject({
      code: 'not_paused',
    });
  });

  it('leaves a safety pause to the participant unless the operator says they asked (force)', async () => {
    const world = fakeWorld();
    await participant(world, 'ana@example.com', { phone: '+14155550104' });
    await text(world, '+14155550104', 'YES');
    await text(world, '+14155550104', 'I want to kill myself');
    await expect(resumeParticipant(world.deps, 'ana@example.com')).rejects.toMatchObject({
      code: 'safety_pause',
    });
    const { participant: resumed } = await resumeParticipant(world.deps, 'ana@example.com', { force: true });
    expect(resumed.paused).toBe(false);
  });
});

describe('the safety inbox', () => {
  it('holds flagged participants until a human marks them handled, and again after a new flag', async () => {
    const world = fakeWorld();
    await participant(world, 'ana@example.com', { phone: '+14155550105' });
    await participant(world, 'ben@example.com');
    await text(world, '+14155550105', 'YES');
    await text(world, '+14155550105', 'she threatened me with a knife');

    const waiting = await safetyInbox(world.deps);
    expect(waiting.map((i) => [i.participant.email, i.participant.flag?.reason])).toEqual([
      ['ana@example.com', 'abuse'],
    ]);
    expect(waiting[0]?.recentNotes).toBeUndefined();

    world.clock.set('2026-03-02T13:00:00.000Z');
    await markFlagHandled(world.deps, 'ana@example.com');
    expect(await safetyInbox(world.deps)).toEqual([]);
    expect((await safetyInbox(world.deps, { all: true })).map((i) => i.participant.flag?.waiting)).toEqual([
      false,
    ]);

    world.clock.set('2026-03-02T14:00:00.000Z');
    await text(world, '+14155550105', 'she hit me');
    expect((await safetyInbox(world.deps)).map((i) => i.participant.email)).toEqual(['ana@example.com']);
  });

  it('refuses to mark handled a participant who was never flagged', async () => {
    const world = fakeWorld();
    await participant(world, 'ben@example.com');
    await expect(markFlagHandled(world.deps, 'ben@example.com')).rejects.toMatchObject({
      code: 'not_flagged',
    });
  });
});

describe('export, erasure and reports for a participant', () => {
  it('exports what the privacy page would, then erases it all', async () => {
    const world = fakeWorld();
    const id = await participant(world, 'ana@example.com');
    const data = await exportParticipant(world.deps, 'ana@example.com');
    expect(data.enrollment.id).toBe(id);
    expect(data.consents.length).toBeGreaterThan(0);
    await deleteParticipant(world.deps, 'ana@example.com');
    expect(await world.store.getEnrollment(id)).toBeUndefined();
    expect(world.store.tombstones.map((t) => t.source)).toEqual(['operator']);
  });

  it('previews the numbers before day 90 and links the saved report after', async () => {
    const world = fakeWorld();
    const id = await participant(world, 'ana@example.com');
    const preview = await participantReport(world.deps, 'ana@example.com');
    expect(preview.ready).toBe(false);
    expect(preview.url).toBeUndefined();
    expect(await world.store.getReport(id)).toBeUndefined();

    await world.store.saveReport({ ...preview.report, generatedAt: '2026-06-01T00:30:00.000Z' });
    const ready = await participantReport(world.deps, 'ana@example.com');
    expect(ready.ready).toBe(true);
    expect(ready.url).toMatch(/^https:\/\/kintsugi\.test\/report\?token=/);
  });
});
