import type { Language } from '../program/types';
import type { PartnerView } from '../use-cases/partners/partner-page';
import { escapeHtml, page } from './layout';
import { dayWithYear } from './words/dates';
import { PARTNER_WORDS, type PartnerWords } from './words/partner';

/** The page's language, sent with each of its forms so the page after a button speaks it too. */
const languageField = (language: Language) => `<input type="hidden" name="language" value="${language}">`;

/** The partner page, in the enrollment's language: invite, share the participation signal, or end the link. */
export function partnerPage(view: PartnerView, self: string): string {
  const language: Language = view.enrollment.language ?? 'en';
  const words = PARTNER_WORDS[language];
  const action = escapeHtml(self);
  const sharing = view.enrollment.sharesParticipation === true;
  const share = `<h2>${words.whatMaySee}</h2>
<p>${words.onlyThis}</p>
<form method="post" action="${action}">${languageField(language)}<input type="hidden" name="action" value="${sharing ? 'keep-private' : 'share'}">
<button type="submit">${sharing ? words.stopSharing : words.share}</button></form>
<p class="hint">${words.sharingNow(sharing)}</p>${counts(view, words)}`;
  if (!view.canInvite) return notRunningPage(view, share, action, words, language);
  if (view.linked) {
    return page(
      words.partnerTitle,
      `<h1>${words.linkedHeading}</h1>
<p>${words.linkedText}</p>
${share}
<h2>${words.endLink}</h2>
<form method="post" action="${action}">${languageField(language)}<input type="hidden" name="action" value="unlink"><button type="submit">${words.endLink}</button></form>`,
      '',
      language,
      view.enrollment.timezone,
    );
  }
  // Opened from the email sent to an enrolled person who followed an invitation: one press links the two.
  const accept = view.invitation
    ? `<section class="accept"><h2>${words.acceptHeading}</h2>
<p>${words.acceptText}</p>
<form method="post" action="${action}">${languageField(language)}<input type="hidden" name="action" value="accept"><input type="hidden" name="invite" value="${escapeHtml(view.invitation)}">
<button type="submit">${words.acceptButton}</button></form></section>`
    : '';
  const invite =
    view.invitationsLeft > 0
      ? `<form method="post" action="${action}">
${languageField(language)}<input type="hidden" name="action" value="invite">
<label for="email">${words.partnerEmail}</label>
<input id="email" name="email" type="email" required autocomplete="off">
<label class="choice"><input type="checkbox" name="shareParticipation" value="true"${sharing ? ' checked' : ''}>
<span>${words.shareCheckbox}</span></label>
<button type="submit">${words.sendInvitation}</button></form>`
      : `<p>${words.noInvitationsLeft}</p>`;
  // What the partner may see is chosen with the next invitation (its checkbox), not here.
  return page(
    words.inviteTitle,
    `<h1>${words.inviteTitle}</h1>
${linkEnded(view, words, language)}${accept}
<p>${words.inviteText}</p>
<p class="safety">${escapeHtml(words.inviteSafety)}</p>
${invite}`,
    '',
    language,
    view.enrollment.timezone,
  );
}

/** Linked: both counts once both share, or that the partner does not share theirs. */
function counts(view: PartnerView, words: PartnerWords): string {
  const { participation: p } = view;
  if (p)
    return `<p data-field="participation">${escapeHtml(words.counts(p.you.answered, p.you.sent, p.partner.answered, p.partner.sent))}</p>`;
  return view.partnerShares === false ? `<p class="hint">${escapeHtml(words.partnerNotSharing)}</p>` : '';
}

/**
 * The step before the link ends: what ending it does (the partner gets an email), with the button that ends
 * it and a way back that changes nothing. A press on "End the link" by mistake ends nothing.
 */
export function partnerUnlinkPage(self: string, language: Language = 'en'): string {
  const words = PARTNER_WORDS[language].confirmUnlink;
  const action = escapeHtml(self);
  return page(
    words.title,
    `<h1>${words.title}</h1>
<p>${words.text}</p>
<form method="post" action="${action}">${languageField(language)}<input type="hidden" name="action" value="unlink"><input type="hidden" name="confirmed" value="true">
<button type="submit">${words.yes}</button></form>
<p><a href="${action}">${words.keep}</a></p>`,
    '',
    language,
  );
}

/** The page after one of the partner page's buttons: what it did. */
export function partnerDonePage(action: keyof PartnerWords['done'], language: Language = 'en'): string {
  const [title, text] = PARTNER_WORDS[language].done[action];
  return page(title, `<h1>${title}</h1><p>${text}</p>`, '', language);
}

/** After a link ended (and none since): that it did, and when. */
function linkEnded(view: PartnerView, words: PartnerWords, language: Language): string {
  const { enrollment } = view;
  if (view.linked || !enrollment.linkEndedAt) return '';
  const day = dayWithYear(Date.parse(enrollment.linkEndedAt) / 1000, enrollment.timezone, language);
  return `<p data-field="link-ended">${escapeHtml(words.linkEnded(day))}</p>\n`;
}

/**
 * The page once invitations can no longer go (the program ended, or has not started): what is true, and
 * what the person can still do, instead of a form that would fail.
 */
function notRunningPage(
  view: PartnerView,
  share: string,
  action: string,
  words: PartnerWords,
  language: Language,
): string {
  const { enrollment, links } = view;
  if (enrollment.status === 'pending') {
    return page(
      words.inviteTitle,
      `<h1>${words.inviteTitle}</h1>
<p>${words.pendingText}</p>`,
      '',
      language,
      enrollment.timezone,
    );
  }
  const kept = enrollment.retainUntil
    ? escapeHtml(words.deletesOn(dayWithYear(enrollment.retainUntil, enrollment.timezone, language)))
    : '';
  const invited = (enrollment.invitations?.count ?? 0) > 0 && !view.linked;
  const can = [
    links.reportUrl ? `<li><a href="${escapeHtml(links.reportUrl)}">${words.readReport}</a>.</li>` : '',
    `<li><a href="${escapeHtml(links.privacyUrl)}">${words.downloadOrDelete}</a>.${kept}</li>`,
    invited ? `<li>${words.invitationStillWorks}</li>` : view.linked ? '' : `<li>${words.signUpHome}</li>`,
  ].join('');
  const linked = view.linked
    ? `<h2>${words.yourPartner}</h2>
<p>${words.stillLinked}</p>
${share}
<h2>${words.endLink}</h2>
<form method="post" action="${action}">${languageField(language)}<input type="hidden" name="action" value="unlink"><button type="submit">${words.endLink}</button></form>`
    : '';
  return page(
    words.endedTitle,
    `<h1>${words.endedTitle}</h1>
<p>${words.endedText}</p>
${linkEnded(view, words, language)}<h2>${words.canStillDo}</h2>
<ul>${can}</ul>
${linked}`,
    '',
    language,
    enrollment.timezone,
  );
}
