import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** What a DynamoDB client did: requests by operation, items read, and the capacity DynamoDB reported. */
export interface DynamoDbUsage {
  requests: Record<string, number>;
  /** Items DynamoDB read to answer: a Query's or Scan's ScannedCount, one per GetItem (found or not). */
  itemsRead: number;
  /** Read and write capacity units, as DynamoDB reports them (GSI writes included); on-demand bills these. */
  readUnits: number;
  writeUnits: number;
  /** Conditional writes refused (each still costs a write unit, counted in writeUnits). */
  conditionFailures: number;
  /**
   * Requests by operation and the kinds of item they touched (`UpdateItem MSG`, `TransactWriteItems MSG+PROVIDER`,
   * `Query DUE`): where a message's requests go.
   */
  byItem: Record<string, number>;
  /** Write units by the same labels (a refused conditional write counted as the unit it costs). */
  writeUnitsByItem: Record<string, number>;
}

export interface DynamoDbMeter {
  usage(): DynamoDbUsage;
  reset(): void;
}

const READS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

type Capacity = { CapacityUnits?: number } | { CapacityUnits?: number }[] | undefined;

const unitsOf = (capacity: Capacity): number =>
  (Array.isArray(capacity) ? capacity : capacity ? [capacity] : []).reduce(
    (sum, c) => sum + (c.CapacityUnits ?? 0),
    0,
  );

/**
 * Counts every request `client` makes. A middleware asks DynamoDB to report the capacity each one consumed
 * (ReturnConsumedCapacity: TOTAL; DynamoDB Local computes it as DynamoDB does), so the count is DynamoDB's
 * own, not an estimate from the code.
 */
export function meterDynamoDb(client: DynamoDBClient): DynamoDbMeter {
  let usage = empty();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
      const counted = READS.has(operation) || WRITES.has(operation);
      if (counted) (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      usage.requests[operation] = (usage.requests[operation] ?? 0) + 1;
      const label = `${operation} ${kindsOf(args.input as Record<string, unknown>)}`.trim();
      usage.byItem[label] = (usage.byItem[label] ?? 0) + 1;
      try {
        const result = await next(args);
        if (counted) record(usage, operation, label, result.output as unknown as Record<string, unknown>);
        return result;
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') {
          usage.conditionFailures++;
          usage.writeUnits += 1;
          usage.writeUnitsByItem[label] = (usage.writeUnitsByItem[label] ?? 0) + 1;
        }
        throw error;
      }
    },
    { step: 'initialize', name: 'kintsugiDynamoDbMeter' },
  );
  return {
    usage: () => structuredClone(usage),
    reset: () => {
      usage = empty();
    },
  };
}

function empty(): DynamoDbUsage {
  return {
    requests: {},
    itemsRead: 0,
    readUnits: 0,
    writeUnits: 0,
    conditionFailures: 0,
    byItem: {},
    writeUnitsByItem: {},
  };
}

type Item = Record<string, unknown>;

/** A key attribute's value, marshalled (`{ S: … }`) or not. */
const text = (value: unknown): string =>
  typeof value === 'string' ? value : ((value as { S?: string } | undefined)?.S ?? '');

/** The kind of an item by its key: the sort key's prefix in an enrollment's partition, else the partition's. */
function kindOf(key: Record<string, unknown> | undefined): string {
  if (!key) return '?';
  const pk = text(key.PK);
  const sk = text(key.SK);
  if (pk.startsWith('ENR#')) return sk === 'PROFILE' ? 'PROFILE' : (sk.split('#')[0] ?? '?');
  return pk.split('#')[0] ?? '?';
}

/** The kinds of item a request touched, in order, `+` between them (a transaction's or a batch's items). */
function kindsOf(input: Record<string, unknown>): string {
  if (input.IndexName) return text(input.IndexName).toUpperCase();
  if (Array.isArray(input.TransactItems)) {
    // Kinds in order of first appearance, with how many of each: `MSG+PROVIDER`, `MSG×80+REPLY×18+PROFILE`.
    const counts = new Map<string, number>();
    for (const entry of input.TransactItems as Record<string, { Key?: Item; Item?: Item }>[]) {
      const [op, body] = Object.entries(entry)[0] ?? [];
      const kind = `${op === 'ConditionCheck' ? 'check:' : ''}${kindOf(body?.Key ?? body?.Item)}`;
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    return [...counts].map(([kind, n]) => (n > 1 ? `${kind}×${n}` : kind)).join('+');
  }
  if (input.Key || input.Item) return kindOf((input.Key ?? input.Item) as Record<string, unknown>);
  const values = input.ExpressionAttributeValues as Record<string, unknown> | undefined;
  if (input.KeyConditionExpression && values)
    return `${kindOf({ PK: values[':pk'], SK: values[':prefix'] })}*`;
  return '';
}

function record(
  usage: DynamoDbUsage,
  operation: string,
  label: string,
  output: Record<string, unknown>,
): void {
  const units = unitsOf(output.ConsumedCapacity as Capacity);
  if (READS.has(operation)) {
    usage.readUnits += units;
    if (operation === 'GetItem') usage.itemsRead += 1;
    else if (operation === 'BatchGetItem')
      usage.itemsRead += Object.values((output.Responses ?? {}) as Record<string, unknown[]>).reduce(
        (sum, items) => sum + items.length,
        0,
      );
    else usage.itemsRead += Number(output.ScannedCount ?? output.Count ?? 0);
  } else {
    usage.writeUnits += units;
    usage.writeUnitsByItem[label] = (usage.writeUnitsByItem[label] ?? 0) + units;
  }
}
