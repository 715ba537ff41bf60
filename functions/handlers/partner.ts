import { withEmailLayouts } from '../catalog/with-email-layouts';
import { withInvitationLayout } from '../catalog/with-invitation-layout';
import { page } from '../pages/layout';
import { partnerPage } from '../pages/partner';
import { ValidationError } from '../shared/errors';
import { html, json, parseBody, query, requestOrigin, respond, wantsJson } from '../shared/http';
import {
  invitePartner,
  setParticipationSharing,
  unlinkPartner,
  viewPartnerPage,
} from '../use-cases/partners/partner-page';
import { type LambdaWiring, sesMailer } from '../wiring';
import { type HttpHandle, httpLambda } from './lambda';
import { handle as handleStopInvitations, STOP_INVITATIONS_PATH } from './stop-invitations';

const DONE: Record<string, [string, string]> = {
  invite: [
    'Invitation on its way',
    'We are sending your partner one invitation, unless that address has asked us for none or has had three emails from us today (we never say which). If they enroll and confirm, your programs are linked.',
  ],
  share: ['Sharing on', 'Your partner will see how many check-ins you answered, if they share theirs too.'],
  'keep-private': ['Sharing off', 'Your partner will not see how many check-ins you answered.'],
  unlink: [
    'Link ended',
    'Your programs are no longer linked. Your partner is told only that the link ended.',
  ],
};

/**
 * GET /partner shows the page; POST does one action: invite, share, keep-private or unlink.
 * GET and POST /invitations/stop: the invited person's own link (handlers/stop-invitations.ts).
 */
export const handle: HttpHandle = (deps, event) =>
  event.routeKey.endsWith(` ${STOP_INVITATIONS_PATH}`)
    ? handleStopInvitations(deps, event)
    : handlePartner(deps, event);

const handlePartner: HttpHandle = (deps, event) =>
  respond(event, async () => {
    const token = query(event, 'token');
    if (event.requestContext.http.method === 'GET') {
      return html(
        200,
        partnerPage(await viewPartnerPage(deps, token), `/partner?token=${encodeURIComponent(token ?? '')}`),
      );
    }
    const body = parseBody(event) as Record<string, unknown>;
    const action = String(body.action ?? '');
    const share = body.shareParticipation === true || body.shareParticipation === 'true';
    switch (action) {
      case 'invite':
        await invitePartner(
          deps,
          token,
          { email: body.email, shareParticipation: share },
          { ip: requestOrigin(event).ip, requestId: event.requestContext.requestId },
        );
        break;
      case 'share':
      case 'keep-private':
        await setParticipationSharing(deps, token, action === 'share');
        break;
      case 'unlink':
        await unlinkPartner(deps, token);
        break;
      default:
        throw new ValidationError(
          'invalid_action',
          'Choose "invite", "share", "keep-private" or "unlink".',
          'action',
        );
    }
    const [title, text] = DONE[action] as [string, string];
    return wantsJson(event)
      ? json(200, { done: action })
      : html(200, page(title, `<h1>${title}</h1><p>${text}</p>`));
  });

/** The catalog parts and ports this function's entry point is built with (and the only ones bundled into it). */
export const wiring: LambdaWiring = { catalog: [withInvitationLayout, withEmailLayouts], ports: [sesMailer] };

export const handler = httpLambda(handle, wiring);
