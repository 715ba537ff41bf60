import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ReplyStore } from '../../ports/store';
import type { Reply } from '../../program/enrollment';
import type { OutcomeTally } from '../../program/outcomes';
import { ConcurrentUpdateError } from '../../shared/errors';
import { enrollmentPut } from './enrollments';
import { keys, REPLY_PREFIX } from './keys';
import { firstOfEach, tallyItems } from './outcomes';
import { expiring, isConditionFailure, pauseAfterConflict, refusedConditions, type Table } from './table';

/** Tries of an answer's transaction that others on the same counters got in the way of. */
const CONFLICT_ATTEMPTS = 4;

/** The conditional put of a reply: written once, however often its message comes. */
const replyPut = (table: Table, reply: Reply, retainUntil?: number) => ({
  TableName: table.name,
  Item: {
    ...keys.reply(reply.enrollmentId, reply.at, reply.sourceId),
    ...reply,
    ...expiring(retainUntil),
  },
  ConditionExpression: 'attribute_not_exists(PK)',
});

/** Replies in their enrollment's partition, by instant and source; `dueShards` spreads the due index. */
export function dynamoReplies(table: Table, dueShards: number): ReplyStore {
  return {
    async saveAnswer({ enrollment, replies, tallies }) {
      const retainUntil = enrollment.retainUntil;
      let replying = [...replies];
      const { first, again } = firstOfEach(tallies);
      let counting = first;
      // A milestone reached twice in one answer: its repeat is the caller's, after this write.
      const left: OutcomeTally[] = [...again];
      for (let attempt = 1; ; attempt++) {
        const items = [
          { Put: enrollmentPut(table, dueShards, enrollment) },
          ...replying.map((reply) => ({ Put: replyPut(table, reply, retainUntil) })),
          ...(counting.length ? tallyItems(table, counting, retainUntil) : []),
        ];
        try {
          // The enrollment alone: a plain write, half a transaction's write units.
          if (items.length === 1)
            await table.db.send(new PutCommand(enrollmentPut(table, dueShards, enrollment)));
          else await table.db.send(new TransactWriteCommand({ TransactItems: items }));
          return left;
        } catch (error) {
          if (isConditionFailure(error))
            throw new ConcurrentUpdateError('The enrollment changed while it was being updated.', undefined, {
              cause: error,
            });
          if (!(error instanceof TransactionCanceledException)) throw error;
          const refused = refusedConditions(error);
          if (refused[0])
            throw new ConcurrentUpdateError('The enrollment changed while it was being updated.', undefined, {
              cause: error,
            });
          if (refused.some(Boolean)) {
            // Stored or counted by an earlier try of this message: written again without those.
            const firstMark = 1 + replying.length;
            replying = replying.filter((_, i) => !refused[1 + i]);
            const before = counting.filter((_, i) => refused[firstMark + i]);
            left.push(...before.filter((t) => t.value !== undefined && t.valued?.length));
            counting = counting.filter((_, i) => !refused[firstMark + i]);
            attempt = 0;
            continue;
          }
          if (attempt >= CONFLICT_ATTEMPTS) {
            if (!counting.length) throw error;
            // Counters kept busy by others: the answer is written without its counts, left to the caller.
            left.push(...counting);
            counting = [];
            attempt = 0;
            continue;
          }
          await pauseAfterConflict(attempt);
        }
      }
    },

    async addReply(reply, retainUntil) {
      try {
        await table.db.send(new PutCommand(replyPut(table, reply, retainUntil)));
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
