import { type FreshLinkKind, offersFreshLink } from '../program/fresh-links';
import type { Language } from '../program/types';
import { escapeHtml, page } from './layout';
import { FRESH_LINK_WORDS, type FreshLinkWords } from './words/fresh-link';

/** Where a request for a fresh link goes (functions/handlers/enroll.ts). */
export const FRESH_LINK_PATH = '/fresh-link';

const home = (words: FreshLinkWords) => `<p><a href="/">${words.home}</a></p>`;

/** What the form shows again after a mistake: the address as typed and what was wrong with it. */
export interface FreshLinkFormState {
  email?: string;
  error?: string;
}

/** The form that asks for a fresh link of one kind. */
function freshLinkForm(
  words: FreshLinkWords,
  language: Language,
  kind: FreshLinkKind | undefined,
  state: FreshLinkFormState = {},
): string {
  const described = state.error ? ' aria-describedby="fresh-email-error" aria-invalid="true"' : '';
  // The page's language goes with the form, so its answer comes in the same one.
  return `<form method="post" action="${FRESH_LINK_PATH}" novalidate>
<input type="hidden" name="language" value="${language}">
${kind ? `<input type="hidden" name="for" value="${escapeHtml(kind)}">` : ''}
<label for="fresh-email">${words.email}</label>
<input id="fresh-email" name="email" type="email" autocomplete="email" required value="${escapeHtml(state.email ?? '')}"${described}>
${state.error ? `<p class="error" id="fresh-email-error">${escapeHtml(state.error)}</p>` : ''}
<button type="submit">${words.send}</button>
</form>`;
}

/**
 * The page an expired or broken link opens, in `language` (the browser's: a broken link names no
 * enrollment): what happened, a form that sends a fresh link of the same kind to the address on file (the
 * answer never says whether there is one), and a way home.
 */
export function linkTroublePage(
  reason: 'expired' | 'invalid',
  purpose: string | undefined,
  state: FreshLinkFormState = {},
  language: Language = 'en',
): string {
  const words = FRESH_LINK_WORDS[language];
  const title = reason === 'expired' ? words.expiredTitle : words.invalidTitle;
  const kind = offersFreshLink(purpose) ? purpose : undefined;
  const opened = kind ? words.opened[kind] : words.onePage;
  const why = `<p>${escapeHtml(reason === 'expired' ? words.expiredWhy(opened) : words.invalidWhy(opened))}</p>`;
  // The invited person has no address on file: there is nothing to send a fresh link to.
  if (purpose === 'no-invitations' || purpose === 'invite') {
    const said = reason === 'expired' ? words.invitationExpired : words.invitationInvalid;
    return page(title, `<h1>${title}</h1>\n<p>${said}</p>\n${home(words)}`, '', language);
  }
  return page(
    title,
    `<h1>${title}</h1>
${why}
<h2>${words.getFresh}</h2>
<p>${escapeHtml(kind === 'checkin' && reason === 'invalid' ? words.askBrokenCheckin : kind ? words.ask[kind] : words.askAny)}</p>
${freshLinkForm(words, language, kind, state)}
${home(words)}`,
    '',
    language,
  );
}

/** The form alone, shown again with what was wrong (a 400 without JavaScript). */
export function freshLinkFormPage(
  purpose: string | undefined,
  state: FreshLinkFormState,
  language: Language = 'en',
): string {
  const words = FRESH_LINK_WORDS[language];
  const kind = offersFreshLink(purpose) ? purpose : undefined;
  // In English the error's own message; in Spanish the form's (the API's JSON keeps its English).
  const shown = state.error && language !== 'en' ? { ...state, error: words.badEmail } : state;
  return page(
    words.getFresh,
    `<h1>${words.getFresh}</h1>
<p>${words.askForm}</p>
${freshLinkForm(words, language, kind, shown)}
${home(words)}`,
    '',
    language,
  );
}

/** The answer to every well-formed request, whoever the address belongs to. */
export function freshLinkOnItsWayPage(language: Language = 'en'): string {
  const words = FRESH_LINK_WORDS[language];
  return page(
    words.inboxTitle,
    `<h1>${words.inboxTitle}</h1>
<p role="status">${words.onItsWay}</p>
<p>${words.weNeverSay}</p>
${home(words)}`,
    '',
    language,
  );
}
