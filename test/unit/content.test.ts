import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import { buildContent, coverageMarkdown, renderBody, TODO_HEADING } from '../../content/build';
import {
  CHECKPOINTS,
  LESSON_DAYS,
  MICRO_ACTION_DAYS,
  PROGRAM_WEEKS,
  WEEKLY_METRICS,
} from '../../content/cadence';
import {
  ContentError,
  fillWithLongest,
  KNOWN_PLACEHOLDERS,
  METRIC_SCALES,
  parseSteps,
  placeholdersIn,
  SMS_WINDOW,
  STEP_PLACEHOLDERS,
  SYSTEM_EMAIL_PLACEHOLDERS,
  SYSTEM_SMS_PLACEHOLDERS,
} from '../../content/schema';
import { type Step, type SystemEmail, TRACKS, type Track } from '../../functions/program/types';

const { steps, sources, messages } = buildContent();
const stepsFor = (track: Track) => steps.filter((s) => s.track === track || s.track === 'both');
const isEmail = (s: Step) => s.channel === 'email' || s.channel === 'checkin';
const isText = (s: Step) => s.channel === 'sms' || s.channel === 'checkin';
const systemEmails = Object.entries(messages.email) as [string, SystemEmail][];
const systemSms = Object.entries(messages.sms) as [keyof typeof SYSTEM_SMS_PLACEHOLDERS, string][];

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
      `hurt-d99-example: body: unknown placeholder {{firstName}}; allowed here: ${STEP_PLACEHOLDERS.join(', ')}`,
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
      for (const text of [s.subject, s.preheader, s.bodyHtml, s.bodyText, s.sms, s.question]) {
        for (const name of placeholdersIn(text ?? '')) {
          expect(STEP_PLACEHOLDERS, `${s.id} uses {{${name}}}`).toContain(name);
          expect(KNOWN_PLACEHOLDERS).toHaveProperty(name);
        }
      }
    }
  });

  it('every system message uses only the placeholders its sender fills', () => {
    for (const [name, email] of systemEmails) {
      for (const text of [email.subject, email.preheader, email.bodyHtml, email.bodyText]) {
        for (const p of placeholdersIn(text))
          expect(SYSTEM_EMAIL_PLACEHOLDERS, `email.${name} uses {{${p}}}`).toContain(p);
      }
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
  it.each(TRACKS)(
    '%s: a lesson email at 08:00 on each promised day of the first two weeks, and on no other',
    (track) => {
      const lessons = stepsFor(track).filter((s) => s.kind === 'lesson' && (s.day ?? 99) <= 13);
      expect(lessons.map((s) => s.day).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([...LESSON_DAYS]);
      for (const s of lessons) expect([s.channel, s.at], s.id).toEqual(['email', '08:00']);
    },
  );

  it.each(TRACKS)('%s: one mid-week text micro-action in each of the first two weeks', (track) => {
    const micro = stepsFor(track).filter((s) => s.kind === 'micro-action');
    expect(micro.map((s) => s.day)).toEqual([...MICRO_ACTION_DAYS]);
    for (const s of micro) expect(s.channel).toBe('sms');
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

  it.each(TRACKS)('%s: the three checkpoint questions on days 88, 89 and 90', (track) => {
    const checkpoints = stepsFor(track).filter((s) => s.kind === 'checkpoint');
    expect(checkpoints.map((s) => ({ day: s.day, at: s.at, metric: s.metric }))).toEqual(CHECKPOINTS);
    for (const s of checkpoints)
      expect([s.channel, s.scale]).toEqual([
        'checkin',
        METRIC_SCALES[s.metric as keyof typeof METRIC_SCALES],
      ]);
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
    expect(prompt).toMatch(/\d+ msgs\/week/);
    expect(prompt).toContain('Msg&data rates may apply');
    for (const word of ['YES', 'HELP', 'STOP']) expect(prompt).toMatch(new RegExp(`\\b${word}\\b`));
  });

  it('the HELP answer says what Kintsugi is, how often it texts, how to stop and whom to write to', () => {
    expect(messages.sms.help).toMatch(/^Kintsugi\b/);
    expect(messages.sms.help).toMatch(/msgs\/week/);
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

  it.each(TRACKS)(
    '%s: a STOP reminder comes at least every fourth text, whatever the check-in weekday',
    (track) => {
      const fixed = stepsFor(track).filter((s) => isText(s) && s.day !== undefined);
      const weekly = stepsFor(track).filter((s) => isText(s) && s.weeks);
      for (let weekday = 0; weekday < 7; weekday++) {
        // Scheduled texts in send order, as [day, time, text]; the participant's check-in time is 19:00.
        const scheduled: [number, string, string][] = [
          ...fixed.map((s): [number, string, string] => [s.day as number, s.at as string, s.sms as string]),
          ...weekly.flatMap((s) =>
            (s.weeks ?? []).map((w): [number, string, string] => [
              (w - 1) * 7 + weekday,
              '19:00',
              s.sms as string,
            ]),
          ),
        ];
        scheduled.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
        const sequence = [
          messages.sms.optInPrompt,
          messages.sms.optInConfirmed,
          ...scheduled.map(([, , text]) => text),
        ];
        expect(sequence.length).toBeGreaterThan(16);
        for (let i = 0; i + 4 <= sequence.length; i++) {
          const window = sequence.slice(i, i + 4);
          expect(
            window.some((t) => /\bSTOP\b/.test(t)),
            `texts ${i + 1}–${i + 4} (check-in weekday ${weekday})`,
          ).toBe(true);
        }
      }
    },
  );
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
    expect(welcome?.bodyText).toContain('988 (Suicide & Crisis Lifeline)');
    expect(welcome?.bodyText).toContain('National Domestic Violence Hotline at 1-800-799-7233');
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

describe('coverage of the seed ideas', () => {
  it('content/coverage.md lists where each idea sits, as the steps say now (run `npm run build` to refresh)', () => {
    const file = readFileSync(path.join(__dirname, '../../content/coverage.md'), 'utf8');
    expect(file).toBe(coverageMarkdown(steps));
  });
});
