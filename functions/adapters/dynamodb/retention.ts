import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DeleteCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RetentionStore } from '../../ports/store';
import type { Enrollment } from '../../program/enrollment';
import { mapConcurrently } from '../../shared/concurrency';
import { ENROLLMENT_PREFIX, keys } from './keys';
import { isConditionFailure, type Key, type Table } from './table';

/** TTL writes in flight at once when a program ends and a transaction could not do them (`expireEnrollment`). */
const EXPIRY_WRITES_AT_ONCE = 8;

/** Items a transaction may hold: a program's TTL writes go in as few of them as that allows. */
const TRANSACTION_ITEMS = 100;

/**
 * The keys outside an enrollment's partition that point at it: its email lookup and, with a phone, the
 * number's holder lookup (if it is the holder) and the note that it named the number.
 */
const lookupKeys = (enrollment: Pick<Enrollment, 'id' | 'email' | 'phone'>): Key[] => [
  keys.emailLookup(enrollment.email),
  ...(enrollment.phone
    ? [keys.phoneLookup(enrollment.phone), keys.phoneNamedBy(enrollment.phone, enrollment.id)]
    : []),
];

/** Expiry (TTL on every item of an enrollment and what points at it) and erasure (deleting them all). */
export function dynamoRetention(table: Table): RetentionStore {
  return {
    async expireEnrollment(enrollment, expiresAt) {
      const own = await table.partition(keys.enrollment(enrollment.id).PK);
      const targets = [
        ...own.map((item) => ({ PK: item.PK as string, SK: item.SK as string })),
        ...lookupKeys(enrollment),
      ];
      // A share link's lookup already expires with its link: only ever brought earlier, never later.
      const shareLinks = own
        .filter((item) => typeof item.tokenHash === 'string')
        .map((item) => keys.shareLink(item.tokenHash as string));
      const expiry = (key: Key) => {
        const inPartition = key.PK.startsWith(ENROLLMENT_PREFIX);
        const shareLink = shareLinks.includes(key);
        return {
          TableName: table.name,
          Key: key,
          UpdateExpression: 'SET expiresAt = :at',
          // Lookups only while they still point here; every other item belongs to this enrollment.
          ConditionExpression: inPartition
            ? 'attribute_exists(PK)'
            : shareLink
              ? 'attribute_exists(PK) AND expiresAt > :at'
              : 'enrollmentId = :id',
          ExpressionAttributeValues: {
            ':at': expiresAt,
            ...(inPartition || shareLink ? {} : { ':id': enrollment.id }),
          },
        };
      };
      const all = [...targets, ...shareLinks];
      // A program holds about 150 items: a transaction of up to 100 writes each, so ending a program costs
      // two requests, not 150. A write whose condition fails is left out (as on its own: that item is not
      // this enrollment's to expire) and the rest tried again; a transaction that cannot go through
      // (another write to one of its items at that moment) gives way to the writes one by one.
      const oneByOne = (chunk: Key[]) =>
        mapConcurrently(chunk, EXPIRY_WRITES_AT_ONCE, async (key) => {
          try {
            await table.db.send(new UpdateCommand(expiry(key)));
          } catch (error) {
            if (!isConditionFailure(error)) throw error;
          }
        });
      for (let i = 0; i < all.length; i += TRANSACTION_ITEMS) {
        let chunk = all.slice(i, i + TRANSACTION_ITEMS);
        for (let attempt = 0; chunk.length > 0; attempt++) {
          if (attempt === 2) {
            await oneByOne(chunk);
            break;
          }
          try {
            await table.db.send(
              new TransactWriteCommand({ TransactItems: chunk.map((key) => ({ Update: expiry(key) })) }),
            );
            break;
          } catch (error) {
            if (!(error instanceof TransactionCanceledException)) throw error;
            const reasons = error.CancellationReasons ?? [];
            const failed = (n: number) => reasons[n]?.Code === 'ConditionalCheckFailed';
            if (reasons.some((r) => r?.Code && r.Code !== 'None' && r.Code !== 'ConditionalCheckFailed')) {
              await oneByOne(chunk);
              break;
            }
            chunk = chunk.filter((_, n) => !failed(n));
          }
        }
      }
    },

    async deleteEnrollment(enrollment) {
      const own = await table.partition(keys.enrollment(enrollment.id).PK);
      const targets: Key[] = own.map((item) => ({ PK: item.PK as string, SK: item.SK as string }));
      for (const item of own) {
        if (typeof item.providerId === 'string') targets.push(keys.providerLookup(item.providerId));
        if (typeof item.tokenHash === 'string') targets.push(keys.shareLink(item.tokenHash));
      }
      // Lookups go only if they still point at this enrollment (a later enrollment may own the address now).
      for (const key of lookupKeys(enrollment)) {
        try {
          await table.db.send(
            new DeleteCommand({
              TableName: table.name,
              Key: key,
              ConditionExpression: 'enrollmentId = :id',
              ExpressionAttributeValues: { ':id': enrollment.id },
            }),
          );
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      }
      // The profile goes last, so a failure half-way leaves it in place and the request can be repeated.
      const profile = keys.enrollment(enrollment.id);
      const rest = targets.filter((k) => !(k.PK === profile.PK && k.SK === profile.SK));
      for (let i = 0; i < rest.length; i += 25) {
        let requests = rest.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
        for (let attempt = 0; requests.length > 0; attempt++) {
          if (attempt > 8) throw new Error('DynamoDB kept items unprocessed while deleting an enrollment');
          const result = await table.db.send(
            new BatchWriteCommand({ RequestItems: { [table.name]: requests } }),
          );
          requests = (result.UnprocessedItems?.[table.name] ?? []) as typeof requests;
          if (requests.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
        }
      }
      await table.db.send(new DeleteCommand({ TableName: table.name, Key: profile }));
    },
  };
}
