import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ReplyStore } from '../../ports/store';
import type { Reply } from '../../program/enrollment';
import { keys, REPLY_PREFIX } from './keys';
import { expiring, isConditionFailure, type Table } from './table';

/** Replies in their enrollment's partition, by instant and source. */
export function dynamoReplies(table: Table): ReplyStore {
  return {
    async addReply(reply, retainUntil) {
      try {
        await table.db.send(
          new PutCommand({
            TableName: table.name,
            Item: {
              ...keys.reply(reply.enrollmentId, reply.at, reply.sourceId),
              ...reply,
              ...expiring(retainUntil),
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
      } catch (error) {
        // The same reply (same instant, same source) was stored by an earlier try of this message.
        if (!isConditionFailure(error)) throw error;
      }
    },

    async listReplies(enrollmentId) {
      return (await table.ofEnrollment(enrollmentId, REPLY_PREFIX)) as unknown as Reply[];
    },

    async dropReplyText(enrollmentId) {
      const replies = await table.partition(keys.enrollment(enrollmentId).PK, REPLY_PREFIX);
      let dropped = 0;
      for (const reply of replies.filter((r) => typeof r.note === 'string')) {
        const Key = { PK: reply.PK as string, SK: reply.SK as string };
        await table.db.send(
          reply.score === undefined
            ? new DeleteCommand({ TableName: table.name, Key })
            : new UpdateCommand({ TableName: table.name, Key, UpdateExpression: 'REMOVE note' }),
        );
        dropped++;
      }
      return dropped;
    },
  };
}
