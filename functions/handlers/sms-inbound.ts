import { messagingResponse } from '../adapters/twilio/twiml';
import { withEmailLayouts } from '../catalog/with-email-layouts';
import { ForbiddenError, ValidationError } from '../shared/errors';
import type { HttpEvent } from '../shared/http';
import { formFields, header, rawBody, respond, xml } from '../shared/http';
import type { Deps } from '../use-cases/deps';
import { replyBySms } from '../use-cases/replies/reply-by-sms';
import type { LambdaWiring } from '../wiring';
import { sesMailerOnFirstEmail } from '../wiring/ses-at-first-email';
import { snsAlerts } from '../wiring/sns-alerts';
import { twilioWebhooks } from '../wiring/twilio-webhooks';
import { type HttpHandle, httpLambda } from './lambda';

/** Checks the Twilio signature of a webhook against the public URL it was sent to; throws 403 if wrong. */
export function verifiedParams(deps: Deps, event: HttpEvent, path: string): Record<string, string> {
  const params = formFields(rawBody(event));
  if (
    !deps.webhooks.isValid(`${deps.config.publicUrl}${path}`, header(event, 'x-twilio-signature'), params)
  ) {
    throw new ForbiddenError('The request signature is missing or does not match.', 'X-Twilio-Signature');
  }
  return params;
}

/** POST /sms/inbound: Twilio's inbound-message webhook, answered with TwiML. */
export const handle: HttpHandle = (deps, event) =>
  respond(event, async () => {
    const params = verifiedParams(deps, event, '/sms/inbound');
    const { From: from, Body: body, MessageSid: messageSid } = params;
    if (!from || !messageSid)
      throw new ValidationError(
        'missing_field',
        'From and MessageSid are required.',
        from ? 'MessageSid' : 'From',
      );
    const answer = await replyBySms(deps, { from, body: body ?? '', messageSid });
    return xml(200, messagingResponse(answer || undefined));
  });

/** The catalog parts and ports this function's entry point is built with (and the only ones bundled into it). */
export const wiring: LambdaWiring = {
  catalog: [withEmailLayouts],
  ports: [twilioWebhooks, sesMailerOnFirstEmail, snsAlerts],
};

export const handler = httpLambda(handle, wiring);
