import type { MessageKey } from '../../program/enrollment';
import type { EnrollmentPage } from './enrollments';

/**
 * A claim the index shows as unsent: claimed with its enrollment's advance (claimWithAdvance) and not taken
 * by a send by `at`, when it is due again (the tick that queued it may have died before queueing it).
 */
export interface UnsentClaim {
  message: MessageKey;
  at: string;
}

/** One page of the due index: the enrollments due, and the claims due again (none: absent). */
export interface DuePage extends EnrollmentPage {
  unsent?: UnsentClaim[];
}

/**
 * The active enrollments by when their next step is due. The index is read in `dueParts` parts side by
 * side (DynamoDB: the shards that spread its writes); how many is the store's business, not the caller's.
 */
export interface DueIndex {
  /** How many parts a full read of the index takes, numbered 0 to `dueParts - 1`; at least 1. */
  readonly dueParts: number;
  /**
   * One page of the active enrollments whose next step is due at or before `now`, in one part of the
   * index (eventually consistent: a write of the last moment may be missing; the enrollment's version
   * guards every write made from it), with the unsent claims due again by `now` in that part (their
   * enrollment's part), in the same read.
   */
  dueEnrollments(part: number, now: string, page: { limit: number; cursor?: string }): Promise<DuePage>;
  /** The earliest next-due instant across the whole index (unsent claims' too), if any. */
  earliestDue(): Promise<string | undefined>;
}
