import type { EnrollmentStore } from '../../ports/store';
import type { UsesStore } from '../deps';
import { everyEnrollment, summarize } from './participants';
import type { ListFilter, ParticipantList, ParticipantSummary } from './views';

const DEFAULT_LIMIT = 100;

const matches = (p: ParticipantSummary, filter: ListFilter): boolean => {
  if (filter.status === 'paused' ? !p.paused : filter.status && p.status !== filter.status) return false;
  if (filter.dayFrom !== undefined && (p.day === null || p.day < filter.dayFrom)) return false;
  if (filter.dayTo !== undefined && (p.day === null || p.day > filter.dayTo)) return false;
  if (filter.flagged !== undefined && Boolean(p.flag || p.concern) !== filter.flagged) return false;
  return true;
};

/** Participants matching `filter`, newest enrollment first. */
export async function listParticipants(
  deps: UsesStore<EnrollmentStore, 'clock'>,
  filter: ListFilter = {},
): Promise<ParticipantList> {
  const now = deps.clock.now();
  const all = await everyEnrollment(deps);
  const matched = all
    .map((e) => summarize(e, now))
    .filter((p) => matches(p, filter))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return {
    participants: matched.slice(0, filter.limit ?? DEFAULT_LIMIT),
    matched: matched.length,
    scanned: all.length,
  };
}
