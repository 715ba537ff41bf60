import { emailsBackPage, emailsStoppedPage, pausedInsteadPage, stopEmailsPage } from '../pages/unsubscribe';
import { ValidationError } from '../shared/errors';
import {
  formFields,
  type HttpEvent,
  header,
  html,
  json,
  parseBody,
  query,
  rawBody,
  requestOrigin,
  respond,
  wantsJson,
} from '../shared/http';
import {
  lookupUnsubscribe,
  pauseInstead,
  resubscribe,
  unsubscribe,
} from '../use-cases/enrollment/unsubscribe';
import type { LambdaWiring } from '../wiring';
import { type HttpHandle, httpLambda } from './lambda';

/**
 * What a POST asks for: `action=resubscribe`, `action=pause&days=N` (the "Emails stopped" page's buttons),
 * else a stop (the page's button, or a mail client's RFC 8058 one-click, whose body may be
 * multipart: only form and JSON bodies are read, so no body can make a one-click stop fail).
 */
function postedFields(event: HttpEvent): Record<string, unknown> {
  const type = (header(event, 'content-type') ?? '').toLowerCase();
  if (type.includes('application/x-www-form-urlencoded')) return formFields(rawBody(event));
  if (type.includes('application/json') && rawBody(event).trim() !== '')
    return (parseBody(event) ?? {}) as Record<string, unknown>;
  return {};
}

/** GET shows a button; POST stops email, or (from the "Emails stopped" page) starts it again or pauses instead. */
export const handle: HttpHandle = (deps, event) =>
  respond(event, async () => {
    const token = query(event, 'token');
    const self = `/unsubscribe?token=${encodeURIComponent(token ?? '')}`;
    if (event.requestContext.http.method === 'GET') {
      const enrollment = await lookupUnsubscribe(deps, token);
      // Already stopped: say so, with the way back, rather than a second "Stop emails" button.
      return html(
        200,
        enrollment.emailStatus === 'active'
          ? stopEmailsPage(enrollment, self)
          : emailsStoppedPage(enrollment, self),
      );
    }
    const fields = postedFields(event);
    const action = String(fields.action ?? 'unsubscribe');
    if (action === 'resubscribe') {
      const enrollment = await resubscribe(deps, token, requestOrigin(event));
      if (wantsJson(event)) return json(200, { id: enrollment.id, email: 'active' });
      return html(200, emailsBackPage(enrollment.language ?? 'en', enrollment.timezone));
    }
    if (action === 'pause') {
      const { enrollment, until } = await pauseInstead(deps, token, fields.days, requestOrigin(event));
      if (wantsJson(event)) return json(200, { id: enrollment.id, email: 'active', pausedUntil: until });
      return html(200, pausedInsteadPage(enrollment, until));
    }
    if (action !== 'unsubscribe')
      throw new ValidationError(
        'invalid_action',
        'Choose "unsubscribe", "resubscribe" or "pause" (with "days").',
        'action',
      );
    const enrollment = await unsubscribe(deps, token, requestOrigin(event));
    if (wantsJson(event)) return json(200, { id: enrollment.id, email: 'unsubscribed' });
    return html(200, emailsStoppedPage(enrollment, self));
  });

/** This function's entry point adds no catalog part and names no port (no mail, texts, queue or alerts). */
export const wiring: LambdaWiring = {};

export const handler = httpLambda(handle, wiring);
