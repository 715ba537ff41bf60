import type { Deps } from '../deps';
import { reportFromAnswers } from '../services/checkpoint-report';
import { link } from '../services/links';
import { findParticipant, summarize } from './participants';
import type { ParticipantReport } from './views';

/** The day-90 report with its web link, or before day 90 a preview of the numbers so far (not saved). */
export async function participantReport(deps: Deps, who: string): Promise<ParticipantReport> {
  const enrollment = await findParticipant(deps, who);
  const participant = summarize(enrollment, deps.clock.now());
  const saved = await deps.store.getReport(enrollment.id);
  if (saved)
    return { participant, ready: true, report: saved, url: link(deps, '/report', 'report', enrollment.id) };
  return { participant, ready: false, report: await reportFromAnswers(deps, enrollment.id) };
}
