import type { ErasureSource } from '../../program/consent';
import type { Enrollment } from '../../program/enrollment';
import { logger } from '../../shared/logger';
import type { Deps } from '../deps';
import { recordErasureTombstone } from './consent';

/**
 * Erases everything held about one enrollment: the consent ledger keeps only a hashed tombstone per
 * contact (written first, so an erasure cut short leaves the proof and can simply be asked for again),
 * then every item and lookup goes. Nothing more is sent to the person.
 */
export async function eraseEnrollment(
  deps: Deps,
  enrollment: Enrollment,
  source: ErasureSource,
): Promise<void> {
  await recordErasureTombstone(deps, enrollment, source);
  await deps.store.deleteEnrollment(enrollment);
  logger.info('data deleted', { enrollmentId: enrollment.id, source });
}
