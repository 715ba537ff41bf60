import type { EnrollmentStore, ReplyStore, ReportShareStore, ReportStore } from '../../ports/store';
import type { CheckpointReport } from '../../program/report';
import {
  MAX_LIVE_SHARES,
  parseShareDays,
  type ReportShare,
  shareState,
  shareValidUntil,
} from '../../program/report-share';
import type { Language, Track } from '../../program/types';
import { about, ConflictError, NotFoundError, ValidationError } from '../../shared/errors';
import { logger } from '../../shared/logger';
import { isShareToken, newShareToken, shareTokenHash } from '../../shared/tokens';
import type { UsesStore } from '../deps';
import { aboutOwner, notesOf, type ReportNote } from './view-report';

/** A link just made: its address is shown this once (only its hash is kept). */
export interface MadeShare {
  share: ReportShare;
  url: string;
}

/** What a shared link shows: the report, the notes only if the participant ticked to include them. */
export interface SharedReportView {
  report: CheckpointReport;
  track: Track;
  timezone: string;
  /** The participant's language: the shared page's too (absent: English). */
  language?: Language;
  notes?: ReportNote[];
  validUntil: string;
}

const yes = (value: unknown) => value === true || ['true', 'yes', 'on', '1'].includes(String(value));

/** Makes a read-only link to the participant's report that works for 7, 30 or 90 days. */
export async function shareReport(
  deps: UsesStore<ReportStore & EnrollmentStore & ReportShareStore, 'tokens' | 'clock' | 'newId' | 'config'>,
  token: string | undefined,
  input: { days: unknown; includeNotes?: unknown },
): Promise<MadeShare> {
  const claims = deps.tokens.verify(token, 'report');
  const days = parseShareDays(input.days);
  const [report, enrollment, shares] = await Promise.all([
    deps.store.getReport(claims.sub),
    deps.store.getEnrollment(claims.sub),
    deps.store.listShares(claims.sub),
  ]);
  if (!report || !enrollment) throw new NotFoundError('There is no report to share at this link.');
  const now = deps.clock.now().toISOString();
  if (shares.filter((s) => shareState(s, now) === 'live').length >= MAX_LIVE_SHARES) {
    throw about(
      new ConflictError(
        'too_many_links',
        `${MAX_LIVE_SHARES} of your links still work. Revoke one before you make another.`,
        'days',
      ),
      { timezone: enrollment.timezone },
    );
  }
  const linkToken = newShareToken();
  const share: ReportShare = {
    id: deps.newId(),
    enrollmentId: enrollment.id,
    createdAt: now,
    days,
    validUntil: shareValidUntil(now, days),
    includeNotes: yes(input.includeNotes),
    opens: 0,
  };
  await deps.store.createShare(share, shareTokenHash(linkToken), enrollment.retainUntil);
  logger.info('report shared', { enrollmentId: enrollment.id, days, includeNotes: share.includeNotes });
  return { share, url: `${deps.config.publicUrl}/shared?token=${linkToken}` };
}

/** Revokes one of the participant's links at once; it opens nothing from then on. */
export async function revokeReportShare(
  deps: UsesStore<ReportShareStore, 'tokens' | 'clock'>,
  token: string | undefined,
  shareId: unknown,
): Promise<void> {
  const claims = deps.tokens.verify(token, 'report');
  if (typeof shareId !== 'string' || !/^[\w-]{1,64}$/.test(shareId)) {
    throw new ValidationError('invalid_share', 'Choose which link to revoke.', 'shareId');
  }
  const revoked = await deps.store.revokeShare(claims.sub, shareId, deps.clock.now().toISOString());
  if (!revoked) throw new NotFoundError('This report has no link like that.');
  logger.info('report share revoked', { enrollmentId: claims.sub });
}

/**
 * Opens a shared link and counts the opening. Undefined alike when the link never existed, was revoked,
 * has expired or its report was deleted: the page then says nothing about which.
 */
export async function openSharedReport(
  deps: UsesStore<ReportShareStore & ReportStore & EnrollmentStore & ReplyStore, 'clock' | 'catalog'>,
  linkToken: string | undefined,
): Promise<SharedReportView | undefined> {
  if (!isShareToken(linkToken)) return undefined;
  const share = await deps.store.openShare(shareTokenHash(linkToken), deps.clock.now().toISOString());
  if (!share) return undefined;
  const [report, enrollment, replies] = await Promise.all([
    deps.store.getReport(share.enrollmentId),
    deps.store.getEnrollment(share.enrollmentId),
    share.includeNotes ? deps.store.listReplies(share.enrollmentId) : Promise.resolve([]),
  ]);
  if (!report || !enrollment) return undefined;
  // The partners' participation count was agreed between the two of them, not with a third person.
  const { participation: _partners, ...shown } = report;
  return {
    report: shown,
    ...aboutOwner(enrollment),
    ...(share.includeNotes ? { notes: notesOf(deps, replies, enrollment.language ?? 'en') } : {}),
    validUntil: share.validUntil,
  };
}
