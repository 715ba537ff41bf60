import type { EnrollmentPage } from './enrollments';

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
   * guards every write made from it).
   */
  dueEnrollments(
    part: number,
    now: string,
    page: { limit: number; cursor?: string },
  ): Promise<EnrollmentPage>;
  /** The earliest next-due instant across the whole index, if any. */
  earliestDue(): Promise<string | undefined>;
}
