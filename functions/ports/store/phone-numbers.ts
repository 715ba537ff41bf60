import type { Enrollment } from '../../program/enrollment';

/** Which enrollments named a number on their form, and which one holds it (YES came from it). */
export interface PhoneNumberStore {
  /** The enrollment that holds a number: the one YES (or START) came from it for (`claimPhone`). */
  findByPhone(phone: string): Promise<Enrollment | undefined>;
  /** Every enrollment whose form named the number, holder or not, in no set order. */
  findNamingPhone(phone: string): Promise<Enrollment[]>;
  /**
   * Gives the number to this enrollment (a conditional write): true when it holds it now, false when
   * another enrollment whose program is running does. One whose program ended, or is gone, gives it up.
   */
  claimPhone(phone: string, enrollmentId: string, at: string): Promise<boolean>;
  /**
   * Saves a running enrollment under its version (as `saveEnrollment`, a ConcurrentUpdateError if it
   * changed) with the note that it named `enrollment.phone`, in one write: the number its settings gave
   * mid-program, found then by `findNamingPhone` so that a YES from it can prove it. Naming claims nothing.
   * `previous`, a number it named before and never proved, is forgotten in the same write.
   */
  nameNumber(enrollment: Enrollment, previous?: string): Promise<void>;
}
