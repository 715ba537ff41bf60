/** How every operator action finds the participant it names, and sums them up as the operator sees them. */
import type { EnrollmentStore, PhoneNumberStore } from '../../ports/store';
import { type Enrollment, pausedAt } from '../../program/enrollment';
import type { SafetyCategory } from '../../program/safety';
import { programDay } from '../../program/schedule';
import { NotFoundError, ValidationError } from '../../shared/errors';
import type { UsesStore } from '../deps';
import type { ParticipantSummary, SafetyMark } from './views';

const PAGE = 100;

/** What finding a participant by address, number or id reads. */
export type Finding = EnrollmentStore & PhoneNumberStore;

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

/** How an operator sees one enrollment now. */
export function summarize(enrollment: Enrollment, now: Date): ParticipantSummary {
  const iso = now.toISOString();
  const paused = pausedAt(enrollment, iso);
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
export async function everyEnrollment(deps: UsesStore<EnrollmentStore>): Promise<Enrollment[]> {
  const all: Enrollment[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.listEnrollments({ limit: PAGE, ...(cursor ? { cursor } : {}) });
    all.push(...page.enrollments);
    cursor = page.cursor;
  } while (cursor);
  return all;
}

/** The participant as they are now, after an action changed them. */
export async function participantNow(
  deps: UsesStore<EnrollmentStore, 'clock'>,
  id: string,
): Promise<ParticipantSummary> {
  const enrollment = await deps.store.getEnrollment(id);
  if (!enrollment) throw new NotFoundError('This enrollment no longer exists.');
  return summarize(enrollment, deps.clock.now());
}
