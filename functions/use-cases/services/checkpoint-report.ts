import { type Enrollment, retainedUntil } from '../../program/enrollment';
import { inLanguage } from '../../program/in-language';
import { buildReport, type CheckpointReport } from '../../program/report';
import { instantOf, REPORT_AT } from '../../program/schedule';
import { type Language, PROGRAM_DAYS } from '../../program/types';
import { logger } from '../../shared/logger';
import type { Deps } from '../deps';
import { countReport } from './outcomes';
import { participationSignal } from './partnership';

/**
 * The report as the person's own answers show it now (not saved). With `firstMadeAt`, answers after that
 * instant are marked late.
 */
export async function reportFromAnswers(
  deps: Deps,
  enrollmentId: string,
  firstMadeAt?: string,
  language?: Language,
): Promise<CheckpointReport> {
  const [messages, replies] = await Promise.all([
    deps.store.listMessages(enrollmentId),
    deps.store.listReplies(enrollmentId),
  ]);
  return buildReport({
    enrollmentId,
    now: deps.clock.now().toISOString(),
    // The questions in the person's language: the report shows them as they were asked.
    steps: inLanguage(deps.catalog, language).steps,
    messages,
    replies,
    ...(firstMadeAt ? { firstMadeAt } : {}),
  });
}

/**
 * The checkpoint report, made once from the person's own answers when the report slot is sent (the slot
 * waits for the final checkpoint's answers, or for their windows to close: sending/dispatch.ts), then kept with
 * its own retention. Returns the saved report when there is one already.
 */
export async function makeReport(deps: Deps, enrollment: Enrollment): Promise<CheckpointReport> {
  const existing = await deps.store.getReport(enrollment.id);
  if (existing) return existing;
  const report = await reportFromAnswers(deps, enrollment.id, undefined, enrollment.language);
  const participation = await participationSignal(deps, enrollment);
  if (participation) report.participation = participation;
  if (disclosedHarm(enrollment)) report.harmDisclosed = true;
  // Made as the program ends, and kept as long as the rest of it: its own retention from now.
  await deps.store.saveReport(report, retainedUntil(report.generatedAt, deps.config.retentionDays));
  await countReport(deps, enrollment, report);
  // The report holds the numbers; the raw words can go now if the deployment chose so.
  if (deps.config.dropReplyTextAfterReport) await deps.store.dropReplyText(enrollment.id);
  return report;
}

/**
 * Brings a report up to date after an answer that came within its question's window but after the
 * report was made: the page and its JSON show it (marked late), and the emailed link always shows the
 * current report. The journal-note count and the partners' participation stay as first made (the notes'
 * words may have been dropped since). Nothing happens before the report exists.
 */
export async function refreshReport(deps: Deps, enrollment: Enrollment): Promise<void> {
  if (beforeAnyReport(deps, enrollment)) return;
  const existing = await deps.store.getReport(enrollment.id);
  if (!existing) return;
  const report = await reportFromAnswers(deps, enrollment.id, existing.generatedAt, enrollment.language);
  report.journalNotes = existing.journalNotes;
  if (existing.participation) report.participation = existing.participation;
  if (existing.harmDisclosed || disclosedHarm(enrollment)) report.harmDisclosed = true;
  await deps.store.saveReport(report, retainedUntil(existing.generatedAt, deps.config.retentionDays));
  await countReport(deps, enrollment, report);
  if (deps.config.dropReplyTextAfterReport) await deps.store.dropReplyText(enrollment.id);
  logger.info('report brought up to date after a late answer', { enrollmentId: enrollment.id });
}

/**
 * Whether the person's own messages ever showed signs of abuse or a call for help (a danger flag or a
 * concern: "he threw my phone at the wall", a 1 on a safety question): couples steps can raise the danger
 * then, and the report says so first.
 */
function disclosedHarm(enrollment: Enrollment): boolean {
  const harm = (reason: string | undefined) => reason === 'abuse' || reason === 'call-for-help';
  return harm(enrollment.flagReason) || harm(enrollment.concernReason);
}

/**
 * Whether the report cannot have been made yet, known without reading it: a running program two days
 * before its report slot (made no earlier than its slot is due; the margin covers a time zone changed
 * since and a local day's offset from UTC).
 */
function beforeAnyReport(deps: Pick<Deps, 'clock'>, enrollment: Enrollment): boolean {
  if (enrollment.status !== 'active' || !enrollment.day0) return false;
  const reportDue = instantOf(enrollment.day0, PROGRAM_DAYS - 2, REPORT_AT, enrollment.timezone);
  return deps.clock.now().toISOString() < reportDue;
}
