import type { InboundStore } from '../../ports/store';
import { logger } from '../../shared/logger';
import type { UsesStore } from '../deps';

/** How long one request may hold an inbound message: longer than a webhook Lambda may run. */
export const INBOUND_LEASE_MS = 60_000;

export type Once<T> = { repeat: true } | { repeat: false; value: T };

/**
 * Handles an inbound message (by the provider's id) once. A repeat of one already handled, or of one
 * being handled now, is a `repeat`. A failure gives the message back, so the provider's retry handles it
 * (a crash: once the lease has run out); `handle` gets the instant the message was first seen, so what
 * the failed try wrote is written again under the same keys, never twice.
 */
export async function handleOnce<T>(
  deps: UsesStore<InboundStore, 'clock' | 'newId'>,
  sourceId: string,
  keepSeconds: number,
  handle: (firstSeenAt: string) => Promise<T>,
): Promise<Once<T>> {
  const now = deps.clock.now();
  const holder = deps.newId();
  const firstSeenAt = await deps.store.claimInbound({
    sourceId,
    holder,
    now: now.toISOString(),
    leaseUntil: new Date(now.getTime() + INBOUND_LEASE_MS).toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + keepSeconds,
  });
  if (!firstSeenAt) return { repeat: true };
  let value: T;
  try {
    value = await handle(firstSeenAt);
  } catch (error) {
    await deps.store.settleInbound(sourceId, holder, false).catch(() => undefined);
    throw error;
  }
  // The work is done and its writes are idempotent: a failure to mark it only lets a later retry redo it.
  await deps.store.settleInbound(sourceId, holder, true).catch((error: Error) => {
    logger.warn('inbound message handled but not marked', { error: error.name });
  });
  return { repeat: false, value };
}
