import { describe, expect, it } from 'vitest';
import { MAX_LIVE_SHARES, parseShareDays, shareState } from '../../functions/program/report-share';
import {
  ConflictError,
  InvalidTokenError,
  NotFoundError,
  ValidationError,
} from '../../functions/shared/errors';
import { isShareToken, newShareToken, shareTokenHash } from '../../functions/shared/tokens';
import {
  openSharedReport,
  revokeReportShare,
  shareReport,
} from '../../functions/use-cases/report/report-shares';
import { viewReportPage } from '../../functions/use-cases/report/view-report';
import { fakeWorld } from '../support/fake-deps';
import { checkpointReport, enrollmentRecord } from '../support/records';

const START = '2026-06-01T12:00:00.000Z';

const person = (id: string) =>
  enrollmentRecord(id, {
    timezone: 'America/Chicago',
    status: 'completed',
    createdAt: '2026-03-01T00:00:00.000Z',
  });
const report = checkpointReport;

/** A participant with a report and one journal note, and the signed link to their report page. */
async function withReport(id = 'enr-a') {
  const world = fakeWorld(START);
  // Confirmed, and kept a year after its program: the store hides what has expired, as DynamoDB's does.
  await world.store.createEnrollment(person(id));
  await world.store.activateEnrollment({ ...person(id), version: 2 });
  await world.store.saveReport(report(id), Date.parse('2027-06-01T00:00:00.000Z') / 1000);
  await world.store.addReply({
    enrollmentId: id,
    at: '2026-04-02T01:00:00.000Z',
    sourceId: 'SM1',
    channel: 'sms',
    note: 'We talked for an hour without a fight.',
  });
  return { world, token: world.deps.tokens.sign('report', id) };
}

const tokenOf = (url: string) => new URL(url).searchParams.get('token') ?? '';

describe('how long a share link works', () => {
  it('is 7, 30 or 90 days, and anything else is refused naming the field', () => {
    expect([7, '30', ' 90 '].map(parseShareDays)).toEqual([7, 30, 90]);
    for (const bad of [14, '', '  ', 'thirty', undefined, null, 0, '7.5', [30]]) {
      expect(() => parseShareDays(bad)).toThrow(ValidationError);
      try {
        parseShareDays(bad);
      } catch (error) {
        expect((error as ValidationError).field).toBe('days');
        expect((error as ValidationError).code).toBe('invalid_days');
        expect((error as ValidationError).message).toBe('Choose how long the link works: 7, 30 or 90 days.');
      }
    }
  });
});

describe('a share link’s state', () => {
  const validUntil = '2026-07-01T12:00:00.000Z';
  it('is live until the instant it was made to stop, expired from then on, and revoked whenever revoked', () => {
    expect(shareState({ validUntil }, '2026-07-01T11:59:59.999Z')).toBe('live');
    expect(shareState({ validUntil }, validUntil)).toBe('expired');
    expect(shareState({ validUntil }, '2026-07-02T00:00:00.000Z')).toBe('expired');
    expect(
      shareState({ validUntil, revokedAt: '2026-06-01T00:00:00.000Z' }, '2026-06-02T00:00:00.000Z'),
    ).toBe('revoked');
  });
});

describe('share link tokens', () => {
  it('are 256 random bits in 43 URL-safe characters, never repeated, hashed the same way every time', () => {
    const tokens = Array.from({ length: 2000 }, newShareToken);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(tokens.every(isShareToken)).toBe(true);
    const [first = ''] = tokens;
    expect(shareTokenHash(first)).toBe(shareTokenHash(first));
    expect(shareTokenHash(first)).not.toContain(first);
    for (const bad of [undefined, '', 'a'.repeat(42), `${'a'.repeat(42)}!`, 'a'.repeat(44)])
      expect(isShareToken(bad)).toBe(false);
  });
});

describe('sharing a report with a therapist', () => {
  it('makes an unguessable link whose token is never stored, only its hash', async () => {
    const { world, token } = await withReport();
    const made = await shareReport(world.deps, token, { days: '30' });
    expect(made.url).toMatch(/^https:\/\/kintsugi\.test\/shared\?token=[A-Za-z0-9_-]{43}$/);
    expect(made.share).toMatchObject({
      days: 30,
      includeNotes: false,
      opens: 0,
      validUntil: '2026-07-01T12:00:00.000Z',
    });
    const stored = JSON.stringify([...world.store.shares.values(), ...world.store.shareLinks]);
    expect(stored).not.toContain(tokenOf(made.url));
    // What the table holds opens nothing: a copy of it gives no working link.
    for (const hash of world.store.shareLinks.keys())
      expect(await openSharedReport(world.deps, hash)).toBeUndefined();
    const second = await shareReport(world.deps, token, { days: 7 });
    expect(tokenOf(second.url)).not.toBe(tokenOf(made.url));
  });

  it('opens the report alone, counting every opening; notes and the partners’ count stay out', async () => {
    const { world, token } = await withReport();
    const made = await shareReport(world.deps, token, { days: 7 });
    const first = await openSharedReport(world.deps, tokenOf(made.url));
    expect(first?.report.enrollmentId).toBe('enr-a');
    expect(first?.notes).toBeUndefined();
    expect(first?.report.participation).toBeUndefined();
    await openSharedReport(world.deps, tokenOf(made.url));
    const page = await viewReportPage(world.deps, token);
    expect(page.shares.map((s) => s.opens)).toEqual([2]);
    expect(page.notes.map((n) => n.text)).toEqual(['We talked for an hour without a fight.']);
  });

  it('shows the notes when the participant ticked to include them', async () => {
    const { world, token } = await withReport();
    const made = await shareReport(world.deps, token, { days: 90, includeNotes: 'yes' });
    const view = await openSharedReport(world.deps, tokenOf(made.url));
    expect(view?.notes?.map((n) => n.text)).toEqual(['We talked for an hour without a fight.']);
  });

  it('opens nothing once revoked, once expired, or for a token it never made, and says nothing of which', async () => {
    const { world, token } = await withReport();
    const revoked = await shareReport(world.deps, token, { days: 30 });
    const expiring = await shareReport(world.deps, token, { days: 7 });
    await revokeReportShare(world.deps, token, revoked.share.id);
    expect(await openSharedReport(world.deps, tokenOf(revoked.url))).toBeUndefined();
    expect(await openSharedReport(world.deps, tokenOf(expiring.url))).toBeDefined();
    world.clock.set('2026-06-08T12:00:00.000Z');
    expect(await openSharedReport(world.deps, tokenOf(expiring.url))).toBeUndefined();
    expect(await openSharedReport(world.deps, 'A'.repeat(43))).toBeUndefined();
    expect(await openSharedReport(world.deps, 'not a token')).toBeUndefined();
    const states = (await viewReportPage(world.deps, token)).shares.map((s) => [s.id, s.opens]);
    expect(states).toEqual(
      expect.arrayContaining([
        [revoked.share.id, 0],
        [expiring.share.id, 1],
      ]),
    );
  });

  it('lets only the report’s owner revoke a link, and says so for an unknown one', async () => {
    const { world, token } = await withReport('enr-a');
    await world.store.createEnrollment(person('enr-b'));
    await world.store.saveReport(report('enr-b'), 0);
    const made = await shareReport(world.deps, token, { days: 30 });
    const other = world.deps.tokens.sign('report', 'enr-b');
    await expect(revokeReportShare(world.deps, other, made.share.id)).rejects.toThrow(NotFoundError);
    expect(await openSharedReport(world.deps, tokenOf(made.url))).toBeDefined();
    await expect(revokeReportShare(world.deps, token, '')).rejects.toThrow(ValidationError);
    await expect(revokeReportShare(world.deps, 'forged', made.share.id)).rejects.toThrow(InvalidTokenError);
  });

  it(`keeps at most ${MAX_LIVE_SHARES} links working at once; a revoked one frees a place`, async () => {
    const { world, token } = await withReport();
    const made = [];
    for (let i = 0; i < MAX_LIVE_SHARES; i++) made.push(await shareReport(world.deps, token, { days: 7 }));
    await expect(shareReport(world.deps, token, { days: 7 })).rejects.toThrow(ConflictError);
    await revokeReportShare(world.deps, token, made[0]?.share.id);
    await expect(shareReport(world.deps, token, { days: 7 })).resolves.toBeDefined();
  });

  it('goes with the participant’s data when they delete it', async () => {
    const { world, token } = await withReport();
    const made = await shareReport(world.deps, token, { days: 30 });
    await world.store.deleteEnrollment(person('enr-a'));
    expect(world.store.shares.size + world.store.shareLinks.size).toBe(0);
    expect(await openSharedReport(world.deps, tokenOf(made.url))).toBeUndefined();
  });
});
