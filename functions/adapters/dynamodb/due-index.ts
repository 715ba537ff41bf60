import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DueIndex } from '../../ports/store';
import type { Enrollment } from '../../program/enrollment';
import { DUE_INDEX, duePartition, dueUpTo } from './keys';
import { decodeCursor, encodeCursor, type Item, strip, type Table } from './table';

/** The sparse due index, one partition per shard; each part of the port's index is one shard. */
export function dynamoDueIndex(table: Table, dueShards: number): DueIndex {
  return {
    dueParts: dueShards,

    async dueEnrollments(shard, now, page) {
      // The index projects the whole enrollment: one item read per due enrollment, no GetItem after it.
      const result = await table.db.send(
        new QueryCommand({
          TableName: table.name,
          IndexName: DUE_INDEX,
          KeyConditionExpression: 'duePk = :pk AND dueSk <= :upTo',
          ExpressionAttributeValues: { ':pk': duePartition(shard), ':upTo': dueUpTo(now) },
          Limit: page.limit,
          ...(page.cursor ? { ExclusiveStartKey: decodeCursor(page.cursor) } : {}),
        }),
      );
      const enrollments = (result.Items ?? [])
        .map((item) => strip<Enrollment & Item>(table.live(item)))
        .filter((e): e is Enrollment & Item => e !== undefined);
      return {
        enrollments,
        ...(result.LastEvaluatedKey ? { cursor: encodeCursor(result.LastEvaluatedKey) } : {}),
      };
    },

    async earliestDue() {
      const firsts = await Promise.all(
        Array.from({ length: dueShards }, async (_, shard) => {
          const { Items } = await table.db.send(
            new QueryCommand({
              TableName: table.name,
              IndexName: DUE_INDEX,
              KeyConditionExpression: 'duePk = :pk',
              ExpressionAttributeValues: { ':pk': duePartition(shard) },
              Limit: 1,
            }),
          );
          return (Items?.[0]?.dueSk as string | undefined)?.split('#')[0];
        }),
      );
      return firsts.filter((d): d is string => d !== undefined).sort()[0];
    },
  };
}
