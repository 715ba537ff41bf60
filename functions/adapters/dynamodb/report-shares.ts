import { DeleteCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ReportShareStore } from '../../ports/store';
import type { ReportShare } from '../../program/report-share';
import { keys, SHARE_PREFIX } from './keys';
import { expiring, type Item, isConditionFailure, strip, type Table } from './table';

/** Share links in their enrollment's partition, each with a lookup under the hash of its token. */
export function dynamoReportShares(table: Table): ReportShareStore {
  return {
    async createShare(share, tokenHash, retainUntil) {
      const linkExpires = Math.floor(Date.parse(share.validUntil) / 1000);
      // Each put also accepts its own earlier copy: the SDK may repeat a transaction whose answer was lost.
      await table.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: table.name,
                Item: {
                  ...keys.share(share.enrollmentId, share.id),
                  ...share,
                  tokenHash,
                  ...expiring(retainUntil),
                },
                ConditionExpression: 'attribute_not_exists(PK) OR tokenHash = :hash',
                ExpressionAttributeValues: { ':hash': tokenHash },
              },
            },
            {
              Put: {
                TableName: table.name,
                Item: {
                  ...keys.shareLink(tokenHash),
                  enrollmentId: share.enrollmentId,
                  shareId: share.id,
                  expiresAt: retainUntil === undefined ? linkExpires : Math.min(linkExpires, retainUntil),
                },
                ConditionExpression: 'attribute_not_exists(PK) OR shareId = :id',
                ExpressionAttributeValues: { ':id': share.id },
              },
            },
          ],
        }),
      );
    },

    async listShares(enrollmentId) {
      const shares = (await table.ofEnrollment(enrollmentId, SHARE_PREFIX)).map(
        (item) => strip<ReportShare & Item>(item, 'tokenHash') as ReportShare,
      );
      return shares.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },

    async openShare(tokenHash, now) {
      const link = table.live(await table.get(keys.shareLink(tokenHash)));
      if (!link) return undefined;
      try {
        // The count and the checks in one write: two opens at once both count, and none after a revoke.
        const { Attributes } = await table.db.send(
          new UpdateCommand({
            TableName: table.name,
            Key: keys.share(link.enrollmentId as string, link.shareId as string),
            UpdateExpression: 'ADD opens :one SET lastOpenedAt = :now',
            ConditionExpression:
              'tokenHash = :hash AND attribute_not_exists(revokedAt) AND validUntil > :now AND (attribute_not_exists(expiresAt) OR expiresAt > :nowSeconds)',
            ExpressionAttributeValues: {
              ':one': 1,
              ':now': now,
              ':hash': tokenHash,
              ':nowSeconds': table.nowSeconds(),
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return strip<ReportShare & Item>(Attributes, 'tokenHash');
      } catch (error) {
        if (isConditionFailure(error)) return undefined;
        throw error;
      }
    },

    async revokeShare(enrollmentId, shareId, at) {
      let tokenHash: string;
      try {
        const { Attributes } = await table.db.send(
          new UpdateCommand({
            TableName: table.name,
            Key: keys.share(enrollmentId, shareId),
            // Revoking twice keeps the first instant.
            UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :at)',
            ConditionExpression:
              'attribute_exists(PK) AND (attribute_not_exists(expiresAt) OR expiresAt > :nowSeconds)',
            ExpressionAttributeValues: { ':at': at, ':nowSeconds': table.nowSeconds() },
            ReturnValues: 'ALL_NEW',
          }),
        );
        tokenHash = Attributes?.tokenHash as string;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
      // The record already refuses every open; the lookup goes too, so nothing is left to find.
      await table.db.send(new DeleteCommand({ TableName: table.name, Key: keys.shareLink(tokenHash) }));
      return true;
    },
  };
}
