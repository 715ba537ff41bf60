/** Stored records as tests build them: one enrollment and one checkpoint report, with only what differs given. */
import type { Enrollment } from '../../functions/program/enrollment';
import type { CheckpointReport } from '../../functions/program/report';

/** A pending enrollment made on 1 March 2026 (the store tests' common fixture); `extra` sets what differs. */
export const enrollmentRecord = (id: string, extra: Partial<Enrollment> = {}): Enrollment => ({
  id,
  email: `${id}@example.com`,
  timezone: 'Europe/London',
  track: 'hurt',
  checkinDay: 'sunday',
  checkinTime: '19:00',
  status: 'pending',
  emailStatus: 'active',
  smsStatus: 'none',
  createdAt: '2026-03-01T10:00:00.000Z',
  version: 1,
  ...extra,
});

/** A made report with no weekly series: ten of thirteen check-ins answered, one journal note. */
export const checkpointReport = (enrollmentId: string): CheckpointReport => ({
  enrollmentId,
  generatedAt: '2026-06-01T01:30:00.000Z',
  metrics: [],
  checkpoint: [],
  participation: { you: { answered: 10, sent: 13 }, partner: { answered: 7, sent: 13 } },
  journalNotes: 1,
});
