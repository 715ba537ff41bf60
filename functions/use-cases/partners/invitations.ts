import type { OutgoingEmail } from '../../ports/mailer';
import type { ConsentStore } from '../../ports/store';
import { crisisLinesOfZone } from '../../program/crisis-lines';
import type { Enrollment } from '../../program/enrollment';
import { inLanguage } from '../../program/in-language';
import { invitationLayout } from '../../program/layouts';
import type { Language } from '../../program/types';
import { fillHtml, fillText } from '../../render/fill';
import { logger } from '../../shared/logger';
import type { Deps, UsesStore } from '../deps';
import {
  brandFor,
  type ComposeDeps,
  fromNameFor,
  personalValues,
  SELF_GUIDED_LIMITS,
  SELF_GUIDED_LIMITS_ES,
} from '../services/compose';
import { helpLineValues } from '../services/help-lines';

/**
 * The invitation's own footer, in the text part; the HTML says the same (templates/partials/invitation-footer.mjml).
 * The invited person is not a participant: nothing here points at a page of theirs, since none exists.
 */
export const INVITATION_FOOTERS = {
  en: {
    why: "Why this came to you: someone you know gave us this address and asked us to pass on an invitation. You haven't signed up for anything.",
    kept: 'What we keep about you: nothing, unless you enroll. Not your name, not this address. The only trace is a scrambled count of emails sent here, which lets us cap them at three a day and is gone within a day.',
    stop: 'Send no more invitations to this address',
    stopKept:
      "If you use that link, we keep one scrambled fingerprint of the address, which can't be turned back into it, only so we can recognise it and stay silent.",
    /** When a self-guided program is not the right help, as every email says. */
    limits: SELF_GUIDED_LIMITS,
    open: 'Open',
  },
  es: {
    why: 'Por qué te llega esto: alguien que conoces nos dio esta dirección y nos pidió que te pasáramos una invitación. No te has inscrito en nada.',
    kept: 'Qué guardamos de ti: nada, a menos que te inscribas. Ni tu nombre ni esta dirección. El único rastro es un recuento cifrado de los correos enviados aquí, que nos permite limitarlos a tres al día y desaparece en un día.',
    stop: 'No enviar más invitaciones a esta dirección',
    stopKept:
      'Si usas ese enlace, guardamos una sola huella cifrada de la dirección, que no se puede convertir de nuevo en ella, solo para reconocerla y no volver a escribir.',
    limits: SELF_GUIDED_LIMITS_ES,
    open: 'Abrir',
  },
} as const satisfies Record<Language, Record<string, string>>;
export const INVITATION_FOOTER = INVITATION_FOOTERS.en;

/** The link that stops further invitations to `address`: it carries the address's keyed hash, not the address. */
export const stopInvitationsUrl = (deps: Pick<Deps, 'config' | 'tokens' | 'contactHash'>, address: string) =>
  `${deps.config.publicUrl}/invitations/stop?${new URLSearchParams({ token: deps.tokens.sign('no-invitations', deps.contactHash(address)) })}`;

/**
 * The partner invitation: the inviter's chosen wording of `partnerInvite`, its button to the enrollment
 * form, and a footer of its own (why it came, what is kept, how to stop more). One-click unsubscribe
 * (RFC 8058) headers point at the same stop link, so a mail client's "unsubscribe" does what it says.
 */
export function composeInvitationEmail(
  deps: ComposeDeps & Pick<Deps, 'contactHash'>,
  inviter: Pick<Enrollment, 'checkinDay' | 'checkinTime' | 'timezone' | 'discreet' | 'language'>,
  to: string,
  enrollUrl: string,
): OutgoingEmail {
  // In the inviter's language: the two most likely share it, and the form it leads to has a switch.
  const language = inviter.language ?? 'en';
  const catalog = inLanguage(deps.catalog, language);
  const email = catalog.messages.email.partnerInvite;
  const stopUrl = stopInvitationsUrl(deps, to);
  const values = { ...personalValues(deps, inviter), actionUrl: enrollUrl };
  // The lines of where the inviter lives: partners most often live in one country.
  const helpLines = helpLineValues(catalog.messages, crisisLinesOfZone(inviter.timezone));
  const subject = fillText(email.subject, values);
  const f = INVITATION_FOOTERS[language];
  const actionLabel = email.action ?? f.open;
  const html = fillHtml(invitationLayout(catalog), {
    lang: language,
    subject,
    preheader: fillText(email.preheader, values),
    body: fillHtml(email.bodyHtml, { ...values, ...helpLines.html }),
    actionLabel,
    actionUrl: enrollUrl,
    details: fillHtml(email.detailsHtml ?? '', { ...values, ...helpLines.html }),
    stopInvitationsUrl: stopUrl,
    postalAddress: deps.config.postalAddress,
    // The inviter's discreet mode names the program neutrally over the invitation too.
    brand: brandFor(deps, inviter, language).brand,
  });
  const text = [
    fillText(email.bodyText, { ...values, ...helpLines.text }),
    `${actionLabel}: ${enrollUrl}`,
    ...(email.detailsText ? [fillText(email.detailsText, { ...values, ...helpLines.text })] : []),
    ['—', f.why, f.kept, `${f.stop}: ${stopUrl}`, f.stopKept, f.limits, deps.config.postalAddress].join('\n'),
  ].join('\n\n');
  return {
    to,
    subject,
    html,
    text,
    // The inviter's discreet mode names the sender neutrally for the invited person too: it is their wish.
    ...fromNameFor(deps, inviter),
    headers: {
      'List-Unsubscribe': `<${stopUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

/** Reads a stop-invitations link, changing nothing (mail scanners open every link). */
export function readStopInvitations(deps: Pick<Deps, 'tokens'>, token: string | undefined): string {
  return deps.tokens.verify(token, 'no-invitations').sub;
}

/**
 * Stops further partner invitations to the address a link names (the page's button, or a mail client's
 * RFC 8058 one-click): its keyed hash is kept, nothing else. Saying it twice changes nothing.
 */
export async function stopInvitations(
  deps: UsesStore<ConsentStore, 'tokens' | 'clock'>,
  token: string | undefined,
): Promise<void> {
  const contactHash = readStopInvitations(deps, token);
  await deps.store.refuseInvitations(contactHash, deps.clock.now().toISOString());
  logger.info('invitations refused by an address');
}

/** Whether invitations to `address` were refused by its owner. */
export const invitationsRefused = (deps: UsesStore<ConsentStore, 'contactHash'>, address: string) =>
  deps.store.invitationsRefused(deps.contactHash(address));
