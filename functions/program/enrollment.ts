import type { Channel, Metric, Scale, StepKind, Track, Weekday } from './types';

export type EnrollmentStatus = 'pending' | 'active' | 'completed';
/** Email: active until unsubscribe, bounce or complaint. */
export type EmailStatus = 'active' | 'unsubscribed' | 'bounced';
/** SMS: `awaiting-yes` until the participant confirms by replying YES (double opt-in). */
export type SmsStatus = 'none' | 'awaiting-yes' | 'active' | 'stopped';

/** The check-in a reply will be counted against. */
export interface OpenCheckin {
  stepId: string;
  day: number;
  metric: Metric;
  scale: Scale;
  channel: Channel;
  sentAt: string;
  /** Set once the participant was asked again after an unclear answer. */
  reasked?: boolean;
}

/** A participant's private program. */
export interface Enrollment {
  id: string;
  email: string;
  phone?: string;
  timezone: string;
  track: Track;
  checkinDay: Weekday;
  checkinTime: string;
  status: EnrollmentStatus;
  emailStatus: EmailStatus;
  smsStatus: SmsStatus;
  createdAt: string;
  confirmedAt?: string;
  /** Local calendar date of program day 0 (YYYY-MM-DD). */
  day0?: string;
  /** The instant the next step falls due; absent when nothing is left. */
  nextDueAt?: string;
  openCheckin?: OpenCheckin;
  /** Optimistic-locking counter, bumped on every write. */
  version: number;
}

export type MessageStatus = 'claimed' | 'sending' | 'sent' | 'delivered' | 'failed' | 'skipped';

/** One message of the program for one person, claimed before it is sent. */
export interface MessageRecord {
  enrollmentId: string;
  day: number;
  /** The step id, or `report`. */
  slot: string;
  channel: Channel;
  kind: StepKind | 'report';
  metric?: Metric;
  status: MessageStatus;
  dueAt: string;
  claimedAt: string;
  providerId?: string;
  error?: string;
}

/** The idempotency key of a message: `enrollment#day#slot#channel`. */
export const messageKey = (m: Pick<MessageRecord, 'enrollmentId' | 'day' | 'slot' | 'channel'>) =>
  `${m.enrollmentId}#${m.day}#${m.slot}#${m.channel}`;

/** An answer to a check-in (score) or a free note, stored against the enrollment. */
export interface Reply {
  enrollmentId: string;
  at: string;
  /** MessageSid for SMS, or a generated id for web answers. */
  sourceId: string;
  channel: Channel;
  stepId?: string;
  day?: number;
  metric?: Metric;
  /** 1–5, or 1 (yes) / 0 (no). Absent for a journal note. */
  score?: number;
  /** Free text beside or instead of a score. Private: never logged. */
  note?: string;
}
