/**
 * Dispatch cost: a population of active enrollments in DynamoDB Local, 1% of them due, and one dispatch
 * tick over it. Items DynamoDB read per message due, beside a Scan-based dispatch on the same table.
 */
import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { keys, PROFILE, shardOf } from '../functions/adapters/dynamodb/keys';
import { dynamoStore } from '../functions/adapters/dynamodb/store';
import { ensureTable } from '../functions/adapters/dynamodb/table';
import { compiledCatalog as catalog } from '../functions/catalog/compiled';
import type { SendJob } from '../functions/ports/queue';
import type { Store } from '../functions/ports/store';
import type { Enrollment } from '../functions/program/enrollment';
import { programSlots } from '../functions/program/schedule';
import { mapConcurrently } from '../functions/shared/concurrency';
import { parseConfig } from '../functions/shared/config';
import { TokenSigner } from '../functions/shared/tokens';
import type { Deps } from '../functions/use-cases/deps';
import { dispatch } from '../functions/use-cases/sending/dispatch';
import { meterDynamoDb } from '../local/dynamodb-meter';
import { log, sig, thousands } from './measure';

const SHARDS = 8;
const DUE_SHARE = 0.01;

export interface DispatchRow {
  population: number;
  /** Set when only shard 0 of the due index was seeded and measured; reads are then multiplied by SHARDS. */
  sampledShards?: { measured: number; of: number };
  due: number;
  messages: number;
  itemsRead: number;
  ratio: number;
  scanItemsRead: number;
  scanRatio: number;
  tickMs: number;
  scanMs: number;
  /** Items seeded per second with BatchWrite. */
  seedPerSecond: number;
}

/** One participant's enrollment, mid-program; `due` ones are due at `now`, the others later. */
function population(due: boolean, id: string, index: number) {
  const base: Enrollment = {
    id,
    email: `participant-${index}@example.com`,
    timezone: 'America/New_York',
    track: index % 2 ? 'hurt' : 'repairing',
    checkinDay: 'sunday',
    checkinTime: '19:00',
    status: 'active',
    emailStatus: 'active',
    smsStatus: index % 5 === 4 ? 'none' : 'active',
    ...(index % 5 === 4 ? {} : { phone: `+1415${String(1_000_000 + (index % 8_000_000)).padStart(7, '0')}` }),
    createdAt: '2026-03-02T15:00:00.000Z',
    confirmedAt: '2026-03-02T15:01:00.000Z',
    day0: '2026-03-03',
    version: 12,
  };
  const slots = programSlots(catalog.steps, base);
  // A lesson well into the program is what falls due; the rest wait for a later step.
  const dueIndex = slots.findIndex((s) => s.kind === 'lesson' && s.day >= 20);
  const dueSlot = slots[dueIndex] as (typeof slots)[number];
  const later = slots[dueIndex + 1 + (index % (slots.length - dueIndex - 2))] as (typeof slots)[number];
  const enrollment = { ...base, nextDueAt: due ? dueSlot.dueAt : later.dueAt };
  return { enrollment, now: dueSlot.dueAt };
}

async function seed(db: DynamoDBDocumentClient, table: string, count: number, shardOnly: number | undefined) {
  let now = '';
  let due = 0;
  const items: Record<string, unknown>[] = [];
  for (let index = 0; items.length < count; index++) {
    const id = randomUUID();
    if (shardOnly !== undefined && shardOf(id, SHARDS) !== shardOnly) continue;
    const isDue = items.length % Math.round(1 / DUE_SHARE) === 0;
    const { enrollment, now: at } = population(isDue, id, index);
    now = at;
    if (isDue) due++;
    items.push({
      ...keys.enrollment(id),
      ...enrollment,
      ...keys.due(id, enrollment.nextDueAt as string, SHARDS),
    });
  }
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  const started = performance.now();
  await mapConcurrently(batches, 8, async (batch) => {
    let requests = batch.map((Item) => ({ PutRequest: { Item } }));
    while (requests.length) {
      const result = await db.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
      requests = (result.UnprocessedItems?.[table] ?? []) as typeof requests;
    }
  });
  return { now, due, seedPerSecond: items.length / ((performance.now() - started) / 1000) };
}

function dispatchDeps(store: Store, now: string, queued: SendJob[]): Deps {
  const unused = () => Promise.reject(new Error('dispatch does not send'));
  return {
    config: parseConfig({ TABLE_NAME: 'bench', DUE_SHARDS: String(SHARDS) }),
    catalog,
    store,
    clock: { now: () => new Date(now) },
    queue: {
      enqueue: async (jobs) => {
        queued.push(...jobs);
      },
      retryAfter: async () => undefined,
    },
    mailer: { send: unused },
    sms: { send: unused },
    webhooks: { isValid: () => false },
    alerts: { notify: unused },
    contactHash: () => {
      throw new Error('dispatch erases nothing');
    },
    tokens: new TokenSigner('bench-token-key-not-a-secret-0000000000', () => 0),
    newId: randomUUID,
  };
}

/** Seeds `population` enrollments (or only shard 0's share of them), runs one tick and a Scan beside it. */
export async function dispatchCost(
  endpoint: string,
  populationSize: number,
  options: { sampleOneShard?: boolean } = {},
): Promise<DispatchRow> {
  const client = new DynamoDBClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const meter = meterDynamoDb(client);
  const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const table = `bench-dispatch-${populationSize}`;
  await ensureTable(client, table);
  try {
    const seeded = options.sampleOneShard ? populationSize / SHARDS : populationSize;
    const { now, due, seedPerSecond } = await seed(db, table, seeded, options.sampleOneShard ? 0 : undefined);
    const factor = options.sampleOneShard ? SHARDS : 1;

    // The baseline first (the tick moves what it handles on): find what is due by scanning the table,
    // as a dispatch without the due index would.
    meter.reset();
    let started = performance.now();
    let found = 0;
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new ScanCommand({
          TableName: table,
          FilterExpression: 'SK = :profile AND #status = :active AND nextDueAt <= :now',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':profile': PROFILE, ':active': 'active', ':now': now },
          ExclusiveStartKey: cursor,
        }),
      );
      found += page.Count ?? 0;
      cursor = page.LastEvaluatedKey;
    } while (cursor);
    const scanMs = performance.now() - started;
    const scan = meter.usage();

    // The tick, as the schedule runs it.
    const queued: SendJob[] = [];
    const store = dynamoStore(db, table, {
      dueShards: SHARDS,
      nowSeconds: () => Math.floor(Date.parse(now) / 1000),
    });
    meter.reset();
    started = performance.now();
    const result = await dispatch(dispatchDeps(store, now, queued));
    const tickMs = performance.now() - started;
    const tick = meter.usage();
    const messages = result.queued + result.skipped;

    if (found !== due) throw new Error(`The scan found ${found} due enrollments, ${due} were seeded due`);
    if (messages !== due) throw new Error(`The tick handled ${messages} messages, ${due} were due`);

    const row: DispatchRow = {
      population: populationSize,
      ...(options.sampleOneShard ? { sampledShards: { measured: 1, of: SHARDS } } : {}),
      due: due * factor,
      messages: messages * factor,
      itemsRead: tick.itemsRead * factor,
      ratio: tick.itemsRead / messages,
      scanItemsRead: scan.itemsRead * factor,
      scanRatio: scan.itemsRead / messages,
      tickMs,
      scanMs: scanMs * factor,
      seedPerSecond,
    };
    log(
      `  ${thousands(populationSize).padStart(9)} enrollments${options.sampleOneShard ? ' (shard 0 of 8 seeded, ×8)' : ''}: ` +
        `${thousands(row.due)} due, ${thousands(row.itemsRead)} items read (${sig(row.ratio)} per message) ` +
        `in ${sig(tickMs)} ms; Scan ${thousands(row.scanItemsRead)} (${sig(row.scanRatio)} per message)`,
    );
    return row;
  } finally {
    await client.send(new DeleteTableCommand({ TableName: table })).catch(() => undefined);
    client.destroy();
  }
}
