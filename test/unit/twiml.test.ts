import MessagingResponse from 'twilio/lib/twiml/MessagingResponse';
import { describe, expect, it } from 'vitest';
import { messagingResponse } from '../../functions/adapters/twilio/twiml';

/** What Twilio's own TwiML class writes for the same answer. */
function twilios(message?: string): string {
  const twiml = new MessagingResponse();
  if (message !== undefined) twiml.message(message);
  return twiml.toString();
}

const ANSWERS = [
  'Got it: 4 for how the week felt. Reply any time.',
  'Tom & Ana <3 > "quoted" and \'single\'',
  'Already escaped: &amp; &lt; &#xD;',
  'Two lines\nand a CRLF\r\nand a\ttab',
  '¿Cómo estás? Ñandú, ü, 😀 and 🆘',
  '',
];

describe('the TwiML sms-inbound answers with', () => {
  it.each(ANSWERS)('is what Twilio’s MessagingResponse writes for %j', (answer) => {
    expect(messagingResponse(answer)).toBe(twilios(answer));
  });

  it('is an empty Response when there is no answer, as Twilio’s', () => {
    expect(messagingResponse(undefined)).toBe(twilios(undefined));
  });

  it.each(['bell \u0007', 'lone surrogate \ud83d here', 'nul \u0000'])(
    'refuses a character XML cannot carry (%j), with the same message as Twilio’s',
    (answer) => {
      const refusal = (write: () => string) => {
        try {
          return `wrote ${write()}`;
        } catch (error) {
          return (error as Error).message;
        }
      };
      expect(refusal(() => twilios(answer))).toMatch(/^Invalid character in string/);
      expect(refusal(() => messagingResponse(answer))).toBe(refusal(() => twilios(answer)));
    },
  );
});
