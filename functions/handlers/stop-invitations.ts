import { confirmButtonPage, page } from '../pages/layout';
import { INVITATION_WORDS } from '../pages/words/invitations';
import { browserLanguage, html, json, query, respond, wantsJson } from '../shared/http';
import { readStopInvitations, stopInvitations } from '../use-cases/partners/invitations';
import type { HttpHandle } from './lambda';

/** Where the invitation's footer link goes (served by the partner function, which sends invitations). */
export const STOP_INVITATIONS_PATH = '/invitations/stop';

/** GET shows a button and changes nothing (mail scanners open links); POST (the button, or RFC 8058) stops them. */
export const handle: HttpHandle = (deps, event) =>
  respond(event, async () => {
    const token = query(event, 'token');
    // Nobody enrolled: the browser's language.
    const language = browserLanguage(event);
    const words = INVITATION_WORDS[language];
    const self = `${STOP_INVITATIONS_PATH}?token=${encodeURIComponent(token ?? '')}`;
    if (event.requestContext.http.method === 'GET') {
      readStopInvitations(deps, token);
      return html(200, confirmButtonPage(words.title, words.intro, words.button, self, language));
    }
    await stopInvitations(deps, token);
    if (wantsJson(event)) return json(200, { invitations: 'stopped' });
    const done = `<h1>${words.title}</h1><p>${words.done}</p><p><a href="/">${words.home}</a></p>`;
    return html(200, page(words.title, done, '', language));
  });
