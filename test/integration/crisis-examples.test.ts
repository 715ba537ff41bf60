import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime';
import { enrollParticipant, type Participant, text } from '../support/participant';
import { startTestRuntime } from '../support/runtime';

// The messages that went unheard when "Listening" was filed, and ordinary ones that share their words,
// texted by an enrolled participant through the signed webhook.
const DANGER = [
  'whats the point anymore',
  'i wrote goodbye letters to my kids',
  "i've been saving up my pills",
  'he punched me in the face',
  'she threw a glass at my head',
  "she'd kill me if she knew",
  'hes gona kill me',
  'he said if I leave I will never see the kids again',
  'he made me have sex when i said no',
  'hiding in the bathroom, he is banging on the door',
  '2. he hit me again',
  'help me',
  'SOS',
  'no quiero vivir',
  'me pegó',
  'necesito ayuda',
  'AYUDA!!',
  'auxilio',
];
/**
 * Controlling behaviour with no threat, violence, holding in or fear right now is a concern (round 6's
 * decision): a short reply that still carries the crisis lines, no pause. With a threat it is danger.
 */
const CONCERN = ['he tracks my phone and reads all my texts', 'me revisa el celular'];
const CONTROL_WITH_THREAT = 'he reads all my texts and says if he finds anything he will kill me';
const ORDINARY = [
  'we fought about money',
  'killing it this week',
  'the affair still kills me',
  'it hit me how much I lied',
  'she threatened to leave if I lie again',
  'dying to see the kids this weekend',
];
/** How only the crisis reply opens (a concern's shorter answer does not), in English or Spanish. */
const CRISIS = /thank you for telling us|gracias por contárnoslo/i;

describe('the messages of the issue, through the webhook', () => {
  let runtime: Runtime;
  let who: Participant;
  beforeAll(async () => {
    runtime = await startTestRuntime({ startAt: new Date('2026-06-01T14:00:00Z') });
    who = await enrollParticipant(runtime, { timezone: 'America/Chicago' });
  });
  afterAll(async () => {
    await runtime?.stop();
  });

  it.each(DANGER)('answers %j with the crisis lines', async (message) => {
    const reply = await text(runtime, who, message);
    expect(reply).toMatch(CRISIS);
    expect(reply).toMatch(/988|911/);
  });

  it.each(CONCERN)(
    'answers %j with the short reply and the crisis lines, no crisis opening',
    async (message) => {
      const reply = await text(runtime, who, message);
      expect(reply).not.toMatch(CRISIS);
      expect(reply).toMatch(/911/);
      expect(reply).toMatch(/988/);
      expect(reply).toContain('1-800-799-7233');
    },
  );

  it('answers control with a threat in it with the crisis lines', async () => {
    const reply = await text(runtime, who, CONTROL_WITH_THREAT);
    expect(reply).toMatch(CRISIS);
    expect(reply).toMatch(/988|911/);
  });

  it('answers AYUDA alone, the Spanish HELP, with the help text and the crisis lines in Spanish after it', async () => {
    const reply = await text(runtime, who, 'ayuda');
    expect(reply).toMatch(/^Kintsugi trust program/);
    expect(reply).toContain('988 y oprime 2');
    expect(reply).toContain('1-800-799-7233');
  });

  it.each(ORDINARY)('answers %j without crisis lines', async (message) => {
    const reply = await text(runtime, who, message);
    // Neither the crisis reply nor a concern's resources.
    expect(reply ?? '').not.toMatch(CRISIS);
    expect(reply ?? '').not.toMatch(/988|Nobody reads/);
  });
});
