import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  type TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '../../shared/errors';
import { DUE_INDEX, keys } from './keys';

/** One item of the table, attributes by name. */
export type Item = Record<string, unknown>;

/** A primary key of the table. */
export type Key = { PK: string; SK: string };

/** Whether a write failed only because its condition did not hold (the SDK's own exception, matched by class). */
export const isConditionFailure = (error: unknown) => error instanceof ConditionalCheckFailedException;

/** For each item of a cancelled transaction, whether its own condition refused it (in the items' order). */
export const refusedConditions = (error: TransactionCanceledException): boolean[] =>
  (error.CancellationReasons ?? []).map((reason) => reason?.Code === 'ConditionalCheckFailed');

/**
 * The short, jittered wait before trying again a transaction another one got in the way of (the
 * `attempt`th try), as the SDK waits before repeating a throttled request.
 */
export const pauseAfterConflict = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt * (0.5 + Math.random())));

/** The TTL attribute for an item that expires at `retainUntil` (Unix seconds), or nothing. */
export const expiring = (retainUntil: number | undefined) =>
  retainUntil === undefined ? {} : { expiresAt: retainUntil };

/** An item without the table's own attributes (keys, due-index keys, TTL) and any `extra` named. */
export const strip = <T extends Item>(item: Item | undefined, ...extra: string[]): T | undefined => {
  if (!item) return undefined;
  const { PK, SK, duePk, dueSk, expiresAt, ...rest } = item;
  for (const name of extra) delete rest[name];
  return rest as T;
};

/** A Scan's or Query's LastEvaluatedKey as an opaque string the caller hands back for the next page. */
export const encodeCursor = (key: Item): string => Buffer.from(JSON.stringify(key)).toString('base64url');

/** Key attributes a cursor may carry: the table's, and the due index's for a query on it. */
const CURSOR_KEYS = ['PK', 'SK', 'duePk', 'dueSk'] as const;

/** The key a cursor stands for; a ValidationError when it is not one the store gave out. */
export function decodeCursor(cursor: string): Item {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof key?.PK === 'string' && typeof key?.SK === 'string') {
      const picked: Item = {};
      for (const name of CURSOR_KEYS) if (typeof key[name] === 'string') picked[name] = key[name];
      return picked;
    }
  } catch {}
  throw new ValidationError('invalid_cursor', 'This page cursor is not one the list gave out.', 'cursor');
}

/**
 * The single table every part of the store writes to: the injected client (so it can point at DynamoDB
 * Local), its name, and the clock expired items are judged by (DynamoDB deletes them only eventually).
 */
export class Table {
  constructor(
    readonly db: DynamoDBDocumentClient,
    readonly name: string,
    /** The clock's time in epoch seconds: expired items are treated as gone (emulators never delete them). */
    readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  /** The item, unless its TTL has passed. */
  live(item: Item | undefined): Item | undefined {
    if (!item) return undefined;
    return typeof item.expiresAt === 'number' && item.expiresAt <= this.nowSeconds() ? undefined : item;
  }

  /** The item under `key` as stored, expired or not. */
  async get(key: Key, consistent = true): Promise<Item | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.name, Key: key, ConsistentRead: consistent }),
    );
    return Item;
  }

  /** The enrollment id a lookup item points at; an expired lookup counts only when `expiredToo`. */
  async lookup(key: Key, expiredToo = false): Promise<string | undefined> {
    const item = await this.get(key);
    return (expiredToo ? item : this.live(item))?.enrollmentId as string | undefined;
  }

  /** Every item a query matches, page after page. */
  async queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Item[]> {
    const items: Item[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({ ...input, TableName: this.name, ExclusiveStartKey }),
      );
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }

  /** Every item of a partition whose sort key begins with `prefix` (all of it without one), expired too. */
  partition(pk: string, prefix?: string): Promise<Item[]> {
    return this.queryAll({
      KeyConditionExpression: prefix ? 'PK = :pk AND begins_with(SK, :prefix)' : 'PK = :pk',
      ExpressionAttributeValues: { ':pk': pk, ...(prefix ? { ':prefix': prefix } : {}) },
      ConsistentRead: true,
    });
  }

  /** The live items of an enrollment's partition under `prefix`, stripped of the table's attributes. */
  async ofEnrollment(enrollmentId: string, prefix: string): Promise<Item[]> {
    const items = await this.partition(keys.enrollment(enrollmentId).PK, prefix);
    return items.filter((item) => this.live(item)).map((item) => strip<Item>(item) as Item);
  }
}

/**
 * Creates the table with the same keys and due index the CDK stack declares (local runtime and tests).
 * Keep in step with infra/: the infra tests assert the same key names.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'PK', AttributeType: 'S' },
          { AttributeName: 'SK', AttributeType: 'S' },
          { AttributeName: 'duePk', AttributeType: 'S' },
          { AttributeName: 'dueSk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'PK', KeyType: 'HASH' },
          { AttributeName: 'SK', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: DUE_INDEX,
            KeySchema: [
              { AttributeName: 'duePk', KeyType: 'HASH' },
              { AttributeName: 'dueSk', KeyType: 'RANGE' },
            ],
            // The whole enrollment: dispatch reads what is due from the index alone (infra/constructs/program-table.ts).
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await client.send(new DescribeTableCommand({ TableName: tableName }));
}
