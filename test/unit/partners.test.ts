import { describe, expect, it } from 'vitest';
import { partnerPage } from '../../functions/pages/partner';
import type { Enrollment, MessageRecord } from '../../functions/program/enrollment';
import { invitePartner } from '../../functions/use-cases/partners/partner-page';
import { linkInvitedPartner, participationSignal } from '../../functions/use-cases/services/partnership';
import { fakeWorld, testCatalog } from '../support/fake-deps';
import { enrollmentRecord } from '../support/records';

const person = (id: string, extra: Partial<Enrollment>): Enrollment =>
  enrollmentRecord(id, { status: 'active', createdAt: '2026-03-01T00:00:00.000Z', ...extra });

const checkin = (enrollmentId: string, day: number): MessageRecord => ({
  enrollmentId,
  day,
  slot: 'hurt-safety',
  channel: 'email',
  kind: 'check-in',
  metric: 'honesty-safety',
  status: 'sent',
  dueAt: '2026-03-08T19:00:00.000Z',
  claimedAt: '2026-03-08T19:00:00.000Z',
});

async function linkedPair(shareA: boolean, shareB: boolean) {
  const world = fakeWorld();
  const linkedAt = '2026-03-02T00:00:00.000Z';
  await world.store.createEnrollment(
    person('a', { partner: { id: 'b', linkedAt }, sharesParticipation: shareA }),
  );
  await world.store.createEnrollment(
    person('b', { partner: { id: 'a', linkedAt }, sharesParticipation: shareB, track: 'repairing' }),
  );
  for (const day of [6, 13, 20]) {
    await world.store.claimMessage(checkin('a', day));
    await world.store.claimMessage(checkin('b', day));
  }
  await world.store.addReply({
    enrollmentId: 'a',
    at: '2026-03-08T20:00:00.000Z',
    sourceId: 's1',
    channel: 'sms',
    stepId: 'hurt-safety',
    day: 6,
    metric: 'honesty-safety',
    score: 2,
    note: 'private words',
  });
  await world.store.addReply({
    enrollmentId: 'a',
    at: '2026-03-15T20:00:00.000Z',
    sourceId: 's2',
    channel: 'sms',
    stepId: 'hurt-safety',
    day: 13,
    metric: 'honesty-safety',
    score: 3,
  });
  await world.store.addReply({
    enrollmentId: 'b',
    at: '2026-03-08T20:00:00.000Z',
    sourceId: 's3',
    channel: 'sms',
    stepId: 'hurt-safety',
    day: 6,
    metric: 'honesty-safety',
    score: 5,
  });
  return world;
}

describe('the participation signal partners may share', () => {
  it('counts only how many check-ins each answered, when both agreed', async () => {
    const world = await linkedPair(true, true);
    const signal = await participationSignal(
      world.deps,
      (await world.store.getEnrollment('a')) as Enrollment,
    );
    expect(signal).toEqual({ you: { answered: 2, sent: 3 }, partner: { answered: 1, sent: 3 } });
    expect(JSON.stringify(signal)).not.toContain('private words');
  });

  it('shows nothing when either partner keeps it private', async () => {
    for (const [a, b] of [
      [true, false],
      [false, true],
    ] as const) {
      const world = await linkedPair(a, b);
      expect(
        await participationSignal(world.deps, (await world.store.getEnrollment('a')) as Enrollment),
      ).toBeUndefined();
    }
  });

  it('shows nothing once the link is only one-sided', async () => {
    const world = await linkedPair(true, true);
    const b = (await world.store.getEnrollment('b')) as Enrollment;
    delete b.partner;
    await world.store.saveEnrollment({ ...b, version: b.version + 1 });
    expect(
      await participationSignal(world.deps, (await world.store.getEnrollment('a')) as Enrollment),
    ).toBeUndefined();
  });
});

describe('an invitation refused', () => {
  it('says why in the inviter’s language, on the page they are on', async () => {
    const world = fakeWorld();
    await world.store.createEnrollment(person('es-1', { email: 'ana@example.com', language: 'es' }));
    const token = world.deps.tokens.sign('partner', 'es-1');
    const own = await invitePartner(world.deps, token, { email: 'ana@example.com' }).catch((e: unknown) => e);
    expect(own).toMatchObject({
      code: 'own_email',
      language: 'es',
      message: expect.stringMatching(/^Ese es tu propio correo/),
    });
    const bad = await invitePartner(world.deps, token, { email: 'pablo@gmail,com' }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'invalid_email', language: 'es' });
    await world.store.createEnrollment(person('en-1', { email: 'bo@example.com' }));
    const english = await invitePartner(world.deps, world.deps.tokens.sign('partner', 'en-1'), {
      email: 'bo@example.com',
    }).catch((e: unknown) => e);
    expect((english as Error).message).toBe('That is your own address. Enter the one your partner uses.');
  });
});

describe('the partner page with no link', () => {
  const view = (language: 'en' | 'es') => ({
    enrollment: person('a', { language }),
    linked: false,
    invitationsLeft: 2,
    canInvite: true,
    links: { privacyUrl: '/privacy?token=t' },
  });

  it('says an invitation links a program the partner already has (after a link ended, or one of their own)', () => {
    expect(partnerPage(view('en'), '/partner?token=t')).toMatch(
      /If they already have one \(a link that ended, or one they started alone\), the\s+invitation links it\./,
    );
    expect(partnerPage(view('es'), '/partner?token=t')).toMatch(
      /Si\s+ya tiene uno \(un vínculo que terminó, o uno que empezó por su cuenta\), la invitación lo vincula\./,
    );
  });
});

describe('the inviter, when the link is made', () => {
  const invitee = () => person('b', { invitedBy: 'a', track: 'repairing' });

  it('gets one email saying so, with their partner page, in their own language', async () => {
    const world = fakeWorld();
    await world.store.createEnrollment(person('a', {}));
    await world.store.createEnrollment(invitee());
    const linked = await linkInvitedPartner(world.deps, invitee());
    expect(linked?.partner?.id).toBe('a');
    expect(world.emails).toEqual([
      expect.objectContaining({
        to: 'a@example.com',
        subject: testCatalog.messages.email.partnerLinked.subject,
      }),
    ]);
    expect(world.emails[0]?.html).toMatch(/\/partner\?token=/);
  });

  it('keeps the link when that email cannot go, and an inviter who stopped emails gets none', async () => {
    const world = fakeWorld();
    await world.store.createEnrollment(person('a', {}));
    await world.store.createEnrollment(invitee());
    world.deps.mailer = {
      send: async () => {
        throw new Error('SES is down');
      },
    };
    expect((await linkInvitedPartner(world.deps, invitee()))?.partner?.id).toBe('a');
    expect((await world.store.getEnrollment('a'))?.partner?.id).toBe('b');

    const quiet = fakeWorld();
    await quiet.store.createEnrollment(person('a', { emailStatus: 'unsubscribed' }));
    await quiet.store.createEnrollment(invitee());
    expect((await linkInvitedPartner(quiet.deps, invitee()))?.partner?.id).toBe('a');
    expect(quiet.emails).toEqual([]);
  });
});
