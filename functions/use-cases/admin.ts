/**
 * What an operator does by hand (the `kintsugi` CLI): find and list participants, read a timeline,
 * pause, resume, export, erase, read a report, and work through the safety inbox. Every action goes
 * through the Store port and the participant's own use cases; only listing reads the whole table.
 */
import { DateTime } from 'luxon';
import type {
  ConsentStore,
  EnrollmentStore,
  MessageStore,
  PhoneNumberStore,
  ReplyStore,
  ReportStore,
} from '../ports/store';
import type { ConsentAction, ConsentSource } from '../program/consent';
import type {
  EmailStatus,
  Enrollment,
  EnrollmentStatus,
  MessageStatus,
  SmsStatus,
} from '../program/enrollment';
import type { CheckpointReport } from '../program/report';
import type { SafetyCategory } from '../program/safety';
import type { Channel, Track } from '../program/types';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import { logger } from '../shared/logger';
import { reportFromAnswers } from './checkpoint-report';
import type { Deps, UsesStore } from './deps';
import { link } from './links';
import { pauseProgram, resumeProgram } from './pause';
import { type DataExport, eraseEnrollment, exportData } from './privacy';
import { updateEnrollment } from './update-enrollment';

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

const PAGE = 100;
const DEFAULT_LIMIT = 100;
/** Notes shown beside a flag with `withText`: the few before it, for context. */
const NOTES_BESIDE_A_FLAG = 3;

/** What finding a participant by address, number or id reads. */
type Finding = EnrollmentStore & PhoneNumberStore;

/** The participant an operator names: by email address, by E.164 number (+1…), or by enrollment id. */
export async function findParticipant(deps: UsesStore<Finding>, who: string): Promise<Enrollment> {
  const key = who.trim();
  if (!key) throw new ValidationError('invalid_who', 'Name a participant: email, +phone or id.', 'who');
  const found = key.includes('@')
    ? await deps.store.findByEmail(key.toLowerCase())
    : key.startsWith('+')
      ? await byPhone(deps, key.replace(/[\s().-]/g, ''))
      : await deps.store.getEnrollment(key);
  if (!found) throw new NotFoundError('No enrollment matches this email address, number or id.', 'who');
  return found;
}

/** The enrollment that holds the number (YES came from it), else the latest whose form named it. */
async function byPhone(deps: UsesStore<PhoneNumberStore>, phone: string): Promise<Enrollment | undefined> {
  const holder = await deps.store.findByPhone(phone);
  if (holder) return holder;
  const named = await deps.store.findNamingPhone(phone);
  return named.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

/** The program day of `now` in the participant's zone (day 0 = the local date `day0`), or null before confirmation. */
export function programDay(enrollment: Pick<Enrollment, 'day0' | 'timezone'>, now: Date): number | null {
  if (!enrollment.day0) return null;
  const today = DateTime.fromJSDate(now, { zone: enrollment.timezone }).startOf('day');
  const day0 = DateTime.fromISO(enrollment.day0, { zone: enrollment.timezone }).startOf('day');
  // Confirmed after the morning's start: day 0 is tomorrow, and today counts as day 0 too.
  return Math.max(0, Math.round(today.diff(day0, 'days').days));
}

/** How an operator sees one enrollment now. */
export function summarize(enrollment: Enrollment, now: Date): ParticipantSummary {
  const iso = now.toISOString();
  const paused = Boolean(enrollment.pausedUntil && enrollment.pausedUntil > iso);
  const summary: ParticipantSummary = {
    id: enrollment.id,
    email: enrollment.email,
    track: enrollment.track,
    status: enrollment.status,
    // A pause moves day 0 later: the program stands still at the day it will pick up again.
    day: programDay(enrollment, paused ? new Date(enrollment.pausedUntil as string) : now),
    paused,
    safetyPause: paused && Boolean(enrollment.safetyPause),
    emailStatus: enrollment.emailStatus,
    smsStatus: enrollment.smsStatus,
    createdAt: enrollment.createdAt,
    discreet: Boolean(enrollment.discreet),
  };
  if (enrollment.phone) summary.phone = enrollment.phone;
  if (paused) summary.pausedUntil = enrollment.pausedUntil;
  if (enrollment.confirmedAt) summary.confirmedAt = enrollment.confirmedAt;
  if (enrollment.nextDueAt) summary.nextDueAt = enrollment.nextDueAt;
  // One "handled" mark covers both: what came after it waits again.
  const mark = (at: string, reason: SafetyCategory | undefined): SafetyMark => {
    const handledAt = enrollment.flagHandledAt;
    return {
      at,
      ...(reason ? { reason } : {}),
      ...(handledAt ? { handledAt } : {}),
      waiting: !handledAt || handledAt < at,
    };
  };
  if (enrollment.flaggedAt) summary.flag = mark(enrollment.flaggedAt, enrollment.flagReason);
  if (enrollment.concernAt) summary.concern = mark(enrollment.concernAt, enrollment.concernReason);
  return summary;
}

/** Every enrollment, page after page (a Scan in DynamoDB: an operator's tool, never a participant's path). */
async function everyEnrollment(deps: UsesStore<EnrollmentStore>): Promise<Enrollment[]> {
  const all: Enrollment[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.listEnrollments({ limit: PAGE, ...(cursor ? { cursor } : {}) });
    all.push(...page.enrollments);
    cursor = page.cursor;
  } while (cursor);
  return all;
}

const matches = (p: ParticipantSummary, filter: ListFilter): boolean => {
  if (filter.status === 'paused' ? !p.paused : filter.status && p.status !== filter.status) return false;
  if (filter.dayFrom !== undefined && (p.day === null || p.day < filter.dayFrom)) return false;
  if (filter.dayTo !== undefined && (p.day === null || p.day > filter.dayTo)) return false;
  if (filter.flagged !== undefined && Boolean(p.flag || p.concern) !== filter.flagged) return false;
  return true;
};

/** Participants matching `filter`, newest enrollment first. */
export async function listParticipants(
  deps: UsesStore<EnrollmentStore, 'clock'>,
  filter: ListFilter = {},
): Promise<ParticipantList> {
  const now = deps.clock.now();
  const all = await everyEnrollment(deps);
  const matched = all
    .map((e) => summarize(e, now))
    .filter((p) => matches(p, filter))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return {
    participants: matched.slice(0, filter.limit ?? DEFAULT_LIMIT),
    matched: matched.length,
    scanned: all.length,
  };
}

/** What was sent to a participant and what they answered, oldest first; reply words only with `withText`. */
export async function participantTimeline(
  deps: UsesStore<Finding & MessageStore & ReplyStore & ConsentStore & ReportStore, 'clock'>,
  who: string,
  { withText = false }: { withText?: boolean } = {},
): Promise<ParticipantTimeline> {
  const enrollment = await findParticipant(deps, who);
  const [messages, replies, consents, report] = await Promise.all([
    deps.store.listMessages(enrollment.id),
    deps.store.listReplies(enrollment.id),
    deps.store.listConsents(enrollment.id),
    deps.store.getReport(enrollment.id),
  ]);
  const entries: TimelineEntry[] = [{ at: enrollment.createdAt, type: 'enrolled' }];
  if (enrollment.confirmedAt)
    entries.push({
      at: enrollment.confirmedAt,
      type: 'confirmed',
      ...(enrollment.day0 ? { day0: enrollment.day0 } : {}),
    });
  for (const m of messages) {
    entries.push({
      at: m.sendingAt ?? m.claimedAt,
      type: 'message',
      day: m.day,
      slot: m.slot,
      kind: m.kind,
      channel: m.channel,
      status: m.status,
      ...(m.error ? { error: m.error } : {}),
    });
  }
  for (const r of replies) {
    entries.push({
      at: r.at,
      type: 'reply',
      channel: r.channel,
      ...(r.day !== undefined ? { day: r.day } : {}),
      ...(r.stepId ? { stepId: r.stepId } : {}),
      ...(r.score !== undefined ? { score: r.score } : {}),
      hasNote: r.note !== undefined && r.note !== '',
      ...(withText && r.note ? { note: r.note } : {}),
    });
  }
  for (const c of consents)
    entries.push({ at: c.at, type: 'consent', channel: c.channel, action: c.action, source: c.source });
  if (report) entries.push({ at: report.generatedAt, type: 'report' });
  if (enrollment.flaggedAt)
    entries.push({
      at: enrollment.flaggedAt,
      type: 'safety-flag',
      ...(enrollment.flagReason ? { reason: enrollment.flagReason } : {}),
    });
  if (enrollment.concernAt)
    entries.push({
      at: enrollment.concernAt,
      type: 'safety-concern',
      ...(enrollment.concernReason ? { reason: enrollment.concernReason } : {}),
    });
  if (enrollment.flagHandledAt) entries.push({ at: enrollment.flagHandledAt, type: 'flag-handled' });
  entries.sort((a, b) => a.at.localeCompare(b.at));
  logger.info('operator read a timeline', { enrollmentId: enrollment.id, withText });
  return { participant: summarize(enrollment, deps.clock.now()), entries };
}

/** Pauses a participant's program for `days` (as their PAUSE text would); only an active program pauses. */
export async function pauseParticipant(
  deps: Deps,
  who: string,
  days: number,
): Promise<{ participant: ParticipantSummary; until: string }> {
  const enrollment = await findParticipant(deps, who);
  const result = await pauseProgram(deps, enrollment.id, days);
  if (!result.paused)
    throw new ConflictError(
      'not_active',
      `Only an active program can be paused; this one is ${enrollment.status}.`,
    );
  logger.info('operator paused a program', { enrollmentId: enrollment.id, days });
  return { participant: await current(deps, enrollment.id), until: result.until };
}

/**
 * Ends a pause early (as the participant's RESUME would). A pause that followed a safety flag is the
 * participant's to end: it is refused unless `force` says they asked the operator to.
 */
export async function resumeParticipant(
  deps: Deps,
  who: string,
  { force = false }: { force?: boolean } = {},
): Promise<{ participant: ParticipantSummary }> {
  const enrollment = await findParticipant(deps, who);
  if (enrollment.safetyPause && !force) {
    throw new ConflictError(
      'safety_pause',
      'This program was paused after a safety flag: the participant resumes it (RESUME by text). Use --force only if they asked you to.',
    );
  }
  if (!(await resumeProgram(deps, enrollment.id)))
    throw new ConflictError('not_paused', 'This program is not paused.');
  logger.info('operator resumed a program', { enrollmentId: enrollment.id, force });
  return { participant: await current(deps, enrollment.id) };
}

/** Everything held about a participant, exactly as their own privacy page downloads it. */
export async function exportParticipant(deps: Deps, who: string): Promise<DataExport> {
  const enrollment = await findParticipant(deps, who);
  return exportData(deps, deps.tokens.sign('privacy', enrollment.id));
}

/** Erases a participant's data at their request (as their privacy page would), leaving the hashed tombstone. */
export async function deleteParticipant(deps: Deps, who: string): Promise<{ id: string }> {
  const enrollment = await findParticipant(deps, who);
  await eraseEnrollment(deps, enrollment, 'operator');
  return { id: enrollment.id };
}

/** The day-90 report with its web link, or before day 90 a preview of the numbers so far (not saved). */
export async function participantReport(deps: Deps, who: string): Promise<ParticipantReport> {
  const enrollment = await findParticipant(deps, who);
  const participant = summarize(enrollment, deps.clock.now());
  const saved = await deps.store.getReport(enrollment.id);
  if (saved)
    return { participant, ready: true, report: saved, url: link(deps, '/report', 'report', enrollment.id) };
  return { participant, ready: false, report: await reportFromAnswers(deps, enrollment.id) };
}

/** The flag or concern a participant is in the inbox for: a danger flag before a concern. */
const inboxMark = (p: ParticipantSummary, all: boolean): SafetyMark | undefined =>
  [p.flag, p.concern].find((m) => m && (all || m.waiting));

/**
 * Participants whose safety flag or concern waits for a human (with `all`, handled ones too): danger
 * flags first, then concerns, oldest first within each.
 */
export async function safetyInbox(
  deps: UsesStore<EnrollmentStore & ReplyStore, 'clock'>,
  { all = false, withText = false }: { all?: boolean; withText?: boolean } = {},
): Promise<InboxItem[]> {
  const now = deps.clock.now();
  const flagged = (await everyEnrollment(deps))
    .map((e) => summarize(e, now))
    .filter((p) => inboxMark(p, all))
    .sort((a, b) => {
      const [ma, mb] = [inboxMark(a, all), inboxMark(b, all)];
      const rank = (p: ParticipantSummary, m: SafetyMark | undefined) => (m === p.flag ? 0 : 1);
      return rank(a, ma) - rank(b, mb) || (ma?.at ?? '').localeCompare(mb?.at ?? '');
    });
  if (!withText) return flagged.map((participant) => ({ participant }));
  return Promise.all(
    flagged.map(async (participant) => {
      // Up to the latest mark: a concern's own words are kept as a note, a danger flag's never are.
      const until = [participant.flag?.at ?? '', participant.concern?.at ?? ''].sort().at(-1) ?? '';
      const notes = (await deps.store.listReplies(participant.id))
        .filter((r) => r.note && r.at <= until)
        .slice(-NOTES_BESIDE_A_FLAG)
        .map((r) => ({ at: r.at, channel: r.channel, note: r.note as string }));
      return { participant, recentNotes: notes };
    }),
  );
}

/** Marks a participant's safety flag and concern handled by a human; a later one puts them back in the inbox. */
export async function markFlagHandled(
  deps: UsesStore<Finding, 'clock'>,
  who: string,
): Promise<{ participant: ParticipantSummary }> {
  const enrollment = await findParticipant(deps, who);
  if (!enrollment.flaggedAt && !enrollment.concernAt)
    throw new ConflictError('not_flagged', 'This participant has no safety flag or concern.');
  const handledAt = deps.clock.now().toISOString();
  const updated = await updateEnrollment(deps, enrollment.id, (e) => {
    e.flagHandledAt = handledAt;
  });
  logger.info('safety flag handled', { enrollmentId: enrollment.id });
  return { participant: summarize(updated, deps.clock.now()) };
}

async function current(deps: UsesStore<EnrollmentStore, 'clock'>, id: string): Promise<ParticipantSummary> {
  const enrollment = await deps.store.getEnrollment(id);
  if (!enrollment) throw new NotFoundError('This enrollment no longer exists.');
  return summarize(enrollment, deps.clock.now());
}
