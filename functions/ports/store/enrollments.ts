import type { Enrollment } from '../../program/enrollment';

/** Why a new enrollment could not be stored: its address is in use (a number never blocks one). */
export type EnrollmentConflict = { kind: 'email-taken'; holderId: string };

/** One page of enrollments; `cursor` is there when more may follow (pass it back for the next page). */
export interface EnrollmentPage {
  enrollments: Enrollment[];
  cursor?: string;
}

/** Enrollments and their email lookup: who is in the program, found by id or address. */
export interface EnrollmentStore {
  /**
   * Stores a pending enrollment with its email lookup (unique) and, with a phone, a note that it named
   * the number (not a claim: any number of enrollments may name one) atomically, or reports the conflict.
   * A pending enrollment nobody confirms goes after a while, with its lookups; an address whose lookup
   * points at an enrollment that has gone is free again.
   */
  createEnrollment(enrollment: Enrollment): Promise<EnrollmentConflict | undefined>;
  getEnrollment(id: string): Promise<Enrollment | undefined>;
  /** The enrollment of an address, found in any case ("Ana@Example.com" is ana@example.com). */
  findByEmail(email: string): Promise<Enrollment | undefined>;
  /**
   * Writes the enrollment if its stored version is still `enrollment.version - 1`
   * (optimistic locking); throws ConcurrentUpdateError when someone else wrote first.
   */
  saveEnrollment(enrollment: Enrollment): Promise<void>;
  /**
   * Saves a just-confirmed enrollment (as saveEnrollment) and, in the same write, keeps its email
   * lookup and the note that it named its number for good: a pending enrollment's expire with it.
   */
  activateEnrollment(enrollment: Enrollment): Promise<void>;
  /**
   * One page of every enrollment, in no set order: an operator's tool (the CLI's `list` and `inbox`),
   * never on a participant's path. In DynamoDB it is a Scan: it reads the whole table, page by page.
   */
  listEnrollments(page: { limit: number; cursor?: string }): Promise<EnrollmentPage>;
}
