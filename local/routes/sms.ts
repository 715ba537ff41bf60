/** `/_local/sms`: every text the local Twilio server carried, and a participant's reply, signed as Twilio would. */
import { ValidationError } from '../../functions/shared/errors';
import { json, query } from '../../functions/shared/http';
import { type LocalRoute, parseJson } from './context';

export const SMS_ROUTES: readonly LocalRoute[] = [
  {
    method: 'GET',
    path: '/_local/sms',
    // `?phone=<number>`: one number's thread, both ways. An unescaped "+" arrives as a space, and is read as one.
    handle: async ({ twilio, sent }, { event }) => {
      const digits = query(event, 'phone')?.replace(/\D/g, '');
      const thread = twilio
        .messages()
        .filter((m) => !digits || [m.to, m.from].some((n) => n.replace(/\D/g, '') === digits));
      return json(
        200,
        thread.map((m) => ({ ...m, at: sent.at(m.sid, m.at) })),
      );
    },
  },
  {
    method: 'POST',
    path: '/_local/sms/reply',
    async handle({ replyBySms }, { body }) {
      const input = parseJson(body);
      if (typeof input.from !== 'string' || !/^\+[1-9]\d{6,14}$/.test(input.from)) {
        throw new ValidationError(
          'invalid_from',
          'from must be an E.164 number such as +14155550100.',
          'from',
        );
      }
      if (typeof input.body !== 'string' || input.body.length > 1600) {
        throw new ValidationError(
          'invalid_body',
          'body must be the text of the message (up to 1600 characters).',
          'body',
        );
      }
      return json(200, await replyBySms(input.from, input.body));
    },
  },
];
