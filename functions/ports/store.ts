import type { ConsentEvent } from '../program/consent';
import type { Enrollment, MessageRecord, Reply } from '../program/enrollment';
import type { CheckpointReport } from '../program/report';

/** Why a new enrollment could not be stored. */
export type EnrollmentConflict =
  | { kind: 'email-taken'; holderId: string }
  | { kind: 'phone-taken'; holderId: string };

/** Where enrollments, messages, replies and reports live (one DynamoDB table in production). */
export interface Store {
  /** Stores a pending enrollment with its email (and phone) lookups atomically, or reports the conflict. */
  createEnrollment(enrollment: Enrollment): Promise<EnrollmentConflict | undefined>;
  getEnrollment(id: string): Promise<Enrollment | undefined>;
  findByEmail(email: string): Promise<Enrollment | undefined>;
  findByPhone(phone: string): Promise<Enrollment | undefined>;
  /**
   * Writes the enrollment if its stored version is still `enrollment.version - 1`
   * (optimistic locking); throws ConcurrentUpdateError when someone else wrote first.
   */
  saveEnrollment(enrollment: Enrollment, shardCount: number): Promise<void>;
  /** Ids of active enrollments whose next step is due at or before `now`, on one shard. */
  dueEnrollmentIds(shard: number, now: string): Promise<string[]>;
  /** The earliest next-due instant across all shards, if any. */
  earliestDue(shardCount: number): Promise<string | undefined>;
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
    message: MessageRecord,
    from: readonly MessageRecord['status'][],
    changes: Partial<Pick<MessageRecord, 'status' | 'providerId' | 'error'>>,
  ): Promise<boolean>;
  findMessageByProviderId(providerId: string): Promise<MessageRecord | undefined>;
  listMessages(enrollmentId: string): Promise<MessageRecord[]>;
  /** Records a provider's inbound message id once; false when it was seen before. */
  rememberInbound(sourceId: string, expiresAt: number): Promise<boolean>;
  addReply(reply: Reply): Promise<void>;
  listReplies(enrollmentId: string): Promise<Reply[]>;
  /** Appends one event to the consent ledger (a conditional put: an entry is never overwritten). */
  addConsent(event: ConsentEvent): Promise<void>;
  /** The consent ledger of an enrollment, oldest first. */
  listConsents(enrollmentId: string): Promise<ConsentEvent[]>;
  saveReport(report: CheckpointReport): Promise<void>;
  /** Removes every item about an enrollment: profile, lookups, messages, replies, report. */
  deleteEnrollment(enrollment: Enrollment): Promise<void>;
  getReport(enrollmentId: string): Promise<CheckpointReport | undefined>;
}
