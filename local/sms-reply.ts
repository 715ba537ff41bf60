import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import type { LocalClock } from './clock';
import { type TwilioServer, twilioSid } from './emulators/twilio-server';
import type { SentLog } from './sent-log';

export interface SmsReplyResult {
  status: number;
  twiml: string;
  reply: string | null;
}

/** What posting a participant's text needs: the runtime's own address and Twilio's local stand-in. */
export interface SmsReplyWiring {
  /** The runtime's URL, where the webhook is posted. */
  url: string;
  /** The public URL the signature is computed for, as Twilio would. */
  publicUrl: string;
  accountSid: string;
  authToken: string;
  /** The program's own number (TWILIO_FROM). */
  programNumber: string;
  twilio: TwilioServer;
  clock: LocalClock;
  sent: SentLog;
}

/**
 * Posts a correctly signed inbound SMS webhook from `from`, as Twilio would, and records the text and
 * the TwiML answer in the local phone's threads.
 */
export async function postSmsReply(
  wiring: SmsReplyWiring,
  from: string,
  body: string,
): Promise<SmsReplyResult> {
  const { twilio, sent, programNumber } = wiring;
  const messageSid = twilioSid();
  const params: Record<string, string> = {
    MessageSid: messageSid,
    AccountSid: wiring.accountSid,
    From: from,
    To: programNumber,
    Body: body,
    NumMedia: '0',
    NumSegments: '1',
    SmsStatus: 'received',
    ApiVersion: '2010-04-01',
  };
  sent.stamp(messageSid);
  twilio.recordInbound({ from, to: programNumber, body, sid: messageSid });
  const signature = getExpectedTwilioSignature(wiring.authToken, `${wiring.publicUrl}/sms/inbound`, params);
  const response = await fetch(`${wiring.url}/sms/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  });
  const twiml = await response.text();
  const reply = twiml.match(/<Message>([\s\S]*?)<\/Message>/)?.[1];
  const text = reply === undefined ? null : decodeXml(reply);
  if (text) {
    const sid = twilioSid();
    sent.stamp(sid, 'sms');
    twilio.recordReply({ from: programNumber, to: from, body: text, sid });
  }
  return { status: response.status, twiml, reply: text };
}

const XML_ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
  '&amp;': '&',
};
const decodeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (entity) => XML_ENTITIES[entity] ?? entity);
