import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { twilioSid } from '../../local/emulators/twilio-server';
import { LOCAL_DEFAULTS, type Runtime } from '../../local/runtime';

export interface InboundText {
  from: string;
  body: string;
  /** Twilio's MessageSid: a retry of the same webhook carries the same one. */
  sid?: string;
}

/** Twilio's inbound-message webhook for this text, correctly signed: the form body and its headers. */
export function signedInbound(runtime: Runtime, { from, body, sid = twilioSid() }: InboundText) {
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
  return {
    sid,
    url: `${runtime.url}/sms/inbound`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  };
}

/**
 * Posts Twilio's inbound-message webhook, with the MessageSid given (a provider retry) or a new one.
 * Does not record the text on the local phone: only the handler's effects are under test.
 */
export async function postInbound(
  runtime: Runtime,
  text: InboundText,
): Promise<{ status: number; twiml: string; sid: string }> {
  const { sid, url, headers, body } = signedInbound(runtime, text);
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, twiml: await response.text(), sid };
}
