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
   * `previous`, a number it named before, is forgotten in the same write (as `forgetNumber`: given up too,
   * if it held it).
   */
  nameNumber(enrollment: Enrollment, previous?: string): Promise<void>;
  /**
   * Saves an enrollment that no longer names `number` under its version (as `saveEnrollment`), and in the
   * same write forgets that it named the number and, if it holds it, gives it up: a text from it then finds
   * this program no more, and another program may claim it.
   */
  forgetNumber(enrollment: Enrollment, number: string): Promise<void>;
}
