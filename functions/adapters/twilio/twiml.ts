/**
 * The TwiML an inbound-text webhook answers with: one message, or nothing. Byte for byte what Twilio's
 * `MessagingResponse` writes (through xmlbuilder, XML 1.0; test/unit/twiml.test.ts compares the two),
 * without loading it: twilio's TwiML classes and xmlbuilder were 60 KB parsed at every cold start of
 * sms-inbound, for one element.
 */
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** Characters XML 1.0 cannot carry (xmlbuilder's own pattern): it refuses them, and so does this. */
const NOT_XML_10 =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what it looks for
  /[\0-\x08\x0B\f\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

/** xmlbuilder's escaping of text: &, <, > and carriage returns. */
const escapeText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');

/** `<Response>` with one `<Message>` holding `message`, or empty when there is none. */
export function messagingResponse(message?: string): string {
  if (message === undefined) return `${DECLARATION}<Response/>`;
  const text = escapeText(message);
  const illegal = NOT_XML_10.exec(text);
  if (illegal) throw new Error(`Invalid character in string: ${text} at index ${illegal.index}`);
  return text
    ? `${DECLARATION}<Response><Message>${text}</Message></Response>`
    : `${DECLARATION}<Response><Message/></Response>`;
}
