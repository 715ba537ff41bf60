import { chooseLanguage } from '../pages/language';
import { dataDeletedPage, privacyPage } from '../pages/privacy';
import { PRIVACY_WORDS } from '../pages/words/privacy';
import { zoneKnown } from '../program/local-words';
import type { Language } from '../program/types';
import { ValidationError } from '../shared/errors';
import { formFields, header, html, json, query, rawBody, respond, wantsJson } from '../shared/http';
import { partnerPagePath } from '../shared/tokens';
import { deleteData, exportData, lookupPrivacy } from '../use-cases/enrollment/privacy';
import type { LambdaWiring } from '../wiring';
import { type HttpHandle, httpLambda } from './lambda';

/** GET /privacy shows the choices; POST with action=export downloads everything, action=delete erases it. */
export const handle: HttpHandle = (deps, event) =>
  respond(event, async () => {
    const token = query(event, 'token');
    const self = `/privacy?token=${encodeURIComponent(token ?? '')}`;
    /** The page of choices, in the person's language; with `problem`, why nothing was deleted. */
    const choices = async (status: number, problem?: (language: Language) => string) => {
      const enrollment = await lookupPrivacy(deps, token);
      const language = enrollment.language ?? 'en';
      const partnerUrl = partnerPagePath(deps.tokens, enrollment.id);
      return html(status, privacyPage(self, partnerUrl, language, enrollment.timezone, problem?.(language)));
    };
    if (event.requestContext.http.method === 'GET') return choices(200);
    const fields = formFields(rawBody(event));
    const action = fields.action ?? query(event, 'action');
    if (action === 'export') {
      const data = await exportData(deps, token);
      const result = json(200, data);
      return {
        ...result,
        headers: { ...result.headers, 'content-disposition': 'attachment; filename="kintsugi-my-data.json"' },
      };
    }
    if (action === 'delete') {
      // From the page, only with its box ticked (the browser asks for it too); a script asking for JSON
      // has made its choice.
      if (!wantsJson(event) && fields.confirm !== 'yes') {
        // The page again, nothing deleted, saying why beside the box.
        return choices(400, (language) => PRIVACY_WORDS[language].deleteNotConfirmed);
      }
      await deleteData(deps, token);
      if (wantsJson(event)) return json(200, { deleted: true });
      // The enrollment is gone: the page's form carried its language.
      const zone = fields.zone && zoneKnown(fields.zone) ? fields.zone : undefined;
      return html(
        200,
        dataDeletedPage(chooseLanguage(fields.language, header(event, 'accept-language')), zone),
      );
    }
    throw new ValidationError('invalid_action', 'Choose "export" or "delete".', 'action');
  });

/** This function's entry point adds no catalog part and names no port (no mail, texts, queue or alerts). */
export const wiring: LambdaWiring = {};

export const handler = httpLambda(handle, wiring);
