import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { keys } from '../../functions/adapters/dynamodb/keys';
import { dynamoStore } from '../../functions/adapters/dynamodb/store';
import { ensureTable } from '../../functions/adapters/dynamodb/table';
import type { Store } from '../../functions/ports/store';
import { uniqueTableName } from '../../local/runtime';
import { enrollment } from '../support/store-contract';

const SHARDS = 4;

describe('the DynamoDB store’s table layout, against DynamoDB Local', () => {
  // What every store does is in the store contract (test/support/store-contract.ts, run against this
  // store in test/integration/store-contract.test.ts); here, only what the table itself holds.
  let store: Store;
  let db: DynamoDBDocumentClient;
  let table: string;
  const itemAt = async (key: { PK: string; SK: string }) =>
    (await db.send(new GetCommand({ TableName: table, Key: key }))).Item;

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

  it('gives an unconfirmed enrollment’s lookups a TTL for DynamoDB to delete them by, and takes it off a confirmed one’s', async () => {
    await store.createEnrollment(enrollment('x1', { phone: '+447700900101' }));
    await store.createEnrollment(enrollment('x2', { phone: '+447700900102' }));
    await store.activateEnrollment(
      enrollment('x2', { phone: '+447700900102', version: 2, status: 'active', smsStatus: 'awaiting-yes' }),
    );
    const fourteenDays = Date.parse('2026-03-15T10:00:00.000Z') / 1000;
    for (const key of [keys.emailLookup('x1@example.com'), keys.phoneNamedBy('+447700900101', 'x1')])
      expect((await itemAt(key))?.expiresAt).toBe(fourteenDays);
    for (const key of [keys.emailLookup('x2@example.com'), keys.phoneNamedBy('+447700900102', 'x2')])
      expect((await itemAt(key))?.expiresAt).toBeUndefined();
  });

  it('spreads the due index over its shards, and keeps its keys and the TTL out of what it returns', async () => {
    const ids = Array.from({ length: 16 }, (_, i) => `d${i}`);
    for (const id of ids) {
      await store.createEnrollment(enrollment(id));
      await store.saveEnrollment(
        enrollment(id, { version: 2, status: 'active', nextDueAt: '2026-03-02T08:00:00.000Z' }),
      );
    }
    const shards = new Set(
      await Promise.all(ids.map(async (id) => (await itemAt(keys.enrollment(id)))?.duePk as string)),
    );
    expect(shards.size).toBeGreaterThan(1);
    expect([...shards].every((pk) => /^DUE#[0-3]$/.test(pk))).toBe(true);
    const [first] = (await store.dueEnrollments(0, '2026-03-02T09:00:00.000Z', { limit: 1 })).enrollments;
    for (const name of ['PK', 'SK', 'duePk', 'dueSk', 'expiresAt']) expect(first).not.toHaveProperty(name);
    await store.saveEnrollment(enrollment('d0', { version: 3, status: 'completed' }));
    expect(await itemAt(keys.enrollment('d0'))).not.toHaveProperty('duePk');
  });
});
