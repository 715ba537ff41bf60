import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { keys } from '../../functions/adapters/dynamodb/keys';
import { dynamoStore } from '../../functions/adapters/dynamodb/store';
import { ensureTable } from '../../functions/adapters/dynamodb/table';
import type { Store } from '../../functions/ports/store';
import type { Enrollment, MessageRecord } from '../../functions/program/enrollment';
import { ConcurrentUpdateError } from '../../functions/shared/errors';
import { uniqueTableName } from '../../local/runtime';

const SHARDS = 4;

const enrollment = (id: string, extra: Partial<Enrollment> = {}): Enrollment => ({
  id,
  email: `${id}@example.com`,
  timezone: 'Europe/London',
  track: 'hurt',
  checkinDay: 'sunday',
  checkinTime: '19:00',
  status: 'pending',
  emailStatus: 'active',
  smsStatus: 'none',
  createdAt: '2026-03-01T10:00:00.000Z',
  version: 1,
  ...extra,
});

describe('the DynamoDB store, against DynamoDB Local', () => {
  let store: Store;
  let db: DynamoDBDocumentClient;
  let table: string;

  beforeAll(async () => {
    const client = new DynamoDBClient({
      region: 'us-east-1',
      endpoint: inject('dynamoDbEndpoint'),
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    table = uniqueTableName('store');
    await ensureTable(client, table);
    db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    store = dynamoStore(db, table, {
      dueShards: SHARDS,
      // The store's clock, on the fixtures' dates: pending enrollments made on 1 March are not expired yet.
      nowSeconds: () => Date.parse('2026-03-02T12:00:00.000Z') / 1000,
    });
  });

  it('keeps email addresses unique with a transaction and names the enrollment that holds one', async () => {
    expect(await store.createEnrollment(enrollment('a1'))).toBeUndefined();
    const clash = await store.createEnrollment(enrollment('a2', { email: 'a1@example.com' }));
    expect(clash).toEqual({ kind: 'email-taken', holderId: 'a1' });
    expect(await store.getEnrollment('a2')).toBeUndefined();
  });

  it('lets any number of enrollments name a number, and gives it only to the one that claims it', async () => {
    const phone = '+447700900001';
    expect(await store.createEnrollment(enrollment('p1', { phone }))).toBeUndefined();
    expect(await store.createEnrollment(enrollment('p2', { phone }))).toBeUndefined();
    expect(await store.findByPhone(phone)).toBeUndefined();
    expect((await store.findNamingPhone(phone)).map((e) => e.id).sort()).toEqual(['p1', 'p2']);
    await store.saveEnrollment(enrollment('p2', { phone, version: 2, status: 'active' }));
    expect(await store.claimPhone(phone, 'p2', '2026-03-02T10:00:00.000Z')).toBe(true);
    expect(await store.claimPhone(phone, 'p2', '2026-03-02T10:00:01.000Z')).toBe(true); // a repeat
    expect((await store.findByPhone(phone))?.id).toBe('p2');
    // Held by a running program: nobody else gets it.
    expect(await store.claimPhone(phone, 'p1', '2026-03-02T11:00:00.000Z')).toBe(false);
    expect((await store.findByPhone(phone))?.id).toBe('p2');
    // Once that program has ended, the number goes to whoever claims it next.
    await store.saveEnrollment(enrollment('p2', { phone, version: 3, status: 'completed' }));
    expect(await store.claimPhone(phone, 'p1', '2026-03-02T12:00:00.000Z')).toBe(true);
    expect((await store.findByPhone(phone))?.id).toBe('p1');
  });

  it('lets an unconfirmed enrollment’s address and number go with it, and keeps a confirmed one’s', async () => {
    await store.createEnrollment(enrollment('x1', { phone: '+447700900101' }));
    await store.createEnrollment(enrollment('x2', { phone: '+447700900102' }));
    await store.activateEnrollment(
      enrollment('x2', { phone: '+447700900102', version: 2, status: 'active', smsStatus: 'awaiting-yes' }),
    );
    // Three weeks on, past the 14 days a pending enrollment is kept.
    const now = Date.parse('2026-03-22T12:00:00.000Z') / 1000;
    const later = dynamoStore(db, table, { dueShards: SHARDS, nowSeconds: () => now });
    const ttlOf = async (key: { PK: string; SK: string }) =>
      (await db.send(new GetCommand({ TableName: table, Key: key }))).Item?.expiresAt;
    // DynamoDB deletes what has expired (late): the unconfirmed one's lookups are among it.
    for (const key of [keys.emailLookup('x1@example.com'), keys.phoneNamedBy('+447700900101', 'x1')])
      expect(await ttlOf(key)).toBeLessThanOrEqual(now);
    for (const key of [keys.emailLookup('x2@example.com'), keys.phoneNamedBy('+447700900102', 'x2')])
      expect(await ttlOf(key)).toBeUndefined();
    expect(await later.findByEmail('x1@example.com')).toBeUndefined();
    expect(await later.findNamingPhone('+447700900101')).toEqual([]);
    expect((await later.findNamingPhone('+447700900102')).map((e) => e.id)).toEqual(['x2']);
    // The address and number can enroll again before DynamoDB has got round to deleting the old lookups.
    const again = enrollment('x3', {
      email: 'x1@example.com',
      phone: '+447700900101',
      createdAt: '2026-03-22T12:00:00.000Z',
    });
    expect(await later.createEnrollment(again)).toBeUndefined();
    expect((await later.findByEmail('x1@example.com'))?.id).toBe('x3');
    expect((await later.findNamingPhone('+447700900101')).map((e) => e.id)).toEqual(['x3']);
  });

  it('counts uses of a limit in a rolling window with conditional writes, and knows a repeat of a request', async () => {
    const use = (holder: string, now: string, kind = 'confirm') =>
      store.takeQuota({
        subject: 'email#test-subject',
        limit: 3,
        windowSeconds: 86_400,
        kind,
        spacingSeconds: 60,
        now,
        holder,
      });
    expect(await use('r1', '2026-03-02T10:00:00.000Z')).toBe('taken');
    expect(await use('r1', '2026-03-02T10:00:00.000Z')).toBe('repeat');
    expect(await use('r2', '2026-03-02T10:00:30.000Z')).toBe('refused'); // 30 s after one of its kind
    expect(await use('r3', '2026-03-02T10:00:30.000Z', 'notice')).toBe('taken');
    // Two requests at once for the last use: one gets it.
    const both = await Promise.all([
      use('r4', '2026-03-02T11:00:00.000Z', 'invite'),
      use('r5', '2026-03-02T11:00:00.000Z', 'notice'),
    ]);
    expect(both.sort()).toEqual(['refused', 'taken']);
    expect(await use('r6', '2026-03-02T20:00:00.000Z')).toBe('refused');
    // 24 hours after the first use, its place is free again.
    expect(await use('r7', '2026-03-03T10:00:00.000Z')).toBe('taken');
    expect(await use('r8', '2026-03-03T10:00:20.000Z', 'invite')).toBe('refused');
  });

  it('refuses a write from a stale copy of an enrollment', async () => {
    await store.createEnrollment(enrollment('v1'));
    await store.saveEnrollment(enrollment('v1', { version: 2, status: 'active' }));
    await expect(store.saveEnrollment(enrollment('v1', { version: 2, status: 'completed' }))).rejects.toThrow(
      ConcurrentUpdateError,
    );
  });

  it('finds only active enrollments that are due, whole, across shards, and the earliest due time', async () => {
    for (const [id, due] of [
      ['d1', '2026-03-02T08:00:00.000Z'],
      ['d2', '2026-03-02T09:00:00.000Z'],
      ['d3', '2026-03-05T08:00:00.000Z'],
    ] as const) {
      await store.createEnrollment(enrollment(id));
      await store.saveEnrollment(enrollment(id, { version: 2, status: 'active', nextDueAt: due }));
    }
    await store.createEnrollment(enrollment('d4'));
    await store.saveEnrollment(
      enrollment('d4', { version: 2, status: 'completed', nextDueAt: '2026-03-01T00:00:00.000Z' }),
    );
    const due = [];
    for (let shard = 0; shard < SHARDS; shard++) {
      let cursor: string | undefined;
      do {
        // A page of one: the cursor carries the query on to the next due enrollment.
        const page = await store.dueEnrollments(shard, '2026-03-02T09:00:00.000Z', { limit: 1, cursor });
        due.push(...page.enrollments);
        cursor = page.cursor;
      } while (cursor);
    }
    const found = due.filter((e) => e.id.startsWith('d')).sort((a, b) => a.id.localeCompare(b.id));
    expect(found.map((e) => e.id)).toEqual(['d1', 'd2']);
    expect(found[0]).toMatchObject({ status: 'active', nextDueAt: '2026-03-02T08:00:00.000Z', version: 2 });
    expect(found[0]).not.toHaveProperty('duePk');
    expect(await store.earliestDue()).toBe('2026-03-02T08:00:00.000Z');
  });

  it('claims a message once and moves its state only forward', async () => {
    const message: MessageRecord = {
      enrollmentId: 'm1',
      day: 3,
      slot: 'hurt-d03',
      channel: 'sms',
      kind: 'micro-action',
      status: 'claimed',
      dueAt: '2026-03-05T12:30:00.000Z',
      claimedAt: '2026-03-05T12:30:00.000Z',
    };
    expect(await store.claimMessage(message)).toBe(true);
    expect(await store.claimMessage(message)).toBe(false);
    expect(await store.transitionMessage(message, ['claimed'], { status: 'sending' })).toBe(true);
    expect(await store.transitionMessage(message, ['claimed'], { status: 'sending' })).toBe(false);
    expect(await store.transitionMessage(message, ['sending'], { status: 'sent', providerId: 'SMabc' })).toBe(
      true,
    );
    expect(await store.findMessageByProviderId('SMabc')).toMatchObject({ status: 'sent', slot: 'hurt-d03' });
    expect(await store.listMessages('m1')).toHaveLength(1);
  });

  it('lets one request hold an inbound message id, a retry take it back after a failure, and none after it was handled', async () => {
    const claim = (holder: string, now: string) =>
      store.claimInbound({
        sourceId: 'SMin1',
        holder,
        now,
        leaseUntil: new Date(Date.parse(now) + 60_000).toISOString(),
        expiresAt: 2_000_000_000,
      });
    expect(await claim('a', '2026-05-04T15:00:00.000Z')).toBe('2026-05-04T15:00:00.000Z');
    expect(await claim('b', '2026-05-04T15:00:10.000Z')).toBeUndefined(); // a holds it
    expect(await claim('a', '2026-05-04T15:00:10.000Z')).toBe('2026-05-04T15:00:00.000Z'); // an SDK retry
    await store.settleInbound('SMin1', 'a', false); // a failed: the provider's retry may take it
    expect(await claim('c', '2026-05-04T15:00:20.000Z')).toBe('2026-05-04T15:00:00.000Z');
    await store.settleInbound('SMin1', 'c', true);
    expect(await claim('d', '2026-05-04T16:00:00.000Z')).toBeUndefined();
  });

  it('takes over an inbound message whose holder crashed, once its lease has run out', async () => {
    const claim = (holder: string, now: string, leaseUntil: string) =>
      store.claimInbound({ sourceId: 'SMin2', holder, now, leaseUntil, expiresAt: 2_000_000_000 });
    await claim('a', '2026-05-04T15:00:00.000Z', '2026-05-04T15:01:00.000Z');
    expect(await claim('b', '2026-05-04T15:00:59.000Z', '2026-05-04T15:01:59.000Z')).toBeUndefined();
    expect(await claim('b', '2026-05-04T15:01:01.000Z', '2026-05-04T15:02:01.000Z')).toBe(
      '2026-05-04T15:00:00.000Z',
    );
  });

  it('stores the same reply once when it is written again', async () => {
    const reply = {
      enrollmentId: 'r1',
      at: '2026-05-04T15:00:00.000Z',
      sourceId: 'SMr1',
      channel: 'sms' as const,
      note: 'hi',
    };
    await store.addReply(reply);
    await store.addReply(reply);
    expect(await store.listReplies('r1')).toHaveLength(1);
  });
});
