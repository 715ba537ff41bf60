import { confirmButtonPage, page } from '../pages/layout';
import { html, json, query, respond, wantsJson } from '../shared/http';
import { readStopInvitations, stopInvitations } from '../use-cases/partners/invitations';
import type { HttpHandle } from './lambda';

/** Where the invitation's footer link goes (served by the partner function, which sends invitations). */
export const STOP_INVITATIONS_PATH = '/invitations/stop';

/** GET shows a button and changes nothing (mail scanners open links); POST (the button, or RFC 8058) stops them. */
export const handle: HttpHandle = (deps, event) =>
  respond(event, async () => {
    const token = query(event, 'token');
    if (event.requestContext.http.method === 'GET') {
      readStopInvitations(deps, token);
      return html(
        200,
        confirmButtonPage(
          'No more invitations',
          'Press the button and Kintsugi will send no more invitations to this address, whoever asks. We keep one scrambled fingerprint of the address, which cannot be turned back into it, so we can recognise it and stay silent. You can still enroll yourself one day if you want to.',
          'Send no more invitations',
          `${STOP_INVITATIONS_PATH}?token=${encodeURIComponent(token ?? '')}`,
        ),
      );
    }
    await stopInvitations(deps, token);
    if (wantsJson(event)) return json(200, { invitations: 'stopped' });
    return html(
      200,
      page(
        'No more invitations',
        '<h1>No more invitations</h1><p>Done. Nobody can send an invitation from Kintsugi to this address again, and the person who invited you is not told.</p><p><a href="/">Go to the Kintsugi home page</a></p>',
      ),
    );
  });
