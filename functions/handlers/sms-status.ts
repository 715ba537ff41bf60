import { ValidationError } from '../shared/errors';
import { respond, xml } from '../shared/http';
import { recordSmsStatus } from '../use-cases/sms-status';
import { httpLambda, type Route } from './lambda';
import { verifiedParams } from './sms-inbound';

/** POST /sms/status: Twilio's delivery callback. */
export const route: Route = (deps, event) =>
  respond(event, async () => {
    const params = verifiedParams(deps, event, '/sms/status');
    const { MessageSid: messageSid, MessageStatus: status, ErrorCode: errorCode } = params;
    if (!messageSid || !status)
      throw new ValidationError(
        'missing_field',
        'MessageSid and MessageStatus are required.',
        messageSid ? 'MessageStatus' : 'MessageSid',
      );
    await recordSmsStatus(deps, { messageSid, status, ...(errorCode ? { errorCode } : {}) });
    return xml(200, '<?xml version="1.0" encoding="UTF-8"?><Response/>');
  });

export const handler = httpLambda(route);
