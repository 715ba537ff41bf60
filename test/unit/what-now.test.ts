import { describe, expect, it } from 'vitest';
import { reportPage } from '../../functions/pages/report';
import type { CheckpointReport, MetricSummary, QuestionAnswer } from '../../functions/program/report';
import type { Metric, Scale } from '../../functions/program/types';
import { patternWords, SLIDE, WHAT_NOW_WORDS, whatNow } from '../../functions/program/what-now';

const QUESTIONS: Partial<Record<Metric, string>> = {
  'behaviour-consistent': 'Over these 90 days, how consistent has it been? (1 = not at all, 5 = completely)',
  'feeling-safer': 'How much safer do you feel now? (1 = no safer, 5 = much safer)',
  'still-willing': 'Do you still want to keep working on this together?',
  'behaving-differently': 'Is your partner acting differently?',
  'safe-to-be-honest': 'Do you feel safe enough to be honest?',
  'both-showing-up': 'Are you both still showing up for this work?',
};

const answer = (metric: Metric, value: number | null, scale: Scale): QuestionAnswer => ({
  metric,
  question: QUESTIONS[metric] ?? metric,
  scale,
  answer: value,
});

const weekly = (metric: Metric, first30: number, last30: number): MetricSummary => ({
  metric,
  question: `${metric}? (1 = low, 5 = high)`,
  scale: '1-5',
  weekly: [],
  sent: 7,
  answered: 7,
  responseRate: 1,
  first30,
  last30,
  change: Math.round((last30 - first30) * 100) / 100,
});

/** A report with the given checkpoint answers; yes/no as 1/0, null for unanswered. */
function report(answers: {
  willing?: number | null;
  consistent?: number | null;
  safer?: number | null;
  day30?: [number | null, number | null, number | null];
  day60?: [number | null, number | null, number | null];
  metrics?: MetricSummary[];
}): CheckpointReport {
  const quick = (day: number, [a, b, c]: [number | null, number | null, number | null]) => ({
    day,
    answers: [
      answer('behaving-differently', a, 'yes-no'),
      answer('safe-to-be-honest', b, 'yes-no'),
      answer('both-showing-up', c, 'yes-no'),
    ],
  });
  return {
    enrollmentId: 'enr-1',
    generatedAt: '2026-06-01T00:30:00.000Z',
    metrics: answers.metrics ?? [weekly('honesty-safety', 3, 4), weekly('agreements-kept', 3, 3.5)],
    checkpoint: [
      answer('behaviour-consistent', answers.consistent ?? null, '1-5'),
      answer('feeling-safer', answers.safer ?? null, '1-5'),
      answer('still-willing', answers.willing ?? null, 'yes-no'),
    ],
    quickChecks: [quick(30, answers.day30 ?? [1, 1, 1]), quick(60, answers.day60 ?? [1, 1, 1])],
    journalNotes: 0,
  };
}

describe('what now: the pattern a participant’s answers lean towards', () => {
  it('keeps going with the same plan when they want to, actions held, safety grew and nothing slid', () => {
    const verdict = whatNow(report({ willing: 1, consistent: 4, safer: 5 }), 'hurt');
    expect(verdict.pattern).toBe('same-plan');
    expect(verdict.reasons).toEqual([
      '“Do you still want to keep working on this together?” You answered Yes.',
      '“Over these 90 days, how consistent has it been?” You answered 4 of 5.',
      '“How much safer do you feel now?” You answered 5 of 5.',
    ]);
    expect(verdict.safetyFirst).toBe(false);
  });

  it('suggests time to reconsider when they no longer want to go on, however high the rest', () => {
    const verdict = whatNow(report({ willing: 0, consistent: 5, safer: 5 }), 'repairing');
    expect(verdict.pattern).toBe('reconsider');
    expect(verdict.reasons).toEqual([
      '“Do you still want to keep working on this together?” You answered No.',
    ]);
  });

  it('suggests time to reconsider when consistency and safety both stayed at 2 or lower, even wanting to go on', () => {
    const verdict = whatNow(report({ willing: 1, consistent: 2, safer: 1 }), 'hurt');
    expect(verdict.pattern).toBe('reconsider');
    expect(verdict.reasons).toHaveLength(2);
    expect(verdict.reasons.join(' ')).toContain('You answered 2 of 5');
    expect(verdict.reasons.join(' ')).toContain('You answered 1 of 5');
  });

  it('suggests outside help when they want to go on but one of the two is 3 or lower', () => {
    const verdict = whatNow(report({ willing: 1, consistent: 3, safer: 4 }), 'hurt');
    expect(verdict.pattern).toBe('outside-help');
    expect(verdict.reasons).toEqual([
      '“Over these 90 days, how consistent has it been?” You answered 3 of 5.',
    ]);
    // One low answer of the two is stuck, not over: both must be low to reconsider.
    expect(whatNow(report({ willing: 1, consistent: 2, safer: 3 }), 'hurt').pattern).toBe('outside-help');
  });

  it('suggests outside help when the latest quick questions have a no, naming the day and the question', () => {
    const verdict = whatNow(report({ willing: 1, consistent: 5, safer: 5, day60: [1, 1, 0] }), 'hurt');
    expect(verdict.pattern).toBe('outside-help');
    expect(verdict.reasons).toEqual([
      'On day 60, “Are you both still showing up for this work?” You answered No.',
    ]);
  });

  it('reads the latest round of quick questions: a no on day 30 turned yes by day 60 does not hold them back', () => {
    const verdict = whatNow(report({ willing: 1, consistent: 4, safer: 4, day30: [0, 0, 1] }), 'hurt');
    expect(verdict.pattern).toBe('same-plan');
    // With day 60 unanswered, day 30 is the latest round.
    const unanswered60 = report({
      willing: 1,
      consistent: 4,
      safer: 4,
      day30: [0, 1, 1],
      day60: [null, null, null],
    });
    expect(whatNow(unanswered60, 'hurt').pattern).toBe('outside-help');
  });

  it(`suggests outside help when a weekly check-in slid by ${-SLIDE} or more, and not for less`, () => {
    const slid = report({
      willing: 1,
      consistent: 4,
      safer: 4,
      metrics: [weekly('agreements-kept', 4, 3.5)],
    });
    const verdict = whatNow(slid, 'hurt');
    expect(verdict.pattern).toBe('outside-help');
    expect(verdict.reasons).toEqual([
      'Your answers to “agreements-kept?” went from 4.0 in the first 30 days to 3.5 in the last 30.',
    ]);
    const dipped = report({
      willing: 1,
      consistent: 4,
      safer: 4,
      metrics: [weekly('agreements-kept', 4, 3.6)],
    });
    expect(whatNow(dipped, 'hurt').pattern).toBe('same-plan');
  });

  it('does not claim the same plan works when "do you want to go on" was not answered', () => {
    const verdict = whatNow(report({ consistent: 5, safer: 5 }), 'hurt');
    expect(verdict.pattern).toBe('outside-help');
    expect(verdict.reasons).toEqual([
      'You did not answer “Do you still want to keep working on this together?”',
    ]);
  });

  it('chooses nothing when none of the three checkpoint questions was answered', () => {
    expect(whatNow(report({}), 'hurt')).toEqual({ pattern: null, reasons: [], safetyFirst: false });
  });

  it('puts safety first when the hurt partner’s own answers say they do not feel safe', () => {
    expect(
      whatNow(report({ willing: 1, consistent: 4, safer: 4, day60: [1, 0, 1] }), 'hurt').safetyFirst,
    ).toBe(true);
    expect(whatNow(report({ willing: 1, consistent: 4, safer: 2 }), 'hurt').safetyFirst).toBe(true);
    const unsafeWeeks = report({
      willing: 1,
      consistent: 4,
      safer: 4,
      metrics: [weekly('honesty-safety', 3, 2)],
    });
    expect(whatNow(unsafeWeeks, 'hurt').safetyFirst).toBe(true);
    expect(whatNow(report({ willing: 1, consistent: 4, safer: 4 }), 'hurt').safetyFirst).toBe(false);
  });

  it('puts safety first, on either track, when the person’s own messages showed signs of abuse during the program', () => {
    // Answers that would otherwise lean "keep going, with outside help" (a couples therapist).
    const answers = { willing: 1, consistent: 3, safer: 3 };
    for (const track of ['hurt', 'repairing'] as const) {
      expect(whatNow(report(answers), track)).toMatchObject({ pattern: 'outside-help', safetyFirst: false });
      expect(whatNow({ ...report(answers), harmDisclosed: true }, track)).toMatchObject({
        pattern: 'outside-help',
        safetyFirst: true,
      });
    }
  });

  it('never calls the plan working when the person’s own messages showed harm or fear, however high the answers', () => {
    const high = { willing: 1, consistent: 5, safer: 5 };
    expect(whatNow(report(high), 'hurt').pattern).toBe('same-plan');
    for (const language of ['en', 'es'] as const) {
      const verdict = whatNow({ ...report(high), harmDisclosed: true }, 'hurt', language);
      expect(verdict).toMatchObject({ pattern: 'outside-help', safetyFirst: true });
      expect(verdict.reasons[0]).toMatch(language === 'en' ? /hurt or afraid/ : /daño o que tenías miedo/);
    }
  });

  it('does not read the repairing track’s questions about the partner’s safety as the participant’s own fear', () => {
    const verdict = whatNow(report({ willing: 1, consistent: 4, safer: 2, day60: [1, 0, 1] }), 'repairing');
    expect(verdict.safetyFirst).toBe(false);
  });
});

describe('what now on the report page', () => {
  const page = (r: CheckpointReport, track: 'hurt' | 'repairing' = 'hurt') =>
    reportPage(
      { report: r, track, timezone: 'America/Chicago', notes: [], shares: [], now: r.generatedAt },
      't',
    );
  const section = (html: string) => html.slice(html.indexOf('<section class="what-now"'));

  it('marks the chosen pattern, gives the answers behind it, and shows all three patterns', () => {
    const html = section(page(report({ willing: 1, consistent: 3, safer: 4 })));
    expect(html).toContain('data-chosen="outside-help"');
    expect(html).toMatch(
      /data-pattern="outside-help" data-chosen="true">\s*<p class="leans">Your answers lean this way/,
    );
    expect(html).toContain('You answered 3 of 5.');
    for (const title of [
      'Keep going with the same plan',
      'Keep going, with outside help',
      'Time to reconsider',
    ])
      expect(html).toContain(title);
  });

  it('always gives the caveat for anyone afraid of their partner, with the hotline, before the patterns when safety comes first', () => {
    const calm = section(page(report({ willing: 1, consistent: 4, safer: 4 })));
    expect(calm).toContain('If you are afraid of your partner');
    expect(calm).toContain('<a href="tel:+18007997233">1-800-799-7233</a>');
    expect(calm.indexOf('If you are afraid')).toBeGreaterThan(calm.indexOf('data-pattern="reconsider"'));
    const unsafe = section(page(report({ willing: 1, consistent: 4, safer: 2 })));
    expect(unsafe.indexOf('If you are afraid')).toBeLessThan(unsafe.indexOf('data-pattern="same-plan"'));
    expect(unsafe).toContain('before any couples step');
  });

  it('never points someone who told of harm or fear to a couples therapist first, on the page or in the PDF words', () => {
    const told: CheckpointReport = {
      ...report({ willing: 1, consistent: 5, safer: 5 }),
      harmDisclosed: true,
    };
    const afraid = section(page(told));
    expect(afraid).toContain('data-chosen="outside-help"');
    expect(afraid).not.toMatch(/couples therapist/i);
    expect(afraid).toContain('help that is for you alone');
    const calm = section(page(report({ willing: 1, consistent: 3, safer: 4 })));
    expect(calm).toContain('A couples therapist or counselor can help');
    for (const language of ['en', 'es'] as const) {
      const words = WHAT_NOW_WORDS[language];
      expect(patternWords(words, 'outside-help', true).text).not.toMatch(
        /couples therapist|terapeuta de pareja/i,
      );
      expect(patternWords(words, 'outside-help', false).text).toMatch(
        /couples therapist|terapeuta de pareja/i,
      );
    }
  });

  it("gives someone living abroad their country's own helpline to tap, and no US line", () => {
    const r = report({ willing: 1, consistent: 4, safer: 2 });
    const madrid = section(
      reportPage(
        { report: r, track: 'hurt', timezone: 'Europe/Madrid', notes: [], shares: [], now: r.generatedAt },
        't',
      ),
    );
    expect(madrid).toContain('domestic-violence helpline in your country: <a href="tel:016">016</a>');
    expect(madrid).toContain('If you are in danger right now, call 112.');
    expect(madrid).not.toContain('1-800-799-7233');
    // Where the country has none of its own (Italy), the directory.
    const rome = section(
      reportPage(
        { report: r, track: 'hurt', timezone: 'Europe/Rome', notes: [], shares: [], now: r.generatedAt },
        't',
      ),
    );
    expect(rome).toContain('findahelpline.com lists free ones');
  });

  it('says plainly when the checkpoint questions went unanswered, and marks no pattern', () => {
    const html = section(page(report({})));
    expect(html).toContain('data-chosen="none"');
    expect(html).toContain('were not answered');
    expect(html).not.toContain('data-chosen="true"');
  });
});

describe('what now in Spanish, for a Spanish enrollment', () => {
  it('gives the same pattern with its reasons in Spanish, the answers in Spanish words', () => {
    const english = whatNow(report({ willing: 1, consistent: 3, safer: 4, day60: [1, 0, 1] }), 'hurt');
    const spanish = whatNow(report({ willing: 1, consistent: 3, safer: 4, day60: [1, 0, 1] }), 'hurt', 'es');
    expect(spanish.pattern).toBe(english.pattern);
    expect(spanish.safetyFirst).toBe(english.safetyFirst);
    expect(spanish.reasons).toEqual([
      '«Over these 90 days, how consistent has it been?» Respondiste 3 de 5.',
      'El día 60, «Do you feel safe enough to be honest?» Respondiste No.',
    ]);
    expect(whatNow(report({ willing: 0 }), 'hurt', 'es').reasons).toEqual([
      '«Do you still want to keep working on this together?» Respondiste No.',
    ]);
    const unanswered = whatNow(report({ willing: 1, consistent: 4 }), 'hurt', 'es');
    expect(unanswered.reasons).toContain('No respondiste «How much safer do you feel now?»');
  });

  it('says when answers slid, with the averages', () => {
    const slid = report({
      willing: 1,
      consistent: 4,
      safer: 4,
      metrics: [weekly('honesty-safety', 4, 3)],
    });
    expect(whatNow(slid, 'hurt', 'es').reasons).toContain(
      'Tus respuestas a «honesty-safety?» pasaron de 4.0 en los primeros 30 días a 3.0 en los últimos 30.',
    );
  });

  it('shows the section in Spanish on the page: the patterns, the mark, and the caveat with the hotline', () => {
    const html = reportPage(
      {
        report: report({ willing: 1, consistent: 4, safer: 2 }),
        track: 'hurt',
        timezone: 'America/Chicago',
        language: 'es',
        notes: [],
        shares: [],
        now: '2026-06-01T00:30:00.000Z',
      },
      't',
    );
    const section = html.slice(html.indexOf('<section class="what-now"'));
    expect(section).toContain('<h2>Y ahora, ¿qué?</h2>');
    for (const title of ['Seguir con el mismo plan', 'Seguir, con ayuda de fuera', 'Momento de replantearlo'])
      expect(section).toContain(title);
    expect(section).toContain('<p class="leans">Tus respuestas se inclinan hacia aquí</p>');
    expect(section).toContain('<p>Por qué:</p>');
    // Safety first: the caveat comes before the patterns, in Spanish, with the hotline's Spanish service.
    expect(section.indexOf('Si le tienes miedo a tu pareja')).toBeLessThan(
      section.indexOf('data-pattern="same-plan"'),
    );
    expect(section).toContain('<a href="tel:+18007997233">1-800-799-7233</a>, donde atienden en español');
    expect(section).toContain('llama al 911');
    expect(section).not.toContain('What now');
  });
});
