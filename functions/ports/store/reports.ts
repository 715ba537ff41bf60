import type { CheckpointReport } from '../../program/report';

/** The day-90 report of an enrollment. */
export interface ReportStore {
  /** The day-90 report, expiring at `retainUntil` (Unix seconds) with the rest of the program. */
  saveReport(report: CheckpointReport, retainUntil: number): Promise<void>;
  getReport(enrollmentId: string): Promise<CheckpointReport | undefined>;
}
