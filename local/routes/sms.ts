/** `/_local/sms`: every text the local Twilio server carried, and a participant's reply, signed as Twilio would. */
import { ValidationError } from '../../functions/shared/errors';
import { json } from '../../functions/shared/http';
import { type LocalRoute, parseJson } from './context';

export const SMS_ROUTES: readonly LocalRoute[] = [
  {
    method: 'GET',
    path: '/_local/sms',
    handle: async ({ twilio, sent }) =>
      json(
        200,
        twilio.messages().map((m) => ({ ...m, at: sent.at(m.sid, m.at) })),
      ),
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
