import { checkYourEmailPage, enrollmentFormPage } from '../pages/enrollment-form';
import { html, json, parseBody, query, requestOrigin, respond, wantsJson } from '../shared/http';
import { enroll } from '../use-cases/enroll';
import { httpLambda, type Route } from './lambda';

/**
 * GET / shows the form; POST /enrollments enrolls (JSON or form) and answers 202 whatever the address
 * or number (400 for a malformed form, 429 when the caller's own network sent too many).
 */
export const route: Route = (deps, event) =>
  respond(event, async () => {
    if (event.requestContext.http.method === 'GET')
      return html(200, enrollmentFormPage(query(event, 'invite')));
    const result = await enroll(deps, parseBody(event), requestOrigin(event), event.requestContext.requestId);
    return wantsJson(event) ? json(202, result) : html(202, checkYourEmailPage());
  });

export const handler = httpLambda(route);
