import type { OpenQuestion } from './open-questions';
import type { SafetyCategory } from './safety';
import type { Channel, Language, Metric, Scale, StepKind, Track, Weekday } from './types';

export type EnrollmentStatus = 'pending' | 'active' | 'completed';
/** Email: active until unsubscribe, bounce or complaint. */
export type EmailStatus = 'active' | 'unsubscribed' | 'bounced';
/** SMS: `awaiting-yes` until the participant confirms by replying YES (double opt-in). */
/** `unreachable`: the carrier failed repeatedly; check-ins go by email until the person texts again. */
export type SmsStatus = 'none' | 'awaiting-yes' | 'active' | 'stopped' | 'unreachable';

/** The single open check-in records kept before open questions existed (read by `openQuestionsOf`). */
export interface OpenCheckin {
  stepId: string;
  day: number;
  metric: Metric;
  scale: Scale;
  channel: Channel;
  sentAt: string;
  /** The weekly `check-in`, or a `checkpoint` question; only weekly ones count toward moving to email. */
  kind?: StepKind;
  /** Set once the participant was asked again after an unclear answer. */
  reasked?: boolean;
}

/** A claimed message that waits until `until` before it is queued again. */
export interface HeldMessage {
  day: number;
  slot: string;
  channel: Channel;
  until: string;
}

/**
 * The part of the program already handled, kept when the schedule changes so that nothing is sent
 * twice: fixed steps up to a program-local position ("DDD HH:MM"), weekly check-ins up to a week.
 */
export interface ScheduleProgress {
  fixedThrough: string;
  checkinWeek: number;
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
  /** The questions asked and still taking answers (program/open-questions.ts). */
  openQuestions?: OpenQuestion[];
  /** Older records: the one open check-in; read through `openQuestionsOf`, dropped on the next write. */
  openCheckin?: OpenCheckin;
  /** Claimed messages waiting for their time (quiet hours, a catch-up slot, a pause); `nextDueAt` honours them. */
  held?: HeldMessage[];
  /** How far the program had got when its schedule last changed (time zone, check-in day, pause). */
  progress?: ScheduleProgress;
  /** While set and in the future, the program is paused (PAUSE by text); RESUME ends it early. */
  pausedUntil?: string;
  /**
   * The form's number already got texts for another running program (it said YES for that one), so
   * this program's check-ins come by email, and its confirmation said why (`smsStatus` is `none`).
   */
  textsUnavailable?: boolean;
  /** When the settings page last gave the program its number: the consent for it is recorded after. */
  numberNamedAt?: string;
  /** SMS check-ins that went unanswered in a row (reset by an answer). */
  unansweredSms?: number;
  /** Check-ins go by email for now: three texts went unanswered; any text from the person moves them back. */
  checkinsByEmail?: boolean;
  /** Carrier failures in a row (reset by a delivery); three make the number `unreachable`. */
  smsFailures?: number;
  /** Soft bounces in a row (reset by a delivery); see EMAIL_SOFT_BOUNCE_LIMIT. */
  softBounces?: number;
  /** Why email stopped, when it did: `hard-bounce`, `soft-bounces`, `complaint` or `unsubscribed`. */
  emailStopReason?: string;
  /** The partner's enrollment, once both enrolled and the invited one confirmed. */
  partner?: { id: string; linkedAt: string };
  /** Whether this person agreed to share whether they answer their check-ins (never what) with their partner. */
  sharesParticipation?: boolean;
  /** The enrollment whose invitation this (pending) person followed. */
  invitedBy?: string;
  /** When that invitation was sent: one sent before the inviter's last link ended links no one. */
  invitedAt?: string;
  /**
   * When a link this program had last ended (either side ended it). Invitations this program sent before
   * it link no one any more: linking again takes a new invitation, as the page that ends a link says.
   */
  linkEndedAt?: string;
  /** Partner invitations this person sent. */
  invitations?: { sentAt: string; count: number };
  /**
   * Discreet mode, chosen at enrollment: a neutral sender name and subjects on every email, and texts
   * without relationship words, for people whose messages may be read by someone else.
   */
  discreet?: boolean;
  /**
   * `false`: check-ins only, chosen on the form or the settings page; the mid-week nudges (the
   * `micro-action` texts) are left out of the schedule. Absent: check-ins and nudges, the default.
   */
  nudges?: false;
  /**
   * The language the program speaks to this person: every email, text and page. Absent: English.
   * Chosen on the form, changed on the settings page; what is still to come follows it.
   */
  language?: Language;
  /**
   * When the nudges were last turned back on (settings page): a nudge due before it is not sent late,
   * so the change applies only to what is still to come.
   */
  nudgesFrom?: string;
  /** When a message from this person last showed signs of danger; never cleared, never shown to a partner. */
  flaggedAt?: string;
  /** The kind of danger it showed. Only the category: the text is not copied anywhere. */
  flagReason?: SafetyCategory;
  /**
   * When an operator marked the flag handled (the CLI's `inbox --handled`). A flag raised after it
   * (`flaggedAt` later) is waiting again.
   */
  flagHandledAt?: string;
  /**
   * When a message from this person last showed signs of concern (not danger: "I'm not safe", a 1 on a
   * safety question): answered with resources, nothing paused, shown to an operator beside the danger
   * flag, which it never replaces. `flagHandledAt` later than it marks it handled.
   */
  concernAt?: string;
  /** The kind of concern. Only the category: the message itself is handled (and kept) as usual. */
  concernReason?: SafetyCategory;
  /** The program is paused because of a safety flag; RESUME from the person ends it (pause.ts). */
  safetyPause?: boolean;
  /** When the person texted DELETE: a second DELETE within DELETE_WINDOW_MINUTES erases everything. */
  deleteRequestedAt?: string;
  /**
   * Once the program has ended: when everything about it is deleted (Unix seconds; DynamoDB TTL). Every
   * write of the enrollment, and every reply or consent added after the end, carries it.
   */
  retainUntil?: number;
  /** Optimistic-locking counter, bumped on every write. */
  version: number;
}

/** Whether the program is paused (by PAUSE or for safety) at the instant `at` (ISO 8601). */
export const pausedAt = (enrollment: Pick<Enrollment, 'pausedUntil'>, at: string): boolean =>
  enrollment.pausedUntil !== undefined && enrollment.pausedUntil > at;

/** When everything about a program that ended at `endedAt` is deleted: `retentionDays` later (Unix seconds). */
/** Whether the program's number proved itself: it said YES (and may have said STOP since, or failed). */
export const numberProven = (enrollment: Pick<Enrollment, 'smsStatus'>): boolean =>
  enrollment.smsStatus !== 'none' && enrollment.smsStatus !== 'awaiting-yes';

/** The last two digits of a number: enough for its owner to know it, too few for anyone else to use. */
export const lastDigits = (phone: string): string => phone.replace(/\D/g, '').slice(-2);

export const retainedUntil = (endedAt: string, retentionDays: number): number =>
  Math.floor(Date.parse(endedAt) / 1000) + retentionDays * 86_400;

/**
 * A message's life: claimed by dispatch, `sending` while the provider is called, then `queued` (Twilio
 * accepted it) or `sent` (SES accepted it), then the carrier's `sent`, `delivered`, `undelivered` or
 * `failed`. `skipped` messages were never sent (stale, or the person could not be reached).
 */
export type MessageStatus =
  | 'claimed'
  | 'sending'
  | 'queued'
  | 'sent'
  | 'delivered'
  | 'undelivered'
  | 'failed'
  | 'skipped';

/** The order states move in; a callback never moves a message back down this list. */
export const MESSAGE_PROGRESS: readonly MessageStatus[] = [
  'claimed',
  'sending',
  'queued',
  'sent',
  'delivered',
];

/** States in which a message reached, or is on its way to, the person. */
export const REACHED: readonly MessageStatus[] = ['queued', 'sent', 'delivered'];

/** One message of the program for one person, claimed before it is sent. */
export interface MessageRecord {
  enrollmentId: string;
  day: number;
  /** The step id, or `report`. */
  slot: string;
  channel: Channel;
  /** A program step's kind; `report` for the day-90 report; `notice` for a one-off system text. */
  kind: StepKind | 'report' | 'notice';
  metric?: Metric;
  status: MessageStatus;
  dueAt: string;
  claimedAt: string;
  /** When a worker took it to hand to the provider (`sending`); a send still unsettled long after is in doubt. */
  sendingAt?: string;
  /** The worker that took it to send (an id per attempt): its own write, repeated by the SDK, is still its. */
  sendingBy?: string;
  providerId?: string;
  error?: string;
}

/** What names one message: whose, which day, which slot, which channel (a send job carries exactly this). */
export type MessageKey = Pick<MessageRecord, 'enrollmentId' | 'day' | 'slot' | 'channel'>;

/** The idempotency key of a message: `enrollment#day#slot#channel`. */
export const messageKey = (m: MessageKey) => `${m.enrollmentId}#${m.day}#${m.slot}#${m.channel}`;

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
