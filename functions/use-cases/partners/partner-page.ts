import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import type { Enrollment } from '../../program/enrollment';
import { inLanguage } from '../../program/in-language';
import type { Language } from '../../program/types';
import { about, ConflictError, NotFoundError, ValidationError } from '../../shared/errors';
import { logger } from '../../shared/logger';
import type { Deps } from '../deps';
import { composeSystemEmail } from '../services/compose';
import { limitSource, mayEmailAddress } from '../services/limits';
import { link } from '../services/links';
import {
  type Invitation,
  inviterOf,
  linkPartners,
  type Participation,
  participationSignal,
  partnerOf,
} from '../services/partnership';
import { updateEnrollment } from '../services/update-enrollment';
import { composeInvitationEmail, invitationsRefused } from './invitations';

/** Invitations one participant may send: enough to fix a typo, too few to pester anyone. */
export const MAX_INVITATIONS = 3;

/** What the partner page shows. */
export interface PartnerView {
  enrollment: Enrollment;
  linked: boolean;
  invitationsLeft: number;
  /** Whether an invitation can go now: only while the program runs (`invitePartner` refuses otherwise). */
  canInvite: boolean;
  /** The participant's own pages, for what they can still do once the program has ended. */
  links: { privacyUrl: string; reportUrl?: string };
  /** The invitation the page was opened with (an enrolled person's way to link), when it can be accepted. */
  invitation?: string;
  /** Linked: whether the partner shares their count, and both counts once both do (and only then). */
  partnerShares?: boolean;
  participation?: { you: Participation; partner: Participation };
}

const emailSchema = z.pipe(z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254)), z.email());

async function owner(deps: Deps, token: string | undefined): Promise<Enrollment> {
  const claims = deps.tokens.verify(token, 'partner');
  const enrollment = await deps.store.getEnrollment(claims.sub);
  if (!enrollment) throw new NotFoundError('This enrollment no longer exists.');
  return enrollment;
}

/**
 * The partner page's state, changing nothing. `invite`: the invitation an enrolled person followed (the
 * link in the email enrollment sent them), offered to accept while it can be.
 */
export async function viewPartnerPage(
  deps: Deps,
  token: string | undefined,
  invite?: string,
): Promise<PartnerView> {
  const enrollment = await owner(deps, token);
  const [partner, report] = await Promise.all([
    partnerOf(deps, enrollment),
    enrollment.status === 'active' ? undefined : deps.store.getReport(enrollment.id),
  ]);
  const acceptable =
    invite !== undefined && enrollment.status === 'active' && !partner && readInvitation(deps, invite);
  const participation = partner ? await participationSignal(deps, enrollment, partner) : undefined;
  return {
    ...(acceptable ? { invitation: invite } : {}),
    ...(partner ? { partnerShares: partner.sharesParticipation === true } : {}),
    ...(participation ? { participation } : {}),
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

/** The inviter an invitation names, or undefined when it is forged or expired (the page then offers nothing). */
function readInvitation(deps: Deps, invite: string): Invitation | undefined {
  try {
    return inviterOf(deps, invite);
  } catch {
    return undefined;
  }
}

/** Why an invitation was not sent, in the inviter's language. */
const INVITE_ERRORS: Record<
  Language,
  {
    invalidEmail: string;
    ownEmail: string;
    notActive: string;
    alreadyLinked: string;
    tooMany: (max: number) => string;
    /** An invitation that can no longer be accepted: expired, the inviter's program ended or is linked. */
    closed: string;
  }
> = {
  en: {
    invalidEmail: "Enter your partner's email address.",
    ownEmail: 'That is your own address. Enter the one your partner uses.',
    notActive: 'Invitations can be sent while your program is running.',
    alreadyLinked: 'Your program is already linked with your partner’s.',
    tooMany: (max) => `You have sent ${max} invitations, the most we send for one program.`,
    closed: 'This invitation can no longer be accepted. Your own program carries on as before.',
  },
  es: {
    invalidEmail: 'Escribe el correo electrónico de tu pareja.',
    ownEmail: 'Ese es tu propio correo. Escribe el que usa tu pareja.',
    notActive: 'Las invitaciones se pueden enviar mientras tu programa está en marcha.',
    alreadyLinked: 'Tu programa ya está vinculado con el de tu pareja.',
    tooMany: (max) => `Ya enviaste ${max} invitaciones, lo máximo que enviamos para un programa.`,
    closed: 'Esta invitación ya no se puede aceptar. Tu programa sigue igual que antes.',
  },
};

/**
 * Emails an invitation to the partner. It says nothing about the inviter's program, only that a
 * private program of their own exists; following it links the two enrollments once they confirm.
 * Within the limits of use-cases/services/limits.ts: too many invitations from the caller's network are refused
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
  // In the inviter's language: the page shows the message as it is.
  const language = inviter.language ?? 'en';
  const said = INVITE_ERRORS[language];
  const invalid = (code: string, message: string) =>
    about(new ValidationError(code, message, 'email'), { language, timezone: inviter.timezone });
  const conflict = (code: string, message: string) =>
    about(new ConflictError(code, message), { language, timezone: inviter.timezone });
  const parsed = emailSchema.safeParse(input.email);
  if (!parsed.success) throw invalid('invalid_email', said.invalidEmail);
  const email = parsed.data;
  if (email === inviter.email) throw invalid('own_email', said.ownEmail);
  if (inviter.status !== 'active') throw conflict('not_active', said.notActive);
  if (await partnerOf(deps, inviter)) throw conflict('already_linked', said.alreadyLinked);
  if ((inviter.invitations?.count ?? 0) >= MAX_INVITATIONS)
    throw conflict('too_many_invitations', said.tooMany(MAX_INVITATIONS));
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

/**
 * An enrolled person accepts the invitation they followed (their partner page, opened from the email
 * enrollment sent to their address): their program is linked with the inviter's. Only the owner of the
 * page can press it, so nobody is linked by typing someone else's address into the form.
 */
export async function acceptInvitation(
  deps: Deps,
  token: string | undefined,
  invite: unknown,
): Promise<void> {
  const invitee = await owner(deps, token);
  const language = invitee.language ?? 'en';
  const said = INVITE_ERRORS[language];
  const closed = () => new ConflictError('invitation_closed', said.closed, undefined, language);
  const invitation = typeof invite === 'string' && invite ? readInvitation(deps, invite) : undefined;
  if (!invitation || invitation.by === invitee.id) throw closed();
  if (invitee.status !== 'active') throw new ConflictError('not_active', said.notActive, undefined, language);
  if (await partnerOf(deps, invitee))
    throw new ConflictError('already_linked', said.alreadyLinked, undefined, language);
  if (!(await linkPartners(deps, invitation, invitee))) throw closed();
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
  // Each side's choice to share its count was made for this link: a link made again (with anyone) asks again.
  // Either side's old invitations link no one after this (linkPartners): linking again takes a new one.
  const endedAt = deps.clock.now().toISOString();
  await updateEnrollment(deps, enrollment.id, (e) => {
    if (!e.partner) return false;
    delete e.partner;
    delete e.sharesParticipation;
    e.linkEndedAt = endedAt;
  });
  if (!other) return;
  const updated = await updateEnrollment(deps, other.id, (e) => {
    if (e.partner?.id !== enrollment.id) return false;
    delete e.partner;
    delete e.sharesParticipation;
    e.linkEndedAt = endedAt;
  });
  if (updated.emailStatus === 'active') {
    // Its button opens their partner page: it says the link ended, and a new invitation can start another.
    const partnerUrl = link(deps, '/partner', 'partner', updated.id);
    await deps.mailer.send(
      composeSystemEmail(
        deps,
        updated,
        inLanguage(deps.catalog, updated.language).messages.email.partnerUnlinked,
        partnerUrl,
      ),
    );
  }
  logger.info('partners unlinked', { enrollmentId: enrollment.id });
}
