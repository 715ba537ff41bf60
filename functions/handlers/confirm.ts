import { withEmailLayouts } from '../catalog/with-email-layouts';
import { withEnrollmentEmails } from '../catalog/with-enrollment-emails';
import { confirmedPage, confirmLinkPage } from '../pages/confirm';
import { html, json, query, requestOrigin, respond, wantsJson } from '../shared/http';
import { partnerPagePath } from '../shared/tokens';
import { confirm, lookupConfirmation } from '../use-cases/enrollment/confirm';
import type { LambdaWiring } from '../wiring';
import { sesMailerOnFirstEmail } from '../wiring/ses-at-first-email';
import { twilioSms } from '../wiring/twilio-sms';
import { type HttpHandle, httpLambda } from './lambda';

/** GET /confirm shows a button and changes nothing (link scanners prefetch); POST activates. */
export const handle: HttpHandle = (deps, event) =>
  respond(event, async () => {
    const token = query(event, 'token');
    if (event.requestContext.http.method === 'GET')
      return html(
        200,
        confirmLinkPage(
          await lookupConfirmation(deps, token),
          `/confirm?token=${encodeURIComponent(token ?? '')}`,
        ),
      );
    const { enrollment } = await confirm(deps, token, requestOrigin(event));
    if (wantsJson(event))
      return json(200, { id: enrollment.id, status: enrollment.status, day0: enrollment.day0 });
    return html(200, confirmedPage(enrollment, partnerPagePath(deps.tokens, enrollment.id)));
  });

/** The catalog parts and ports this function's entry point is built with (and the only ones bundled into it). */
/**
 * Email only when a confirmation links an invited partner (the inviter is told): the SES client is read at
 * that first email, not at every start.
 */
export const wiring: LambdaWiring = {
  catalog: [withEnrollmentEmails, withEmailLayouts],
  ports: [twilioSms, sesMailerOnFirstEmail],
};

export const handler = httpLambda(handle, wiring);
