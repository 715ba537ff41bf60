import { deliveryReportOf } from '../adapters/twilio/status-callback';
import { ForbiddenError } from '../shared/errors';
import { formFields, type HttpEvent, header, rawBody, respond, xml } from '../shared/http';
import type { Deps } from '../use-cases/deps';
import { recordSmsStatus } from '../use-cases/sending/sms-status';
import type { LambdaWiring } from '../wiring';
import { twilioWebhooks } from '../wiring/twilio-webhooks';
import { type HttpHandle, httpLambda } from './lambda';

/**
 * Checks the Twilio signature of a status callback. Twilio signs the callback URL the text was sent
 * with, and keeps it for the text's whole life: a text sent before `publicUrl` changed (the API's own
 * URL, before a custom domain) reports back to the old URL, signed for it. Either URL is accepted.
 */
function verifiedStatusParams(deps: Deps, event: HttpEvent): Record<string, string> {
  const params = formFields(rawBody(event));
  const signature = header(event, 'x-twilio-signature');
  const bases = [deps.config.publicUrl, deps.config.apiUrl].filter(
    (base, i, all): base is string => base !== undefined && all.indexOf(base) === i,
  );
  if (!bases.some((base) => deps.webhooks.isValid(`${base}/sms/status`, signature, params)))
    throw new ForbiddenError('The request signature is missing or does not match.', 'X-Twilio-Signature');
  return params;
}

/** POST /sms/status: Twilio's delivery callback. */
export const handle: HttpHandle = (deps, event) =>
  respond(event, async () => {
    const report = deliveryReportOf(verifiedStatusParams(deps, event));
    // A state the program does not follow (inbound, scheduled…) changes nothing.
    if (report) await recordSmsStatus(deps, report);
    return xml(200, '<?xml version="1.0" encoding="UTF-8"?><Response/>');
  });

/** The catalog parts and ports this function's entry point is built with (and the only ones bundled into it). */
export const wiring: LambdaWiring = { ports: [twilioWebhooks] };

export const handler = httpLambda(handle, wiring);
