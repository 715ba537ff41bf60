/**
 * "Share with my therapist" end to end, through the local runtime's HTTP API on DynamoDB Local: a real
 * program runs to its report, then a link is made, opened, counted, revoked, left to expire on the local
 * clock, and erased with the participant's data (privacy delete, and retention).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { keys } from '../../functions/adapters/dynamodb/keys';
import { dynamoStore } from '../../functions/adapters/dynamodb/store';
import { ensureTable } from '../../functions/adapters/dynamodb/table';
import type { Store } from '../../functions/ports/store';
import type { ReportShare } from '../../functions/program/report-share';
import { shareTokenHash } from '../../functions/shared/tokens';
import { type Runtime, uniqueTableName } from '../../local/runtime';
import { advance, enrollParticipant, type Participant, text } from '../support/participant';
import { enrollmentRecord } from '../support/records';
import { api, emailsTo, linkIn, pathOf, startTestRuntime } from '../support/runtime';

const ZONE = 'America/Chicago';
const NOTE = 'We talked for an hour tonight without a fight.';
const HTML = { accept: 'text/html' };

const documentClient = () =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: 'us-east-1',
      endpoint: inject('dynamoDbEndpoint'),
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );

/** Every item of a table (a test's own, so small). */
async function scanAll(db: DynamoDBDocumentClient, table: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new ScanCommand({ TableName: table, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

describe('a share link to a report, through the local HTTP API', () => {
  let runtime: Runtime;
  let owner: Participant;
  let other: Participant;
  /** The owner's report page and the other participant's, as their report emails link them. */
  let ownerReport: string;
  let otherReport: string;
  let otherPrivacy: string;

  const reportLinks = async (who: Participant) => {
    const email = (await emailsTo(runtime, who.email)).find((m) => m.text?.includes('/report?'));
    return { report: pathOf(linkIn(email, '/report')), privacy: pathOf(linkIn(email, '/privacy')) };
  };
  const makeLink = async (report: string, body: Record<string, unknown>) => {
    const made = await api(runtime, report, { json: { action: 'share', ...body } });
    expect(made.status).toBe(201);
    return made.body as { url: string; share: ReportShare };
  };
  const open = (url: string, headers: Record<string, string> = HTML) =>
    api(runtime, pathOf(url), { headers });

  beforeAll(async () => {
    runtime = await startTestRuntime({
      startAt: new Date('2026-09-07T14:00:00Z'),
      env: { RETENTION_DAYS: '30' },
    });
    owner = await enrollParticipant(runtime, { timezone: ZONE });
    other = await enrollParticipant(runtime, { timezone: ZONE, phone: false });
    // Nothing is open yet: a text is kept as a journal note.
    expect(await text(runtime, owner, NOTE)).toBeTruthy();
    // Past day 92: the report goes once the checkpoint questions' windows have closed.
    await advance(runtime, 'P94D');
    ({ report: ownerReport } = await reportLinks(owner));
    ({ report: otherReport, privacy: otherPrivacy } = await reportLinks(other));
  }, 240_000);

  afterAll(async () => {
    await runtime?.stop();
  });

  it('makes a read-only link that shows the report alone and counts every opening, at once too', async () => {
    const made = await makeLink(ownerReport, { days: 30 });
    expect(made.url).toMatch(/\/shared\?token=[A-Za-z0-9_-]{43}$/);
    expect(made.share).toMatchObject({ days: 30, includeNotes: false, opens: 0 });

    const first = await open(made.url);
    expect(first.status).toBe(200);
    expect(first.text).toContain('<h1>A shared 90-day checkpoint</h1>');
    expect(first.text).toContain('class="what-now"');
    // Only the report: no notes unless ticked, and no way into anything else of the participant's.
    expect(first.text).not.toContain(NOTE);
    expect(first.text).not.toMatch(/\/(privacy|settings|partner|unsubscribe|report)\?|token=/);
    expect([...first.text.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual(['/', 'tel:+18007997233']);

    await Promise.all(Array.from({ length: 10 }, () => open(made.url)));
    const page = await api(runtime, ownerReport, { headers: HTML });
    const item = page.text.slice(page.text.indexOf(`data-share="${made.share.id}"`));
    expect(item).toMatch(/data-field="opens">Opened 11 times, last on/);
    expect(item).toContain('data-state="live"');
  });

  it('keeps only a hash of the link: the token itself is nowhere in the table', async () => {
    const made = await makeLink(ownerReport, { days: 7 });
    const token = new URL(made.url).searchParams.get('token') ?? '';
    const everything = JSON.stringify(await scanAll(documentClient(), runtime.deps.config.tableName));
    expect(everything).not.toContain(token);
    expect(everything).toContain(shareTokenHash(token));
  });

  it('shows the participant’s notes only when they ticked to include them', async () => {
    const made = await makeLink(ownerReport, { days: 90, includeNotes: true });
    const shared = await open(made.url, { accept: 'application/json' });
    expect(shared.status).toBe(200);
    expect(shared.body.notes.map((n: { text: string }) => n.text)).toContain(NOTE);
    expect(shared.body.report.participation).toBeUndefined();
    const page = await open(made.url);
    expect(page.text).toContain('<h2>Their notes</h2>');
    expect(page.text).toContain(NOTE);
  });

  it('opens nothing once revoked, with the very page a link that never existed gets', async () => {
    const made = await makeLink(ownerReport, { days: 30 });
    expect((await open(made.url)).status).toBe(200);
    const revoked = await api(runtime, ownerReport, {
      method: 'POST',
      headers: { ...HTML, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action: 'revoke', shareId: made.share.id }).toString(),
    });
    expect(revoked.status).toBe(200);
    expect(revoked.text).toContain('Link revoked.');

    const closed = await open(made.url);
    const neverMade = await open(`${runtime.url}/shared?token=${'x'.repeat(43)}`);
    const malformed = await open(`${runtime.url}/shared?token=nope`);
    expect(closed.status).toBe(404);
    expect([neverMade.status, malformed.status]).toEqual([404, 404]);
    expect(closed.text).toBe(neverMade.text);
    expect(closed.text).toBe(malformed.text);
    expect(closed.text).toContain('<title>Nothing to show · Kintsugi</title>');
    expect(closed.text).not.toMatch(/revoked|expired|report|checkpoint/i);

    const page = await api(runtime, ownerReport, { headers: HTML });
    const item = page.text.slice(page.text.indexOf(`data-share="${made.share.id}"`));
    expect(item).toMatch(/data-state="revoked"[\s\S]*?Revoked on [\s\S]*?Opened once/);
  });

  it('refuses a link of the wrong length of days, and another participant’s revoke, naming the problem', async () => {
    const bad = await api(runtime, ownerReport, { json: { action: 'share', days: 14 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toEqual({
      code: 'invalid_days',
      message: 'Choose how long the link works: 7, 30 or 90 days.',
      field: 'days',
    });
    const made = await makeLink(ownerReport, { days: 7 });
    const foreign = await api(runtime, otherReport, { json: { action: 'revoke', shareId: made.share.id } });
    expect(foreign.status).toBe(404);
    expect((await open(made.url)).status).toBe(200);
  });

  it('expires after the days chosen, on the local clock, with the same neutral page', async () => {
    const made = await makeLink(ownerReport, { days: 7 });
    const neverMade = await open(`${runtime.url}/shared?token=${'y'.repeat(43)}`);
    await advance(runtime, 'P6D');
    expect((await open(made.url)).status).toBe(200);
    await advance(runtime, 'P1DT1H');
    const expired = await open(made.url);
    expect(expired.status).toBe(404);
    expect(expired.text).toBe(neverMade.text);
    const page = await api(runtime, ownerReport, { headers: HTML });
    const item = page.text.slice(page.text.indexOf(`data-share="${made.share.id}"`));
    expect(item).toMatch(/data-state="expired"[\s\S]*?Expired on/);
  });

  it('goes with the data when the participant deletes it', async () => {
    const made = await makeLink(otherReport, { days: 90 });
    expect((await open(made.url)).status).toBe(200);
    const deleted = await api(runtime, otherPrivacy, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=delete',
    });
    expect(deleted.status).toBe(200);
    expect((await open(made.url)).status).toBe(404);
    // The owner's own report link says the data was deleted, not that a report is still to come.
    const own = await api(runtime, otherReport, { headers: HTML });
    expect(own.status).toBe(404);
    expect(own.text).toContain('the data was deleted');
    expect(own.text).not.toContain('not ready yet');
    const left = (await scanAll(documentClient(), runtime.deps.config.tableName)).filter(
      (item) => item.enrollmentId === other.id || item.PK === `ENR#${other.id}`,
    );
    expect(left).toEqual([]);
  });

  it('goes with the rest of the program when its retention ends, however long the link had left', async () => {
    const made = await makeLink(ownerReport, { days: 90 });
    expect((await open(made.url)).status).toBe(200);
    await advance(runtime, 'P31D');
    expect((await open(made.url)).status).toBe(404);
    expect(await runtime.deps.store.listShares(owner.id)).toEqual([]);
  });
});

describe('share links in the DynamoDB store, against DynamoDB Local', () => {
  let db: DynamoDBDocumentClient;
  let table: string;
  let now = Date.parse('2026-06-01T12:00:00.000Z');
  let store: Store;
  const enrollment = enrollmentRecord('share-owner', { timezone: ZONE, status: 'completed' });
  const share = (id: string, validUntil: string): ReportShare => ({
    id,
    enrollmentId: enrollment.id,
    createdAt: new Date(now).toISOString(),
    days: 30,
    validUntil,
    includeNotes: false,
    opens: 0,
  });
  const expiresAtOf = async (key: { PK: string; SK: string }) =>
    (await db.send(new GetCommand({ TableName: table, Key: key }))).Item?.expiresAt;

  beforeAll(async () => {
    db = documentClient();
    table = uniqueTableName('shares');
    await ensureTable(
      new DynamoDBClient({
        region: 'us-east-1',
        endpoint: inject('dynamoDbEndpoint'),
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
      table,
    );
    store = dynamoStore(db, table, { dueShards: 1, nowSeconds: () => Math.floor(now / 1000) });
  });

  it('counts 25 openings at once as 25: the count is one atomic write', async () => {
    await store.createShare(share('busy', '2026-07-01T12:00:00.000Z'), 'hash-busy');
    const opened = await Promise.all(
      Array.from({ length: 25 }, () => store.openShare('hash-busy', new Date(now).toISOString())),
    );
    expect(opened.every((s) => s?.id === 'busy')).toBe(true);
    expect(new Set(opened.map((s) => s?.opens)).size).toBe(25);
    expect((await store.listShares(enrollment.id)).find((s) => s.id === 'busy')?.opens).toBe(25);
  });

  it('revokes once: the lookup goes at once, a second revoke keeps the first time', async () => {
    await store.createShare(share('gone', '2026-07-01T12:00:00.000Z'), 'hash-gone');
    expect(await store.revokeShare(enrollment.id, 'gone', '2026-06-02T00:00:00.000Z')).toBe(true);
    expect(await store.revokeShare(enrollment.id, 'gone', '2026-06-03T00:00:00.000Z')).toBe(true);
    expect(
      (await db.send(new GetCommand({ TableName: table, Key: keys.shareLink('hash-gone') }))).Item,
    ).toBeUndefined();
    expect(await store.openShare('hash-gone', new Date(now).toISOString())).toBeUndefined();
    expect((await store.listShares(enrollment.id)).find((s) => s.id === 'gone')?.revokedAt).toBe(
      '2026-06-02T00:00:00.000Z',
    );
    expect(await store.revokeShare(enrollment.id, 'never', '2026-06-02T00:00:00.000Z')).toBe(false);
    expect(await store.revokeShare('someone-else', 'busy', '2026-06-02T00:00:00.000Z')).toBe(false);
  });

  it('opens a link until its validUntil and not a moment after', async () => {
    await store.createShare(share('week', '2026-06-08T12:00:00.000Z'), 'hash-week');
    expect(await store.openShare('hash-week', '2026-06-08T11:59:59.999Z')).toBeDefined();
    expect(await store.openShare('hash-week', '2026-06-08T12:00:00.000Z')).toBeUndefined();
  });

  it('brings the lookups’ expiry forward to the end of retention, never later than the link’s own', async () => {
    const retainUntil = Math.floor(Date.parse('2026-06-20T00:00:00.000Z') / 1000);
    await store.expireEnrollment(enrollment, retainUntil);
    expect(await expiresAtOf(keys.share(enrollment.id, 'busy'))).toBe(retainUntil);
    expect(await expiresAtOf(keys.shareLink('hash-busy'))).toBe(retainUntil);
    // The week-long link ends on 8 June, before retention does: it keeps its own expiry.
    expect(await expiresAtOf(keys.shareLink('hash-week'))).toBe(
      Math.floor(Date.parse('2026-06-08T12:00:00.000Z') / 1000),
    );
    // A link made after the program ended expires with it too.
    await store.createShare(share('late', '2026-08-30T12:00:00.000Z'), 'hash-late', retainUntil);
    expect(await expiresAtOf(keys.shareLink('hash-late'))).toBe(retainUntil);
    now = Date.parse('2026-06-20T00:00:01.000Z');
    expect(await store.openShare('hash-busy', new Date(now).toISOString())).toBeUndefined();
    expect(await store.listShares(enrollment.id)).toEqual([]);
  });

  it('deletes every share record and lookup with the enrollment', async () => {
    now = Date.parse('2026-06-01T12:00:00.000Z');
    await store.createShare(share('kept', '2026-07-01T12:00:00.000Z'), 'hash-kept');
    await store.deleteEnrollment(enrollment);
    const left = (await scanAll(db, table)).filter(
      (item) => String(item.PK).startsWith('SHARELINK#') || item.PK === `ENR#${enrollment.id}`,
    );
    expect(left).toEqual([]);
  });
});
