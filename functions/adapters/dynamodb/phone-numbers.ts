import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { PhoneNumberStore } from '../../ports/store';
import type { Enrollment } from '../../program/enrollment';
import { ConcurrentUpdateError } from '../../shared/errors';
import { enrollmentPut, readEnrollment } from './enrollments';
import { ENROLLMENT_PREFIX, keys } from './keys';
import { type Item, isConditionFailure, type Table } from './table';

/** A number's holder (one item, written by YES) and the notes of every enrollment that named it, in one partition. */
export function dynamoPhoneNumbers(table: Table, dueShards: number): PhoneNumberStore {
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
      try {
        await table.db.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: enrollmentPut(table, dueShards, enrollment) },
              {
                Put: {
                  TableName: table.name,
                  Item: { ...keys.phoneNamedBy(enrollment.phone, enrollment.id), ...note },
                },
              },
              // The number it named before and never proved is forgotten in the same write.
              ...(previous && previous !== enrollment.phone
                ? [{ Delete: { TableName: table.name, Key: keys.phoneNamedBy(previous, enrollment.id) } }]
                : []),
            ],
          }),
        );
      } catch (error) {
        if (error instanceof TransactionCanceledException)
          throw new ConcurrentUpdateError(
            'The enrollment changed while its number was being added.',
            undefined,
            {
              cause: error,
            },
          );
        throw error;
      }
    },
  };
}
