import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SegmentedMessage } from 'sms-segments-calculator';
import readability from 'text-readability-ts';
import { afterAll, describe, expect, it } from 'vitest';
import { buildContent, coverageMarkdown, renderBody, TODO_HEADING } from '../../content/build';
import {
  CHECKPOINTS,
  LESSON_AT,
  LESSON_DAYS,
  MICRO_ACTION_AT,
  MICRO_ACTION_DAYS,
  PROGRAM_WEEKS,
  QUICK_CHECK_DAYS,
  QUICK_CHECKS,
  WEEKLY_METRICS,
} from '../../content/cadence';
import { SEED_IDEAS } from '../../content/ideas';
import {
  ContentError,
  fillWithLongest,
  HELP_LINE_PLACEHOLDERS,
  KNOWN_PLACEHOLDERS,
  METRIC_SCALES,
  parseSteps,
  placeholdersIn,
  SMS_WINDOW,
  STEP_BODY_PLACEHOLDERS,
  STEP_PLACEHOLDERS,
  SYSTEM_EMAIL_PLACEHOLDERS,
  SYSTEM_SMS_PLACEHOLDERS,
} from '../../content/schema';
import { compiledCatalog } from '../../functions/catalog/compiled';
import { programSlots } from '../../functions/program/schedule';
import {
  QUICK_CHECK_METRICS,
  type Step,
  type SystemEmail,
  TRACKS,
  type Track,
  WEEKDAYS,
  type Weekday,
} from '../../functions/program/types';
import { systemTexts } from '../../functions/use-cases/services/compose';

const { steps, sources, messages } = buildContent();
const stepsFor = (track: Track) => steps.filter((s) => s.track === track || s.track === 'both');
const isEmail = (s: Step) => s.channel === 'email' || s.channel === 'checkin';
const isText = (s: Step) => s.channel === 'sms' || s.channel === 'checkin';
const systemEmails = Object.entries(messages.email) as [string, SystemEmail][];
const systemSms = Object.entries(messages.sms) as [keyof typeof SYSTEM_SMS_PLACEHOLDERS, string][];
/** A participant for schedule simulations: day 0 on a Monday, check-ins at 19:00 New York time. */
const ARTIFACTS = path.resolve(__dirname, '../../artifacts');
const SAMPLE = { timezone: 'America/New_York', checkinTime: '19:00', day0: '2026-03-02' } as const;

const lesson = (over: Record<string, unknown> = {}) => ({
  id: 'hurt-d99-example',
  track: 'hurt',
  kind: 'lesson',
  channel: 'email',
  day: 99,
  at: '08:00',
  subject: 'A subject',
  preheader: 'A preheader',
  body: 'A body.',
  todo: 'One thing to do.',
  ...over,
});

function problemsOf(entries: unknown[]): string[] {
  try {
    parseSteps(entries, 'steps/test.yaml');
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  return [];
}

describe('the content schema', () => {
  it('accepts every file under content/', () => {
    expect(steps.length).toBeGreaterThan(0);
    expect(messages.sms.optInPrompt).toBeTruthy();
  });

  it('names the entry id and the field when a lesson has no closing step and a bad day', () => {
    const problems = problemsOf([lesson({ todo: undefined })]);
    expect(problems).toContain('hurt-d99-example: day: must be 0–90');
    expect(problems).toContain(
      'hurt-d99-example: todo: is required for a lesson: every lesson ends with one concrete thing to do',
    );
  });

  it('rejects a placeholder the renderer does not fill, saying which ones are allowed', () => {
    const problems = problemsOf([lesson({ day: 1, body: 'Hello {{firstName}}.' })]);
    expect(problems).toEqual([
      `hurt-d99-example: body: unknown placeholder {{firstName}}; allowed here: ${STEP_BODY_PLACEHOLDERS.join(', ')}`,
    ]);
  });

  it("refuses a step that writes out one country's crisis line, and says which placeholder to use", () => {
    for (const line of [
      'call or text 988 tonight',
      'the hotline at 1-800-799-7233',
      'call 911 now',
      'text START to 88788',
    ])
      expect(problemsOf([lesson({ day: 1, body: `If it gets hard, ${line}.` })])).toEqual([
        expect.stringMatching(
          /^hurt-d99-example: body: names (988|1-800-799-7233|911|88788), a crisis line of one country: write \{\{emergencyLine\}\}, \{\{crisisLine\}\} or \{\{abuseLine\}\}/,
        ),
      ]);
    // Other numbers are words like any others.
    expect(problemsOf([lesson({ day: 1, body: 'Write 9 things, then 11 more, in 1988 style.' })])).toEqual(
      [],
    );
  });

  it('a help line may be named in a body, never in a subject or a text', () => {
    expect(problemsOf([lesson({ day: 1, body: 'Reach out to {{crisisLine}}.' })])).toEqual([]);
    expect(problemsOf([lesson({ day: 1, subject: 'Call {{emergencyLine}}' })])).toEqual([
      expect.stringContaining('subject: unknown placeholder {{emergencyLine}}'),
    ]);
  });

  it('rejects a check-in whose text does not say how to answer', () => {
    const checkin = {
      id: 'hurt-checkin-x',
      track: 'hurt',
      kind: 'check-in',
      channel: 'checkin',
      weeks: [1],
      metric: 'honesty-safety',
      scale: '1-5',
      sms: 'How was it?',
      question: 'How was it?',
      subject: 'S',
      preheader: 'P',
      body: 'B',
    };
    expect(problemsOf([checkin])).toEqual(['hurt-checkin-x: sms: must tell how to answer: "Reply 1-5"']);
  });

  it('rejects a text scheduled in quiet hours and an unknown field', () => {
    const problems = problemsOf([
      {
        id: 'hurt-d01-late',
        track: 'hurt',
        kind: 'micro-action',
        channel: 'sms',
        day: 1,
        at: '21:30',
        sms: 'Hi',
        colour: 'red',
      },
    ]);
    expect(problems).toEqual(expect.arrayContaining(['hurt-d01-late: (entry): unknown field(s): colour']));
    expect(
      problemsOf([
        {
          id: 'hurt-d01-late',
          track: 'hurt',
          kind: 'micro-action',
          channel: 'sms',
          day: 1,
          at: '21:30',
          sms: 'Hi',
        },
      ]),
    ).toEqual([
      `hurt-d01-late: at: a text may only go out ${SMS_WINDOW.from}–${SMS_WINDOW.until} local time`,
    ]);
  });

  it('gives every step a unique id', () => {
    const ids = steps.map((s) => s.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});

describe('placeholders', () => {
  it('every placeholder in the program steps is one the renderer fills for a step', () => {
    for (const s of steps) {
      for (const text of [s.subject, s.preheader, s.sms, s.question]) {
        for (const name of placeholdersIn(text ?? '')) {
          expect(STEP_PLACEHOLDERS, `${s.id} uses {{${name}}}`).toContain(name);
          expect(KNOWN_PLACEHOLDERS).toHaveProperty(name);
        }
      }
      for (const text of [s.bodyHtml, s.bodyText])
        for (const name of placeholdersIn(text ?? '')) {
          expect(STEP_BODY_PLACEHOLDERS, `${s.id} uses {{${name}}}`).toContain(name);
          expect(KNOWN_PLACEHOLDERS).toHaveProperty(name);
        }
    }
  });

  it('every system message uses only the placeholders its sender fills', () => {
    for (const [name, email] of systemEmails) {
      for (const text of [email.subject, email.preheader]) {
        for (const p of placeholdersIn(text))
          expect(SYSTEM_EMAIL_PLACEHOLDERS, `email.${name} uses {{${p}}}`).toContain(p);
      }
      for (const text of [email.bodyHtml, email.bodyText])
        for (const p of placeholdersIn(text))
          expect(
            [...SYSTEM_EMAIL_PLACEHOLDERS, ...HELP_LINE_PLACEHOLDERS],
            `email.${name} uses {{${p}}}`,
          ).toContain(p);
    }
    for (const [name, text] of systemSms) {
      for (const p of placeholdersIn(text))
        expect(SYSTEM_SMS_PLACEHOLDERS[name] as readonly string[], `sms.${name} uses {{${p}}}`).toContain(p);
    }
  });

  it('survive Markdown rendering intact, also inside a link', () => {
    const { html, text } = renderBody(
      'Hi on {{checkinDay}}s. [Open it]({{actionUrl}}) or call [988](tel:988).',
      'Do **one** thing.',
      'test',
    );
    expect(html).toContain('{{checkinDay}}s');
    expect(html).toContain('href="{{actionUrl}}"');
    expect(text).toBe(
      `Hi on {{checkinDay}}s. Open it ({{actionUrl}}) or call 988.\n\n${TODO_HEADING.toUpperCase()}\nDo one thing.`,
    );
  });

  it('Markdown an email cannot carry, such as raw HTML or an http link, fails the build', () => {
    expect(() => renderBody('Hello <b>there</b>', undefined, 'test')).toThrow(/html/);
    expect(() => renderBody('[x](http://example.com)', undefined, 'test')).toThrow(/must be https:/);
  });
});

describe('the cadence, for each track', () => {
  const isQuick = (s: Step) => (QUICK_CHECK_METRICS as readonly string[]).includes(s.metric ?? '');

  it.each(TRACKS)('%s: a lesson email at 08:00 on each promised day, one a day, and on no other', (track) => {
    const lessons = stepsFor(track).filter((s) => s.kind === 'lesson');
    expect(lessons.map((s) => s.day).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([...LESSON_DAYS]);
    for (const s of lessons) expect([s.channel, s.at], s.id).toEqual(['email', LESSON_AT]);
  });

  it('promises most days of the first two weeks, then three lessons a week, then two', () => {
    const perWeek = PROGRAM_WEEKS.map((w) =>
      LESSON_DAYS.filter((d) => Math.min(13, Math.floor(d / 7) + 1) === w),
    );
    expect(perWeek.slice(0, 2).map((days) => days.length)).toEqual([6, 6]);
    expect(perWeek.slice(2, 8).every((days) => days.length === 3)).toBe(true);
    expect(perWeek.slice(8).every((days) => days.length === 2)).toBe(true);
  });

  it.each(TRACKS)('%s: one mid-week text micro-action in every program week 1–13', (track) => {
    const micro = stepsFor(track).filter((s) => s.kind === 'micro-action');
    expect(micro.map((s) => s.day)).toEqual([...MICRO_ACTION_DAYS]);
    expect(micro.map((s) => Math.min(13, Math.floor((s.day ?? 0) / 7) + 1))).toEqual([...PROGRAM_WEEKS]);
    for (const s of micro) expect([s.channel, s.at], s.id).toEqual(['sms', MICRO_ACTION_AT]);
  });

  it.each(TRACKS)('%s: one weekly check-in in every week 1–13, alternating its two metrics', (track) => {
    const weekly = stepsFor(track).filter((s) => s.kind === 'check-in' && s.weeks);
    for (const week of PROGRAM_WEEKS) {
      const thisWeek = weekly.filter((s) => s.weeks?.includes(week));
      expect(thisWeek.length, `week ${week}`).toBe(1);
      const [checkin] = thisWeek as [Step];
      expect(checkin.metric, `week ${week}`).toBe(WEEKLY_METRICS[track][week % 2 ? 'odd' : 'even']);
      expect([checkin.channel, checkin.scale]).toEqual(['checkin', '1-5']);
    }
  });

  it.each(TRACKS)('%s: the three quick yes/no questions on days 30 and 60, three hours apart', (track) => {
    const quick = stepsFor(track).filter(isQuick);
    const expected = QUICK_CHECK_DAYS.flatMap((day) => QUICK_CHECKS.map((q) => ({ day, ...q })));
    expect(quick.map((s) => ({ day: s.day, at: s.at, metric: s.metric }))).toEqual(expected);
    for (const s of quick)
      expect([s.kind, s.channel, s.scale], s.id).toEqual(['checkpoint', 'checkin', 'yes-no']);
    // The report lines the two rounds up by metric: each question reads the same on both days.
    for (const metric of QUICK_CHECK_METRICS) {
      expect(new Set(quick.filter((s) => s.metric === metric).map((s) => s.question)).size, metric).toBe(1);
    }
    // The morning lesson of each quick-check day tells when the questions come.
    for (const day of QUICK_CHECK_DAYS) {
      const lesson = stepsFor(track).find((s) => s.kind === 'lesson' && s.day === day);
      expect(lesson?.bodyText, `day ${day}`).toContain(
        'at {{quickTime1}}, {{quickTime2}} and {{quickTime3}}',
      );
    }
  });

  it.each(TRACKS)('%s: the three checkpoint questions on days 88, 89 and 90', (track) => {
    const checkpoints = stepsFor(track).filter((s) => s.kind === 'checkpoint' && !isQuick(s));
    expect(checkpoints.map((s) => ({ day: s.day, at: s.at, metric: s.metric }))).toEqual(CHECKPOINTS);
    for (const s of checkpoints)
      expect([s.channel, s.scale]).toEqual([
        'checkin',
        METRIC_SCALES[s.metric as keyof typeof METRIC_SCALES],
      ]);
  });

  it.each(TRACKS)('%s: nothing is scheduled that the cadence does not promise', (track) => {
    const promised = (s: Step) =>
      (s.kind === 'lesson' && (LESSON_DAYS as readonly number[]).includes(s.day ?? -1)) ||
      (s.kind === 'micro-action' && (MICRO_ACTION_DAYS as readonly number[]).includes(s.day ?? -1)) ||
      (s.kind === 'check-in' && s.weeks !== undefined) ||
      (s.kind === 'checkpoint' &&
        isQuick(s) &&
        (QUICK_CHECK_DAYS as readonly number[]).includes(s.day ?? -1)) ||
      (s.kind === 'checkpoint' && CHECKPOINTS.some((c) => c.day === s.day && c.metric === s.metric));
    expect(
      stepsFor(track)
        .filter((s) => !promised(s))
        .map((s) => s.id),
    ).toEqual([]);
  });

  it('never schedules a text between 21:00 and 08:00 local time', () => {
    for (const s of steps.filter(isText)) {
      if (s.at === undefined) continue;
      expect(s.at >= SMS_WINDOW.from && s.at <= SMS_WINDOW.until, `${s.id} at ${s.at}`).toBe(true);
    }
  });
});

describe('texts', () => {
  const allTexts: [string, string][] = [
    ...steps.filter((s) => s.sms).map((s): [string, string] => [s.id, s.sms as string]),
    ...systemSms.map(([name, text]): [string, string] => [`sms.${name}`, text]),
  ];

  it.each(allTexts)('%s is one GSM-7 segment with its placeholders at their longest', (_name, text) => {
    const filled = fillWithLongest(text);
    const segmented = new SegmentedMessage(filled);
    expect(segmented.getNonGsmCharacters()).toEqual([]);
    expect(segmented.encodingName).toBe('GSM-7');
    expect(segmented.segmentsCount).toBe(1);
  });

  it('the first text a person gets names Kintsugi and carries frequency, rates, YES, HELP and STOP', () => {
    const prompt = messages.sms.optInPrompt;
    expect(prompt).toMatch(/^Kintsugi\b/);
    expect(prompt).toContain('{{frequency}}');
    expect(prompt).toContain('Msg&data rates may apply');
    for (const word of ['YES', 'HELP', 'STOP']) expect(prompt).toMatch(new RegExp(`\\b${word}\\b`));
  });

  it('the HELP answer says what Kintsugi is, how often it texts, how to stop and whom to write to', () => {
    expect(messages.sms.help).toMatch(/^Kintsugi trust program\b/);
    expect(messages.sms.help).toContain('{{frequency}}');
    expect(messages.sms.help).toMatch(/\bSTOP\b/);
    expect(messages.sms.help).toContain('{{supportEmail}}');
  });

  it('the STOP answer says texts have ended and how to come back', () => {
    expect(messages.sms.stopConfirmed).toBe(
      "You won't get more texts from Kintsugi. Reply START to come back.",
    );
  });

  it('every check-in text says how to answer', () => {
    for (const s of steps.filter((x) => x.channel === 'checkin')) {
      expect(s.sms, s.id).toContain(s.scale === 'yes-no' ? 'Reply Y or N' : 'Reply 1-5');
    }
  });

  /** The texts a person receives, in the order the real schedule sends them, for one check-in weekday. */
  function textsInOrder(track: Track, checkinDay: Weekday, answersEveryCheckin: boolean): string[] {
    const slots = programSlots(steps, { ...SAMPLE, track, checkinDay });
    const sequence = [messages.sms.optInPrompt, messages.sms.optInConfirmed];
    for (const slot of slots) {
      if (slot.kind === 'report') sequence.push(messages.sms.reportReady);
      else if (slot.step && isText(slot.step)) {
        sequence.push(slot.step.sms as string);
        if (answersEveryCheckin && slot.step.scale)
          sequence.push(
            slot.step.scale === 'yes-no' ? messages.sms.answerRecorded : messages.sms.ratingRecorded,
          );
      }
    }
    return sequence;
  }

  it.each(TRACKS)(
    '%s: a STOP reminder comes at least every fourth text, whatever the check-in weekday, answered or not',
    (track) => {
      for (const checkinDay of WEEKDAYS) {
        for (const answers of [false, true]) {
          const sequence = textsInOrder(track, checkinDay, answers);
          expect(sequence.length).toBeGreaterThan(30);
          for (let i = 0; i + 4 <= sequence.length; i++) {
            expect(
              sequence.slice(i, i + 4).some((t) => /\bSTOP\b/.test(t)),
              `texts ${i + 1}–${i + 4} (${checkinDay} check-ins${answers ? ', every one answered' : ''})`,
            ).toBe(true);
          }
        }
      }
    },
  );

  const CHOICES = [
    ['check-ins and nudges', messages.textFrequency.checkinsAndNudges, {}],
    ['check-ins only', messages.textFrequency.checkinsOnly, { nudges: false }],
  ] as const;
  it.each(
    TRACKS.flatMap((track) => CHOICES.map(([name, line, choice]) => [track, name, line, choice] as const)),
  )(
    '%s, %s: the frequency the texts promise is the frequency the schedule sends',
    (track, _name, line, choice) => {
      const [, usualText, mostText] =
        line.match(/^(\d+) msgs?\/week, up to (\d+) in checkpoint weeks$/) ?? [];
      const usual = Number(usualText);
      const most = Number(mostText);
      expect(usual, line).toBeGreaterThan(0);
      for (const checkinDay of WEEKDAYS) {
        const slots = programSlots(steps, { ...SAMPLE, track, checkinDay, ...choice });
        const texts = slots.filter((s) => s.kind === 'report' || (s.step !== undefined && isText(s.step)));
        const perWeek = PROGRAM_WEEKS.map((w) =>
          texts.filter((s) => Math.min(13, Math.floor(s.day / 7) + 1) === w),
        );
        const counts = perWeek.map((t) => t.length);
        const median = [...counts].sort((a, b) => a - b)[Math.floor(counts.length / 2)];
        expect(median, `${checkinDay}: ${counts.join(' ')}`).toBe(usual);
        expect(Math.max(...counts), `${checkinDay}: ${counts.join(' ')}`).toBe(most);
        // The busier weeks are exactly the checkpoint weeks: days 30, 60 and 88–90.
        perWeek.forEach((week, i) => {
          if (week.length > usual)
            expect(
              week.some((s) => s.kind === 'checkpoint'),
              `${checkinDay}, week ${i + 1}`,
            ).toBe(true);
        });
      }
    },
  );

  it('the opt-in, START and HELP texts promise the frequency of the texts the person chose', () => {
    const catalog = { catalog: { ...compiledCatalog, messages } };
    for (const [, line, choice] of CHOICES)
      for (const discreet of [false, true]) {
        const texts = systemTexts(catalog, { ...choice, discreet });
        for (const text of [texts.optInPrompt, texts.startConfirmed, texts.help])
          expect(text).toContain(line);
      }
  });
});

describe('emails', () => {
  const emails: [string, { subject?: string; preheader?: string; bodyHtml?: string; bodyText?: string }][] = [
    ...steps.filter(isEmail).map((s): [string, Step] => [s.id, s]),
    ...systemEmails.map(([name, e]): [string, SystemEmail] => [`email.${name}`, e]),
  ];

  it.each(emails)('%s has a subject, a preheader, an HTML body and a plain-text body', (_id, email) => {
    expect(email.subject?.trim()).toBeTruthy();
    expect(email.preheader?.trim()).toBeTruthy();
    expect(email.bodyHtml).toMatch(/^<p /);
    expect(email.bodyText?.length).toBeGreaterThan(40);
    expect(email.bodyText).not.toMatch(/<\/?[a-z][^>]*>|\*\*|&amp;|&quot;|&#39;/);
  });

  it('every lesson ends with one concrete thing to do', () => {
    for (const s of steps.filter((x) => x.kind === 'lesson')) {
      const source = sources.find((x) => x.id === s.id);
      expect(source?.todo, s.id).toBeTruthy();
      expect(s.bodyText, s.id).toMatch(new RegExp(`\\n${TODO_HEADING.toUpperCase()}\\n[^\\n]+$`));
      expect(s.bodyHtml, s.id).toMatch(new RegExp(`${TODO_HEADING}</p><p [^>]*>.+</p></td></tr></table>$`));
    }
  });

  it('every link in an email body goes to https, tel or mailto, or is a placeholder', () => {
    const bodies = [...steps.map((s) => s.bodyHtml ?? ''), ...systemEmails.map(([, e]) => e.bodyHtml)];
    for (const html of bodies) {
      for (const [, href] of html.matchAll(/href="([^"]*)"/g))
        expect(href).toMatch(/^(https:\/\/|tel:|mailto:|\{\{[A-Za-z0-9]+\}\}$)/);
    }
  });

  it.each(TRACKS)('%s: the welcome email says where to get help when home is not safe', (track) => {
    const welcome = stepsFor(track).find((s) => s.day === 0 && s.kind === 'lesson');
    expect(welcome?.bodyText).toContain('is not the right tool right now');
    // The lines of where the person lives (test/unit/content-safety.test.ts reads them in each place).
    expect(welcome?.bodyText).toMatch(/danger, call \{\{emergencyLine\}\}\./);
    expect(welcome?.bodyText).toContain('reach out to {{abuseLine}}.');
    expect(welcome?.bodyText).toContain('reach out to {{crisisLine}}.');
    expect(welcome?.bodyHtml).toContain('{{{crisisLine}}}');
  });

  it('the confirmation email explains the program, waits for the click, and tells a stranger to ignore it', () => {
    const { confirm } = messages.email;
    expect(confirm.action).toBeTruthy();
    expect(confirm.bodyText).toContain('90-day program');
    expect(confirm.bodyText).toContain('Nothing starts until you confirm.');
    expect(confirm.bodyText).toMatch(/If this wasn't you, ignore this email/);
  });

  it('the report email has a button to open the report', () => {
    expect(messages.email.report.action).toBe('Open my report');
  });
});

describe('reading level', () => {
  /**
   * The band every lesson must fall in: textstat's consensus grade (`textStandard`, which combines
   * Flesch-Kincaid, SMOG, Coleman-Liau, ARI, Dale-Chall, Linsear Write and Gunning fog) from 3 to 9,
   * the median lesson at grade 8 or below. Plain-language guidance for health topics asks for grade 8
   * or lower; below 3 the text would read as fragments.
   */
  const BAND = { min: 3, max: 9, median: 8 } as const;

  /**
   * The body as a reader meets it, one sentence stream: list items and headings end with a full stop,
   * quotation marks go (the library's sentence splitter counts a sentence opening with a quote as part
   * of the previous one, and blank lines do not end a sentence for it).
   */
  const readable = (text: string) =>
    text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => line.replace(/^(- |\d+\. |> )/, '').replace(/["“”]/g, ''))
      .map((line) => (/[.!?:]$/.test(line) ? line : `${line}.`))
      .join(' ');

  const lessons = steps.filter((s) => s.kind === 'lesson');
  const grades = lessons.map((s) => {
    const text = readable(s.bodyText ?? '');
    return {
      id: s.id,
      track: s.track,
      grade: Number(readability.textStandard(text, true)),
      fleschKincaid: readability.fleschKincaidGrade(text),
      words: readability.lexiconCount(text),
    };
  });

  const median = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  };

  afterAll(() => {
    // The figures, for the issue notes and for authors: artifacts/readability.json (git-ignored).
    const summary = Object.fromEntries(
      TRACKS.map((track) => {
        const mine = grades.filter((g) => g.track === track || g.track === 'both');
        const of = (key: 'grade' | 'fleschKincaid') => {
          const xs = mine.map((g) => g[key]);
          return { min: Math.min(...xs), median: median(xs), max: Math.max(...xs) };
        };
        return [track, { lessons: mine.length, grade: of('grade'), fleschKincaid: of('fleschKincaid') }];
      }),
    );
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(
      path.join(ARTIFACTS, 'readability.json'),
      `${JSON.stringify({ band: BAND, summary, grades }, null, 1)}\n`,
    );
    console.info(`reading grades (textstat consensus; Flesch-Kincaid): ${JSON.stringify(summary)}`);
  });

  it.each(lessons.map((s) => s.id))('%s reads at grade 3–9', (id) => {
    const { grade, fleschKincaid } = grades.find((g) => g.id === id) as (typeof grades)[number];
    expect(grade, `consensus grade (Flesch-Kincaid ${fleschKincaid})`).toBeGreaterThanOrEqual(BAND.min);
    expect(grade, `consensus grade (Flesch-Kincaid ${fleschKincaid})`).toBeLessThanOrEqual(BAND.max);
  });

  it.each(TRACKS)('%s: the median lesson reads at grade 8 or below', (track) => {
    const mine = grades.filter((g) => g.track === track || g.track === 'both').map((g) => g.grade);
    expect(median(mine)).toBeLessThanOrEqual(BAND.median);
  });
});

describe('coverage of the seed ideas', () => {
  it('every idea of the seeds has a place in the program', () => {
    const unplaced = Object.keys(SEED_IDEAS).filter((idea) => !steps.some((s) => s.ideas.includes(idea)));
    expect(unplaced).toEqual([]);
  });

  it('content/coverage.md lists where each idea sits, as the steps say now (run `npm run build` to refresh)', () => {
    const file = readFileSync(path.join(__dirname, '../../content/coverage.md'), 'utf8');
    expect(file).toBe(coverageMarkdown(steps, buildContent(undefined, 'es').steps));
  });
});
