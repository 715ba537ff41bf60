import { withEnrollmentEmails } from '../catalog/with-enrollment-emails';
import { confirmButtonPage, escapeHtml, page } from '../pages/layout';
import { calendarDateInWords } from '../program/local-words';
import { html, json, query, requestOrigin, respond, wantsJson } from '../shared/http';
import { confirm, lookupConfirmation } from '../use-cases/enrollment/confirm';
import { type LambdaWiring, twilioSms } from '../wiring';
import { type HttpHandle, httpLambda } from './lambda';

/** GET /confirm shows a button and changes nothing (link scanners prefetch); POST activates. */
export const handle: HttpHandle = (deps, event) =>
  respond(event, async () => {
    const token = query(event, 'token');
    if (event.requestContext.http.method === 'GET') {
      const enrollment = await lookupConfirmation(deps, token);
      if (enrollment.status !== 'pending')
        return html(
          200,
          page(
            'Already confirmed',
            '<h1>You are already in</h1><p>Your program is running. Watch your inbox for the next step.</p>',
          ),
        );
      return html(
        200,
        confirmButtonPage(
          'Confirm your place',
          'Press the button to start your 90-day program. Your first step arrives on the next morning where you are.',
          'Start my program',
          `/confirm?token=${encodeURIComponent(token ?? '')}`,
        ),
      );
    }
    const { enrollment } = await confirm(deps, token, requestOrigin(event));
    if (wantsJson(event))
      return json(200, { id: enrollment.id, status: enrollment.status, day0: enrollment.day0 });
    const sms =
      enrollment.smsStatus === 'awaiting-yes'
        ? '<p>We also sent you a text. Reply YES to it to get your weekly check-ins by text.</p>'
        : enrollment.textsUnavailable
          ? '<p>Your weekly check-ins will come by email: the mobile number you gave already gets our texts for another program, and a number gets them for one program at a time.</p>'
          : '';
    return html(
      200,
      page(
        'You are in',
        `<h1>You are in</h1><p>Your first step arrives ${escapeHtml(enrollment.day0 ? `on ${calendarDateInWords(enrollment.day0, enrollment.timezone)}, in the morning` : 'on the next morning where you are')}.</p>${sms}
<p>If your partner may want a private program of their own, you can <a href="/partner?token=${encodeURIComponent(deps.tokens.sign('partner', enrollment.id))}">invite them</a>. It is optional.</p>`,
      ),
    );
  });

/** The catalog parts and ports this function's entry point is built with (and the only ones bundled into it). */
export const wiring: LambdaWiring = { catalog: [withEnrollmentEmails], ports: [twilioSms] };

export const handler = httpLambda(handle, wiring);
