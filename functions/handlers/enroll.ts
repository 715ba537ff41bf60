import { checkYourEmailPage, enrollmentFormPage } from '../pages/enrollment-form';
import { html, json, parseBody, respond, wantsJson } from '../shared/http';
import { enroll } from '../use-cases/enroll';
import { httpLambda, type Route } from './lambda';

/** GET / shows the form; POST /enrollments enrolls (JSON or form) and answers 202. */
export const route: Route = (deps, event) =>
  respond(event, async () => {
    if (event.requestContext.http.method === 'GET') return html(200, enrollmentFormPage());
    const result = await enroll(deps, parseBody(event));
    return wantsJson(event) ? json(202, result) : html(202, checkYourEmailPage());
  });

export const handler = httpLambda(route);
