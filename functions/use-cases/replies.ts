import type { Reply } from '../program/enrollment';
import { countEvent } from '../shared/metrics';
import type { Deps } from './deps';

/** Stores a reply and counts it (`Replies`, by channel and whether it answers a check-in or is a note). */
export async function recordReply(deps: Pick<Deps, 'store'>, reply: Reply): Promise<void> {
  await deps.store.addReply(reply);
  countEvent('Replies', { channel: reply.channel, kind: reply.score === undefined ? 'note' : 'answer' });
}
