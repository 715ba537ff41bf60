import { SMS_CONSENT_TEXT, wordingVersion } from '../program/consent';
import type { Enrollment } from '../program/enrollment';
import { parseEnrollmentRequest } from '../program/enrollment-input';
import { ConflictError } from '../shared/errors';
import { logger } from '../shared/logger';
import { countEvent } from '../shared/metrics';
import { composeSystemEmail } from './compose';
import { channelLedger, type RequestOrigin, recordConsent } from './consent';
import type { Deps } from './deps';
import { link } from './links';
import { inviterOf } from './partners';

export interface EnrollResult {
  id: string;
  status: 'pending';
}

/**
 * Enrolls a person: validates the form, stores a pending enrollment (email and phone kept unique by
 * a transaction) and emails a confirmation link. Asking again while pending re-sends the link.
 */
export async function enroll(deps: Deps, body: unknown, origin: RequestOrigin = {}): Promise<EnrollResult> {
  const request = parseEnrollmentRequest(body);
  const invitedBy = inviterOf(deps, (body as { invite?: unknown }).invite);
  const enrollment: Enrollment = {
    id: deps.newId(),
    email: request.email,
    timezone: request.timezone,
    track: request.track,
    checkinDay: request.checkinDay,
    checkinTime: request.checkinTime,
    status: 'pending',
    emailStatus: 'active',
    smsStatus: request.phone ? 'awaiting-yes' : 'none',
    createdAt: deps.clock.now().toISOString(),
    version: 1,
  };
  if (request.phone) enrollment.phone = request.phone;
  if (invitedBy) enrollment.invitedBy = invitedBy;
  if (request.shareParticipation !== undefined) enrollment.sharesParticipation = request.shareParticipation;
  if (request.discreet) enrollment.discreet = true;

  const conflict = await deps.store.createEnrollment(enrollment);
  let pending = enrollment;
  if (conflict?.kind === 'email-taken') {
    const holder = await deps.store.getEnrollment(conflict.holderId);
    if (holder?.status !== 'pending') {
      throw new ConflictError(
        'already_enrolled',
        'This email address is already in the program. Check your inbox for your latest Kintsugi email, or use its privacy link to start over.',
        'email',
      );
    }
    pending = holder;
    logger.info('confirmation re-sent', { enrollmentId: holder.id });
    // The same form again, after a first try stored the enrollment but not its consent (a failed write).
    if (holder.phone && holder.phone === request.phone) {
      const ledger = await channelLedger(deps, holder.id, 'sms');
      if (!ledger.some((event) => event.source === 'web-form')) await recordFormConsent(deps, holder, origin);
    }
  } else if (conflict?.kind === 'phone-taken') {
    throw new ConflictError(
      'phone_in_use',
      'This mobile number is already used by another enrollment. Each person needs their own number, or you can leave it out and get check-ins by email.',
      'phone',
    );
  } else {
    logger.info('enrollment created', { enrollmentId: enrollment.id, track: enrollment.track });
    countEvent('Enrollments');
    if (enrollment.phone) await recordFormConsent(deps, enrollment, origin);
  }
  await sendConfirmation(deps, pending);
  return { id: pending.id, status: 'pending' };
}

/** The SMS consent the person gave on the form, with the wording beside its checkbox. */
const recordFormConsent = (deps: Deps, enrollment: Enrollment, origin: RequestOrigin) =>
  recordConsent(deps, {
    enrollmentId: enrollment.id,
    channel: 'sms',
    action: 'opt-in',
    source: 'web-form',
    wordingVersion: wordingVersion(SMS_CONSENT_TEXT),
    ...origin,
  });

async function sendConfirmation(deps: Deps, enrollment: Enrollment): Promise<void> {
  const confirmUrl = link(deps, '/confirm', 'confirm', enrollment.id);
  await deps.mailer.send(
    composeSystemEmail(deps, enrollment, deps.catalog.messages.email.confirm, confirmUrl),
  );
}
