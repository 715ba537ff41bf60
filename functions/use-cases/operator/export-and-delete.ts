import type { Deps } from '../deps';
import { type DataExport, exportData } from '../enrollment/privacy';
import { eraseEnrollment } from '../services/erasure';
import { findParticipant } from './participants';

/** Everything held about a participant, exactly as their own privacy page downloads it. */
export async function exportParticipant(deps: Deps, who: string): Promise<DataExport> {
  const enrollment = await findParticipant(deps, who);
  return exportData(deps, deps.tokens.sign('privacy', enrollment.id));
}

/** Erases a participant's data at their request (as their privacy page would), leaving the hashed tombstone. */
export async function deleteParticipant(deps: Deps, who: string): Promise<{ id: string }> {
  const enrollment = await findParticipant(deps, who);
  await eraseEnrollment(deps, enrollment, 'operator');
  return { id: enrollment.id };
}
