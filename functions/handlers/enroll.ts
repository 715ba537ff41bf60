import { sesMailer } from '../adapters/ses/ses-mailer';
import { withEmailLayouts } from '../catalog/with-email-layouts';
import { withEnrollmentEmails } from '../catalog/with-enrollment-emails';
import { enrollmentFormPage, formPostAnswer } from '../pages/enrollment-form';
import {
  browserLanguage,
  html,
  json,
  parseBody,
  query,
  requestOrigin,
  respond,
  wantsJson,
} from '../shared/http';
import { enroll } from '../use-cases/enrollment/enroll';
import type { LambdaWiring } from '../wiring';
import { FRESH_LINK_PATH, handle as handleFreshLink } from './fresh-link';
import { type HttpHandle, httpLambda } from './lambda';

/**
 * GET / shows the form (in Spanish when `?lang=es` or the browser prefers it); POST /enrollments enrolls (JSON or form) and answers 202 whatever the address
 * or number (400 for a malformed form, 429 when the caller's own network sent too many). POST
 * /fresh-link sends a fresh link to an address in the program (handlers/fresh-link.ts).
 */
export const handle: HttpHandle = (deps, event) =>
  event.routeKey === `POST ${FRESH_LINK_PATH}` ? handleFreshLink(deps, event) : handleEnroll(deps, event);

const handleEnroll: HttpHandle = (deps, event) =>
  respond(event, async () => {
    if (event.requestContext.http.method === 'GET')
      return html(200, enrollmentFormPage(query(event, 'invite'), {}, browserLanguage(event)));
    const body = parseBody(event);
    const send = () => enroll(deps, body, requestOrigin(event), event.requestContext.requestId);
    if (wantsJson(event)) return json(202, await send());
    // Without JavaScript: a mistake brings the form back filled in, never a dead end.
    const answer = await formPostAnswer(body, send, browserLanguage(event));
    return html(answer.status, answer.page);
  });

/** The catalog parts and ports this function's entry point is built with (and the only ones bundled into it). */
export const wiring: LambdaWiring = { catalog: [withEnrollmentEmails, withEmailLayouts], ports: [sesMailer] };

export const handler = httpLambda(handle, wiring);
