import { chooseLanguage } from '../pages/language';
import { dataDeletedPage, privacyPage } from '../pages/privacy';
import { PRIVACY_WORDS } from '../pages/words/privacy';
import { zoneKnown } from '../program/local-words';
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
    if (event.requestContext.http.method === 'GET') {
      const enrollment = await lookupPrivacy(deps, token);
      const partnerUrl = partnerPagePath(deps.tokens, enrollment.id);
      return html(200, privacyPage(self, partnerUrl, enrollment.language ?? 'en', enrollment.timezone));
    }
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
        const enrollment = await lookupPrivacy(deps, token);
        const language = enrollment.language ?? 'en';
        const partnerUrl = partnerPagePath(deps.tokens, enrollment.id);
        const problem = PRIVACY_WORDS[language].deleteNotConfirmed;
        return html(400, privacyPage(self, partnerUrl, language, enrollment.timezone, problem));
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
