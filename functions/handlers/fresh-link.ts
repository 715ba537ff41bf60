import { FRESH_LINK_PATH, freshLinkFormPage, freshLinkOnItsWayPage } from '../pages/fresh-link';
import { chooseLanguage } from '../pages/language';
import { ValidationError } from '../shared/errors';
import { header, html, json, parseBody, requestOrigin, respond, wantsJson } from '../shared/http';
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
    const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    // The page's own language (its form's field), else the browser's.
    const language = chooseLanguage(
      typeof fields.language === 'string' ? fields.language : undefined,
      header(event, 'accept-language'),
    );
    try {
      await requestFreshLink(deps, body, requestOrigin(event), event.requestContext.requestId);
    } catch (error) {
      // Without JavaScript, a mistake shows the form again with the address as typed, not a dead end.
      if (!(error instanceof ValidationError) || wantsJson(event)) throw error;
      return html(
        400,
        freshLinkFormPage(
          typeof fields.for === 'string' ? fields.for : undefined,
          { email: typeof fields.email === 'string' ? fields.email : '', error: error.message },
          language,
        ),
      );
    }
    return wantsJson(event) ? json(202, { status: 'accepted' }) : html(202, freshLinkOnItsWayPage(language));
  });
