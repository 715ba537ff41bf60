import { type FreshLinkKind, offersFreshLink } from '../program/fresh-links';
import { escapeHtml, page } from './layout';

/** Where a request for a fresh link goes (functions/handlers/enroll.ts). */
export const FRESH_LINK_PATH = '/fresh-link';

/** What each kind of link opened, as the page names it. */
const OPENED: Record<FreshLinkKind, string> = {
  confirm: 'your confirmation page',
  unsubscribe: 'the page that stops or restarts your emails',
  checkin: 'a check-in',
  report: 'your report',
  privacy: 'your data page',
  partner: 'your partner page',
  settings: 'your settings',
};

/** What the person can do with a fresh link of each kind, said before the form. */
const ASK: Record<FreshLinkKind, string> = {
  confirm:
    'Enter the address you signed up with. If it is waiting to be confirmed, we will send the confirmation again; if your program has already started, a link to your settings.',
  unsubscribe: 'Enter the address you signed up with, and we will email it a new link to that page.',
  checkin:
    'A check-in link lasts two weeks, and the question it was for has closed, so an answer to it would no longer count. Your next check-in comes as usual. If you want your settings page, enter the address you signed up with and we will email it a link.',
  report: 'Enter the address you signed up with, and we will email it a new link to your report.',
  privacy: 'Enter the address you signed up with, and we will email it a new link to that page.',
  partner: 'Enter the address you signed up with, and we will email it a new link to that page.',
  settings: 'Enter the address you signed up with, and we will email it a new link to that page.',
};

const HOME = '<p><a href="/">Go to the Kintsugi home page</a></p>';

/** What the form shows again after a mistake: the address as typed and what was wrong with it. */
export interface FreshLinkFormState {
  email?: string;
  error?: string;
}

/** The form that asks for a fresh link of one kind. */
function freshLinkForm(kind: FreshLinkKind | undefined, state: FreshLinkFormState = {}): string {
  const described = state.error ? ' aria-describedby="fresh-email-error" aria-invalid="true"' : '';
  return `<form method="post" action="${FRESH_LINK_PATH}" novalidate>
${kind ? `<input type="hidden" name="for" value="${escapeHtml(kind)}">` : ''}
<label for="fresh-email">Your email address</label>
<input id="fresh-email" name="email" type="email" autocomplete="email" required value="${escapeHtml(state.email ?? '')}"${described}>
${state.error ? `<p class="error" id="fresh-email-error">${escapeHtml(state.error)}</p>` : ''}
<button type="submit">Send me a fresh link</button>
</form>`;
}

/**
 * The page an expired or broken link opens: what happened, a form that sends a fresh link of the same kind
 * to the address on file (the answer never says whether there is one), and a way home.
 */
export function linkTroublePage(
  reason: 'expired' | 'invalid',
  purpose: string | undefined,
  state: FreshLinkFormState = {},
): string {
  const title = reason === 'expired' ? 'This link has expired' : 'This link is not valid';
  const kind = offersFreshLink(purpose) ? purpose : undefined;
  const opened = kind ? OPENED[kind] : 'one of your pages';
  const why =
    reason === 'expired'
      ? `<p>It opened ${escapeHtml(opened)}. Our links work for a while and then stop, so an old email can't open your pages for anyone else.</p>`
      : `<p>It was meant to open ${escapeHtml(opened)}, but part of it is missing or changed. That happens when a link is copied by hand or split across two lines. The button in the email itself usually works.</p>`;
  // The invited person has no address on file: there is nothing to send a fresh link to.
  if (purpose === 'no-invitations' || purpose === 'invite') {
    const said =
      reason === 'expired'
        ? 'This link from an invitation email is more than a year old. If another invitation reaches you, the link at its foot stops them.'
        : 'Part of this link from an invitation email is missing or changed. Try the link in the email itself; copying it by hand can break it.';
    return page(title, `<h1>${title}</h1>\n<p>${said}</p>\n${HOME}`);
  }
  return page(
    title,
    `<h1>${title}</h1>
${why}
<h2>Get a fresh link</h2>
<p>${escapeHtml(kind ? ASK[kind] : 'Enter the address you signed up with, and we will email it a new link.')}</p>
${freshLinkForm(kind, state)}
${HOME}`,
  );
}

/** The form alone, shown again with what was wrong (a 400 without JavaScript). */
export function freshLinkFormPage(purpose: string | undefined, state: FreshLinkFormState): string {
  const kind = offersFreshLink(purpose) ? purpose : undefined;
  return page(
    'Get a fresh link',
    `<h1>Get a fresh link</h1>
<p>Enter the address you signed up with. If it is in the program, we will email it a new link.</p>
${freshLinkForm(kind, state)}
${HOME}`,
  );
}

/** The answer to every well-formed request, whoever the address belongs to. */
export function freshLinkOnItsWayPage(): string {
  return page(
    'Check your inbox',
    `<h1>Check your inbox</h1>
<p role="status">If that address is in the program, a fresh link is on its way. It can take a few minutes; if nothing comes, look in your spam or junk folder.</p>
<p>We never say on this page whether an address is signed up, so whoever types it learns nothing about you.</p>
${HOME}`,
  );
}
