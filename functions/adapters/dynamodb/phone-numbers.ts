import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { PutCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { PhoneNumberStore } from '../../ports/store';
import type { Enrollment } from '../../program/enrollment';
import { ConcurrentUpdateError } from '../../shared/errors';
import { enrollmentPut, readEnrollment } from './enrollments';
import { ENROLLMENT_PREFIX, keys } from './keys';
import { type Item, isConditionFailure, type Table } from './table';

/** A number's holder (one item, written by YES) and the notes of every enrollment that named it, in one partition. */
export function dynamoPhoneNumbers(table: Table, dueShards: number): PhoneNumberStore {
  /**
   * The deletes that forget that `enrollmentId` named `number`: its note, and the number's holder item if it
   * is the holder. The holder is read first, as a transaction cannot leave out a delete whose condition
   * fails; if the number changes hands between the read and the write, the write is refused (and the
   * caller's update tries again from a read).
   */
  const forgetting = async (number: string, enrollmentId: string) => {
    const holds = (await table.lookup(keys.phoneLookup(number), true)) === enrollmentId;
    return [
      { Delete: { TableName: table.name, Key: keys.phoneNamedBy(number, enrollmentId) } },
      ...(holds
        ? [
            {
              Delete: {
                TableName: table.name,
                Key: keys.phoneLookup(number),
                ConditionExpression: 'enrollmentId = :id',
                ExpressionAttributeValues: { ':id': enrollmentId },
              },
            },
          ]
        : []),
    ];
  };
  /** One transaction; refused (a version moved on, a holder changed) as a ConcurrentUpdateError. */
  const write = async (TransactItems: TransactWriteCommandInput['TransactItems'], refused: string) => {
    try {
      await table.db.send(new TransactWriteCommand({ TransactItems }));
    } catch (error) {
      if (error instanceof TransactionCanceledException)
        throw new ConcurrentUpdateError(refused, undefined, { cause: error });
      throw error;
    }
  };
  return {
    async findByPhone(phone) {
      const id = await table.lookup(keys.phoneLookup(phone));
      return id ? readEnrollment(table, id) : undefined;
    },

    async findNamingPhone(phone) {
      const named = await table.partition(keys.phoneLookup(phone).PK, ENROLLMENT_PREFIX);
      const found = await Promise.all(
        named
          .filter((item) => table.live(item))
          .map((item) => readEnrollment(table, item.enrollmentId as string)),
      );
      return found.filter((e): e is Enrollment => e !== undefined);
    },

    async claimPhone(phone, enrollmentId, at) {
      const claim = (condition: string, values: Item) =>
        table.db.send(
          new PutCommand({
            TableName: table.name,
            Item: { ...keys.phoneLookup(phone), enrollmentId, claimedAt: at },
            ConditionExpression: condition,
            ExpressionAttributeValues: values,
          }),
        );
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          await claim('attribute_not_exists(PK) OR enrollmentId = :id OR expiresAt <= :now', {
            ':id': enrollmentId,
            ':now': table.nowSeconds(),
          });
          return true;
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
        // Held by another enrollment: taken over only when that program is no longer running.
        const holder = await table.lookup(keys.phoneLookup(phone), true);
        if (!holder) continue;
        if ((await readEnrollment(table, holder))?.status === 'active') return false;
        try {
          await claim('enrollmentId = :holder', { ':holder': holder });
          return true;
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      }
      return false;
    },

    async nameNumber(enrollment, previous) {
      if (!enrollment.phone) throw new Error('nameNumber: the enrollment names no number');
      const note = { enrollmentId: enrollment.id, createdAt: enrollment.createdAt };
      const forgotten =
        previous && previous !== enrollment.phone ? await forgetting(previous, enrollment.id) : [];
      await write(
        [
          { Put: enrollmentPut(table, dueShards, enrollment) },
          {
            Put: {
              TableName: table.name,
              Item: { ...keys.phoneNamedBy(enrollment.phone, enrollment.id), ...note },
            },
          },
          // The number it named before is forgotten in the same write (and given up, if it held it).
          ...forgotten,
        ],
        'The enrollment changed while its number was being added.',
      );
    },

    async forgetNumber(enrollment, number) {
      if (enrollment.phone === number) throw new Error('forgetNumber: the enrollment still names the number');
      await write(
        [{ Put: enrollmentPut(table, dueShards, enrollment) }, ...(await forgetting(number, enrollment.id))],
        'The enrollment changed while its number was being forgotten.',
      );
    },
  };
}
