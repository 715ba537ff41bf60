/**
 * What an operator sees: the results of the operator's actions (operations.ts), as the CLI prints them
 * (cli/format.ts) and the local runtime returns them as JSON.
 */
import type { ConsentAction, ConsentSource } from '../../program/consent';
import type { EmailStatus, EnrollmentStatus, MessageStatus, SmsStatus } from '../../program/enrollment';
import type { CheckpointReport } from '../../program/report';
import type { SafetyCategory } from '../../program/safety';
import type { Channel, Track } from '../../program/types';

/** One participant as an operator sees them in a list. */
export interface ParticipantSummary {
  id: string;
  email: string;
  phone?: string;
  track: Track;
  status: EnrollmentStatus;
  /** Program day today where the participant lives (day 0 = the first morning); null until confirmed. */
  day: number | null;
  paused: boolean;
  pausedUntil?: string;
  /** Paused because a message showed signs of danger: only the participant resumes it. */
  safetyPause: boolean;
  emailStatus: EmailStatus;
  smsStatus: SmsStatus;
  createdAt: string;
  confirmedAt?: string;
  nextDueAt?: string;
  discreet: boolean;
  /** The latest safety flag (signs of danger: paused, operator alerted), and whether it still waits for a human. */
  flag?: SafetyMark;
  /**
   * The latest signs of concern (answered with resources, nothing paused, nobody paged), and whether
   * they still wait for a human. Beside `flag`, never in its place.
   */
  concern?: SafetyMark;
}

/** A safety flag or a concern: when, what kind, and whether a human has seen to it since. */
export interface SafetyMark {
  at: string;
  reason?: SafetyCategory;
  handledAt?: string;
  waiting: boolean;
}

/** Which participants `listParticipants` returns; every field narrows the list. */
export interface ListFilter {
  /** `paused` means active with a pause running. */
  status?: EnrollmentStatus | 'paused';
  /** Program days, inclusive. */
  dayFrom?: number;
  dayTo?: number;
  /** true: only those with a safety flag or a concern; false: only those with neither. */
  flagged?: boolean;
  /** At most this many (newest first); default 100. */
  limit?: number;
}

export interface ParticipantList {
  participants: ParticipantSummary[];
  /** How many matched before `limit`. */
  matched: number;
  /** How many enrollments were read. */
  scanned: number;
}

/** One thing that happened in a participant's program, oldest first in a timeline. */
export type TimelineEntry =
  | { at: string; type: 'enrolled' }
  | { at: string; type: 'confirmed'; day0?: string }
  | {
      at: string;
      type: 'message';
      day: number;
      slot: string;
      kind: string;
      channel: Channel;
      status: MessageStatus;
      error?: string;
    }
  | {
      at: string;
      type: 'reply';
      channel: Channel;
      day?: number;
      stepId?: string;
      score?: number;
      /** Whether the reply carried words; the words themselves only when asked for. */
      hasNote: boolean;
      note?: string;
    }
  | { at: string; type: 'consent'; channel: Channel; action: ConsentAction; source: ConsentSource }
  | { at: string; type: 'report' }
  | { at: string; type: 'safety-flag'; reason?: SafetyCategory }
  | { at: string; type: 'safety-concern'; reason?: SafetyCategory }
  | { at: string; type: 'flag-handled' };

export interface ParticipantTimeline {
  participant: ParticipantSummary;
  entries: TimelineEntry[];
}

/** A checkpoint report for the operator: the one sent on day 90, or, before it, the numbers so far. */
export interface ParticipantReport {
  participant: ParticipantSummary;
  /** true once the day-90 report exists; false: `report` is a preview built from the answers so far. */
  ready: boolean;
  report: CheckpointReport;
  /** The participant's own web view (a signed link), once the report exists. */
  url?: string;
}

/** One participant with a flag or a concern waiting for a human (or handled, with `all`). */
export interface InboxItem {
  participant: ParticipantSummary;
  /** The participant's latest notes before the flag, only when asked for (the flagged text itself is never kept). */
  recentNotes?: { at: string; channel: Channel; note: string }[];
}
