import { escapeHtml, page } from '../pages/layout';
import { ValidationError } from '../shared/errors';
import { formFields, html, json, query, rawBody, respond, wantsJson } from '../shared/http';
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
      const partnerUrl = `/partner?token=${encodeURIComponent(deps.tokens.sign('partner', enrollment.id))}`;
      return html(200, privacyPage(self, partnerUrl));
    }
    const action = formFields(rawBody(event)).action ?? query(event, 'action');
    if (action === 'export') {
      const data = await exportData(deps, token);
      const result = json(200, data);
      return {
        ...result,
        headers: { ...result.headers, 'content-disposition': 'attachment; filename="kintsugi-my-data.json"' },
      };
    }
    if (action === 'delete') {
      await deleteData(deps, token);
      if (wantsJson(event)) return json(200, { deleted: true });
      return html(
        200,
        page(
          'Deleted',
          '<h1>Your data is deleted</h1><p>Everything Kintsugi held about you is gone, and nothing more will be sent.</p>',
        ),
      );
    }
    throw new ValidationError('invalid_action', 'Choose "export" or "delete".', 'action');
  });

function privacyPage(self: string, partnerUrl: string): string {
  const action = escapeHtml(self);
  return page(
    'Your data',
    `<h1>Your data</h1>
<p>Everything Kintsugi keeps about you belongs to you: your details, what we sent and when, your answers and notes, and your report.</p>
<form method="post" action="${action}"><input type="hidden" name="action" value="export"><button type="submit">Download all my data (JSON)</button></form>
<h2>Your partner</h2>
<p>Invite your partner to a private program of their own, choose what they may see, or end the link: <a href="${escapeHtml(partnerUrl)}">your partner page</a>.</p>
<h2>Delete everything</h2>
<p>This removes your enrollment, your answers, your notes and your report, and stops every email and text. It cannot be undone.</p>
<form method="post" action="${action}"><input type="hidden" name="action" value="delete"><button type="submit">Delete all my data</button></form>`,
  );
}

/** This function's entry point adds no catalog part and names no port (no mail, texts, queue or alerts). */
export const wiring: LambdaWiring = {};

export const handler = httpLambda(handle, wiring);
