import { SegmentedMessage } from 'sms-segments-calculator';
import { beforeAll, describe, expect, it } from 'vitest';
import { ContentError, fillWithLongest, parseSteps } from '../../content/schema';
import { withDisplayName } from '../../functions/adapters/ses/mailer';
import { enrollmentFormPage } from '../../functions/pages/enrollment-form';
import type { OutgoingEmail } from '../../functions/ports/mailer';
import { crisisLinesFor } from '../../functions/program/crisis-lines-by-number';
import { relationshipWordsIn } from '../../functions/program/discreet';
import type { Enrollment } from '../../functions/program/enrollment';
import { buildReport } from '../../functions/program/report';
import { programSlots } from '../../functions/program/schedule';
import { type Catalog, type Step, TRACKS, type Track, WEEKDAYS } from '../../functions/program/types';
import { parseConfig } from '../../functions/shared/config';
import { TokenSigner } from '../../functions/shared/tokens';
import { confirmationEmail } from '../../functions/use-cases/enrollment/enroll';
import {
  composeReportEmail,
  composeSafetyEmail,
  composeStepSms,
  SELF_GUIDED_LIMITS,
  systemTexts,
} from '../../functions/use-cases/services/compose';
import { composeStepEmail } from '../../functions/use-cases/services/compose-step-email';
import { crisisSms } from '../../functions/use-cases/services/safety';
import { compileCatalog } from '../../scripts/build';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await compileCatalog();
});

const KEY = 'x'.repeat(40);
const deps = () => ({
  config: parseConfig({ PUBLIC_URL: 'https://kintsugi.example.org', TOKEN_KEY: KEY }),
  tokens: new TokenSigner(KEY, () => 1_770_000_000),
  catalog,
});

/** A participant for schedule simulations: day 0 on a Monday, check-ins at 19:00 New York time. */
const person = (track: Track, checkinDay: Enrollment['checkinDay'], discreet: boolean) =>
  ({
    id: 'enrollment-1',
    email: 'someone@example.com',
    timezone: 'America/New_York',
    track,
    checkinDay,
    checkinTime: '19:00',
    day0: '2026-03-02',
    ...(discreet ? { discreet: true } : {}),
  }) as const;

const isText = (s: Step) => s.channel === 'sms' || s.channel === 'checkin';
const isEmail = (s: Step) => s.channel === 'email' || s.channel === 'checkin';
const preheaderOf = (email: OutgoingEmail) =>
  email.html.match(/<div style="display:none;[^"]*">([^<]*)/)?.[1]?.trim() ?? '';
const segments = (text: string) => new SegmentedMessage(text);
const US_LINES = crisisLinesFor('+14155550100');

/** What an inbox or a lock screen shows of an email: the sender's name, the subject, the preheader. */
const glance = (email: OutgoingEmail) => [email.fromName ?? '', email.subject, preheaderOf(email)];

describe('discreet mode', () => {
  it.each(TRACKS)(
    '%s: every text the schedule sends a discreet participant, on any check-in day, has no relationship words and fits one GSM-7 segment',
    (track) => {
      let checked = 0;
      for (const checkinDay of WEEKDAYS) {
        const who = person(track, checkinDay, true);
        const texts = systemTexts(deps(), who);
        for (const slot of programSlots(catalog.steps, who)) {
          const text =
            slot.kind === 'report'
              ? fillWithLongest(texts.reportReady)
              : slot.step && isText(slot.step)
                ? fillWithLongest(composeStepSms(deps(), who, slot.step))
                : undefined;
          if (text === undefined) continue;
          checked++;
          expect(relationshipWordsIn(text), `${slot.slot}: ${text}`).toEqual([]);
          // The name the emails hide is hidden on the lock screen too; so is a question about safety at home.
          expect(text, slot.slot).not.toMatch(/Kintsugi|\bsafe|at home/i);
          expect(text, slot.slot).toMatch(/^K\. Program/);
          expect(segments(text).encodingName, slot.slot).toBe('GSM-7');
          expect(segments(text).segmentsCount, slot.slot).toBe(1);
        }
      }
      expect(checked).toBeGreaterThan(7 * 30);
    },
  );

  it('every system text a discreet participant can get (keyword answers, notices) has no relationship words', () => {
    const texts = systemTexts(deps(), { discreet: true });
    for (const [name, text] of Object.entries(texts)) {
      const filled = fillWithLongest(text);
      expect(relationshipWordsIn(filled), `sms.${name}: ${filled}`).toEqual([]);
      expect(segments(filled).segmentsCount, name).toBe(1);
    }
    // The usual wording keeps the brand's description; only discreet mode drops it, and the name the
    // emails hide ("K. Program" on a lock screen too).
    expect(systemTexts(deps(), {}).optInPrompt).toContain('trust');
    expect(systemTexts(deps(), {}).optInPrompt).toMatch(/^Kintsugi/);
    expect(texts.optInPrompt).toMatch(/^K\. Program: 90-day program/);
    for (const [name, text] of Object.entries(texts)) expect(text, name).not.toContain('Kintsugi');
  });

  it("the day-30 lesson gives the quick questions' times as the person's clock writes them", () => {
    for (const track of TRACKS) {
      const lesson = catalog.steps.find(
        (s) => s.track === track && s.kind === 'lesson' && s.day === 30,
      ) as Step;
      const at = (timezone: string, language: 'en' | 'es' = 'en') =>
        composeStepEmail(deps(), { ...person(track, 'sunday', false), timezone, language }, lesson, 30).text;
      expect(at('America/New_York')).toContain('at 12 PM, 3 PM and 6 PM');
      expect(at('Europe/London')).toContain('at 12:00, 15:00 and 18:00');
      expect(at('Europe/Madrid', 'es')).toContain('a las 12:00, 15:00 y 18:00');
    }
  });

  it('HELP after day 90 says no more texts come, in either language, not the weekly frequency', () => {
    for (const language of ['en', 'es'] as const) {
      const running = systemTexts(deps(), { discreet: false, language, status: 'active' });
      const ended = systemTexts(deps(), { discreet: false, language, status: 'completed' });
      expect(running.help).toMatch(/2 msgs\/week|2 SMS\/semana/);
      expect(ended.help).not.toMatch(/\/week|\/semana/);
      expect(ended.help).toMatch(/program ended, no more msgs|programa terminado, no llegan más SMS/);
    }
  });

  it('the crisis text in discreet mode gives every number without naming what it is for', () => {
    for (const followUp of [undefined, 'paused', 'stopped'] as const) {
      const text = crisisSms(deps(), { discreet: true }, 'en', US_LINES, followUp);
      expect(relationshipWordsIn(text), text).toEqual([]);
      for (const number of ['911', '988', '1-800-799-7233', 'START to 88788']) expect(text).toContain(number);
    }
  });

  it.each(TRACKS)(
    '%s: every email a discreet participant gets shows a neutral sender name, subject and preheader',
    (track) => {
      const who = person(track, 'sunday', true);
      const emails: OutgoingEmail[] = [];
      for (const slot of programSlots(catalog.steps, who)) {
        if (slot.step && isEmail(slot.step)) emails.push(composeStepEmail(deps(), who, slot.step, slot.day));
      }
      const { report } = catalog.messages.email;
      emails.push(confirmationEmail(deps(), who));
      const checkpoint = buildReport({
        enrollmentId: who.id,
        now: '2026-06-01T00:30:00.000Z',
        steps: catalog.steps,
        messages: [],
        replies: [],
      });
      emails.push(composeReportEmail(deps(), who, checkpoint, 'https://kintsugi.example.org/report?token=t'));
      emails.push(composeSafetyEmail(deps(), who.email, who, true));
      expect(report.subject).toBeTruthy();
      expect(emails.length).toBeGreaterThan(40);
      for (const email of emails) {
        expect(email.fromName).toBe('K. Program');
        expect(preheaderOf(email), email.subject).not.toBe('');
        for (const shown of glance(email)) {
          expect(relationshipWordsIn(shown), shown).toEqual([]);
          // Nor the program's name, which the sender's name hides: a search for it tells what it is.
          expect(shown, email.subject).not.toMatch(/kintsugi/i);
        }
        // Opened, the email's banner and why-it-came line do not say it either.
        expect(email.html, email.subject).not.toContain('KINTSUGI');
        expect(email.html, email.subject).toContain('K. PROGRAM');
        expect(email.html, email.subject).not.toContain('signed up for Kintsugi');
        expect(email.html, email.subject).toContain('because you signed up with this address');
        // The postal address the law asks for is there, without the program's name.
        for (const part of [email.html, email.text])
          expect(part, email.subject).toContain('K. Program, 123 Example Street');
      }
      // Everyone else's keep the program's name over it and say what it is.
      const usual = composeStepEmail(deps(), person(track, 'sunday', false), catalog.steps[0] as never, 0);
      expect(usual.html).toContain('KINTSUGI');
      expect(usual.html).toContain('signed up for Kintsugi, a 90-day program for rebuilding trust');
      expect(usual.text).toContain('Kintsugi, 123 Example Street');
    },
  );

  it('numbers each neutral subject by program day, and leaves other participants their usual subjects', () => {
    const step = catalog.steps.find((s) => s.id === 'hurt-d03-heard') as Step;
    const discreet = composeStepEmail(deps(), person('hurt', 'sunday', true), step, 3);
    const usual = composeStepEmail(deps(), person('hurt', 'sunday', false), step, 3);
    expect(discreet.subject).toBe('Your note for day 3');
    expect(usual.subject).toBe(step.subject);
    expect(usual.fromName).toBeUndefined();
  });

  it('the SES From header keeps the configured address and swaps only the display name', () => {
    expect(withDisplayName('Kintsugi <hello@example.org>', 'K. Program')).toBe(
      '"K. Program" <hello@example.org>',
    );
    expect(withDisplayName('hello@example.org', 'K. Program')).toBe('"K. Program" <hello@example.org>');
    expect(withDisplayName('hello@example.org', 'A "quoted"\r\nname')).toBe(
      '"A quotedname" <hello@example.org>',
    );
  });

  it('the content build refuses a text with relationship words and no discreet wording, and a discreet one with them', () => {
    const micro = {
      id: 'hurt-d03-example',
      track: 'hurt',
      kind: 'micro-action',
      channel: 'sms',
      day: 3,
      at: '12:30',
    };
    const problems = (entry: Record<string, unknown>) => {
      try {
        parseSteps([{ ...micro, ...entry }], 'steps/test.yaml');
        return [];
      } catch (error) {
        if (error instanceof ContentError) return error.problems;
        throw error;
      }
    };
    expect(problems({ sms: 'Kintsugi: text your partner.' })).toEqual([
      'hurt-d03-example: discreetSms: is required: sms uses relationship words (partner)',
    ]);
    expect(
      problems({ sms: 'Kintsugi: text your partner.', discreetSms: 'Kintsugi: rebuild trust.' }),
    ).toEqual(['hurt-d03-example: discreetSms: must not use relationship words in discreet mode: trust']);
    expect(problems({ sms: 'Kintsugi: take a walk.' })).toEqual([]);
  });
});

describe('the crisis answer', () => {
  it('names 911, the 988 Suicide & Crisis Lifeline and the National Domestic Violence Hotline (call or text START to 88788)', () => {
    const resources = catalog.messages.safety.sms.en.us;
    for (const part of [
      'Call 911',
      '988 (Suicide & Crisis Lifeline)',
      'National Domestic Violence Hotline: 1-800-799-7233',
      'text START to 88788',
    ])
      expect(resources).toContain(part);
  });

  it('fits two GSM-7 segments at most, with or without what follows the lines', () => {
    for (const discreet of [false, true]) {
      for (const followUp of [undefined, 'paused', 'stopped'] as const) {
        const text = crisisSms(deps(), { discreet }, 'en', US_LINES, followUp);
        expect(segments(text).encodingName).toBe('GSM-7');
        expect(segments(text).segmentsCount).toBeLessThanOrEqual(2);
      }
    }
  });

  it('by email, gives each line as a number to tap, and says nobody reads replies as they arrive', () => {
    const email = composeSafetyEmail(deps(), 'someone@example.com', undefined, false);
    for (const href of ['tel:911', 'tel:988', 'tel:+18007997233'])
      expect(email.html).toContain(`href="${href}"`);
    expect(email.text).toContain('Nobody reads your replies as they arrive');
    expect(email.text).not.toContain('RESUME');
    expect(composeSafetyEmail(deps(), 'someone@example.com', { id: 'e1' }, true).text).toContain('RESUME');
  });
});

describe('when self-guided repair is not enough', () => {
  const SAYS_IT = [/abuse/i, /addiction/i, /years of (deception|lies)/i, /(counselor|therapist)/i];

  it.each(TRACKS)(
    '%s: a lesson of the first two weeks says it plainly: abuse, addiction, years of deception',
    (track) => {
      const early = catalog.steps.filter(
        (s) => (s.track === track || s.track === 'both') && s.kind === 'lesson' && (s.day ?? 99) <= 14,
      );
      const saying = early.filter((s) => SAYS_IT.every((re) => re.test(s.bodyText ?? '')));
      expect(saying.map((s) => s.id).length).toBeGreaterThan(0);
    },
  );

  it('every email footer says it, in each HTML layout and in the plain-text part', () => {
    for (const re of SAYS_IT) expect(SELF_GUIDED_LIMITS).toMatch(re);
    // Every layout's footer is filled with it (with the lines of where the person lives) as it is sent.
    for (const [name, html] of Object.entries(catalog.layouts))
      if (name !== 'invitation') expect(html, name).toContain('{{crisisLines}}');
    const step = catalog.steps.find((s) => s.id === 'both-d02-no-big-decisions') as Step;
    const email = composeStepEmail(deps(), person('hurt', 'sunday', false), step, 2);
    expect(email.text).toContain(SELF_GUIDED_LIMITS.slice(0, 120));
    expect(email.html).toContain(SELF_GUIDED_LIMITS.replace(/'/g, '&#39;').slice(0, 90));
  });

  it('in discreet mode, the footer says it without naming abuse, addiction or deception', () => {
    const step = catalog.steps.find((s) => s.id === 'both-d02-no-big-decisions') as Step;
    const email = composeStepEmail(deps(), person('hurt', 'sunday', true), step, 2);
    const footer = email.text.slice(email.text.lastIndexOf('\n—\n'));
    expect(footer).toContain(
      'A self-guided program is not enough for everyone: a trained counselor can help.',
    );
    expect(relationshipWordsIn(footer)).toEqual([]);
    expect(footer).not.toMatch(/addiction|deception/);
    const htmlFooter = email.html.slice(email.html.lastIndexOf('not enough for everyone') - 200);
    expect(relationshipWordsIn(htmlFooter.replace(/<[^>]+>/g, ' '))).toEqual([]);
  });

  it.each([
    [
      'America/New_York',
      'en',
      ['Call 911', 'Call or text 988'],
      ['findahelpline', 'your local emergency number'],
    ],
    ['America/Toronto', 'en', ['Call 911', 'Call or text 988'], ['findahelpline']],
    ['Europe/Madrid', 'es', ['Llama al 112', 'findahelpline.com'], ['911', '988']],
    ['Europe/London', 'en', ['Call 999', 'findahelpline.com'], ['911', '988']],
    ['Asia/Manila', 'en', ['your local emergency number', 'findahelpline.com'], ['911', '988']],
    ['UTC', 'en', ['findahelpline.com'], []],
  ] as const)(
    'a step email to someone in %s names the crisis lines there, in both parts',
    (timezone, language, says, never) => {
      const step = catalog.steps.find((s) => s.id === 'both-d02-no-big-decisions') as Step;
      const who = {
        ...person('hurt', 'sunday', false),
        timezone,
        ...(language === 'es' ? { language } : {}),
      };
      const email = composeStepEmail(deps(), who, step, 2);
      const footerHtml = email.html.slice(
        email.html.lastIndexOf(language === 'es' ? 'Un programa que sigues' : 'A self-guided'),
      );
      const footerText = email.text.slice(email.text.lastIndexOf('—'));
      for (const words of says) {
        expect(footerHtml, words).toContain(words);
        expect(footerText, words).toContain(words);
      }
      for (const words of never) {
        expect(footerHtml.slice(0, 400), words).not.toContain(words);
        expect(footerText, words).not.toContain(words);
      }
    },
  );

  it('the enrollment form says it before anyone signs up', () => {
    expect(enrollmentFormPage()).toMatch(
      /not enough either when there is abuse, addiction or years of deception/,
    );
  });
});

describe('a step email without its body', () => {
  it('refuses to send a lesson whose body the function was not given, and names the step', () => {
    const step = catalog.steps.find((s) => s.id === 'hurt-d03-heard') as Step;
    const { bodyHtml: _html, bodyText: _text, ...bare } = step;
    expect(() => composeStepEmail(deps(), person('hurt', 'sunday', false), bare, 3)).toThrow(
      /hurt-d03-heard has no email body/,
    );
  });

  it('still sends a check-in, whose question is the email', () => {
    const step = catalog.steps.find((s) => s.kind === 'check-in' && s.track === 'hurt') as Step;
    const { bodyHtml: _html, bodyText: _text, ...bare } = step;
    const email = composeStepEmail(deps(), person('hurt', 'sunday', false), bare, 7);
    expect(email.html).toContain('/checkin?token=');
  });
});
