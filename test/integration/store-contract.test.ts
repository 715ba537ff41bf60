import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, inject } from 'vitest';
import { dynamoStore } from '../../functions/adapters/dynamodb/store';
import { ensureTable } from '../../functions/adapters/dynamodb/table';
import { uniqueTableName } from '../../local/runtime';
import { describeStoreContract } from '../support/store-contract';

const client = new DynamoDBClient({
  region: 'us-east-1',
  endpoint: inject('dynamoDbEndpoint'),
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });

const tables: string[] = [];
// The emulator is shared by the whole suite: its tables go when this file is done, so later files
// (the load test among them) do not run on an emulator holding dozens of spent tables.
afterAll(async () => {
  for (const table of tables) await client.send(new DeleteTableCommand({ TableName: table }));
});

// A new table for each test: the due index and the listing read the whole table.
describeStoreContract('the DynamoDB store on DynamoDB Local', async ({ dueParts, nowSeconds }) => {
  const table = uniqueTableName('contract');
  tables.push(table);
  await ensureTable(client, table);
  return dynamoStore(db, table, { dueShards: dueParts, nowSeconds });
});
