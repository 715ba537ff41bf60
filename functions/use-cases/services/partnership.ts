/**
 * How partners get linked (an invitation followed, then confirmed), whether two participants are linked,
 * and the one thing linked partners may share: how many check-ins each answered.
 */
import type { Enrollment } from '../../program/enrollment';
import { REACHED } from '../../program/enrollment';
import { inLanguage } from '../../program/in-language';
import { ValidationError } from '../../shared/errors';
import { logger } from '../../shared/logger';
import { TokenSigner } from '../../shared/tokens';
import type { Deps } from '../deps';
import { composeSystemEmail } from './compose';
import { link } from './links';
import { updateEnrollment } from './update-enrollment';

/** How many check-ins one person answered of those sent: the only thing partners may share. */
export interface Participation {
  answered: number;
  sent: number;
}

/** Whether two enrollments point at each other (each writes its own side, so both must agree). */
export async function partnerOf(deps: Deps, enrollment: Enrollment): Promise<Enrollment | undefined> {
  if (!enrollment.partner) return undefined;
  const other = await deps.store.getEnrollment(enrollment.partner.id);
  return other?.partner?.id === enrollment.id ? other : undefined;
}

/** An invitation as its token names it: who sent it, and when. */
export interface Invitation {
  by: string;
  at: string;
}

/** The invitation an enrollment form's `invite` token names; a forged or expired one is refused. */
export function inviterOf(deps: Deps, invite: unknown): Invitation | undefined {
  if (invite === undefined || invite === '') return undefined;
  if (typeof invite !== 'string')
    throw new ValidationError('invalid_invite', 'The invitation is not valid.', 'invite');
  try {
    const claims = deps.tokens.verify(invite, 'invite');
    return { by: claims.sub, at: TokenSigner.issuedAt(claims) };
  } catch {
    throw new ValidationError(
      'invalid_invite',
      'This invitation link is not valid or has expired. You can still enroll: open the start page without it.',
      'invite',
    );
  }
}

/**
 * Links a newly confirmed invitee with the person who invited them, if that person is free to be linked;
 * returns the invitee as linked, or undefined.
 */
export async function linkInvitedPartner(deps: Deps, invitee: Enrollment): Promise<Enrollment | undefined> {
  if (!invitee.invitedBy) return undefined;
  // An enrollment stored before invitations carried their time: it was made after its invitation was sent.
  return linkPartners(deps, { by: invitee.invitedBy, at: invitee.invitedAt ?? invitee.createdAt }, invitee);
}

/**
 * Links the invitee's program with the inviter's, if the inviter's is running and linked with no one, and
 * the invitation was sent after the inviter's last link ended (an old invitation must not bring back a link
 * either of them ended). The invitee's own state is the caller's to check. Each side is written on its own
 * enrollment; then the
 * inviter is told, by one email, that the link is made (the invitee was told they would be). Returns the
 * invitee as linked, or undefined when they could not be.
 */
export async function linkPartners(
  deps: Deps,
  invitation: Invitation,
  invitee: Enrollment,
): Promise<Enrollment | undefined> {
  if (invitation.by === invitee.id) return undefined;
  const inviter = await deps.store.getEnrollment(invitation.by);
  if (inviter?.status !== 'active' || (await partnerOf(deps, inviter))) return undefined;
  // A token's time is to the second: one signed in the second the link ended counts as sent after it.
  if (inviter.linkEndedAt && invitation.at < `${inviter.linkEndedAt.slice(0, 19)}.000Z`) {
    logger.info('invitation older than the last link', { enrollmentId: invitee.id, partnerId: inviter.id });
    return undefined;
  }
  const linkedAt = deps.clock.now().toISOString();
  await updateEnrollment(deps, inviter.id, (e) => {
    e.partner = { id: invitee.id, linkedAt };
  });
  const linked = await updateEnrollment(deps, invitee.id, (e) => {
    e.partner = { id: inviter.id, linkedAt };
    delete e.invitedBy;
    delete e.invitedAt;
  });
  logger.info('partners linked', { enrollmentId: invitee.id, partnerId: inviter.id });
  await tellInviter(deps, inviter);
  return linked;
}

/**
 * The email that tells the inviter the link is made. A failure is logged, not thrown: the link stands, their
 * partner page says so, and the invitee's confirmation must not fail (and be retried) over it.
 */
async function tellInviter(deps: Deps, inviter: Enrollment): Promise<void> {
  if (inviter.emailStatus !== 'active') return;
  try {
    const words = inLanguage(deps.catalog, inviter.language).messages.email.partnerLinked;
    const partnerUrl = link(deps, '/partner', 'partner', inviter.id);
    await deps.mailer.send(composeSystemEmail(deps, inviter, words, partnerUrl));
  } catch (error) {
    logger.error('link email not sent', {
      enrollmentId: inviter.id,
      error: error instanceof Error ? error.name : 'unknown',
    });
  }
}

async function participationOf(deps: Deps, id: string): Promise<Participation> {
  const [messages, replies] = await Promise.all([deps.store.listMessages(id), deps.store.listReplies(id)]);
  const sent = messages.filter((m) => m.kind === 'check-in' && REACHED.includes(m.status));
  const answered = new Set(replies.filter((r) => r.score !== undefined).map((r) => `${r.stepId}#${r.day}`));
  return { sent: sent.length, answered: sent.filter((m) => answered.has(`${m.slot}#${m.day}`)).length };
}

/** Both partners' participation, only when they are linked and both agreed to share it. */
export async function participationSignal(
  deps: Deps,
  enrollment: Enrollment,
  /** The partner, when the caller has read it already (partnerOf). */
  linked?: Enrollment,
): Promise<{ you: Participation; partner: Participation } | undefined> {
  const other = linked ?? (await partnerOf(deps, enrollment));
  if (!other || !enrollment.sharesParticipation || !other.sharesParticipation) return undefined;
  const [you, partner] = await Promise.all([
    participationOf(deps, enrollment.id),
    participationOf(deps, other.id),
  ]);
  return { you, partner };
}
