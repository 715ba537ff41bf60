import type { Enrollment } from '../../program/enrollment';

/** How long what an enrollment left behind is kept: until a date once its program ends, or not at all. */
export interface RetentionStore {
  /**
   * Sets every item of a finished enrollment (and its lookups) to expire at `expiresAt` (epoch seconds):
   * DynamoDB's TTL then removes them. Expired items read as absent from then on.
   */
  expireEnrollment(enrollment: Enrollment, expiresAt: number): Promise<void>;
  /** Removes every item about an enrollment: profile, lookups, messages, replies, report, share links. */
  deleteEnrollment(enrollment: Enrollment): Promise<void>;
}
