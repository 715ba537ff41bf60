import type { Language } from '../program/types';
import { escapeHtml, page } from './layout';
import { PRIVACY_WORDS } from './words/privacy';

/**
 * The page's language and time zone, sent with each of its forms so the page after a button speaks it too and
 * gives the lines of where the person lives (after "delete", the enrollment that knew them is gone).
 */
const languageField = (language: Language, zone: string | undefined) =>
  `<input type="hidden" name="language" value="${language}">${zone ? `<input type="hidden" name="zone" value="${escapeHtml(zone)}">` : ''}`;

/** The privacy page, in the enrollment's language: download everything, the partner page, delete everything. */
export function privacyPage(
  self: string,
  partnerUrl: string,
  language: Language = 'en',
  zone?: string,
  /** Why nothing was deleted (the box was not ticked): said beside the box, the form still there. */
  problem?: string,
): string {
  const words = PRIVACY_WORDS[language];
  const action = escapeHtml(self);
  const alert = problem ? `\n<p id="confirm-error" role="alert">${escapeHtml(problem)}</p>` : '';
  const described = problem ? ' aria-describedby="confirm-error" aria-invalid="true"' : '';
  return page(
    words.title,
    `<h1>${words.title}</h1>
<p>${words.intro}</p>
<form method="post" action="${action}">${languageField(language, zone)}<input type="hidden" name="action" value="export"><button type="submit">${words.download}</button></form>
<h2>${words.partner}</h2>
<p>${words.partnerText(`<a href="${escapeHtml(partnerUrl)}">${words.partnerLink}</a>`)}</p>
<h2>${words.deleteHeading}</h2>
<p>${words.deleteText}</p>
<form method="post" action="${action}">${languageField(language, zone)}<input type="hidden" name="action" value="delete">${alert}
<label class="choice"><input type="checkbox" name="confirm" value="yes" required${described}> ${words.deleteConfirm}</label>
<button type="submit">${words.deleteButton}</button></form>`,
    '',
    language,
    zone,
  );
}

/** After "Delete all my data": in the language and with the lines of where the person lives, as their form said. */
export function dataDeletedPage(language: Language = 'en', zone?: string): string {
  const words = PRIVACY_WORDS[language];
  return page(
    words.deletedTitle,
    `<h1>${words.deletedHeading}</h1><p>${words.deletedText}</p>`,
    '',
    language,
    zone,
  );
}
