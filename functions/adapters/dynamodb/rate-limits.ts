import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { QuotaOutcome, RateLimitStore } from '../../ports/store';
import { keys } from './keys';
import { isConditionFailure, type Table } from './table';

/** One item per limited subject, one attribute per use of its window. */
export function dynamoRateLimits(table: Table): RateLimitStore {
  return {
    async takeQuota(request): Promise<QuotaOutcome> {
      const Key = keys.quota(request.subject);
      const now = Date.parse(request.now);
      const take = `${request.now}#${request.kind}#${request.holder}`;
      // Each use is one attribute (u0, u1…) holding "<when>#<kind>#<holder>": a use older than the window
      // is free again, and a write succeeds only over the value it was read with.
      for (let attempt = 0; attempt < 5; attempt++) {
        const item = await table.get(Key);
        const uses = Array.from({ length: request.limit }, (_, i) => item?.[`u${i}`] as string | undefined);
        if (uses.some((use) => use?.endsWith(`#${request.holder}`)))
          // A repeat of this request, or the SDK repeating a write whose answer was lost (attempt > 0).
          return attempt === 0 ? 'repeat' : 'taken';
        const since = (use: string) => now - Date.parse(use.slice(0, use.indexOf('#')));
        const spacing = (request.spacingSeconds ?? 0) * 1000;
        if (uses.some((use) => use?.split('#')[1] === request.kind && since(use) < spacing)) return 'refused';
        const free = uses.findIndex((use) => use === undefined || since(use) >= request.windowSeconds * 1000);
        if (free < 0) return 'refused';
        const old = uses[free];
        try {
          await table.db.send(
            new UpdateCommand({
              TableName: table.name,
              Key,
              UpdateExpression: `SET u${free} = :take, expiresAt = :expires`,
              ConditionExpression: old === undefined ? `attribute_not_exists(u${free})` : `u${free} = :old`,
              ExpressionAttributeValues: {
                ':take': take,
                ':expires': Math.floor(now / 1000) + request.windowSeconds,
                ...(old === undefined ? {} : { ':old': old }),
              },
            }),
          );
          return 'taken';
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      }
      return 'refused';
    },
  };
}
