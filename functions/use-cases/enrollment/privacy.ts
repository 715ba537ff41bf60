import type { ConsentEvent } from '../../program/consent';
import type { Enrollment, MessageRecord, Reply } from '../../program/enrollment';
import type { CheckpointReport } from '../../program/report';
import type { ReportShare } from '../../program/report-share';
import { NotFoundError } from '../../shared/errors';
import { logger } from '../../shared/logger';
import type { Deps } from '../deps';
import { eraseEnrollment } from '../services/erasure';

/** Everything Kintsugi holds about one participant, as they may download it. */
export interface DataExport {
  exportedAt: string;
  enrollment: Omit<Enrollment, 'version' | 'retainUntil'>;
  /** Once the program has ended: when all of this is deleted (the retention period after the end). */
  deletedAfter?: string;
  messages: MessageRecord[];
  replies: Reply[];
  report: CheckpointReport | null;
  /** Every opt-in and opt-out, per channel, as the consent ledger holds it. */
  consents: ConsentEvent[];
  /** The read-only links made to the report: when, for how long, how often opened (never the links). */
  shares: ReportShare[];
}

async function owner(deps: Deps, token: string | undefined): Promise<Enrollment> {
  const claims = deps.tokens.verify(token, 'privacy');
  const enrollment = await deps.store.getEnrollment(claims.sub);
  if (!enrollment)
    throw new NotFoundError('There is no data for this link: it was deleted, or never stored.');
  return enrollment;
}

/** Checks a privacy link and says whose data it opens, without changing anything. */
export const lookupPrivacy = owner;

/** Gathers every item held about the participant. */
export async function exportData(deps: Deps, token: string | undefined): Promise<DataExport> {
  const { version, retainUntil, ...enrollment } = await owner(deps, token);
  const [messages, replies, report, consents, shares] = await Promise.all([
    deps.store.listMessages(enrollment.id),
    deps.store.listReplies(enrollment.id),
    deps.store.getReport(enrollment.id),
    deps.store.listConsents(enrollment.id),
    deps.store.listShares(enrollment.id),
  ]);
  logger.info('data exported', { enrollmentId: enrollment.id });
  return {
    exportedAt: deps.clock.now().toISOString(),
    ...(retainUntil ? { deletedAfter: new Date(retainUntil * 1000).toISOString() } : {}),
    enrollment,
    messages,
    replies,
    report: report ?? null,
    consents,
    shares,
  };
}

/** Deletes every item held about the participant (the privacy page); nothing more is sent to them. */
export async function deleteData(deps: Deps, token: string | undefined): Promise<void> {
  await eraseEnrollment(deps, await owner(deps, token), 'privacy-page');
}
