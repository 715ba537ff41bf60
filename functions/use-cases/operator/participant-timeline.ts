import type { ConsentStore, MessageStore, ReplyStore, ReportStore } from '../../ports/store';
import { logger } from '../../shared/logger';
import type { UsesStore } from '../deps';
import { type Finding, findParticipant, summarize } from './participants';
import type { ParticipantTimeline, TimelineEntry } from './views';

/** What was sent to a participant and what they answered, oldest first; reply words only with `withText`. */
export async function participantTimeline(
  deps: UsesStore<Finding & MessageStore & ReplyStore & ConsentStore & ReportStore, 'clock'>,
  who: string,
  { withText = false }: { withText?: boolean } = {},
): Promise<ParticipantTimeline> {
  const enrollment = await findParticipant(deps, who);
  const [messages, replies, consents, report] = await Promise.all([
    deps.store.listMessages(enrollment.id),
    deps.store.listReplies(enrollment.id),
    deps.store.listConsents(enrollment.id),
    deps.store.getReport(enrollment.id),
  ]);
  const entries: TimelineEntry[] = [{ at: enrollment.createdAt, type: 'enrolled' }];
  if (enrollment.confirmedAt)
    entries.push({
      at: enrollment.confirmedAt,
      type: 'confirmed',
      ...(enrollment.day0 ? { day0: enrollment.day0 } : {}),
    });
  for (const m of messages) {
    entries.push({
      at: m.sendingAt ?? m.claimedAt,
      type: 'message',
      day: m.day,
      slot: m.slot,
      kind: m.kind,
      channel: m.channel,
      status: m.status,
      ...(m.error ? { error: m.error } : {}),
    });
  }
  for (const r of replies) {
    entries.push({
      at: r.at,
      type: 'reply',
      channel: r.channel,
      ...(r.day !== undefined ? { day: r.day } : {}),
      ...(r.stepId ? { stepId: r.stepId } : {}),
      ...(r.score !== undefined ? { score: r.score } : {}),
      hasNote: r.note !== undefined && r.note !== '',
      ...(withText && r.note ? { note: r.note } : {}),
    });
  }
  for (const c of consents)
    entries.push({ at: c.at, type: 'consent', channel: c.channel, action: c.action, source: c.source });
  if (report) entries.push({ at: report.generatedAt, type: 'report' });
  if (enrollment.flaggedAt)
    entries.push({
      at: enrollment.flaggedAt,
      type: 'safety-flag',
      ...(enrollment.flagReason ? { reason: enrollment.flagReason } : {}),
    });
  if (enrollment.concernAt)
    entries.push({
      at: enrollment.concernAt,
      type: 'safety-concern',
      ...(enrollment.concernReason ? { reason: enrollment.concernReason } : {}),
    });
  if (enrollment.flagHandledAt) entries.push({ at: enrollment.flagHandledAt, type: 'flag-handled' });
  entries.sort((a, b) => a.at.localeCompare(b.at));
  logger.info('operator read a timeline', { enrollmentId: enrollment.id, withText });
  return { participant: summarize(enrollment, deps.clock.now()), entries };
}
