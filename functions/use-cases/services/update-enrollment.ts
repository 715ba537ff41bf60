import type { EnrollmentStore } from '../../ports/store';
import type { Enrollment } from '../../program/enrollment';
import { ConcurrentUpdateError, NotFoundError } from '../../shared/errors';
import type { UsesStore } from '../deps';

const ATTEMPTS = 5;

/**
 * Reads an enrollment, applies `change` and writes it back under optimistic locking, re-reading and
 * re-applying when another writer got there first. `change` returns false to write nothing.
 * With `snapshot` (the enrollment as the caller just read it) the first try skips the read: a stale
 * snapshot fails its version check and the enrollment is read again. `write` writes the next version with
 * whatever goes with it (it throws ConcurrentUpdateError, as saveEnrollment, when the version moved on).
 */
export async function updateEnrollment(
  deps: UsesStore<EnrollmentStore>,
  id: string,
  change: (enrollment: Enrollment) => unknown,
  snapshot?: Enrollment,
  write: (next: Enrollment) => Promise<unknown> = (next) => deps.store.saveEnrollment(next),
): Promise<Enrollment> {
  for (let attempt = 1; ; attempt++) {
    const current = attempt === 1 && snapshot ? snapshot : await deps.store.getEnrollment(id);
    if (!current) throw new NotFoundError('This enrollment no longer exists.');
    const next: Enrollment = structuredClone(current);
    if (change(next) === false) return current;
    next.version = current.version + 1;
    try {
      await write(next);
      return next;
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError) || attempt >= ATTEMPTS) throw error;
    }
  }
}
