import { ValidationError } from '../shared/errors';

/** How long a read-only link to a report may work, in days: the participant chooses one. */
export const SHARE_DAYS = [7, 30, 90] as const;
export type ShareDays = (typeof SHARE_DAYS)[number];

/**
 * Links that still work, per report, at most: enough for a therapist, a counselor and a spare, and a
 * bound on what one report link can make.
 */
export const MAX_LIVE_SHARES = 10;

/** A read-only link to a participant's report, made by them for someone they choose (a therapist). */
export interface ReportShare {
  id: string;
  enrollmentId: string;
  createdAt: string;
  days: ShareDays;
  /** When the link stops working (ISO 8601). */
  validUntil: string;
  /** The participant ticked to show their notes too. */
  includeNotes: boolean;
  /** How many times the link was opened. */
  opens: number;
  lastOpenedAt?: string;
  /** Set when the participant revoked it; the link opens nothing from then on. */
  revokedAt?: string;
}

export type ShareState = 'live' | 'expired' | 'revoked';

/** Whether a link still opens the report at `now`. */
export function shareState(share: Pick<ReportShare, 'validUntil' | 'revokedAt'>, now: string): ShareState {
  if (share.revokedAt) return 'revoked';
  return share.validUntil > now ? 'live' : 'expired';
}

/** Reads the chosen lifetime of a new link; anything but 7, 30 or 90 days is refused, naming the field. */
export function parseShareDays(value: unknown): ShareDays {
  // Number() reads ' 30 ' as 30, and '' or '  ' as 0, which is refused with the rest.
  const days = typeof value === 'number' || typeof value === 'string' ? Number(value) : Number.NaN;
  const allowed = SHARE_DAYS.find((d) => d === days);
  if (allowed === undefined) {
    throw new ValidationError('invalid_days', 'Choose how long the link works: 7, 30 or 90 days.', 'days');
  }
  return allowed;
}

/** The instant a link made at `createdAt` for `days` stops working. */
export const shareValidUntil = (createdAt: string, days: ShareDays): string =>
  new Date(Date.parse(createdAt) + days * 86_400_000).toISOString();
