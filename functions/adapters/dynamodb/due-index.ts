import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DueIndex, UnsentClaim } from '../../ports/store';
import type { Enrollment, MessageKey } from '../../program/enrollment';
import { DUE_INDEX, duePartition, dueUpTo, MESSAGE_PREFIX } from './keys';
import { decodeCursor, encodeCursor, type Item, strip, type Table } from './table';

/**
 * The sparse due index, one partition per shard; each part of the port's index is one shard. Enrollments
 * and unsent claims (claimWithAdvance) share it: a claim's entry sorts after its enrollment's.
 */
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
      const live = (result.Items ?? []).filter((item) => table.live(item));
      const isClaim = (item: Item) => String(item.SK).startsWith(MESSAGE_PREFIX);
      const enrollments = live
        .filter((item) => !isClaim(item))
        .map((item) => strip<Enrollment & Item>(item) as Enrollment & Item);
      // A claim's entry: due again at the instant its sort key begins with.
      const unsent: UnsentClaim[] = live.filter(isClaim).map((item) => {
        const { enrollmentId, day, slot, channel } = item as unknown as MessageKey;
        return {
          message: { enrollmentId, day, slot, channel },
          at: String(item.dueSk).split('#')[0] as string,
        };
      });
      return {
        enrollments,
        ...(unsent.length ? { unsent } : {}),
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
