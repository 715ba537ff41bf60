import { FRESH_LINK_PATH, freshLinkFormPage, freshLinkOnItsWayPage } from '../pages/fresh-link';
import { ValidationError } from '../shared/errors';
import { html, json, parseBody, requestOrigin, respond, wantsJson } from '../shared/http';
import { requestFreshLink } from '../use-cases/enrollment/fresh-link';
import type { HttpHandle } from './lambda';

export { FRESH_LINK_PATH };

/**
 * POST /fresh-link (served by the enroll function, which already sends what a stranger may cause to an
 * address): 202 and the same page whatever the address; 400 naming the field; 429 for a busy network.
 */
export const handle: HttpHandle = (deps, event) =>
  respond(event, async () => {
    const body = parseBody(event);
    try {
      await requestFreshLink(deps, body, requestOrigin(event), event.requestContext.requestId);
    } catch (error) {
      // Without JavaScript, a mistake shows the form again with the address as typed, not a dead end.
      if (!(error instanceof ValidationError) || wantsJson(event)) throw error;
      const fields = body as Record<string, unknown>;
      return html(
        400,
        freshLinkFormPage(typeof fields.for === 'string' ? fields.for : undefined, {
          email: typeof fields.email === 'string' ? fields.email : '',
          error: error.message,
        }),
      );
    }
    return wantsJson(event) ? json(202, { status: 'accepted' }) : html(202, freshLinkOnItsWayPage());
  });
