import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CountedWith, MarkSentOutcome, MessageChanges, MessageStore } from '../../ports/store';
import type { MessageKey, MessageRecord } from '../../program/enrollment';
import { enrollmentPut } from './enrollments';
import { keys, MESSAGE_PREFIX } from './keys';
import { tallyItems } from './outcomes';
import {
  type Item,
  isConditionFailure,
  pauseAfterConflict,
  refusedConditions,
  strip,
  type Table,
} from './table';

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

/** The conditional update that moves a message on from one of `from`, setting `changes`. */
function transition(
  table: Table,
  message: MessageKey,
  from: readonly MessageRecord['status'][],
  changes: MessageChanges,
) {
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
  return {
    TableName: table.name,
    Key: keys.message(message),
    // Any move takes a claim out of the due index (claimWithAdvance): a send has it now.
    UpdateExpression: `SET ${sets.join(', ')} REMOVE duePk, dueSk`,
    ConditionExpression: `attribute_exists(PK) AND #status IN (${from.map((_, i) => `:from${i}`).join(', ')})`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** The item that leads from a provider's id back to its message, for delivery callbacks and replies. */
function providerLookup(table: Table, { enrollmentId, day, slot, channel }: MessageKey, providerId: string) {
  return {
    TableName: table.name,
    Item: {
      ...keys.providerLookup(providerId),
      enrollmentId,
      day,
      slot,
      channel,
      expiresAt: table.nowSeconds() + PROVIDER_LOOKUP_TTL_SECONDS,
    },
  };
}

/** Tries of a transaction that another one on the same items got in the way of. */
const CONFLICT_ATTEMPTS = 4;

/** Which items of a cancelled transaction had their condition fail, by position. */
/**
 * Messages in their enrollment's partition, one per day, slot and channel; a lookup by the provider's id.
 * `dueShards` spreads the due index of an enrollment written with a message (markSent).
 */
export function dynamoMessages(table: Table, dueShards: number): MessageStore {
  /**
   * The message's move and its provider lookup, with the enrollment and a tally when given, in one
   * transaction: a refused condition on the message cancels it all ('not-sending'), as one on the
   * enrollment does; a refused tally mark (counted before) is left out and the rest written again.
   */
  const moveWithLookup = async (
    message: MessageKey,
    from: readonly MessageRecord['status'][],
    changes: MessageChanges & { providerId: string },
    enrollment?: Parameters<typeof enrollmentPut>[2],
    counting?: CountedWith,
  ): Promise<MarkSentOutcome> => {
    const base = [
      { Update: transition(table, message, from, changes) },
      { Put: providerLookup(table, message, changes.providerId) },
      ...(enrollment ? [{ Put: enrollmentPut(table, dueShards, enrollment) }] : []),
    ];
    const enrollmentAt = enrollment ? 2 : -1;
    let tally = counting;
    let uncounted = false;
    // Another transaction on one of these items at that moment (a program's expiry, a count on the same
    // counter) cancels this one without any condition failing: tried again a few times, after a short
    // jittered wait, as the SDK does a throttled request; past that, the count is left to the caller.
    for (let attempt = 1; ; attempt++) {
      const items = tally ? [...base, ...tallyItems(table, [tally.tally], tally.retainUntil)] : base;
      try {
        await table.db.send(new TransactWriteCommand({ TransactItems: items }));
        return uncounted ? 'done-uncounted' : 'done';
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const refusals = refusedConditions(error);
        if (refusals[0]) return 'not-sending';
        if (refusals[enrollmentAt]) return 'enrollment-changed';
        if (tally && refusals[base.length]) {
          // Counted before (a repeated send of the same week's check-in): the rest is written alone.
          tally = undefined;
          attempt = 0;
          continue;
        }
        if (attempt >= CONFLICT_ATTEMPTS) {
          if (!tally) throw error;
          tally = undefined;
          uncounted = true;
          attempt = 0;
          continue;
        }
        await pauseAfterConflict(attempt);
      }
    }
  };

  /** A conditional put of one message: false when it was claimed before. */
  const claim = async (message: MessageRecord): Promise<boolean> => {
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
  };

  return {
    claimMessage: claim,

    async claimWithAdvance({ claims, released, queued, enrollment, unsentAt }) {
      const dueAgain = new Set(queued.map((m) => keys.message(m).SK));
      const due = (m: MessageKey) => keys.unsentDue(m, unsentAt, dueShards);
      const items = [
        ...claims.map((message) => ({
          Put: {
            TableName: table.name,
            Item: {
              ...keys.message(message),
              ...message,
              ...(dueAgain.has(keys.message(message).SK) ? due(message) : {}),
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        })),
        ...released.map((message) => ({
          Update: {
            TableName: table.name,
            Key: keys.message(message),
            UpdateExpression: 'SET duePk = :duePk, dueSk = :dueSk',
            ConditionExpression: '#status = :claimed',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':claimed': 'claimed',
              ...Object.fromEntries(Object.entries(due(message)).map(([k, v]) => [`:${k}`, v])),
            },
          },
        })),
        { Put: enrollmentPut(table, dueShards, enrollment) },
      ];
      if (items.length > 100) return false;
      try {
        // The enrollment alone (a tick that claims nothing): a plain write, half a transaction's write units.
        if (items.length === 1)
          await table.db.send(new PutCommand(enrollmentPut(table, dueShards, enrollment)));
        else await table.db.send(new TransactWriteCommand({ TransactItems: items }));
        return true;
      } catch (error) {
        // A condition that failed, or another transaction on one of these items: the caller claims the slow way.
        if (error instanceof TransactionCanceledException || isConditionFailure(error)) return false;
        throw error;
      }
    },

    async requeueUnsent(message, at, until) {
      const from = keys.unsentDue(message, at, dueShards);
      try {
        await table.db.send(
          new UpdateCommand({
            TableName: table.name,
            Key: keys.message(message),
            UpdateExpression: 'SET dueSk = :until',
            ConditionExpression: '#status = :claimed AND dueSk = :at',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':claimed': 'claimed',
              ':at': from.dueSk,
              ':until': keys.unsentDue(message, until, dueShards).dueSk,
            },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async claimMessages(messages) {
      // A transaction holds at most 100 items: a tick after a long gap claims them one by one.
      if (messages.length <= 1 || messages.length > 100) return Promise.all(messages.map((m) => claim(m)));
      try {
        await table.db.send(
          new TransactWriteCommand({
            TransactItems: messages.map((message) => ({
              Put: {
                TableName: table.name,
                Item: { ...keys.message(message), ...message },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            })),
          }),
        );
        return messages.map(() => true);
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        // Some were claimed before (a repeated tick): nothing was written; each is claimed on its own.
        return Promise.all(messages.map((message) => claim(message)));
      }
    },

    getMessage: (enrollmentId, day, slot, channel) =>
      readMessage(table, { enrollmentId, day, slot, channel }),

    async transitionMessage(message, from, changes) {
      if (from.length === 0) return false;
      const { providerId } = changes;
      if (providerId) return (await moveWithLookup(message, from, { ...changes, providerId })) === 'done';
      try {
        await table.db.send(new UpdateCommand(transition(table, message, from, changes)));
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    markSent: (message, accepted, enrollment, counting) =>
      moveWithLookup(message, ['sending'], accepted, enrollment, counting),

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
