import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Store } from '../../ports/store';
import { dynamoConsent } from './consent';
import { dynamoDueIndex } from './due-index';
import { dynamoEnrollments } from './enrollments';
import { dynamoInbound } from './inbound';
import { dynamoMessages } from './messages';
import { dynamoOutcomes } from './outcomes';
import { dynamoPhoneNumbers } from './phone-numbers';
import { dynamoRateLimits } from './rate-limits';
import { dynamoReplies } from './replies';
import { dynamoReportShares } from './report-shares';
import { dynamoReports } from './reports';
import { dynamoRetention } from './retention';
import { Table } from './table';

/** How the single table is laid out and read: what the rest of the program never needs to know. */
export interface DynamoStoreOptions {
  /** Partitions of the due index (config DUE_SHARDS): more spread the writes of a busy tick. */
  dueShards: number;
  /** The clock's time in epoch seconds: expired items are treated as gone (emulators never delete them). */
  nowSeconds?: () => number;
}

/** The single-table DynamoDB store: every kind of store over one table. The client is injected. */
export function dynamoStore(
  db: DynamoDBDocumentClient,
  tableName: string,
  options: DynamoStoreOptions,
): Store {
  const table = new Table(db, tableName, options.nowSeconds);
  return {
    ...dynamoEnrollments(table, options.dueShards),
    ...dynamoPhoneNumbers(table, options.dueShards),
    ...dynamoDueIndex(table, options.dueShards),
    ...dynamoMessages(table, options.dueShards),
    ...dynamoInbound(table),
    ...dynamoReplies(table, options.dueShards),
    ...dynamoConsent(table),
    ...dynamoReports(table),
    ...dynamoReportShares(table),
    ...dynamoRateLimits(table),
    ...dynamoRetention(table),
    ...dynamoOutcomes(table),
  };
}
