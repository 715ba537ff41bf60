import type { MessageKey, MessageRecord } from '../../program/enrollment';

/** What a message's move to a new state may change. */
export type MessageChanges = Partial<
  Pick<MessageRecord, 'status' | 'providerId' | 'error' | 'sendingAt' | 'sendingBy'>
>;

/** The messages of a program: claimed once per step and channel, moved forward as they are sent. */
export interface MessageStore {
  /** Claims a message (conditional put); false when it was already claimed. */
  claimMessage(message: MessageRecord): Promise<boolean>;
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
  findMessageByProviderId(providerId: string): Promise<MessageRecord | undefined>;
  listMessages(enrollmentId: string): Promise<MessageRecord[]>;
}
