import type { ReplyStore } from '../../ports/store';
import type { Enrollment, Reply } from '../../program/enrollment';
import { countEvent } from '../../shared/metrics';
import type { UsesStore } from '../deps';

/**
 * Stores a reply and counts it (`Replies`, by channel and whether it answers a check-in or is a note).
 * A reply to a program that has ended expires with the rest of it (`retainUntil`).
 */
export async function recordReply(
  deps: UsesStore<ReplyStore>,
  enrollment: Pick<Enrollment, 'retainUntil'>,
  reply: Reply,
): Promise<void> {
  await deps.store.addReply(reply, enrollment.retainUntil);
  countReply(reply);
}

/** Counts a stored reply (`Replies`, by channel and whether it answers a check-in or is a note). */
export function countReply(reply: Reply): void {
  countEvent('Replies', { channel: reply.channel, kind: reply.score === undefined ? 'note' : 'answer' });
}
