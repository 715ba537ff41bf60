import type { ConsentEvent, ErasureTombstone } from '../program/consent';
import type { Enrollment, MessageKey, MessageRecord, Reply } from '../program/enrollment';
import type { CheckpointReport } from '../program/report';
import type { ReportShare } from '../program/report-share';

/** Why a new enrollment could not be stored: its address is in use (a number never blocks one). */
export type EnrollmentConflict = { kind: 'email-taken'; holderId: string };

/**
 * One use of a rolling-window limit (`Store.takeQuota`): at most `limit` uses of `subject` in any
 * `windowSeconds`, and two of one `kind` at least `spacingSeconds` apart.
 */
export interface QuotaRequest {
  /** What is limited, e.g. `email#<keyed hash>`: never an address or an IP in clear. */
  subject: string;
  limit: number;
  windowSeconds: number;
  /** What this use is for (`confirm`, `notice`, `invite`, `enroll`…). */
  kind: string;
  spacingSeconds?: number;
  /** ISO 8601. */
  now: string;
  /** The request taking it: a repeat of the same request finds its own use instead of taking another. */
  holder: string;
}

/** `taken`: this request may go on; `repeat`: it already did (send nothing again); `refused`: over the limit. */
export type QuotaOutcome = 'taken' | 'repeat' | 'refused';

/** A request's claim on an inbound message (see `Store.claimInbound`). */
export interface InboundClaim {
  sourceId: string;
  /** Who claims it: a new id per request. */
  holder: string;
  /** ISO 8601 instants. */
  now: string;
  leaseUntil: string;
  /** Epoch seconds after which the record may go (DynamoDB TTL). */
  expiresAt: number;
}

/** One page of enrollments; `cursor` is there when more may follow (pass it back for the next page). */
export interface EnrollmentPage {
  enrollments: Enrollment[];
  cursor?: string;
}

/** Where enrollments, messages, replies and reports live (one DynamoDB table in production). */
export interface Store {
  /**
   * Stores a pending enrollment with its email lookup (unique) and, with a phone, a note that it named
   * the number (not a claim: any number of enrollments may name one) atomically, or reports the conflict.
   */
  createEnrollment(enrollment: Enrollment): Promise<EnrollmentConflict | undefined>;
  getEnrollment(id: string): Promise<Enrollment | undefined>;
  findByEmail(email: string): Promise<Enrollment | undefined>;
  /** The enrollment that holds a number: the one YES (or START) came from it for (`claimPhone`). */
  findByPhone(phone: string): Promise<Enrollment | undefined>;
  /** Every enrollment whose form named the number, holder or not, in no set order. */
  findNamingPhone(phone: string): Promise<Enrollment[]>;
  /**
   * Gives the number to this enrollment (a conditional write): true when it holds it now, false when
   * another enrollment whose program is running does. One whose program ended, or is gone, gives it up.
   */
  claimPhone(phone: string, enrollmentId: string, at: string): Promise<boolean>;
  /** Takes one use of a rolling-window limit with a conditional write; see QuotaRequest and QuotaOutcome. */
  takeQuota(request: QuotaRequest): Promise<QuotaOutcome>;
  /**
   * Writes the enrollment if its stored version is still `enrollment.version - 1`
   * (optimistic locking); throws ConcurrentUpdateError when someone else wrote first.
   */
  saveEnrollment(enrollment: Enrollment, shardCount: number): Promise<void>;
  /**
   * Saves a just-confirmed enrollment (as saveEnrollment) and, in the same write, keeps its email
   * lookup and the note that it named its number for good: a pending enrollment's expire with it.
   */
  activateEnrollment(enrollment: Enrollment, shardCount: number): Promise<void>;
  /**
   * One page of the active enrollments whose next step is due at or before `now`, on one shard, read from
   * the due index (eventually consistent: a write of the last moment may be missing; the enrollment's
   * version guards every write made from it).
   */
  dueEnrollments(
    shard: number,
    now: string,
    page: { limit: number; cursor?: string },
  ): Promise<EnrollmentPage>;
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
    message: MessageKey,
    from: readonly MessageRecord['status'][],
    changes: Partial<Pick<MessageRecord, 'status' | 'providerId' | 'error' | 'sendingAt' | 'sendingBy'>>,
  ): Promise<boolean>;
  findMessageByProviderId(providerId: string): Promise<MessageRecord | undefined>;
  listMessages(enrollmentId: string): Promise<MessageRecord[]>;
  /**
   * Takes an inbound message (by the provider's id) to handle it until `leaseUntil`: returns the instant
   * it was first seen, or undefined when it was handled already or another request holds it.
   */
  claimInbound(claim: InboundClaim): Promise<string | undefined>;
  /** Marks a claimed inbound message handled, or (`handled` false, after a failure) gives it up for a retry. */
  settleInbound(sourceId: string, holder: string, handled: boolean): Promise<void>;
  /**
   * Stores a reply; the same reply again (same instant and source) changes nothing. `retainUntil`, here
   * and for consents: the enrollment's, when its program has ended, so what comes after expires with it.
   */
  addReply(reply: Reply, retainUntil?: number): Promise<void>;
  listReplies(enrollmentId: string): Promise<Reply[]>;
  /** Appends one event to the consent ledger (a conditional put: an entry is never overwritten). */
  addConsent(event: ConsentEvent, retainUntil?: number): Promise<void>;
  /** The consent ledger of an enrollment, oldest first. */
  listConsents(enrollmentId: string): Promise<ConsentEvent[]>;
  /** Appends an erasure tombstone (hashed contact, no id) to the consent ledger; kept after the erasure. */
  addErasureTombstone(tombstone: ErasureTombstone): Promise<void>;
  /** The erasure tombstones of one contact hash, oldest first. */
  listErasureTombstones(contactHash: string): Promise<ErasureTombstone[]>;
  /**
   * Records that an address asked for no more partner invitations, under its keyed hash (never the
   * address), with no expiry: saying "no more" must outlast any window. Saying it twice changes nothing.
   */
  refuseInvitations(contactHash: string, at: string): Promise<void>;
  /** Whether the address with this keyed hash asked for no more partner invitations. */
  invitationsRefused(contactHash: string): Promise<boolean>;
  /** The day-90 report, expiring at `retainUntil` (Unix seconds) with the rest of the program. */
  saveReport(report: CheckpointReport, retainUntil: number): Promise<void>;
  /**
   * Sets every item of a finished enrollment (and its lookups) to expire at `expiresAt` (epoch seconds):
   * DynamoDB's TTL then removes them. Expired items read as absent from then on.
   */
  expireEnrollment(enrollment: Enrollment, expiresAt: number): Promise<void>;
  /** Removes the words of every reply, keeping the scores (journal notes without a score go entirely). */
  dropReplyText(enrollmentId: string): Promise<number>;
  /** Removes every item about an enrollment: profile, lookups, messages, replies, report, share links. */
  deleteEnrollment(enrollment: Enrollment): Promise<void>;
  getReport(enrollmentId: string): Promise<CheckpointReport | undefined>;
  /**
   * Stores a new read-only link to a report and, under the hash of its token, the lookup that opens it
   * (expiring when the link does), in one transaction; `retainUntil` as for replies.
   */
  createShare(share: ReportShare, tokenHash: string, retainUntil?: number): Promise<void>;
  /** Every link made for a report, newest first: revoked and expired ones too, with their counts. */
  listShares(enrollmentId: string): Promise<ReportShare[]>;
  /**
   * Opens a link: one conditional write adds one to its count if it is neither revoked nor past its
   * `validUntil` at `now`. Returns it, counted; undefined when it was never made, revoked, expired or erased.
   */
  openShare(tokenHash: string, now: string): Promise<ReportShare | undefined>;
  /** Revokes a link (its lookup goes at once); false when the report has no link with that id. */
  revokeShare(enrollmentId: string, shareId: string, at: string): Promise<boolean>;
  /**
   * One page of every enrollment, in no set order: an operator's tool (the CLI's `list` and `inbox`),
   * never on a participant's path. In DynamoDB it is a Scan: it reads the whole table, page by page.
   */
  listEnrollments(page: { limit: number; cursor?: string }): Promise<EnrollmentPage>;
}
