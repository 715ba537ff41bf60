import type { Enrollment, MessageKey, MessageRecord } from '../../program/enrollment';

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
export type MarkSentOutcome = 'done' | 'not-sending' | 'enrollment-changed';

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
   * Moves a message to a new state only if it is in one of `from`; false when it was not
   * (another worker got there first, or a late status callback would move it backwards).
   */
  transitionMessage(
    message: MessageKey,
    from: readonly MessageRecord['status'][],
    changes: MessageChanges,
  ): Promise<boolean>;
  /**
   * Records that the provider took a message, in one write: `sending` → accepted with its provider's id,
   * the lookup by that id, and, when given, the enrollment as this send changed it (written only if its
   * stored version is still `enrollment.version - 1`). All of it or none.
   */
  markSent(message: MessageKey, accepted: Accepted, enrollment?: Enrollment): Promise<MarkSentOutcome>;
  findMessageByProviderId(providerId: string): Promise<MessageRecord | undefined>;
  listMessages(enrollmentId: string): Promise<MessageRecord[]>;
}
