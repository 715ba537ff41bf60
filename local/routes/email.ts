/**
 * `/_local/email` and `/_local/ses-event`: every email the SES emulator received, a participant's email
 * reply, and the delivery events SES would publish, each handed to the same handler as in AWS.
 */
import { json } from '../../functions/shared/http';
import { injectEmailReply } from '../email-inbound';
import { listEmails } from '../emulators/ses';
import { injectSesEvent } from '../ses-events';
import { type LocalRoute, parseJson } from './context';

export const EMAIL_ROUTES: readonly LocalRoute[] = [
  {
    method: 'GET',
    path: '/_local/email',
    handle: async ({ sesEndpoint, sent }) =>
      json(
        200,
        (await listEmails(sesEndpoint)).map((e) => ({ ...e, at: sent.at(e.messageId, e.at) })),
      ),
  },
  {
    method: 'POST',
    path: '/_local/email/reply',
    handle: async ({ deps }, { body }) => json(200, await injectEmailReply(deps, parseJson(body))),
  },
  {
    method: 'POST',
    path: '/_local/ses-event',
    handle: async ({ deps }, { body }) => json(200, await injectSesEvent(deps, parseJson(body))),
  },
];
