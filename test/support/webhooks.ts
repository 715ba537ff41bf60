import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { twilioSid } from '../../local/emulators/twilio-server';
import { LOCAL_DEFAULTS, type Runtime } from '../../local/runtime';

export interface InboundText {
  from: string;
  body: string;
  /** Twilio's MessageSid: a retry of the same webhook carries the same one. */
  sid?: string;
}

/**
 * Posts Twilio's inbound-message webhook, correctly signed, with the MessageSid given (a provider retry)
 * or a new one. Does not record the text on the local phone: only the handler's effects are under test.
 */
export async function postInbound(
  runtime: Runtime,
  { from, body, sid = twilioSid() }: InboundText,
): Promise<{ status: number; twiml: string; sid: string }> {
  const params: Record<string, string> = {
    MessageSid: sid,
    AccountSid: LOCAL_DEFAULTS.TWILIO_ACCOUNT_SID,
    From: from,
    To: LOCAL_DEFAULTS.TWILIO_FROM,
    Body: body,
    NumMedia: '0',
    NumSegments: '1',
    SmsStatus: 'received',
    ApiVersion: '2010-04-01',
  };
  const signature = getExpectedTwilioSignature(
    LOCAL_DEFAULTS.TWILIO_AUTH_TOKEN,
    `${runtime.deps.config.publicUrl}/sms/inbound`,
    params,
  );
  const response = await fetch(`${runtime.url}/sms/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, twiml: await response.text(), sid };
}
