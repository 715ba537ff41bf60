import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { PutCommand, ScanCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { EnrollmentConflict, EnrollmentPage, EnrollmentStore } from '../../ports/store';
import type { Enrollment } from '../../program/enrollment';
import { ConcurrentUpdateError } from '../../shared/errors';
import { keys, PROFILE } from './keys';
import {
  decodeCursor,
  encodeCursor,
  expiring,
  type Item,
  isConditionFailure,
  strip,
  type Table,
} from './table';

/** A pending enrollment nobody confirmed is removed by TTL this long after it was made. */
export const PENDING_TTL_SECONDS = 14 * 86_400;

/** The enrollment with this id, unless it has gone (expired or deleted). */
export async function readEnrollment(table: Table, id: string): Promise<Enrollment | undefined> {
  return strip<Enrollment & Item>(table.live(await table.get(keys.enrollment(id))));
}

/**
 * The Put of an enrollment under its version (written only if the stored one is `version - 1`), with its
 * due-index keys and, once ended, its TTL: one item of a transaction, or a write of its own.
 */
export function enrollmentPut(table: Table, dueShards: number, enrollment: Enrollment) {
  const due =
    enrollment.status === 'active' && enrollment.nextDueAt
      ? keys.due(enrollment.id, enrollment.nextDueAt, dueShards)
      : {};
  return {
    TableName: table.name,
    // A finished program's TTL is written with every update, so no later write drops it.
    Item: { ...keys.enrollment(enrollment.id), ...enrollment, ...due, ...expiring(enrollment.retainUntil) },
    ConditionExpression: 'version = :previous',
    ExpressionAttributeValues: { ':previous': enrollment.version - 1 },
  };
}

/** Enrollments, each under its id, with a unique lookup by email; `dueShards` spreads the due index. */
export function dynamoEnrollments(table: Table, dueShards: number): EnrollmentStore {
  /**
   * The transaction that stores a pending enrollment with its email lookup and, with a phone, the note
   * that it named the number, all expiring unless it is confirmed (activateEnrollment): an address
   * nobody confirmed is not kept. Naming a number claims nothing: YES from it does (claimPhone).
   */
  const creation = (enrollment: Enrollment, stale: string | undefined) => {
    const expiresAt = Math.floor(Date.parse(enrollment.createdAt) / 1000) + PENDING_TTL_SECONDS;
    const lookup = { enrollmentId: enrollment.id, createdAt: enrollment.createdAt, expiresAt };
    const items = [
      {
        Put: {
          TableName: table.name,
          Item: { ...keys.enrollment(enrollment.id), ...enrollment, expiresAt },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Put: {
          TableName: table.name,
          Item: { ...keys.emailLookup(enrollment.email), ...lookup },
          ...(stale
            ? { ConditionExpression: 'enrollmentId = :stale', ExpressionAttributeValues: { ':stale': stale } }
            : { ConditionExpression: 'attribute_not_exists(PK)' }),
        },
      },
    ];
    if (enrollment.phone) {
      items.push({
        Put: {
          TableName: table.name,
          Item: { ...keys.phoneNamedBy(enrollment.phone, enrollment.id), ...lookup },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      });
    }
    return items;
  };

  const versionedPut = (enrollment: Enrollment) => enrollmentPut(table, dueShards, enrollment);

  return {
    async createEnrollment(enrollment: Enrollment): Promise<EnrollmentConflict | undefined> {
      // An email lookup whose enrollment has gone (an unconfirmed one expired) may be taken over.
      let stale: string | undefined;
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          await table.db.send(new TransactWriteCommand({ TransactItems: creation(enrollment, stale) }));
          return undefined;
        } catch (error) {
          if (!(error instanceof TransactionCanceledException)) throw error;
          if (error.CancellationReasons?.[1]?.Code !== 'ConditionalCheckFailed') throw error;
          // The holder as stored, expired or not: an expired lookup (TTL deletes late) is taken over too.
          const holder = await table.lookup(keys.emailLookup(enrollment.email), true);
          if (holder && (await readEnrollment(table, holder)))
            return { kind: 'email-taken', holderId: holder };
          if (!holder) continue;
          stale = holder;
        }
      }
      throw new ConcurrentUpdateError('The email address changed hands while enrolling.');
    },

    getEnrollment: (id) => readEnrollment(table, id),

    async findByEmail(email) {
      const id = await table.lookup(keys.emailLookup(email));
      return id ? readEnrollment(table, id) : undefined;
    },

    async saveEnrollment(enrollment) {
      try {
        await table.db.send(new PutCommand(versionedPut(enrollment)));
      } catch (error) {
        if (isConditionFailure(error)) {
          throw new ConcurrentUpdateError('The enrollment changed while it was being updated.', undefined, {
            cause: error,
          });
        }
        throw error;
      }
    },

    async activateEnrollment(enrollment) {
      try {
        await table.db.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: versionedPut(enrollment) },
              {
                Update: {
                  TableName: table.name,
                  Key: keys.emailLookup(enrollment.email),
                  UpdateExpression: 'REMOVE expiresAt',
                  ConditionExpression: 'enrollmentId = :id',
                  ExpressionAttributeValues: { ':id': enrollment.id },
                },
              },
              // Written if missing: an enrollment made before numbers were claimed by YES has none.
              ...(enrollment.phone
                ? [
                    {
                      Update: {
                        TableName: table.name,
                        Key: keys.phoneNamedBy(enrollment.phone, enrollment.id),
                        UpdateExpression: 'SET enrollmentId = :id REMOVE expiresAt',
                        ExpressionAttributeValues: { ':id': enrollment.id },
                      },
                    },
                  ]
                : []),
            ],
          }),
        );
      } catch (error) {
        if (error instanceof TransactionCanceledException) {
          throw new ConcurrentUpdateError('The enrollment changed while it was being confirmed.', undefined, {
            cause: error,
          });
        }
        throw error;
      }
    },

    async listEnrollments({ limit, cursor }): Promise<EnrollmentPage> {
      // An operator's tool: a Scan of the whole table, filtered to profiles, one page per call.
      const page = await table.db.send(
        new ScanCommand({
          TableName: table.name,
          FilterExpression: 'SK = :profile',
          ExpressionAttributeValues: { ':profile': PROFILE },
          Limit: limit,
          ...(cursor ? { ExclusiveStartKey: decodeCursor(cursor) } : {}),
        }),
      );
      const enrollments = (page.Items ?? [])
        .map((item) => strip<Enrollment & Item>(table.live(item)))
        .filter((e): e is Enrollment & Item => e !== undefined);
      return {
        enrollments,
        ...(page.LastEvaluatedKey ? { cursor: encodeCursor(page.LastEvaluatedKey) } : {}),
      };
    },
  };
}
