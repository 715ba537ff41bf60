import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MessageStore } from '../../ports/store';
import type { MessageKey, MessageRecord } from '../../program/enrollment';
import { keys, MESSAGE_PREFIX } from './keys';
import { type Item, isConditionFailure, strip, type Table } from './table';

/**
 * How long the provider's id of a sent message leads back to it: delivery callbacks and bounces come
 * within minutes or days, and an email reply without it is matched by its sender. Outside the
 * enrollment's partition, these are not part of its expiry (expireEnrollment): they expire on their own.
 */
export const PROVIDER_LOOKUP_TTL_SECONDS = 120 * 86_400;

/** A message as stored, unless it has expired. */
async function readMessage(table: Table, key: MessageKey, consistent = true) {
  return strip<MessageRecord & Item>(table.live(await table.get(keys.message(key), consistent)));
}

/** Messages in their enrollment's partition, one per day, slot and channel; a lookup by the provider's id. */
export function dynamoMessages(table: Table): MessageStore {
  return {
    async claimMessage(message) {
      try {
        await table.db.send(
          new PutCommand({
            TableName: table.name,
            Item: { ...keys.message(message), ...message },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    getMessage: (enrollmentId, day, slot, channel) =>
      readMessage(table, { enrollmentId, day, slot, channel }),

    async transitionMessage(message, from, changes) {
      if (from.length === 0) return false;
      const names: Record<string, string> = { '#status': 'status' };
      const values: Record<string, unknown> = {};
      const sets: string[] = [];
      for (const [field, value] of Object.entries(changes)) {
        if (value === undefined) continue;
        names[`#${field}`] = field;
        values[`:${field}`] = value;
        sets.push(`#${field} = :${field}`);
      }
      from.forEach((status, i) => {
        values[`:from${i}`] = status;
      });
      try {
        await table.db.send(
          new UpdateCommand({
            TableName: table.name,
            Key: keys.message(message),
            UpdateExpression: `SET ${sets.join(', ')}`,
            ConditionExpression: `attribute_exists(PK) AND #status IN (${from.map((_, i) => `:from${i}`).join(', ')})`,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
      if (changes.providerId) {
        const { enrollmentId, day, slot, channel } = message;
        await table.db.send(
          new PutCommand({
            TableName: table.name,
            Item: {
              ...keys.providerLookup(changes.providerId),
              enrollmentId,
              day,
              slot,
              channel,
              expiresAt: table.nowSeconds() + PROVIDER_LOOKUP_TTL_SECONDS,
            },
          }),
        );
      }
      return true;
    },

    async findMessageByProviderId(providerId) {
      const lookup = table.live(await table.get(keys.providerLookup(providerId), false)) as
        | MessageKey
        | undefined;
      return lookup && readMessage(table, lookup);
    },

    async listMessages(enrollmentId) {
      return (await table.ofEnrollment(enrollmentId, MESSAGE_PREFIX)) as unknown as MessageRecord[];
    },
  };
}
