/**
 * `/_local/email` and `/_local/ses-event`: every email the SES emulator received, a participant's email
 * reply, and the delivery events SES would publish, each handed to the same handler as in AWS.
 */
import { json, query } from '../../functions/shared/http';
import { injectEmailReply } from '../email-inbound';
import { listEmails } from '../emulators/ses';
import { injectSesEvent } from '../ses-events';
import { type LocalRoute, parseJson } from './context';

export const EMAIL_ROUTES: readonly LocalRoute[] = [
  {
    method: 'GET',
    path: '/_local/email',
    // `?to=<address>`: only the emails to that address (one participant's inbox), matched without case.
    handle: async ({ sesEndpoint, sent }, { event }) => {
      const to = query(event, 'to')?.trim().toLowerCase();
      const emails = (await listEmails(sesEndpoint)).filter(
        (e) => !to || e.to.some((address) => address.toLowerCase().includes(to)),
      );
      return json(
        200,
        emails.map((e) => ({ ...e, at: sent.at(e.messageId, e.at) })),
      );
    },
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
