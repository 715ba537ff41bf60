import type { Enrollment, MessageKey, MessageRecord } from '../../program/enrollment';
import type { OutcomeTally } from '../../program/outcomes';

/** What a message's move to a new state may change. */
export type MessageChanges = Partial<
  Pick<MessageRecord, 'status' | 'providerId' | 'error' | 'sendingAt' | 'sendingBy'>
>;

/** What a provider's acceptance of a message records: its state now and the provider's id for it. */
export interface Accepted {
  /** `sent` (an email), or `queued` (a text the SMS provider has only accepted). */
  status: 'sent' | 'queued';
  providerId: string;
}

/**
 * What came of marking a message sent: done (the message, its lookup by the provider's id and the
 * enrollment given, all written), the message no longer `sending` (nothing written), or the enrollment
 * written meanwhile by someone else (nothing written: the caller marks it sent alone, then updates the
 * enrollment as it would anyway).
 */
export type MarkSentOutcome = 'done' | 'done-uncounted' | 'not-sending' | 'enrollment-changed';

/**
 * An outcome tally written with a message's `sent` (a weekly check-in asked): counted in the same write
 * unless its mark shows it was counted before, its mark expiring at `retainUntil` when given.
 */
export interface CountedWith {
  tally: OutcomeTally;
  retainUntil?: number;
}

/** The messages of a program: claimed once per step and channel, moved forward as they are sent. */
export interface MessageStore {
  /** Claims a message (conditional put); false when it was already claimed. */
  claimMessage(message: MessageRecord): Promise<boolean>;
  /**
   * Claims several messages of one enrollment (a tick's), in one write when none was claimed before;
   * each claim's outcome as claimMessage's, in order.
   */
  claimMessages(messages: readonly MessageRecord[]): Promise<boolean[]>;
  getMessage(
    enrollmentId: string,
    day: number,
    slot: string,
    channel: MessageRecord['channel'],
  ): Promise<MessageRecord | undefined>;
  /**
   * Claims a tick's messages of one enrollment and writes the enrollment as the tick moved it on, in one
   * write, all of it or none (false): each claim only if the message was never claimed, each of `released`
   * (claimed messages a hold kept back) only if it is still claimed, and the enrollment only if its stored
   * version is still `enrollment.version - 1`. The `queued` messages (claims and released ones about to be
   * queued) are due again at `unsentAt` (dueEnrollments' `unsent`) until a transition takes them on, so a
   * tick that dies before queueing them loses none. At most 99 messages in all.
   */
  claimWithAdvance(advance: {
    claims: readonly MessageRecord[];
    released: readonly MessageKey[];
    queued: readonly MessageKey[];
    enrollment: Enrollment;
    unsentAt: string;
  }): Promise<boolean>;
  /**
   * An unsent claim (dueEnrollments' `unsent`, due again at `at`) is due again at `until` instead, if it is
   * still claimed and still due at `at`: true when this call moved it (its job is the caller's to queue),
   * false when it was taken or another tick moved it first.
   */
  requeueUnsent(message: MessageKey, at: string, until: string): Promise<boolean>;
  /**
   * Moves a message to a new state only if it is in one of `from`; false when it was not
   * (another worker got there first, or a late status callback would move it backwards). A message due
   * again (claimWithAdvance) leaves the due index with any move.
   */
  transitionMessage(
    message: MessageKey,
    from: readonly MessageRecord['status'][],
    changes: MessageChanges,
  ): Promise<boolean>;
  /**
   * Records that the provider took a message, in one write: `sending` → accepted with its provider's id,
   * the lookup by that id, and, when given, the enrollment as this send changed it (written only if its
   * stored version is still `enrollment.version - 1`). All of it or none. With `counting`, its tally is
   * counted in the same write, once: one counted before is left out and the rest written. Should other
   * writers keep its counters busy past a few tries, the message is marked without it ('done-uncounted':
   * the caller counts it on its own); a sent message is never held back by a count.
   */
  markSent(
    message: MessageKey,
    accepted: Accepted,
    enrollment?: Enrollment,
    counting?: CountedWith,
  ): Promise<MarkSentOutcome>;
  findMessageByProviderId(providerId: string): Promise<MessageRecord | undefined>;
  listMessages(enrollmentId: string): Promise<MessageRecord[]>;
}
