import { randomUUID } from 'node:crypto';
import type { OutgoingEmail } from '../../ports/mailer';
import type { Enrollment } from '../../program/enrollment';
import { enrollmentEmail } from '../../program/enrollment-emails';
import { parseEnrollmentRequest } from '../../program/enrollment-input';
import { inLanguage } from '../../program/in-language';
import { cityOfZone } from '../../program/zones';
import { logger } from '../../shared/logger';
import { countEvent } from '../../shared/metrics';
import type { Deps } from '../deps';
import { type ComposeDeps, composeSystemEmail, type Person } from '../services/compose';
import { channelLedger, type RequestOrigin, recordFormConsent } from '../services/consent';
import { limitSource, mayEmailAddress } from '../services/limits';
import { link } from '../services/links';
import { countEnrolled } from '../services/outcomes';
import { inviterOf } from '../services/partnership';
import { heldByAnother } from '../services/phone-numbers';

/** The answer to every valid enrollment request, whoever the address belongs to. */
export interface EnrollResult {
  id: string;
  status: 'pending';
}

/**
 * Enrolls a person: validates the form, stores a pending enrollment and emails a confirmation link.
 * The answer is the same for a new, pending or enrolled address and for any number, so the form tells
 * a stranger nothing: what differs goes by email to the address's owner (the link again while pending;
 * a plain notice with their own links once enrolled), within the limits of use-cases/services/limits.ts. A number
 * that already gets texts for another running program is not texted: check-ins come by email, and the
 * confirmation says why. `requestId`: the request's own id, so a repeat of it sends nothing twice.
 */
export async function enroll(
  deps: Deps,
  body: unknown,
  origin: RequestOrigin = {},
  requestId: string = randomUUID(),
): Promise<EnrollResult> {
  const request = parseEnrollmentRequest(body);
  const { invite } = body as { invite?: unknown };
  const invitedBy = inviterOf(deps, invite);
  await limitSource(deps, 'enroll', origin.ip, requestId);
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
  if (request.phone) {
    enrollment.phone = request.phone;
    if (await heldByAnother(deps, request.phone, enrollment.id)) {
      enrollment.smsStatus = 'none';
      enrollment.textsUnavailable = true;
    }
  }
  if (invitedBy) {
    enrollment.invitedBy = invitedBy.by;
    enrollment.invitedAt = invitedBy.at;
  }
  if (request.shareParticipation !== undefined) enrollment.sharesParticipation = request.shareParticipation;
  if (request.discreet) enrollment.discreet = true;
  if (request.nudges === false) enrollment.nudges = false;
  if (request.language) enrollment.language = request.language;

  const conflict = await deps.store.createEnrollment(enrollment);
  if (!conflict) {
    logger.info('enrollment created', { enrollmentId: enrollment.id, track: enrollment.track });
    countEvent('Enrollments');
    await countEnrolled(deps, enrollment);
    if (enrollment.smsStatus === 'awaiting-yes') await recordFormConsent(deps, enrollment, origin);
    await sendConfirmation(deps, enrollment, requestId);
    return { id: enrollment.id, status: 'pending' };
  }
  const holder = await deps.store.getEnrollment(conflict.holderId);
  if (holder?.status === 'pending') {
    logger.info('confirmation asked for again', { enrollmentId: holder.id });
    // The same form again, after a first try stored the enrollment but not its consent (a failed write).
    if (holder.smsStatus === 'awaiting-yes' && holder.phone === request.phone) {
      const ledger = await channelLedger(deps, holder.id, 'sms');
      if (!ledger.some((event) => event.source === 'web-form')) await recordFormConsent(deps, holder, origin);
    }
    await sendConfirmation(deps, holder, requestId);
  } else if (holder) {
    logger.info('enrollment asked for with an enrolled address', { enrollmentId: holder.id });
    // Through a partner's invitation, a running program's owner may link theirs: the email opens their
    // partner page, where only they can press the button (the form's answer is the same as ever).
    const mayLink = invitedBy !== undefined && invitedBy.by !== holder.id && holder.status === 'active';
    await sendNotice(deps, holder, requestId, mayLink ? (invite as string) : undefined);
  }
  // A fresh id, as a new enrollment gets: nothing in the answer tells the two apart.
  return { id: deps.newId(), status: 'pending' };
}

/**
 * The confirmation link, within the address's limit. The same email whether or not the form's number was
 * free: saying that it already gets texts for another program would tell whoever typed it in (a partner,
 * perhaps) that its owner is enrolled.
 */
export async function sendConfirmation(deps: Deps, enrollment: Enrollment, requestId: string): Promise<void> {
  if (enrollment.emailStatus !== 'active') return;
  if (!(await mayEmailAddress(deps, enrollment.email, 'confirm', requestId))) return;
  await deps.mailer.send(confirmationEmail(deps, enrollment));
}

/**
 * The confirmation email: what the program sends and when, with the time zone's city beside the check-in time
 * (a zone the browser guessed wrong shows before anything is sent), and the link that starts it.
 */
export function confirmationEmail(deps: ComposeDeps, enrollment: Person): OutgoingEmail {
  const email = inLanguage(deps.catalog, enrollment.language).messages.email.confirm;
  const confirmUrl = link(deps, '/confirm', 'confirm', enrollment.id);
  const checkinZone = cityOfZone(enrollment.timezone, enrollment.language);
  return composeSystemEmail(deps, enrollment, email, confirmUrl, { checkinZone });
}

/**
 * To an address that already has a program (running or ended): someone asked to enroll it; if it was
 * them, their settings and privacy links. Never to an address that stopped our emails or bounced.
 */
async function sendNotice(deps: Deps, holder: Enrollment, requestId: string, invite?: string): Promise<void> {
  if (holder.emailStatus !== 'active') return;
  if (!(await mayEmailAddress(deps, holder.email, 'notice', requestId))) return;
  const catalog = inLanguage(deps.catalog, holder.language);
  const [email, actionUrl] = invite
    ? [
        enrollmentEmail(catalog, 'invitedWhileEnrolled'),
        link(deps, '/partner', 'partner', holder.id, { invite }),
      ]
    : [enrollmentEmail(catalog, 'alreadyEnrolled'), link(deps, '/settings', 'settings', holder.id)];
  await deps.mailer.send(composeSystemEmail(deps, holder, email, actionUrl));
}
