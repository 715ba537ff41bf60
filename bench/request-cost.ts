/**
 * What one DynamoDB request costs in CPU on this machine, with nothing else running: the AWS SDK's side
 * (this Node process: building, signing and sending the request, reading the answer) and DynamoDB Local's
 * (its JVM), for each kind of request the program makes, on a table already holding many items. Repeated
 * until DynamoDB Local's JIT has warmed up; the last round is reported. It is the floor under the
 * end-to-end run's CPU per message (section 4): no message costs less than its requests.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '../functions/adapters/dynamodb/table';
import { cpuSample, cpuSince, dynamoDbLocalPid, log, sig, thousands } from './measure';

export interface RequestCostRow {
  request: string;
  /** CPU milliseconds per request in this Node process (the SDK's side). */
  nodeMs: number;
  /** CPU milliseconds per request in DynamoDB Local's JVM; undefined where /proc could not be read. */
  jvmMs: number | undefined;
}

export interface RequestCost {
  items: number;
  requestsPerKind: number;
  rounds: number;
  rows: RequestCostRow[];
}

const TABLE = 'bench-request-cost';
const BODY = 'x'.repeat(400);

export async function requestCost(
  endpoint: string,
  options: { items: number; requestsPerKind: number; rounds: number },
): Promise<RequestCost> {
  const raw = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  });
  const db = DynamoDBDocumentClient.from(raw);
  await ensureTable(raw, TABLE);
  for (let start = 0; start < options.items; start += 25) {
    const items = Array.from({ length: Math.min(25, options.items - start) }, (_, k) => {
      const n = start + k;
      return {
        PutRequest: { Item: { PK: `SEED#${n}`, SK: 'A', body: BODY, duePk: `D#${n % 8}`, dueSk: `${n}` } },
      };
    });
    await db.send(new BatchWriteCommand({ RequestItems: { [TABLE]: items } }));
  }
  const jvm = dynamoDbLocalPid(endpoint);
  const kinds: [string, (round: number, i: number) => Promise<unknown>][] = [
    ['GetItem', (r, i) => db.send(new GetCommand({ TableName: TABLE, Key: { PK: `P#${r}#${i}`, SK: 'A' } }))],
    [
      'PutItem',
      (r, i) =>
        db.send(new PutCommand({ TableName: TABLE, Item: { PK: `P#${r}#${i}`, SK: 'A', body: BODY } })),
    ],
    [
      'UpdateItem with a condition',
      (r, i) =>
        db.send(
          new UpdateCommand({
            TableName: TABLE,
            Key: { PK: `P#${r}#${i}`, SK: 'A' },
            UpdateExpression: 'SET v = :v',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeValues: { ':v': i },
          }),
        ),
    ],
    [
      'TransactWriteItems, 2 items',
      (r, i) =>
        db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: TABLE,
                  Item: { PK: `T#${r}#${i}`, SK: 'A', body: BODY },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              {
                Update: {
                  TableName: TABLE,
                  Key: { PK: `P#${r}#${i}`, SK: 'A' },
                  UpdateExpression: 'SET w = :w',
                  ExpressionAttributeValues: { ':w': i },
                },
              },
            ],
          }),
        ),
    ],
    [
      'Query of the due index, 5 items',
      (_r, i) =>
        db.send(
          new QueryCommand({
            TableName: TABLE,
            IndexName: 'due',
            KeyConditionExpression: 'duePk = :p',
            ExpressionAttributeValues: { ':p': `D#${i % 8}` },
            Limit: 5,
          }),
        ),
    ],
  ];
  let rows: RequestCostRow[] = [];
  for (let round = 0; round < options.rounds; round++) {
    rows = [];
    for (const [request, send] of kinds) {
      const before = cpuSample(jvm);
      for (let i = 0; i < options.requestsPerKind; i++) await send(round, i);
      const used = cpuSince(before, cpuSample(jvm));
      rows.push({
        request,
        nodeMs: (used.node * 1000) / options.requestsPerKind,
        jvmMs: used.jvm === undefined ? undefined : (used.jvm * 1000) / options.requestsPerKind,
      });
    }
  }
  raw.destroy();
  for (const row of rows)
    log(
      `  ${row.request.padEnd(34)} SDK ${sig(row.nodeMs)} ms + DynamoDB Local ${row.jvmMs === undefined ? '?' : sig(row.jvmMs)} ms of CPU`,
    );
  log(
    `  (${thousands(options.items)} items in the table, ${thousands(options.requestsPerKind)} of each, round ${options.rounds} of ${options.rounds})`,
  );
  return { ...options, rows };
}
