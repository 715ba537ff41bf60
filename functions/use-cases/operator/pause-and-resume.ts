import { ConflictError } from '../../shared/errors';
import { logger } from '../../shared/logger';
import type { Deps } from '../deps';
import { pauseProgram, resumeProgram } from '../services/pause';
import { findParticipant, participantNow } from './participants';
import type { ParticipantSummary } from './views';

/** Pauses a participant's program for `days` (as their PAUSE text would); only an active program pauses. */
export async function pauseParticipant(
  deps: Deps,
  who: string,
  days: number,
): Promise<{ participant: ParticipantSummary; until: string }> {
  const enrollment = await findParticipant(deps, who);
  const result = await pauseProgram(deps, enrollment.id, days);
  if (!result.paused)
    throw new ConflictError(
      'not_active',
      `Only an active program can be paused; this one is ${enrollment.status}.`,
    );
  logger.info('operator paused a program', { enrollmentId: enrollment.id, days });
  return { participant: await participantNow(deps, enrollment.id), until: result.until };
}

/**
 * Ends a pause early (as the participant's RESUME would). A pause that followed a safety flag is the
 * participant's to end: it is refused unless `force` says they asked the operator to.
 */
export async function resumeParticipant(
  deps: Deps,
  who: string,
  { force = false }: { force?: boolean } = {},
): Promise<{ participant: ParticipantSummary }> {
  const enrollment = await findParticipant(deps, who);
  if (enrollment.safetyPause && !force) {
    throw new ConflictError(
      'safety_pause',
      'This program was paused after a safety flag: the participant resumes it (RESUME by text). Use --force only if they asked you to.',
    );
  }
  if (!(await resumeProgram(deps, enrollment.id)))
    throw new ConflictError('not_paused', 'This program is not paused.');
  logger.info('operator resumed a program', { enrollmentId: enrollment.id, force });
  return { participant: await participantNow(deps, enrollment.id) };
}
