import { sesMailer } from '../adapters/ses/ses-mailer';
import { withEmailLayouts } from '../catalog/with-email-layouts';
import { withInvitationLayout } from '../catalog/with-invitation-layout';
import { chooseLanguage } from '../pages/language';
import { partnerDonePage, partnerPage, partnerUnlinkPage } from '../pages/partner';
import { ValidationError } from '../shared/errors';
import { header, html, json, parseBody, query, requestOrigin, respond, wantsJson } from '../shared/http';
import {
  acceptInvitation,
  invitePartner,
  setParticipationSharing,
  unlinkPartner,
  viewPartnerPage,
} from '../use-cases/partners/partner-page';
import type { LambdaWiring } from '../wiring';
import { type HttpHandle, httpLambda } from './lambda';
import { handle as handleStopInvitations, STOP_INVITATIONS_PATH } from './stop-invitations';

/**
 * GET /partner shows the page; POST does one action: invite, share, keep-private or unlink (from the page,
 * unlink asks again first: `confirmed=true` ends the link).
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
        partnerPage(
          await viewPartnerPage(deps, token, query(event, 'invite')),
          `/partner?token=${encodeURIComponent(token ?? '')}`,
        ),
      );
    }
    const body = parseBody(event) as Record<string, unknown>;
    const action = String(body.action ?? '');
    const share = body.shareParticipation === true || body.shareParticipation === 'true';
    // The page's language (the enrollment's), sent with each of its forms.
    const language = () =>
      chooseLanguage(
        typeof body.language === 'string' ? body.language : undefined,
        header(event, 'accept-language'),
      );
    // From the page, "End the link" first says what it does (the partner gets an email) and asks again.
    if (action === 'unlink' && !wantsJson(event) && body.confirmed !== 'true' && body.confirmed !== true)
      return html(200, partnerUnlinkPage(`/partner?token=${encodeURIComponent(token ?? '')}`, language()));
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
      case 'accept':
        await acceptInvitation(deps, token, body.invite);
        break;
      default:
        throw new ValidationError(
          'invalid_action',
          'Choose "invite", "share", "keep-private", "unlink" or "accept".',
          'action',
        );
    }
    if (wantsJson(event)) return json(200, { done: action });
    return html(200, partnerDonePage(action, language()));
  });

/** The catalog parts and ports this function's entry point is built with (and the only ones bundled into it). */
export const wiring: LambdaWiring = { catalog: [withInvitationLayout, withEmailLayouts], ports: [sesMailer] };

export const handler = httpLambda(handle, wiring);
