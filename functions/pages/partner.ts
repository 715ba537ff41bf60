import type { PartnerView } from '../use-cases/partners';
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
