import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { InboundStore } from '../../ports/store';
import { keys } from './keys';
import { isConditionFailure, type Table } from './table';

/** A released inbound claim's lease: earlier than any real instant, so the next try takes it. */
const RELEASED = '1970-01-01T00:00:00.000Z';

/** One item per inbound message id: who holds it, until when, and whether it was handled. */
export function dynamoInbound(table: Table): InboundStore {
  return {
    async claimInbound(claim) {
      try {
        const { Attributes } = await table.db.send(
          new UpdateCommand({
            TableName: table.name,
            Key: keys.inbound(claim.sourceId),
            UpdateExpression:
              'SET firstSeenAt = if_not_exists(firstSeenAt, :now), holder = :holder, leaseUntil = :lease, expiresAt = :expires',
            // A holder may repeat its own claim (an SDK retry); anyone may take over a lease that ran out.
            ConditionExpression:
              'attribute_not_exists(PK) OR (attribute_not_exists(handled) AND (holder = :holder OR leaseUntil < :now))',
            ExpressionAttributeValues: {
              ':now': claim.now,
              ':holder': claim.holder,
              ':lease': claim.leaseUntil,
              ':expires': claim.expiresAt,
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return Attributes?.firstSeenAt as string;
      } catch (error) {
        if (isConditionFailure(error)) return undefined;
        throw error;
      }
    },

    async settleInbound(sourceId, holder, handled) {
      try {
        await table.db.send(
          new UpdateCommand({
            TableName: table.name,
            Key: keys.inbound(sourceId),
            UpdateExpression: handled ? 'SET handled = :yes' : 'SET leaseUntil = :released',
            ConditionExpression: 'holder = :holder',
            ExpressionAttributeValues: {
              ':holder': holder,
              ...(handled ? { ':yes': true } : { ':released': RELEASED }),
            },
          }),
        );
      } catch (error) {
        // Another request took it over after this one's lease ran out: that one settles it.
        if (!isConditionFailure(error)) throw error;
      }
    },
  };
}
