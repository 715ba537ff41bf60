import type {
  EnrollmentStore,
  OutcomeStore,
  ReplyStore,
  ReportShareStore,
  ReportStore,
} from '../../ports/store';
import type { Enrollment, Reply } from '../../program/enrollment';
import { answerWords, type CheckpointReport } from '../../program/report';
import type { ReportShare } from '../../program/report-share';
import type { Language, Track } from '../../program/types';
import { about, NotFoundError } from '../../shared/errors';
import type { Deps, UsesStore } from '../deps';
import { countReportOpened } from '../services/outcomes';

/** One note in the participant's own words: a journal note, or the words beside an answer. */
export interface ReportNote {
  at: string;
  text: string;
  /** The answer the words came with ("4 of 5", "Yes"), when they came with one. */
  withAnswer?: string;
  /** The answer that question holds now, when a later reply changed it ("3 of 5"). */
  changedTo?: string;
}

/** What the report page shows its owner: the report, their notes and the links they made to it. */
export interface ReportPageView {
  report: CheckpointReport;
  track: Track;
  timezone: string;
  /** The enrollment's language: the page's (absent: English). */
  language?: Language;
  notes: ReportNote[];
  shares: ReportShare[];
  /** The instant the page was made: which links still work is judged against it. */
  now: string;
}

const NOT_READY = 'This report is not ready yet. It arrives on day 90 of your program.';
const NOT_READY_IN: Record<Language, string> = {
  en: NOT_READY,
  es: 'Este informe todavía no está listo. Llega el día 90 de tu programa.',
};
const DELETED = 'There is nothing at this link any more: the data was deleted.';

/** The participant's own checkpoint report, opened with its signed link. */
export async function viewReport(
  deps: UsesStore<ReportStore, 'tokens'>,
  token: string | undefined,
): Promise<CheckpointReport> {
  const claims = deps.tokens.verify(token, 'report');
  const report = await deps.store.getReport(claims.sub);
  if (!report) throw new NotFoundError(NOT_READY);
  return report;
}

/** The report page's view for its owner: the report, every note they kept, and their share links. */
export async function viewReportPage(
  deps: UsesStore<
    ReportStore & EnrollmentStore & ReplyStore & ReportShareStore & OutcomeStore,
    'tokens' | 'clock' | 'catalog'
  >,
  token: string | undefined,
): Promise<ReportPageView> {
  const claims = deps.tokens.verify(token, 'report');
  const [report, enrollment, replies, shares] = await Promise.all([
    deps.store.getReport(claims.sub),
    deps.store.getEnrollment(claims.sub),
    deps.store.listReplies(claims.sub),
    deps.store.listShares(claims.sub),
  ]);
  // Deleted data is said as deleted, never as a report still to come.
  if (!enrollment) throw new NotFoundError(DELETED);
  if (!report) throw about(new NotFoundError(NOT_READY_IN[enrollment.language ?? 'en']), enrollment);
  await countReportOpened(deps, enrollment);
  return {
    report,
    ...aboutOwner(enrollment),
    notes: notesOf(deps, replies, enrollment.language ?? 'en'),
    shares,
    now: deps.clock.now().toISOString(),
  };
}

/** The few facts about the owner a report page needs: the track (for "what now"), the time zone and the language. */
export const aboutOwner = (enrollment: Enrollment) => ({
  track: enrollment.track,
  timezone: enrollment.timezone,
  language: enrollment.language ?? ('en' as Language),
});

/**
 * The participant's notes, oldest first: every reply that kept words (a journal note has no answer; the
 * words beside an answer show it). Empty once the words were dropped or the data deleted.
 */
export function notesOf(
  deps: Pick<Deps, 'catalog'>,
  replies: readonly Reply[],
  language: Language = 'en',
): ReportNote[] {
  const scaleOf = (stepId: string | undefined) =>
    deps.catalog.steps.find((s) => s.id === stepId)?.scale ?? '1-5';
  const words = (r: Reply, score: number) => answerWords(score, scaleOf(r.stepId), language);
  // The answer each question holds now: the latest reply with a score wins, as in the report.
  const final = new Map<string, number>();
  for (const r of [...replies].sort((a, b) => a.at.localeCompare(b.at)))
    if (r.score !== undefined && r.stepId) final.set(`${r.stepId}#${r.day}`, r.score);
  return replies
    .filter((r): r is Reply & { note: string } => typeof r.note === 'string' && r.note.trim() !== '')
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((r) => {
      const now = r.stepId ? final.get(`${r.stepId}#${r.day}`) : undefined;
      return {
        at: r.at,
        text: r.note.trim(),
        ...(r.score !== undefined ? { withAnswer: words(r, r.score) } : {}),
        ...(r.score !== undefined && now !== undefined && now !== r.score
          ? { changedTo: words(r, now) }
          : {}),
      };
    });
}
