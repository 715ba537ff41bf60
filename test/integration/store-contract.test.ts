import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
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

// A new table for each test: the due index and the listing read the whole table.
describeStoreContract('the DynamoDB store on DynamoDB Local', async ({ dueParts, nowSeconds }) => {
  const table = uniqueTableName('contract');
  await ensureTable(client, table);
  return dynamoStore(db, table, { dueShards: dueParts, nowSeconds });
});
