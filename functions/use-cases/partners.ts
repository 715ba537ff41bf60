import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import type { Enrollment } from '../program/enrollment';
import { REACHED } from '../program/enrollment';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import { logger } from '../shared/logger';
import { composeSystemEmail } from './compose';
import type { Deps } from './deps';
import { composeInvitationEmail, invitationsRefused } from './invitations';
import { limitSource, mayEmailAddress } from './limits';
import { link } from './links';
import { updateEnrollment } from './update-enrollment';

/** Invitations one participant may send: enough to fix a typo, too few to pester anyone. */
export const MAX_INVITATIONS = 3;

/** How many check-ins one person answered of those sent: the only thing partners may share. */
export interface Participation {
  answered: number;
  sent: number;
}

/** What the partner page shows. */
export interface PartnerView {
  enrollment: Enrollment;
  linked: boolean;
  invitationsLeft: number;
  /** Whether an invitation can go now: only while the program runs (`invitePartner` refuses otherwise). */
  canInvite: boolean;
  /** The participant's own pages, for what they can still do once the program has ended. */
  links: { privacyUrl: string; reportUrl?: string };
}

const emailSchema = z.pipe(z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254)), z.email());

async function owner(deps: Deps, token: string | undefined): Promise<Enrollment> {
  const claims = deps.tokens.verify(token, 'partner');
  const enrollment = await deps.store.getEnrollment(claims.sub);
  if (!enrollment) throw new NotFoundError('This enrollment no longer exists.');
  return enrollment;
}

/** Whether two enrollments point at each other (each writes its own side, so both must agree). */
async function partnerOf(deps: Deps, enrollment: Enrollment): Promise<Enrollment | undefined> {
  if (!enrollment.partner) return undefined;
  const other = await deps.store.getEnrollment(enrollment.partner.id);
  return other?.partner?.id === enrollment.id ? other : undefined;
}

/** The partner page's state, changing nothing. */
export async function viewPartnerPage(deps: Deps, token: string | undefined): Promise<PartnerView> {
  const enrollment = await owner(deps, token);
  const [partner, report] = await Promise.all([
    partnerOf(deps, enrollment),
    enrollment.status === 'active' ? undefined : deps.store.getReport(enrollment.id),
  ]);
  return {
    enrollment,
    linked: partner !== undefined,
    invitationsLeft: MAX_INVITATIONS - (enrollment.invitations?.count ?? 0),
    canInvite: enrollment.status === 'active',
    links: {
      privacyUrl: link(deps, '/privacy', 'privacy', enrollment.id),
      ...(report ? { reportUrl: link(deps, '/report', 'report', enrollment.id) } : {}),
    },
  };
}

/**
 * Emails an invitation to the partner. It says nothing about the inviter's program, only that a
 * private program of their own exists; following it links the two enrollments once they confirm.
 * Within the limits of use-cases/limits.ts: too many invitations from the caller's network are refused
 * (429); an address past its limit of emails, or that asked for no more invitations, gets nothing, and
 * the inviter is told the same as ever.
 */
export async function invitePartner(
  deps: Deps,
  token: string | undefined,
  input: { email?: unknown; shareParticipation?: boolean },
  request: { ip?: string; requestId?: string } = {},
): Promise<void> {
  const inviter = await owner(deps, token);
  const parsed = emailSchema.safeParse(input.email);
  if (!parsed.success)
    throw new ValidationError('invalid_email', "Enter your partner's email address.", 'email');
  const email = parsed.data;
  if (email === inviter.email) {
    throw new ValidationError(
      'own_email',
      'That is your own address. Enter the one your partner uses.',
      'email',
    );
  }
  if (inviter.status !== 'active')
    throw new ConflictError('not_active', 'Invitations can be sent while your program is running.');
  if (await partnerOf(deps, inviter))
    throw new ConflictError('already_linked', 'Your program is already linked with your partner’s.');
  if ((inviter.invitations?.count ?? 0) >= MAX_INVITATIONS) {
    throw new ConflictError(
      'too_many_invitations',
      `You have sent ${MAX_INVITATIONS} invitations, the most we send for one program.`,
    );
  }
  const requestId = request.requestId ?? randomUUID();
  await limitSource(deps, 'invite', request.ip, requestId);
  const now = deps.clock.now().toISOString();
  await updateEnrollment(deps, inviter.id, (e) => {
    e.invitations = { sentAt: now, count: (e.invitations?.count ?? 0) + 1 };
    if (input.shareParticipation !== undefined) e.sharesParticipation = input.shareParticipation;
  });
  // An address that asked for no more invitations gets none; the inviter is told what they always are.
  if (await invitationsRefused(deps, email)) {
    logger.info('invitation held back: the address asked for none', { enrollmentId: inviter.id });
    return;
  }
  if (!(await mayEmailAddress(deps, email, 'invite', requestId))) return;
  const url = `${link(deps, '/', 'invite', inviter.id).replace('/?token=', '/?invite=')}`;
  // The invitee has no enrollment: its footer is its own, never the inviter's signed links (their
  // privacy page would open the inviter's data).
  await deps.mailer.send(composeInvitationEmail(deps, inviter, email, url));
  logger.info('partner invited', { enrollmentId: inviter.id });
}

/** The inviter an enrollment form's `invite` token names; a forged or expired one is refused. */
export function inviterOf(deps: Deps, invite: unknown): string | undefined {
  if (invite === undefined || invite === '') return undefined;
  if (typeof invite !== 'string')
    throw new ValidationError('invalid_invite', 'The invitation is not valid.', 'invite');
  try {
    return deps.tokens.verify(invite, 'invite').sub;
  } catch {
    throw new ValidationError(
      'invalid_invite',
      'This invitation link is not valid or has expired. You can still enroll: open the start page without it.',
      'invite',
    );
  }
}

/** Links a newly confirmed invitee with the person who invited them, if that person is free to be linked. */
export async function linkInvitedPartner(deps: Deps, invitee: Enrollment): Promise<boolean> {
  if (!invitee.invitedBy) return false;
  const inviter = await deps.store.getEnrollment(invitee.invitedBy);
  if (inviter?.status !== 'active' || (await partnerOf(deps, inviter))) return false;
  const linkedAt = deps.clock.now().toISOString();
  await updateEnrollment(deps, inviter.id, (e) => {
    e.partner = { id: invitee.id, linkedAt };
  });
  await updateEnrollment(deps, invitee.id, (e) => {
    e.partner = { id: inviter.id, linkedAt };
    delete e.invitedBy;
  });
  logger.info('partners linked', { enrollmentId: invitee.id, partnerId: inviter.id });
  return true;
}

/** Turns the participation signal on or off for this person. */
export async function setParticipationSharing(
  deps: Deps,
  token: string | undefined,
  share: boolean,
): Promise<void> {
  const enrollment = await owner(deps, token);
  await updateEnrollment(deps, enrollment.id, (e) => {
    e.sharesParticipation = share;
  });
}

/** Ends the link. The other person is told only that it ended. */
export async function unlinkPartner(deps: Deps, token: string | undefined): Promise<void> {
  const enrollment = await owner(deps, token);
  const other = await partnerOf(deps, enrollment);
  await updateEnrollment(deps, enrollment.id, (e) => {
    if (!e.partner) return false;
    delete e.partner;
  });
  if (!other) return;
  const updated = await updateEnrollment(deps, other.id, (e) => {
    if (e.partner?.id !== enrollment.id) return false;
    delete e.partner;
  });
  if (updated.emailStatus === 'active') {
    const privacyUrl = link(deps, '/privacy', 'privacy', updated.id);
    await deps.mailer.send(
      composeSystemEmail(deps, updated, deps.catalog.messages.email.partnerUnlinked, privacyUrl),
    );
  }
  logger.info('partners unlinked', { enrollmentId: enrollment.id });
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
): Promise<{ you: Participation; partner: Participation } | undefined> {
  const other = await partnerOf(deps, enrollment);
  if (!other || !enrollment.sharesParticipation || !other.sharesParticipation) return undefined;
  const [you, partner] = await Promise.all([
    participationOf(deps, enrollment.id),
    participationOf(deps, other.id),
  ]);
  return { you, partner };
}
