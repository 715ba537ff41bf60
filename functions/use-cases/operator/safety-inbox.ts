import type { EnrollmentStore, OutcomeStore, ReplyStore } from '../../ports/store';
import { ConflictError } from '../../shared/errors';
import { logger } from '../../shared/logger';
import type { UsesStore } from '../deps';
import { countHandled } from '../services/outcomes';
import { updateEnrollment } from '../services/update-enrollment';
import { everyEnrollment, type Finding, findParticipant, summarize } from './participants';
import type { InboxItem, ParticipantSummary, SafetyMark } from './views';

/** Notes shown beside a flag with `withText`: the few before it, for context. */
const NOTES_BESIDE_A_FLAG = 3;

/** The flag or concern a participant is in the inbox for: a danger flag before a concern. */
const inboxMark = (p: ParticipantSummary, all: boolean): SafetyMark | undefined =>
  [p.flag, p.concern].find((m) => m && (all || m.waiting));

/**
 * Participants whose safety flag or concern waits for a human (with `all`, handled ones too): danger
 * flags first, then concerns, oldest first within each.
 */
export async function safetyInbox(
  deps: UsesStore<EnrollmentStore & ReplyStore, 'clock'>,
  { all = false, withText = false }: { all?: boolean; withText?: boolean } = {},
): Promise<InboxItem[]> {
  const now = deps.clock.now();
  const flagged = (await everyEnrollment(deps))
    .map((e) => summarize(e, now))
    .filter((p) => inboxMark(p, all))
    .sort((a, b) => {
      const [ma, mb] = [inboxMark(a, all), inboxMark(b, all)];
      const rank = (p: ParticipantSummary, m: SafetyMark | undefined) => (m === p.flag ? 0 : 1);
      return rank(a, ma) - rank(b, mb) || (ma?.at ?? '').localeCompare(mb?.at ?? '');
    });
  if (!withText) return flagged.map((participant) => ({ participant }));
  return Promise.all(
    flagged.map(async (participant) => {
      // Up to the latest mark: a concern's own words are kept as a note, a danger flag's never are.
      const until = [participant.flag?.at ?? '', participant.concern?.at ?? ''].sort().at(-1) ?? '';
      const notes = (await deps.store.listReplies(participant.id))
        .filter((r) => r.note && r.at <= until)
        .slice(-NOTES_BESIDE_A_FLAG)
        .map((r) => ({ at: r.at, channel: r.channel, note: r.note as string }));
      return { participant, recentNotes: notes };
    }),
  );
}

/** Marks a participant's safety flag and concern handled by a human; a later one puts them back in the inbox. */
export async function markFlagHandled(
  deps: UsesStore<Finding & OutcomeStore, 'clock'>,
  who: string,
): Promise<{ participant: ParticipantSummary }> {
  const enrollment = await findParticipant(deps, who);
  if (!enrollment.flaggedAt && !enrollment.concernAt)
    throw new ConflictError('not_flagged', 'This participant has no safety flag or concern.');
  const handledAt = deps.clock.now().toISOString();
  const updated = await updateEnrollment(deps, enrollment.id, (e) => {
    e.flagHandledAt = handledAt;
  });
  await countHandled(deps, enrollment, handledAt);
  logger.info('safety flag handled', { enrollmentId: enrollment.id });
  return { participant: summarize(updated, deps.clock.now()) };
}
