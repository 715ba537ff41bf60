import type { Enrollment, Reply } from '../../program/enrollment';
import type { OutcomeTally } from '../../program/outcomes';

/** What an answer writes at once: the enrollment as it changed it, its replies, and its outcome tallies. */
export interface AnswerWrite {
  enrollment: Enrollment;
  replies: readonly Reply[];
  tallies: readonly OutcomeTally[];
}

/** A participant's replies: check-in scores, answers and notes (open questions are read from these and the messages). */
export interface ReplyStore {
  /**
   * Stores a reply; the same reply again (same instant and source) changes nothing. `retainUntil`, here
   * and for consents: the enrollment's, when its program has ended, so what comes after expires with it.
   */
  addReply(reply: Reply, retainUntil?: number): Promise<void>;
  /**
   * Writes an answer in one write, all of it or none: the enrollment (only if its stored version is still
   * `enrollment.version - 1`, else ConcurrentUpdateError and nothing is written), each reply unless stored
   * before (as addReply), and each tally counted unless its mark shows it counted before (as tallyOutcome);
   * replies and marks expire with the enrollment's `retainUntil`. Returns the tallies left for the caller
   * to count on its own (tallyOutcome): those counted before with a value that may have changed, and all
   * of them should other writers keep their counters busy past a few tries (the rest is written without).
   */
  saveAnswer(answer: AnswerWrite): Promise<OutcomeTally[]>;
  listReplies(enrollmentId: string): Promise<Reply[]>;
  /** Removes the words of every reply, keeping the scores (journal notes without a score go entirely). */
  dropReplyText(enrollmentId: string): Promise<number>;
}
