import { clockOfZone } from '../program/local-words';
import type { PartnerView } from '../use-cases/partners/partner-page';
import { escapeHtml, page } from './layout';

/** The partner page: invite, share the participation signal, or end the link. */
export function partnerPage(view: PartnerView, self: string): string {
  const action = escapeHtml(self);
  const sharing = view.enrollment.sharesParticipation === true;
  const share = `<h2>What your partner may see</h2>
<p>Only this, and only if you both agree: how many weekly check-ins each of you answered. Never your answers, notes or report.</p>
<form method="post" action="${action}"><input type="hidden" name="action" value="${sharing ? 'keep-private' : 'share'}">
<button type="submit">${sharing ? 'Stop sharing my count' : 'Share my count'}</button></form>
<p class="hint">You are ${sharing ? '' : 'not '}sharing it now.</p>`;
  if (!view.canInvite) return notRunningPage(view, share, action);
  if (view.linked) {
    return page(
      'Your partner',
      `<h1>Your programs are linked</h1>
<p>Each of you has a private program. Ending the link changes nothing else; your partner is told only that it ended.</p>
${share}
<h2>End the link</h2>
<form method="post" action="${action}"><input type="hidden" name="action" value="unlink"><button type="submit">End the link</button></form>`,
    );
  }
  const invite =
    view.invitationsLeft > 0
      ? `<form method="post" action="${action}">
<input type="hidden" name="action" value="invite">
<label for="email">Your partner's email address</label>
<input id="email" name="email" type="email" required autocomplete="off">
<label class="choice"><input type="checkbox" name="shareParticipation" value="true"${sharing ? ' checked' : ''}>
<span>Let my partner see how many weekly check-ins I answer, if they share theirs too.</span></label>
<button type="submit">Send the invitation</button></form>`
      : '<p>You have sent as many invitations as we send for one program.</p>';
  return page(
    'Invite your partner',
    `<h1>Invite your partner</h1>
<p>Your partner can have a private program of their own, for their side of what happened. We send one short
invitation; it says nothing about your program or your answers.</p>
<p class="safety">If inviting them could put you at risk, don't. Your program works the same without them.</p>
${invite}
${share}`,
  );
}

/** A day in the words of the participant's country, with the year: "December 5, 2027". */
function dayWithYear(epochSeconds: number, timezone: string): string {
  return new Intl.DateTimeFormat(clockOfZone(timezone).locale, {
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    timeZone: timezone,
  }).format(new Date(epochSeconds * 1000));
}

/**
 * The page once invitations can no longer go (the program ended, or has not started): what is true, and
 * what the person can still do, instead of a form that would fail.
 */
function notRunningPage(view: PartnerView, share: string, action: string): string {
  const { enrollment, links } = view;
  if (enrollment.status === 'pending') {
    return page(
      'Invite your partner',
      `<h1>Invite your partner</h1>
<p>You can invite your partner once your program has started. Press the button in the confirmation email we sent you, then come back to this page.</p>`,
    );
  }
  const kept = enrollment.retainUntil
    ? ` Kintsugi deletes it by itself on ${escapeHtml(dayWithYear(enrollment.retainUntil, enrollment.timezone))}.`
    : '';
  const invited = (enrollment.invitations?.count ?? 0) > 0 && !view.linked;
  const can = [
    links.reportUrl ? `<li><a href="${escapeHtml(links.reportUrl)}">Read your report</a>.</li>` : '',
    `<li><a href="${escapeHtml(links.privacyUrl)}">Download or delete your data</a>.${kept}</li>`,
    invited
      ? '<li>An invitation you already sent still works for a while: your partner can start a private program of their own with it. It will not be linked to yours.</li>'
      : view.linked
        ? ''
        : '<li>If your partner wants a private program of their own, they can sign up on <a href="/">the home page</a>. It will not be linked to yours.</li>',
  ].join('');
  const linked = view.linked
    ? `<h2>Your partner</h2>
<p>Your programs are still linked. Ending the link changes nothing else; your partner is told only that it ended.</p>
${share}
<h2>End the link</h2>
<form method="post" action="${action}"><input type="hidden" name="action" value="unlink"><button type="submit">End the link</button></form>`
    : '';
  return page(
    'Your program has ended',
    `<h1>Your program has ended</h1>
<p>Your 90 days are over, so Kintsugi no longer sends invitations from your program.</p>
<h2>What you can still do</h2>
<ul>${can}</ul>
${linked}`,
  );
}
