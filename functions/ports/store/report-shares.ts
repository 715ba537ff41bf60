import type { ReportShare } from '../../program/report-share';

/** Read-only links to a report, found by the hash of their token, counted as they are opened. */
export interface ReportShareStore {
  /**
   * Stores a new read-only link to a report and, under the hash of its token, the lookup that opens it
   * (expiring when the link does), in one transaction; `retainUntil` as for replies.
   */
  createShare(share: ReportShare, tokenHash: string, retainUntil?: number): Promise<void>;
  /** Every link made for a report, newest first: revoked and expired ones too, with their counts. */
  listShares(enrollmentId: string): Promise<ReportShare[]>;
  /**
   * Opens a link: one conditional write adds one to its count if it is neither revoked nor past its
   * `validUntil` at `now`. Returns it, counted; undefined when it was never made, revoked, expired or erased.
   */
  openShare(tokenHash: string, now: string): Promise<ReportShare | undefined>;
  /** Revokes a link (its lookup goes at once); false when the report has no link with that id. */
  revokeShare(enrollmentId: string, shareId: string, at: string): Promise<boolean>;
}
