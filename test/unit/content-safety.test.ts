/**
 * Safety in the program's own words: the lessons where the advice could keep someone in danger say
 * so, and name where to turn. Each check reads the bodies as the real content build compiles them
 * (content/build.ts), so removing or moving one of these points fails here.
 */
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../content/build';
import { HELP_LINE_PLACEHOLDERS } from '../../content/schema';
import { type CrisisLines, crisisLinesForCountry, telOf } from '../../functions/program/crisis-lines';
import { relationshipWordsIn } from '../../functions/program/discreet';
import { type Language, type Step, TRACKS, type Track } from '../../functions/program/types';
import { helpLineValues } from '../../functions/use-cases/services/help-lines';

const built = { en: buildContent(), es: buildContent(undefined, 'es') };

/**
 * A step as a person where `lines` apply reads it: its help lines ({{emergencyLine}}, {{crisisLine}},
 * {{abuseLine}}) filled as the send fills them; the other placeholders left as they are.
 */
function asReadWhere(step: Step, lines: CrisisLines, language: Language = 'en'): Step {
  const values = helpLineValues(built[language].messages, lines);
  const fill = (body: string | undefined, form: 'html' | 'text') =>
    body?.replace(/\{\{\{?(\w+)\}?\}\}/g, (whole, name: string) =>
      (HELP_LINE_PLACEHOLDERS as readonly string[]).includes(name)
        ? values[form][name as keyof typeof values.html]
        : whole,
    );
  return { ...step, bodyHtml: fill(step.bodyHtml, 'html'), bodyText: fill(step.bodyText, 'text') };
}

const IN_THE_US = crisisLinesForCountry('US');
// The lessons as someone in the US reads them: the US lines by name.
const steps = built.en.steps.map((s) => asReadWhere(s, IN_THE_US));

const HOTLINE = 'National Domestic Violence Hotline';
const HOTLINE_NUMBER = '1-800-799-7233';
const HOTLINE_TEXT = 'text START to 88788';
const HOTLINE_HREF = 'href="tel:+18007997233"';
const LIFELINE = 'the Suicide & Crisis Lifeline: call or text 988';

function step(id: string): Step {
  const found = steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}: was it renamed? Point this test at its new id.`);
  return found;
}

/** The text a person reads, on one line, so phrases match across the Markdown's line breaks. */
const textOf = (s: Step) => (s.bodyText ?? '').replace(/\s+/g, ' ');

/** The lessons a participant of a track gets in the first two weeks. */
const earlyLessons = (track: Track) =>
  steps.filter(
    (s) => (s.track === track || s.track === 'both') && s.kind === 'lesson' && (s.day ?? 99) <= 14,
  );

describe('ending the relationship with a partner one fears', () => {
  it.each(['both-d77-after-day-90', 'both-d87-the-talk-after'])(
    '%s: says not to announce a separation alone, and to plan it with the hotline first (call or text)',
    (id) => {
      const s = step(id);
      expect(textOf(s)).toMatch(/If you are afraid of your partner,? .*not something to do alone/);
      expect(textOf(s)).toContain(`Plan it first with the ${HOTLINE}`);
      expect(textOf(s)).toContain(HOTLINE_NUMBER);
      expect(textOf(s)).toContain(HOTLINE_TEXT);
      expect(s.bodyHtml).toContain(HOTLINE_HREF);
    },
  );

  it('both-d87-the-talk-after: its closing step sends a frightened person to the hotline before any date is set', () => {
    expect(textOf(step('both-d87-the-talk-after'))).toMatch(
      /YOUR STEP TODAY .*If you are afraid of your partner, call a domestic-violence helpline before you set any date/,
    );
  });
});

describe('where agreed openness ends and control begins', () => {
  const LESSONS = ['both-d07-structure', 'both-d35-review-structure', 'repairing-d32-visible-change'];
  const CONTROL = [
    "tracking someone's location",
    'reading their texts',
    /demanding (their )?passwords as a condition/,
    /checking (their|a) phone without an agreement/,
    /punishing (them|someone) for wanting (some )?privacy/,
  ];

  it.each(LESSONS)(
    '%s: openness is offered and agreed, not taken; names the controlling acts; monitoring is not repair; the hotline helps',
    (id) => {
      const s = step(id);
      const text = textOf(s);
      expect(text).toContain('Openness is offered and agreed, not taken.');
      for (const act of CONTROL) expect(text.toLowerCase()).toMatch(act);
      expect(text).toContain('uses "transparency" to watch or frighten the other, that is not repair');
      expect(text).toContain(HOTLINE);
      expect(text).toContain(HOTLINE_NUMBER);
      expect(text).toContain(HOTLINE_TEXT);
      expect(s.bodyHtml).toContain(HOTLINE_HREF);
    },
  );

  it.each(TRACKS)('%s: a participant meets the point in the first week and again at the review', (track) => {
    const mine = steps.filter(
      (s) =>
        (s.track === track || s.track === 'both') &&
        textOf(s).includes('Openness is offered and agreed, not taken.'),
    );
    expect(mine.some((s) => (s.day ?? 99) <= 7)).toBe(true);
    expect(mine.some((s) => (s.day ?? 0) >= 30)).toBe(true);
  });

  it('repairing-d10-plan: the text that asks to share a plan says openness is offered, never taken, discreetly too', () => {
    const s = step('repairing-d10-plan');
    for (const text of [s.sms, s.discreetSms]) {
      expect(text).toContain('Openness is offered and agreed, never taken.');
    }
    expect(relationshipWordsIn(s.discreetSms ?? '')).toEqual([]);
  });
});

describe('couples therapy and fear', () => {
  it('both-d42-professional-help: when one partner fears the other, individual support and a domestic-violence advocate come first', () => {
    const s = step('both-d42-professional-help');
    const text = textOf(s);
    expect(text).toContain('If one of you is afraid of the other, couples therapy is not the first step.');
    expect(text).toContain(
      'Start with support of your own: an individual therapist, and a domestic-violence advocate',
    );
    expect(text).toContain(HOTLINE_NUMBER);
    expect(text).toContain(HOTLINE_TEXT);
    expect(s.bodyHtml).toContain(HOTLINE_HREF);
    // The closing step does not send a frightened person to a couples therapist.
    expect(text).toMatch(
      /YOUR STEP TODAY .*If you marked the line about fear, start with a domestic-violence helpline or a therapist of your own, not a couples therapist/,
    );
  });
});

describe('the repairing track’s hardest days', () => {
  it.each(['repairing-d18-remorse', 'repairing-d46-nothing-counts', 'repairing-d80-not-yet-or-no'])(
    '%s: carries 988 (call or text) in a warm sentence, as a number to tap',
    (id) => {
      const s = step(id);
      const text = textOf(s);
      expect(text).toContain(LIFELINE);
      expect(s.bodyHtml).toContain('href="tel:988"');
      // Warm, not alarming: an offer of someone to talk to, not a bold warning.
      const sentence = text.split(/(?<=[.!?]) /).find((x) => x.includes('988')) ?? '';
      expect(sentence).toMatch(/\b(you can|please reach out|reach out to)\b/i);
      expect(s.bodyHtml).not.toMatch(/<strong>[^<]*988/);
    },
  );
});

describe('full disclosure rather than truth that trickles out', () => {
  it('the repairing track says, in its first two weeks, to tell all of it once, planned, possibly with a therapist', () => {
    const lesson = earlyLessons('repairing').find((s) => textOf(s).includes('trickle truth'));
    expect(lesson?.id).toBeDefined();
    const text = textOf(lesson as Step);
    expect(text).toContain('Tell all of it, once.');
    expect(text).toContain('Each new piece opens the wound again');
    expect(text).toContain(
      'One full, honest account hurts once. Drip-feeding the truth hurts again and again.',
    );
    expect(text).toContain('plan to tell it all at one time');
    expect(text).toContain('A therapist can help you plan it');
    // Disclosure to a partner one fears is planned with help, never done alone.
    expect(text).toMatch(/If you are afraid of how your partner might react, don't do this alone/);
    expect(text).toContain(HOTLINE_NUMBER);
  });

  it('the hurt track sees it from its side: each new piece reopens the wound, and one full account can be asked for', () => {
    const lesson = earlyLessons('hurt').find((s) => textOf(s).includes('trickle truth'));
    expect(lesson?.id).toBeDefined();
    const text = textOf(lesson as Step);
    expect(text).toContain('each new piece opens the wound again');
    expect(text).toContain('You can ask for one full, honest account');
    expect(text).toContain('You decide how much detail you want to hear.');
  });
});

describe('ending contact with the other person', () => {
  it('the repairing track says, in its first two weeks: one final message, shared, no secret goodbye, and what to do if they keep writing', () => {
    const lesson = earlyLessons('repairing').find((s) => textOf(s).includes('close that door'));
    expect(lesson?.id).toBeDefined();
    const text = textOf(lesson as Step);
    expect(text).toContain('End it with one short, final message');
    expect(text).toContain('no secret farewell');
    expect(text).toContain('Offer to show your partner the message');
    expect(text).toContain("If they keep getting in touch, don't reply. Tell your partner the same day");
    expect(text).toContain('If the messages turn into threats, save them and report them to the police.');
  });

  it('the hurt track learns, in its first two weeks, that it can ask for contact to end and to be told if it starts again', () => {
    const lesson = earlyLessons('hurt').find((s) => textOf(s).includes('contact ends for good'));
    expect(lesson?.id).toBeDefined();
    const text = textOf(lesson as Step);
    expect(text).toContain('one clear, final message that you are free to see');
    expect(text).toContain('no secret goodbye');
    expect(text).toContain('you can ask to be told the same day');
  });
});

describe('every crisis number in a lesson is a number to tap', () => {
  it.each(TRACKS)('%s: each body naming 988 or the hotline links it with tel:', (track) => {
    for (const s of steps.filter((x) => x.track === track || x.track === 'both')) {
      const text = textOf(s);
      if (text.includes(HOTLINE_NUMBER)) expect(s.bodyHtml, s.id).toContain(HOTLINE_HREF);
      if (/\b988\b/.test(text)) expect(s.bodyHtml, s.id).toContain('href="tel:988"');
    }
  });
});

describe('the help lines are those of where the person lives', () => {
  const PLACES = [
    { where: 'Mexico', lines: crisisLinesForCountry('MX'), emergency: 'tel:911' },
    { where: 'Spain', lines: crisisLinesForCountry('ES'), emergency: 'tel:112' },
    { where: 'the UK', lines: crisisLinesForCountry('GB'), emergency: 'tel:999' },
    { where: 'Colombia', lines: crisisLinesForCountry('CO'), emergency: 'tel:123' },
    { where: 'Italy', lines: crisisLinesForCountry('IT'), emergency: 'tel:112' },
    { where: 'a country whose emergency number is not known', lines: crisisLinesForCountry(undefined) },
  ];
  const US_ONLY =
    /\b988\b|1-800-799-7233|88788|National Domestic Violence Hotline|Línea Nacional|Lifeline|Línea de Prevención/;

  it.each(PLACES.flatMap((place) => (['en', 'es'] as const).map((language) => ({ ...place, language }))))(
    "$where ($language): no lesson names a US-only line; the welcome gives the emergency number, the country's own lines, and the directory where it has none",
    ({ lines, emergency, language }) => {
      const read = built[language].steps.map((s) => asReadWhere(s, lines, language));
      for (const s of read) {
        expect(s.bodyText ?? '', s.id).not.toMatch(US_ONLY);
        expect(s.bodyHtml ?? '', s.id).not.toMatch(US_ONLY);
      }
      for (const welcome of read.filter((s) => s.day === 0 && s.kind === 'lesson' && s.track !== 'both')) {
        if (emergency) expect(welcome.bodyHtml, welcome.id).toContain(`href="${emergency}"`);
        else
          expect(welcome.bodyText, welcome.id).toMatch(
            /your local emergency number|número de emergencias de tu país/,
          );
        // The country's own free lines to tap; the directory for a line it has none of its own for.
        for (const own of [lines.crisis, lines.abuse])
          if (own) expect(welcome.bodyHtml, welcome.id).toContain(`href="tel:${telOf(own)}"`);
        if (!lines.crisis || !lines.abuse)
          expect(welcome.bodyHtml, welcome.id).toContain('href="https://findahelpline.com"');
        else expect(welcome.bodyHtml, welcome.id).not.toContain('findahelpline.com');
      }
    },
  );

  it('Canada: 988 by its Canadian name, and the directory for help with abuse, not the US hotline', () => {
    const welcome = built.en.steps
      .map((s) => asReadWhere(s, crisisLinesForCountry('CA')))
      .find((s) => s.day === 0 && s.track === 'hurt' && s.kind === 'lesson');
    expect(welcome?.bodyText).toContain("Canada's Suicide Crisis Helpline: call or text 988");
    expect(welcome?.bodyText).not.toContain('1-800-799-7233');
    expect(welcome?.bodyText).toContain('findahelpline.com lists free ones');
  });
});
