import { confirmButtonPage, page } from '../pages/layout';
import { html, json, query, requestOrigin, respond, wantsJson } from '../shared/http';
import { lookupUnsubscribe, unsubscribe } from '../use-cases/unsubscribe';
import { httpLambda, type Route } from './lambda';

/** GET shows a button; POST (the page's button, or a mail client's RFC 8058 one-click) stops email. */
export const route: Route = (deps, event) =>
  respond(event, async () => {
    const token = query(event, 'token');
    if (event.requestContext.http.method === 'GET') {
      await lookupUnsubscribe(deps, token);
      return html(
        200,
        confirmButtonPage(
          'Stop emails',
          'Press the button to stop all Kintsugi emails. Texts, if you get them, stop when you reply STOP.',
          'Stop my emails',
          `/unsubscribe?token=${encodeURIComponent(token ?? '')}`,
        ),
      );
    }
    const enrollment = await unsubscribe(deps, token, requestOrigin(event));
    if (wantsJson(event)) return json(200, { id: enrollment.id, email: 'unsubscribed' });
    return html(
      200,
      page('Emails stopped', '<h1>Emails stopped</h1><p>You will get no more emails from Kintsugi.</p>'),
    );
  });

export const handler = httpLambda(route);
