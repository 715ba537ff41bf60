import type { Reply } from '../../program/enrollment';

/** A participant's replies: check-in scores, answers and notes (open questions are read from these and the messages). */
export interface ReplyStore {
  /**
   * Stores a reply; the same reply again (same instant and source) changes nothing. `retainUntil`, here
   * and for consents: the enrollment's, when its program has ended, so what comes after expires with it.
   */
  addReply(reply: Reply, retainUntil?: number): Promise<void>;
  listReplies(enrollmentId: string): Promise<Reply[]>;
  /** Removes the words of every reply, keeping the scores (journal notes without a score go entirely). */
  dropReplyText(enrollmentId: string): Promise<number>;
}
