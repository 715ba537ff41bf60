import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamoMessages } from '../../functions/adapters/dynamodb/messages';
import { Table } from '../../functions/adapters/dynamodb/table';
import type { MessageRecord } from '../../functions/program/enrollment';

type Put = { TableName: string; Item: Record<string, unknown>; ConditionExpression?: string };

/**
 * Just enough of DynamoDB for claims: puts, alone or in a transaction, with the one condition a claim
 * uses (the item is not there yet). Any other condition is refused, so this fake never passes one it
 * does not understand.
 */
function claimsOnlyTable() {
  const items = new Map<string, Record<string, unknown>>();
  const id = (item: Record<string, unknown>) => `${item.PK}|${item.SK}`;
  const holds = (put: Put) => {
    if (put.ConditionExpression === undefined) return true;
    if (put.ConditionExpression !== 'attribute_not_exists(PK)')
      throw new Error(`the fake does not read ${put.ConditionExpression}`);
    return !items.has(id(put.Item));
  };
  const db = {
    async send(command: unknown) {
      if (command instanceof PutCommand) {
        const put = command.input as Put;
        if (!holds(put))
          throw new ConditionalCheckFailedException({
            message: 'The conditional request failed',
            $metadata: {},
          });
        items.set(id(put.Item), put.Item);
        return {};
      }
      if (command instanceof TransactWriteCommand) {
        const puts = (command.input.TransactItems ?? []).map((item) => item.Put as Put);
        const reasons = puts.map((put) => ({ Code: holds(put) ? 'None' : 'ConditionalCheckFailed' }));
        if (reasons.some((r) => r.Code !== 'None'))
          throw new TransactionCanceledException({
            message: 'Transaction cancelled',
            $metadata: {},
            CancellationReasons: reasons,
          });
        for (const put of puts) items.set(id(put.Item), put.Item);
        return {};
      }
      throw new Error('the fake only puts');
    },
  };
  return { items, messages: dynamoMessages(new Table(db as never, 'kintsugi-test'), 4) };
}

const message = (day: number): MessageRecord => ({
  enrollmentId: 'enr-1',
  day,
  slot: 'morning',
  channel: 'email',
  kind: 'lesson',
  status: 'claimed',
  dueAt: '2026-03-03T13:00:00.000Z',
  claimedAt: '2026-03-03T13:00:00.000Z',
});

describe('the DynamoDB store’s claims', () => {
  it('claims a message once: a second claim of it is refused and leaves the first as it was', async () => {
    const { items, messages } = claimsOnlyTable();
    expect(await messages.claimMessage(message(1))).toBe(true);
    expect(await messages.claimMessage({ ...message(1), claimedAt: '2026-03-03T13:01:00.000Z' })).toBe(false);
    expect([...items.values()].map((item) => item.claimedAt)).toEqual(['2026-03-03T13:00:00.000Z']);
  });

  it('claims several in one transaction, and on a repeated tick only those not claimed before', async () => {
    const { items, messages } = claimsOnlyTable();
    expect(await messages.claimMessages([message(1), message(2)])).toEqual([true, true]);
    expect(await messages.claimMessages([message(1), message(2)])).toEqual([false, false]);
    expect(await messages.claimMessages([message(2), message(3)])).toEqual([false, true]);
    expect(items.size).toBe(3);
  });
});
