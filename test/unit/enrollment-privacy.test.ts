import { describe, expect, it } from 'vitest';
import { inLanguage } from '../../functions/program/in-language';
import { parseConfig } from '../../functions/shared/config';
import { TooManyRequestsError } from '../../functions/shared/errors';
import { confirm } from '../../functions/use-cases/enrollment/confirm';
import { enroll } from '../../functions/use-cases/enrollment/enroll';
import { invitePartner } from '../../functions/use-cases/partners/partner-page';
import { replyBySms } from '../../functions/use-cases/replies/reply-by-sms';
import { EMAILS_PER_ADDRESS, sourceOf } from '../../functions/use-cases/services/limits';
import { type FakeWorld, fakeWorld } from '../support/fake-deps';

const PHONE = '+14155550142';
let sids = 0;
const text = (world: FakeWorld, body: string) =>
  replyBySms(world.deps, { from: PHONE, body, messageSid: `SMpriv${++sids}` });

/** Enrolls and confirms; returns the enrollment id. */
async function confirmed(world: FakeWorld, email: string, extra: Record<string, unknown> = {}) {
  const { id } = await enroll(world.deps, { email, timezone: 'America/New_York', role: 'hurt', ...extra });
  await confirm(world.deps, world.deps.tokens.sign('confirm', id));
  return id;
}

/** The fakes with the limit per source as deployed (10 an hour). */
function deployedLimits(): FakeWorld {
  const world = fakeWorld();
  world.deps.config = parseConfig({ PUBLIC_URL: 'https://kintsugi.test', TOKEN_KEY: 'x'.repeat(40) });
  return world;
}

describe('the source a limit counts', () => {
  it('is the address for IPv4, an IPv4-mapped address too, and the /64 for IPv6', () => {
    expect(sourceOf('203.0.113.7')).toBe('203.0.113.7');
    expect(sourceOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(sourceOf('2001:db8:0:12::1')).toBe('2001:db8:0:12::/64');
    expect(sourceOf('2001:0db8:0000:0012:abcd:1:2:3')).toBe('2001:db8:0:12::/64');
    expect(sourceOf('2001:db8::')).toBe('2001:db8:0:0::/64');
    expect(sourceOf(undefined)).toBe('unknown');
  });

  it('holds 10 enrollment requests an hour by default, 100 at most, and 0 turns it off', () => {
    expect(parseConfig({}).sourceLimitPerHour).toBe(10);
    expect(parseConfig({ SOURCE_LIMIT_PER_HOUR: '0' }).sourceLimitPerHour).toBe(0); // off
    expect(() => parseConfig({ SOURCE_LIMIT_PER_HOUR: '1000' })).toThrow(/SOURCE_LIMIT_PER_HOUR/);
    expect(EMAILS_PER_ADDRESS).toEqual({ limit: 3, windowSeconds: 86_400 });
  });
});

describe('limits on what a stranger can cause', () => {
  it('refuses the 11th enrollment request from one source in an hour with 429, and counts a repeat once', async () => {
    const world = deployedLimits();
    const ip = '198.51.100.20';
    for (let i = 0; i < 10; i++)
      await enroll(
        world.deps,
        { email: `p${i}@example.com`, timezone: 'UTC', role: 'hurt' },
        { ip },
        `req-${i}`,
      );
    // The same request again (same id) is not a new one.
    await enroll(world.deps, { email: 'p9@example.com', timezone: 'UTC', role: 'hurt' }, { ip }, 'req-9');
    await expect(
      enroll(world.deps, { email: 'p10@example.com', timezone: 'UTC', role: 'hurt' }, { ip }, 'req-10'),
    ).rejects.toBeInstanceOf(TooManyRequestsError);
    await enroll(
      world.deps,
      { email: 'q@example.com', timezone: 'UTC', role: 'hurt' },
      { ip: '198.51.100.21' },
    );
    world.clock.set('2026-03-02T13:00:00.000Z');
    await enroll(world.deps, { email: 'p10@example.com', timezone: 'UTC', role: 'hurt' }, { ip }, 'req-11');
  });

  it('sends nothing again for a repeat of the same request', async () => {
    const world = fakeWorld();
    const form = { email: 'ana@example.com', timezone: 'UTC', role: 'hurt' };
    await enroll(world.deps, form, {}, 'req-1');
    world.clock.set('2026-03-02T12:10:00.000Z');
    await enroll(world.deps, form, {}, 'req-1');
    expect(world.emails).toHaveLength(1);
  });

  it('refuses the 11th partner invitation from one source in an hour, apart from enrollments', async () => {
    const world = deployedLimits();
    const ip = '198.51.100.30';
    const inviters = [];
    for (let i = 0; i < 4; i++) inviters.push(await confirmed(world, `inviter${i}@example.com`));
    let sent = 0;
    for (const id of inviters)
      for (let n = 0; n < 3 && sent < 10; n++, sent++)
        await invitePartner(
          world.deps,
          world.deps.tokens.sign('partner', id),
          { email: `invitee${sent}@example.com` },
          { ip },
        );
    await expect(
      invitePartner(
        world.deps,
        world.deps.tokens.sign('partner', inviters[3] as string),
        { email: 'one-more@example.com' },
        { ip },
      ),
    ).rejects.toBeInstanceOf(TooManyRequestsError);
  });

  it('counts a partner invitation toward the 3 emails an address may get in a day, and tells the inviter the same', async () => {
    const world = fakeWorld();
    const inviter = await confirmed(world, 'inviter@example.com');
    const form = { email: 'ben@example.com', timezone: 'UTC', role: 'repairing' };
    await enroll(world.deps, form);
    world.clock.set('2026-03-02T12:05:00.000Z');
    await enroll(world.deps, form);
    const before = world.emails.filter((e) => e.to === 'ben@example.com').length;
    expect(before).toBe(2);
    const token = world.deps.tokens.sign('partner', inviter);
    await expect(invitePartner(world.deps, token, { email: 'ben@example.com' })).resolves.toBeUndefined();
    world.clock.set('2026-03-02T12:10:00.000Z');
    await expect(invitePartner(world.deps, token, { email: 'ben@example.com' })).resolves.toBeUndefined();
    expect(world.emails.filter((e) => e.to === 'ben@example.com')).toHaveLength(3);
    expect((await world.store.getEnrollment(inviter))?.invitations?.count).toBe(2);
  });

  it('sends nothing to an enrolled address that stopped our emails', async () => {
    const world = fakeWorld();
    const id = await confirmed(world, 'ana@example.com');
    const stored = world.store.enrollments.get(id);
    if (stored) stored.emailStatus = 'unsubscribed';
    const before = world.emails.length;
    world.clock.set('2026-03-02T12:10:00.000Z');
    expect(
      await enroll(world.deps, { email: 'ana@example.com', timezone: 'UTC', role: 'hurt' }),
    ).toMatchObject({
      status: 'pending',
    });
    expect(world.emails).toHaveLength(before);
  });
});

describe('a number belongs to whoever texts YES from it', () => {
  it('asks which sign-up a bare YES is for when a second form named the number, and gives it to neither', async () => {
    const world = fakeWorld();
    // Dana signs up with her number; before she answers the prompt, her partner signs up naming it too.
    const dana = await confirmed(world, 'dana.r@example.com', { phone: PHONE, smsConsent: true });
    world.clock.set('2026-03-02T12:30:00.000Z');
    const sam = await confirmed(world, 'sam@example.com', { phone: PHONE, smsConsent: true });
    expect(world.texts.map((t) => t.to)).toEqual([PHONE, PHONE]);
    expect(await text(world, 'YES')).toBe(world.deps.catalog.messages.sms.whichSignUp);
    expect(await world.store.findByPhone(PHONE)).toBeUndefined();
    // A start that fits both, or neither, still picks nobody.
    expect(await text(world, 'yes s')).toBe(world.deps.catalog.messages.sms.whichSignUp);
    expect(await text(world, 'YES kim')).toBe(world.deps.catalog.messages.sms.whichSignUp);
    expect(await text(world, 'Yes Dana!')).toBe(world.deps.catalog.messages.sms.optInConfirmed);
    expect((await world.store.findByPhone(PHONE))?.id).toBe(dana);
    expect((await world.store.getEnrollment(sam))?.smsStatus).toBe('awaiting-yes');
    // From then on the number is Dana's: a bare YES is hers too, and the other sign-up never gets it.
    await text(world, 'YES');
    expect((await world.store.findByPhone(PHONE))?.id).toBe(dana);
  });

  it('takes the whole address after YES, and reads a Spanish SI', async () => {
    const world = fakeWorld();
    await confirmed(world, 'ana@example.com', { phone: PHONE, smsConsent: true, language: 'es' });
    world.clock.set('2026-03-02T12:30:00.000Z');
    const other = await confirmed(world, 'anabel@example.com', {
      phone: PHONE,
      smsConsent: true,
      language: 'es',
    });
    // "ana" starts both addresses; the whole address picks one.
    expect(await text(world, 'si ana')).toBe(inLanguage(world.deps.catalog, 'es').messages.sms.whichSignUp);
    await text(world, 'SÍ anabel@example.com');
    expect((await world.store.findByPhone(PHONE))?.id).toBe(other);
  });

  it('stops texts for every sign-up that named a number when STOP comes from it', async () => {
    const world = fakeWorld();
    const first = await confirmed(world, 'first@example.com', { phone: PHONE, smsConsent: true });
    world.clock.set('2026-03-02T12:30:00.000Z');
    const second = await confirmed(world, 'second@example.com', { phone: PHONE, smsConsent: true });
    await text(world, 'STOP');
    expect((await world.store.getEnrollment(first))?.smsStatus).toBe('stopped');
    expect((await world.store.getEnrollment(second))?.smsStatus).toBe('stopped');
  });

  it('gives the number to the one program waiting for it on a bare YES', async () => {
    const world = fakeWorld();
    const id = await confirmed(world, 'first@example.com', { phone: PHONE, smsConsent: true });
    expect(await text(world, 'yes')).toBe(world.deps.catalog.messages.sms.optInConfirmed);
    expect((await world.store.findByPhone(PHONE))?.id).toBe(id);
  });

  it('answers a number nobody holds in the waiting program’s words, but never erases it by text', async () => {
    const world = fakeWorld();
    const id = await confirmed(world, 'ana@example.com', { phone: PHONE, smsConsent: true, discreet: true });
    expect(await text(world, 'HELP')).toBe(
      world.deps.catalog.messages.discreet.sms.help
        ?.replace('{{supportEmail}}', world.deps.config.supportEmail)
        .replace('Kintsugi', 'K. Program'),
    );
    await text(world, 'DELETE');
    await text(world, 'DELETE');
    expect(await world.store.getEnrollment(id)).toBeDefined();
    expect(await world.store.findByPhone(PHONE)).toBeUndefined();
  });

  it('stops texts to a number that says STOP before YES, and lets START claim it later', async () => {
    const world = fakeWorld();
    const id = await confirmed(world, 'ana@example.com', { phone: PHONE, smsConsent: true });
    expect(await text(world, 'STOP')).toBe(world.deps.catalog.messages.sms.stopConfirmed);
    expect((await world.store.getEnrollment(id))?.smsStatus).toBe('stopped');
    expect(await world.store.findByPhone(PHONE)).toBeUndefined();
    await text(world, 'START');
    expect((await world.store.findByPhone(PHONE))?.id).toBe(id);
    expect((await world.store.getEnrollment(id))?.smsStatus).toBe('active');
  });

  it('never texts a number taken between a sign-up and its confirmation: check-ins go by email', async () => {
    const world = fakeWorld();
    const holder = await confirmed(world, 'holder@example.com', { phone: PHONE, smsConsent: true });
    // Another sign-up names the number before YES comes from it, and is confirmed after.
    const { id } = await enroll(world.deps, {
      email: 'later@example.com',
      timezone: 'America/New_York',
      role: 'hurt',
      phone: PHONE,
      smsConsent: true,
    });
    expect((await world.store.getEnrollment(id))?.smsStatus).toBe('awaiting-yes');
    await text(world, 'YES');
    const texts = world.texts.length;
    const { enrollment } = await confirm(world.deps, world.deps.tokens.sign('confirm', id));
    expect(enrollment).toMatchObject({ smsStatus: 'none', textsUnavailable: true });
    expect(world.texts).toHaveLength(texts);
    expect((await world.store.findByPhone(PHONE))?.id).toBe(holder);
  });
});
