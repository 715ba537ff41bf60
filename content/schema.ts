/**
 * The shape of the program's source files (content/steps/*.yaml, content/system.yaml), with the rules
 * a step must follow for its kind and channel. Errors name the file, the entry id and the field.
 */
import { z } from 'zod';
import { relationshipWordsIn } from '../functions/program/discreet';
import { type Language, METRICS, type Metric, type Scale, type SystemSms } from '../functions/program/types';
import { SEED_IDEA_IDS } from './ideas';

const URL_120 = `https://kintsugi.example.org/checkin?token=${'a'.repeat(78)}`;

/**
 * Every placeholder the renderer (functions/render/fill.ts) fills, with its longest realistic
 * value; the SMS segment and email size tests fill texts with these.
 */
export const KNOWN_PLACEHOLDERS = {
  // Content placeholders: filled per person in steps and system messages.
  checkinDay: 'Wednesday',
  // Written as where the person lives (functions/program/local-words.ts): Canada's is the longest.
  checkinTime: '12:30 p.m.',
  // The times of the three quick questions of days 30 and 60, as the person's clock writes them ("12 PM", "15:00").
  quickTime1: '12:30 p.m.',
  quickTime2: '12:30 p.m.',
  quickTime3: '12:30 p.m.',
  // The city the person's time zone is known by (functions/program/zones.ts), in the confirmation email.
  checkinZone: 'Ciudad de México',
  supportEmail: 'participant-support@kintsugi.example.org',
  // How often texts come (content/system.yaml textFrequency): no line there may be longer.
  frequency: '2 msgs/week, up to 6 in checkpoint weeks',
  // SMS replies.
  score: '5',
  max: '5',
  answer: 'Yes',
  reportUrl: URL_120,
  // Answers to open questions (functions/use-cases/services/answers.ts): the longest realistic values.
  answers: 'day 30 question 1: yes, day 30 question 2: no',
  more: 'Still open: day 30 question 3 (Y/N).',
  questions: 'week 13 check-in (1-5), checkpoint question 2 (1-5)',
  count: '2',
  label: 'checkpoint question 3',
  value: '5 of 5',
  previous: '5 of 5',
  week: '13',
  number: '3',
  // A country's emergency number, or in HELP outside the US and Canada (sms.helpElsewhere) its own crisis
  // line where it has one: the longest, Germany's TelefonSeelsorge.
  emergency: '0800 111 0 111',
  // A country's own free lines (functions/program/crisis-lines.ts), in the crisis texts and emails: the
  // longest the table has, and the two together as the crisis texts name them (in Spanish, the longer).
  crisis: '0800 111 0 111',
  crisisTel: '08001110111',
  abuse: '1800 737 732',
  abuseTel: '1800737732',
  numbers: '116 016, 0800 111 0 111',
  national: 'Violencia en casa: 116 016. Suicidio o crisis: 0800 111 0 111.',
  // PAUSE replies (functions/use-cases/services/pause.ts).
  days: '30',
  resumeDate: 'Wednesday, September 30',
  // Discreet subjects: the program day.
  day: '90',
  // Layouts (templates/).
  lang: 'en',
  subject: 'S'.repeat(90),
  preheader: 'P'.repeat(140),
  body: '',
  question: 'Q'.repeat(160),
  actionLabel: 'Confirm and start',
  actionUrl: URL_120,
  answer1Url: URL_120,
  answer2Url: URL_120,
  answer3Url: URL_120,
  answer4Url: URL_120,
  answer5Url: URL_120,
  yesUrl: URL_120,
  noUrl: URL_120,
  // The report layout's charts: HTML built per person at send time (functions/render/report-charts.ts).
  charts: '',
  // The action layouts' Markdown after the button (a system email's `details`), rendered at build time.
  details: '',
  // The invitation's footer: the link that stops further invitations to the address.
  stopInvitationsUrl: URL_120,
  unsubscribeUrl: URL_120,
  privacyUrl: URL_120,
  settingsUrl: URL_120,
  postalAddress: 'Kintsugi Program, 1234 Long Example Street, Suite 500, San Francisco, CA 94107, USA',
  // The name over every email, and why it came (discreet mode: the neutral sender name, no word of what for).
  brand: 'PROGRAMA K.',
  whyThis:
    'Recibes este correo porque te inscribiste con esta dirección en Kintsugi, un programa de 90 días para reconstruir la confianza. Tus respuestas son solo tuyas.',
  // Every participant email's footer: the crisis lines of where the person lives (use-cases/services/compose.ts).
  // With when a self-guided program is not enough before them (use-cases/services/compose.ts limitsFor).
  crisisLines:
    'Un programa que sigues por tu cuenta no basta si hay abuso, adicción o años de engaño: busca a un consejero o terapeuta con formación. ¿En peligro? Llama al 911 o al número de emergencias de tu país. ¿En crisis? Llama al 988 y oprime 2 para español (EE. UU.).',
  // The help lines a lesson or system email names (content/system.yaml helpLines), as plain text: the longest.
  emergencyLine: 'número de emergencias de tu país',
  crisisLine:
    'la Línea de Prevención del Suicidio y Crisis: llama al 988 y oprime 2 para hablar en español, o escribe AYUDA al 988, de día o de noche',
  abuseLine:
    'la Línea Nacional sobre la Violencia Doméstica: llama al 1-800-799-7233 (atienden en español) o escribe START al 88788',
} as const;

export type Placeholder = keyof typeof KNOWN_PLACEHOLDERS;

/** Placeholders a program step (subject, preheader, body, question, SMS) may use. */
export const STEP_PLACEHOLDERS = [
  'checkinDay',
  'checkinTime',
  'supportEmail',
  'quickTime1',
  'quickTime2',
  'quickTime3',
] as const satisfies readonly Placeholder[];

/**
 * The help lines of where the person lives (content/system.yaml helpLines), which a lesson's or a system
 * email's body may name: Markdown with links, filled into the HTML as it is (content/build.ts).
 */
export const HELP_LINE_PLACEHOLDERS = [
  'emergencyLine',
  'crisisLine',
  'abuseLine',
] as const satisfies readonly Placeholder[];
export type HelpLine = (typeof HELP_LINE_PLACEHOLDERS)[number];

/** Placeholders a step's body and closing step may use: the person's values and their help lines. */
export const STEP_BODY_PLACEHOLDERS = [
  ...STEP_PLACEHOLDERS,
  ...HELP_LINE_PLACEHOLDERS,
] as const satisfies readonly Placeholder[];

/** Placeholders a system email's subject and preheader may use: the person's values and its call-to-action link. */
export const SYSTEM_EMAIL_PLACEHOLDERS = [
  ...STEP_PLACEHOLDERS,
  'actionUrl',
  // The footer's links, also filled in the body (use-cases/services/compose.ts composeSystemEmail).
  'privacyUrl',
  'settingsUrl',
] as const satisfies readonly Placeholder[];

/** Placeholders each system SMS is filled with by its sender (functions/use-cases); nothing else. */
export const SYSTEM_SMS_PLACEHOLDERS = {
  optInPrompt: ['frequency'],
  optInConfirmed: [],
  optInConfirmedLater: ['checkinDay'],
  stopConfirmed: [],
  notHeld: ['supportEmail'],
  startConfirmed: ['frequency'],
  programOver: [],
  whichSignUp: [],
  help: ['frequency', 'supportEmail'],
  helpElsewhere: ['frequency', 'supportEmail', 'emergency'],
  ratingRecorded: ['score', 'max'],
  answerRecorded: ['answer'],
  ratingUnclear: [],
  noteKept: [],
  reportReady: ['reportUrl'],
  paused: ['days', 'resumeDate'],
  resumed: [],
  resumedAfterSafety: [],
  notPaused: [],
  checkinSkipped: ['checkinDay'],
  noteKeptCheckinOpen: [],
  noteKeptRatingOpen: [],
  noteKeptYesNoOpen: [],
  unsureKept: ['label', 'more'],
  movedToEmail: [],
  textsBack: [],
  textsBackAfterAnswer: [],
  deleteConfirm: [],
  deleted: [],
} as const satisfies Record<keyof SystemSms, readonly Placeholder[]>;

/** Placeholders of the neutral subjects and preheaders of discreet mode. */
export const DISCREET_EMAIL_PLACEHOLDERS = ['day'] as const satisfies readonly Placeholder[];

const PLACEHOLDER = /\{\{(\{?)\s*([A-Za-z0-9_]+)\s*\}?\}\}/g;

/** The placeholder names a text uses, in order of appearance. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[2] as string);
}

/** Fills every known placeholder with its longest realistic value. */
export function fillWithLongest(text: string): string {
  return text.replace(PLACEHOLDER, (whole, _raw: string, name: string) =>
    name in KNOWN_PLACEHOLDERS ? KNOWN_PLACEHOLDERS[name as Placeholder] : whole,
  );
}

/** The scale each metric is asked on. */
export const METRIC_SCALES: Record<Metric, Scale> = {
  'honesty-safety': '1-5',
  'agreements-kept': '1-5',
  'follow-through': '1-5',
  'listened-without-defending': '1-5',
  'still-willing': 'yes-no',
  'behaviour-consistent': '1-5',
  'feeling-safer': '1-5',
  'behaving-differently': 'yes-no',
  'safe-to-be-honest': 'yes-no',
  'both-showing-up': 'yes-no',
};

/** Earliest and latest local send time for a text: never between 21:00 and 08:00. */
export const SMS_WINDOW = { from: '08:00', until: '20:59' } as const;

const TRACK = z.enum(['hurt', 'repairing', 'both'], { error: 'must be hurt, repairing or both' });
const KIND = z.enum(['lesson', 'micro-action', 'check-in', 'checkpoint'], {
  error: 'must be lesson, micro-action, check-in or checkpoint',
});
const CHANNEL = z.enum(['email', 'sms', 'checkin'], { error: 'must be email, sms or checkin' });
const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour local time "HH:MM"');
const TEXT = z.string().trim().min(1, 'must not be empty');

/** A number of one country's crisis lines (the US and Canada's 911 and 988, the US hotline), written out. */
const ONE_COUNTRYS_LINE = /(?<![\d-])(911|988)(?![\d-])|1-800-799-7233|\b88788\b/;

/**
 * Content names no country's crisis line itself: people read it wherever they live, so it names the help
 * lines of where they are ({{emergencyLine}}, {{crisisLine}}, {{abuseLine}}, filled per person).
 */
function oneCountrysLines(text: string, ctx: z.RefinementCtx<string>) {
  const found = text.match(ONE_COUNTRYS_LINE);
  if (found)
    ctx.addIssue({
      code: 'custom',
      message: `names ${found[0]}, a crisis line of one country: write {{emergencyLine}}, {{crisisLine}} or {{abuseLine}}, filled with the lines of where the person lives`,
    });
}

function placeholderCheck(allowed: readonly string[]) {
  return (text: string, ctx: z.RefinementCtx<string>) => {
    if (text.includes('{{{'))
      ctx.addIssue({ code: 'custom', message: 'raw {{{placeholders}}} belong in layouts only' });
    for (const name of placeholdersIn(text)) {
      if (!allowed.includes(name)) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown placeholder {{${name}}}; allowed here: ${allowed.join(', ') || 'none'}`,
        });
      }
    }
  };
}

const STEP_TEXT = TEXT.superRefine(placeholderCheck(STEP_PLACEHOLDERS)).superRefine(oneCountrysLines);
const STEP_BODY_TEXT = TEXT.superRefine(placeholderCheck(STEP_BODY_PLACEHOLDERS)).superRefine(
  oneCountrysLines,
);

/** A text for discreet mode: it must not say what the program is about (functions/program/discreet.ts). */
function discreetCheck(text: string, ctx: z.RefinementCtx<string>) {
  const words = relationshipWordsIn(text);
  if (words.length)
    ctx.addIssue({
      code: 'custom',
      message: `must not use relationship words in discreet mode: ${words.join(', ')}`,
    });
}
const DISCREET_STEP_TEXT = STEP_TEXT.superRefine(discreetCheck);

/** How a check-in text tells the person to answer, in each language (the answers parser reads both). */
export const ANSWER_HINTS: Record<Language, { rating: string; yesNo: string }> = {
  en: { rating: 'Reply 1-5', yesNo: 'Reply Y or N' },
  es: { rating: 'Responde 1-5', yesNo: 'Responde S o N' },
};

/** One message of the program as written in content/steps/*.yaml, in a language's words. */
export const sourceStepSchema = (language: Language) =>
  z
    .strictObject(
      {
        id: z
          .string()
          .regex(
            /^(hurt|repairing|both)-[a-z0-9]+(-[a-z0-9]+)*$/,
            'must be "<track>-<words>" in lower-case kebab case',
          ),
        track: TRACK,
        kind: KIND,
        channel: CHANNEL,
        day: z.int('must be a whole number').min(0, 'must be 0–90').max(90, 'must be 0–90').optional(),
        at: HHMM.optional(),
        weeks: z
          .array(z.int().min(1, 'weeks are 1–13').max(13, 'weeks are 1–13'))
          .min(1, 'must list at least one week')
          .refine((w) => new Set(w).size === w.length, 'must not repeat a week')
          .optional(),
        metric: z.enum(METRICS, { error: `must be one of ${METRICS.join(', ')}` }).optional(),
        scale: z.enum(['1-5', 'yes-no'], { error: 'must be 1-5 or yes-no' }).optional(),
        sms: STEP_TEXT.optional(),
        discreetSms: DISCREET_STEP_TEXT.optional(),
        question: STEP_TEXT.optional(),
        subject: STEP_TEXT.optional(),
        preheader: STEP_TEXT.optional(),
        body: STEP_BODY_TEXT.optional(),
        todo: STEP_BODY_TEXT.optional(),
        ideas: z
          .array(z.enum(SEED_IDEA_IDS, { error: 'is not a seed idea listed in content/ideas.ts' }))
          .default([]),
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : undefined,
      },
    )
    .superRefine((s, ctx) => {
      const need = (field: keyof typeof s, why: string) => {
        if (s[field] === undefined)
          ctx.addIssue({ code: 'custom', path: [field], message: `is required ${why}` });
      };
      const forbid = (field: keyof typeof s, why: string) => {
        if (s[field] !== undefined)
          ctx.addIssue({ code: 'custom', path: [field], message: `is not allowed ${why}` });
      };

      if (!s.id.startsWith(`${s.track}-`))
        ctx.addIssue({ code: 'custom', path: ['id'], message: `must start with its track "${s.track}-"` });

      // When: a fixed day and time, or a list of program weeks (weekly check-ins only).
      if (s.weeks) {
        if (s.kind !== 'check-in')
          ctx.addIssue({ code: 'custom', path: ['weeks'], message: 'is only for weekly check-ins' });
        forbid('day', 'with weeks (a weekly check-in goes out on the participant’s chosen day)');
        forbid('at', 'with weeks (a weekly check-in goes out at the participant’s chosen time)');
      } else {
        need('day', 'for a fixed step (or give weeks for a weekly check-in)');
        need('at', 'for a fixed step');
      }

      // What each channel carries.
      if (s.channel === 'email') {
        for (const f of ['subject', 'preheader', 'body'] as const) need(f, 'for an email');
        forbid('sms', 'in an email step');
      }
      if (s.channel === 'sms') {
        need('sms', 'for a text');
        for (const f of ['subject', 'preheader', 'body', 'question'] as const)
          forbid(f, 'in a text-only step');
      }
      if (s.channel === 'checkin') {
        for (const f of ['sms', 'question', 'subject', 'preheader', 'body'] as const) {
          need(f, 'for a check-in (sent by text, or by email when the person has no texts)');
        }
      }
      // Discreet mode: a text with relationship words needs a discreet one beside it.
      if (s.sms === undefined) forbid('discreetSms', 'without sms');
      else if (s.discreetSms === undefined && relationshipWordsIn(s.sms).length) {
        ctx.addIssue({
          code: 'custom',
          path: ['discreetSms'],
          message: `is required: sms uses relationship words (${relationshipWordsIn(s.sms).join(', ')})`,
        });
      }
      if (
        (s.channel === 'sms' || s.channel === 'checkin') &&
        s.at &&
        (s.at < SMS_WINDOW.from || s.at > SMS_WINDOW.until)
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['at'],
          message: `a text may only go out ${SMS_WINDOW.from}–${SMS_WINDOW.until} local time`,
        });
      }

      // What each kind needs.
      if (s.kind === 'lesson') {
        if (s.channel !== 'email')
          ctx.addIssue({ code: 'custom', path: ['channel'], message: 'a lesson is an email' });
        need('todo', 'for a lesson: every lesson ends with one concrete thing to do');
      } else {
        forbid('todo', `for a ${s.kind}`);
      }
      if (s.kind === 'micro-action' && s.channel !== 'sms')
        ctx.addIssue({ code: 'custom', path: ['channel'], message: 'a micro-action is a text' });
      if (s.kind === 'check-in' || s.kind === 'checkpoint') {
        if (s.channel !== 'checkin')
          ctx.addIssue({ code: 'custom', path: ['channel'], message: `a ${s.kind} goes on channel checkin` });
        need('metric', `for a ${s.kind}`);
        need('scale', `for a ${s.kind}`);
        if (s.metric && s.scale && METRIC_SCALES[s.metric] !== s.scale) {
          ctx.addIssue({
            code: 'custom',
            path: ['scale'],
            message: `${s.metric} is asked on the ${METRIC_SCALES[s.metric]} scale`,
          });
        }
        for (const field of ['sms', 'discreetSms'] as const) {
          const text = s[field];
          const hint = ANSWER_HINTS[language][s.scale === 'yes-no' ? 'yesNo' : 'rating'];
          if (text && s.scale && !text.includes(hint))
            ctx.addIssue({ code: 'custom', path: [field], message: `must tell how to answer: "${hint}"` });
        }
      } else {
        forbid('metric', `for a ${s.kind}`);
        forbid('scale', `for a ${s.kind}`);
        forbid('question', `for a ${s.kind}`);
      }
    });

/** The English steps' schema (content/steps/*.yaml). */
export const SourceStepSchema = sourceStepSchema('en');
export type SourceStep = z.output<typeof SourceStepSchema>;

/** The text fields of a step: what a translation (content/es/steps/*.yaml) gives, and nothing else. */
export const STEP_TEXT_FIELDS = [
  'sms',
  'discreetSms',
  'question',
  'subject',
  'preheader',
  'body',
  'todo',
] as const;

/** One step's words in another language: its id and the same text fields the English step has. */
const TranslatedStepSchema = z.strictObject(
  {
    id: z.string(),
    ...Object.fromEntries(STEP_TEXT_FIELDS.map((field) => [field, TEXT.optional()])),
  } as { id: z.ZodString } & Record<(typeof STEP_TEXT_FIELDS)[number], z.ZodOptional<typeof TEXT>>,
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field(s): ${issue.keys.join(', ')} (a translation gives only the text fields: ${STEP_TEXT_FIELDS.join(', ')})`
        : undefined,
  },
);
export type TranslatedStep = z.output<typeof TranslatedStepSchema>;

const SYSTEM_EMAIL_BODY = TEXT.superRefine(
  placeholderCheck([...SYSTEM_EMAIL_PLACEHOLDERS, ...HELP_LINE_PLACEHOLDERS]),
).superRefine(oneCountrysLines);

/** Each help line's wording for each region (functions/program/crisis-lines.ts); `unknown` only for the emergency number. */
const helpLine = (allowed: readonly Placeholder[], national: readonly Placeholder[] = []) => {
  const wording = TEXT.superRefine(placeholderCheck(allowed));
  return z.strictObject({
    us: wording,
    canada: wording,
    elsewhere: wording,
    unknown: wording.optional(),
    national: TEXT.superRefine(placeholderCheck(national)).optional(),
  });
};

// Subjects and preheaders show in an inbox list: every system email's are discreet already.
const SystemEmailSchema = z.strictObject({
  subject: TEXT.superRefine(placeholderCheck(SYSTEM_EMAIL_PLACEHOLDERS)).superRefine(discreetCheck),
  preheader: TEXT.superRefine(placeholderCheck(SYSTEM_EMAIL_PLACEHOLDERS)).superRefine(discreetCheck),
  action: TEXT.max(30, 'a button label should be short (30 characters at most)'),
  body: SYSTEM_EMAIL_BODY,
  /** What follows the button: the body says what the button does, the details the rest (confirmation email). */
  details: SYSTEM_EMAIL_BODY.optional(),
});

/** The confirmation email: its details name the time zone's city beside the check-in time. */
const ConfirmEmailSchema = SystemEmailSchema.extend({
  details: TEXT.superRefine(
    placeholderCheck([...SYSTEM_EMAIL_PLACEHOLDERS, ...HELP_LINE_PLACEHOLDERS, 'checkinZone']),
  ).superRefine(oneCountrysLines),
});

const smsText = (name: keyof typeof SYSTEM_SMS_PLACEHOLDERS) =>
  TEXT.superRefine(placeholderCheck(SYSTEM_SMS_PLACEHOLDERS[name]));
const discreetSmsText = (name: keyof typeof SYSTEM_SMS_PLACEHOLDERS) =>
  smsText(name).superRefine(discreetCheck).optional();
const NO_PLACEHOLDERS = TEXT.superRefine(placeholderCheck([]));

/** A frequency line: filled into texts as {{frequency}}, so no longer than that placeholder's longest value. */
const FREQUENCY_TEXT = TEXT.max(
  KNOWN_PLACEHOLDERS.frequency.length,
  `must be at most ${KNOWN_PLACEHOLDERS.frequency.length} characters (the longest value the SMS segment tests fill {{frequency}} with)`,
).superRefine(placeholderCheck([]));
const DISCREET_TEXT = NO_PLACEHOLDERS.superRefine(discreetCheck);
const DISCREET_EMAIL_TEXT = TEXT.superRefine(placeholderCheck(DISCREET_EMAIL_PLACEHOLDERS)).superRefine(
  discreetCheck,
);

/** A text a discreet person can get must not name the program either (the crisis and concern texts). */
function noBrandCheck(text: string, ctx: z.RefinementCtx<string>) {
  if (/kintsugi/i.test(text))
    ctx.addIssue({ code: 'custom', message: 'must not name the program: a discreet person gets it' });
}
const UNBRANDED = DISCREET_TEXT.superRefine(noBrandCheck);
/** With {{emergency}}: the country's emergency number, or the words for "your local emergency number". */
const UNBRANDED_EMERGENCY = TEXT.superRefine(placeholderCheck(['emergency']))
  .superRefine(discreetCheck)
  .superRefine(noBrandCheck);

/** The crisis and concern texts in one language (CrisisSms in functions/program/types.ts). */
const CrisisSmsSchema = z.strictObject({
  opening: NO_PLACEHOLDERS,
  discreetOpening: UNBRANDED,
  us: NO_PLACEHOLDERS,
  discreetUs: UNBRANDED,
  canada: UNBRANDED,
  elsewhere: UNBRANDED_EMERGENCY,
  elsewhereNational: TEXT.superRefine(placeholderCheck(['emergency', 'national']))
    .superRefine(discreetCheck)
    .superRefine(noBrandCheck),
  abuseLine: TEXT.superRefine(placeholderCheck(['number'])),
  crisisLine: TEXT.superRefine(placeholderCheck(['number'])),
  discreetNational: TEXT.superRefine(placeholderCheck(['numbers']))
    .superRefine(discreetCheck)
    .superRefine(noBrandCheck),
  localEmergency: UNBRANDED,
  paused: UNBRANDED,
  stopped: NO_PLACEHOLDERS,
  discreetStopped: UNBRANDED,
  deleteThread: UNBRANDED,
  concernUs: UNBRANDED,
  concernCanada: UNBRANDED,
  concernElsewhere: UNBRANDED_EMERGENCY,
  concernElsewhereNational: TEXT.superRefine(placeholderCheck(['emergency', 'national']))
    .superRefine(discreetCheck)
    .superRefine(noBrandCheck),
});

/** The email with the crisis lines in one language; its sections are Markdown (SafetyEmail in types.ts). */
const SafetyEmailSchema = z.strictObject({
  subject: NO_PLACEHOLDERS,
  preheader: NO_PLACEHOLDERS,
  discreetSubject: DISCREET_TEXT,
  discreetPreheader: DISCREET_TEXT,
  opening: NO_PLACEHOLDERS,
  us: NO_PLACEHOLDERS,
  canada: NO_PLACEHOLDERS,
  elsewhere: TEXT.superRefine(placeholderCheck(['emergency'])),
  outsideUs: NO_PLACEHOLDERS,
  nationalBoth: TEXT.superRefine(placeholderCheck(['emergency', 'crisis', 'crisisTel', 'abuse', 'abuseTel'])),
  nationalCrisis: TEXT.superRefine(placeholderCheck(['emergency', 'crisis', 'crisisTel'])),
  nationalAbuse: TEXT.superRefine(placeholderCheck(['emergency', 'abuse', 'abuseTel'])),
  closing: NO_PLACEHOLDERS,
  paused: NO_PLACEHOLDERS,
});

/** content/system.yaml: the messages that are not program steps. */
export const SourceSystemSchema = z
  .strictObject({
    email: z.strictObject({
      confirm: ConfirmEmailSchema,
      alreadyEnrolled: SystemEmailSchema,
      report: SystemEmailSchema,
      partnerInvite: SystemEmailSchema,
      partnerLinked: SystemEmailSchema,
      partnerUnlinked: SystemEmailSchema,
      freshLink: SystemEmailSchema,
      invitedWhileEnrolled: SystemEmailSchema,
    }),
    helpLines: z.strictObject({
      emergencyLine: helpLine(['emergency']).required({ unknown: true }),
      crisisLine: helpLine([], ['crisis', 'crisisTel']).required({ national: true }),
      abuseLine: helpLine([], ['abuse', 'abuseTel']).required({ national: true }),
    }),
    textFrequency: z.strictObject({
      checkinsAndNudges: FREQUENCY_TEXT,
      checkinsOnly: FREQUENCY_TEXT,
      ended: FREQUENCY_TEXT,
    }),
    sms: z.strictObject({
      optInPrompt: smsText('optInPrompt'),
      optInConfirmed: smsText('optInConfirmed'),
      optInConfirmedLater: smsText('optInConfirmedLater'),
      stopConfirmed: smsText('stopConfirmed'),
      notHeld: smsText('notHeld'),
      startConfirmed: smsText('startConfirmed'),
      programOver: smsText('programOver'),
      whichSignUp: smsText('whichSignUp'),
      help: smsText('help'),
      helpElsewhere: smsText('helpElsewhere'),
      ratingRecorded: smsText('ratingRecorded'),
      answerRecorded: smsText('answerRecorded'),
      ratingUnclear: smsText('ratingUnclear'),
      noteKept: smsText('noteKept'),
      reportReady: smsText('reportReady'),
      paused: smsText('paused'),
      resumed: smsText('resumed'),
      resumedAfterSafety: smsText('resumedAfterSafety'),
      notPaused: smsText('notPaused'),
      checkinSkipped: smsText('checkinSkipped'),
      noteKeptCheckinOpen: smsText('noteKeptCheckinOpen'),
      noteKeptRatingOpen: smsText('noteKeptRatingOpen'),
      noteKeptYesNoOpen: smsText('noteKeptYesNoOpen'),
      unsureKept: smsText('unsureKept'),
      movedToEmail: smsText('movedToEmail'),
      textsBack: smsText('textsBack'),
      textsBackAfterAnswer: smsText('textsBackAfterAnswer'),
      deleteConfirm: smsText('deleteConfirm'),
      deleted: smsText('deleted'),
    }),
    answers: z.strictObject({
      recorded: TEXT.superRefine(placeholderCheck(['answers', 'more'])),
      stillOpen: TEXT.superRefine(placeholderCheck(['questions'])),
      staysOpen: NO_PLACEHOLDERS,
      unplaced: TEXT.superRefine(placeholderCheck(['count'])),
      closedEarlier: TEXT.superRefine(placeholderCheck(['count'])),
      doesNotFit: TEXT.superRefine(placeholderCheck(['questions'])),
      labelled: TEXT.superRefine(placeholderCheck(['label', 'value'])),
      checkin: TEXT.superRefine(placeholderCheck(['week'])),
      quickCheck: TEXT.superRefine(placeholderCheck(['day', 'number'])),
      checkpoint: TEXT.superRefine(placeholderCheck(['number'])),
      rating: TEXT.superRefine(placeholderCheck(['score'])),
      changed: TEXT.superRefine(placeholderCheck(['label', 'previous', 'value'])),
      yes: NO_PLACEHOLDERS,
      no: NO_PLACEHOLDERS,
      ratingHint: NO_PLACEHOLDERS,
      yesNoHint: NO_PLACEHOLDERS,
      emailSubject: NO_PLACEHOLDERS,
      emailChange: NO_PLACEHOLDERS,
      emailResumed: NO_PLACEHOLDERS,
    }),
    // The answers to a message that shows signs of danger or concern, in English and in Spanish.
    safety: z.strictObject({
      sms: z.strictObject({ en: CrisisSmsSchema, es: CrisisSmsSchema }),
      email: z.strictObject({ en: SafetyEmailSchema, es: SafetyEmailSchema }),
    }),
    discreet: z.strictObject({
      fromName: DISCREET_TEXT.regex(/^[A-Za-z0-9 .'-]{1,40}$/, 'must be a short plain display name'),
      email: z.strictObject({
        lesson: z.strictObject({ subject: DISCREET_EMAIL_TEXT, preheader: DISCREET_EMAIL_TEXT }),
        question: z.strictObject({ subject: DISCREET_EMAIL_TEXT, preheader: DISCREET_EMAIL_TEXT }),
      }),
      sms: z.strictObject(
        Object.fromEntries(
          (Object.keys(SYSTEM_SMS_PLACEHOLDERS) as (keyof typeof SYSTEM_SMS_PLACEHOLDERS)[]).map((name) => [
            name,
            discreetSmsText(name),
          ]),
        ) as Record<keyof typeof SYSTEM_SMS_PLACEHOLDERS, ReturnType<typeof discreetSmsText>>,
      ),
    }),
  })
  .superRefine((system, ctx) => {
    // A system text with relationship words needs a discreet one beside it.
    for (const [name, text] of Object.entries(system.sms) as [keyof SystemSms, string][]) {
      const words = relationshipWordsIn(text);
      if (words.length && system.discreet.sms[name] === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['discreet', 'sms', name],
          message: `is required: sms.${name} uses relationship words (${words.join(', ')})`,
        });
    }
  });

export type SourceSystem = z.output<typeof SourceSystemSchema>;

/** A content file that does not follow the schema; the message lists every problem found. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}:\n  ${problems.join('\n  ')}`);
    this.name = 'ContentError';
  }
}

const pathOf = (path: readonly PropertyKey[]) => path.map(String).join('.') || '(entry)';

/** Validates the entries of one steps file; throws a ContentError naming each entry id and field. */
export function parseSteps(raw: unknown, file: string, language: Language = 'en'): SourceStep[] {
  if (!Array.isArray(raw)) throw new ContentError(file, ['must be a YAML list of steps']);
  const problems: string[] = [];
  const steps: SourceStep[] = [];
  raw.forEach((entry: unknown, index) => {
    const id = typeof entry === 'object' && entry && 'id' in entry ? String(entry.id) : `entry #${index + 1}`;
    const result = (language === 'en' ? SourceStepSchema : sourceStepSchema(language)).safeParse(entry);
    if (result.success) steps.push(result.data);
    else
      for (const issue of result.error.issues)
        problems.push(`${id}: ${pathOf(issue.path)}: ${issue.message}`);
  });
  if (problems.length) throw new ContentError(file, problems);
  return steps;
}

/**
 * Validates the entries of a translated steps file against the English ones (the same ids in the same
 * order, each with exactly the English step's text fields) and returns the whole steps in that language,
 * to be validated as steps (parseSteps). Throws a ContentError naming each entry and field.
 */
export function mergeTranslatedSteps(raw: unknown, english: readonly SourceStep[], file: string): unknown[] {
  if (!Array.isArray(raw)) throw new ContentError(file, ['must be a YAML list of translated steps']);
  const problems: string[] = [];
  const translated = new Map<string, TranslatedStep>();
  raw.forEach((entry: unknown, index) => {
    const id = typeof entry === 'object' && entry && 'id' in entry ? String(entry.id) : `entry #${index + 1}`;
    const result = TranslatedStepSchema.safeParse(entry);
    if (!result.success)
      for (const issue of result.error.issues)
        problems.push(`${id}: ${pathOf(issue.path)}: ${issue.message}`);
    else if (translated.has(id)) problems.push(`${id}: id: given twice`);
    else translated.set(id, result.data);
  });
  const merged = english.map((step) => {
    const words = translated.get(step.id);
    if (!words) {
      problems.push(`${step.id}: missing: every step of the English needs its translation here`);
      return step;
    }
    for (const field of STEP_TEXT_FIELDS) {
      if (step[field] !== undefined && words[field] === undefined)
        problems.push(`${step.id}: ${field}: missing (the English step has one)`);
      // A text may need a discreet wording in one language only (its words give the subject away).
      const mayAdd = field === 'discreetSms' && step.sms !== undefined;
      if (step[field] === undefined && words[field] !== undefined && !mayAdd)
        problems.push(`${step.id}: ${field}: not in the English step`);
    }
    return { ...step, ...words };
  });
  const known = new Set(english.map((step) => step.id));
  for (const id of translated.keys())
    if (!known.has(id)) problems.push(`${id}: id: no English step has this id`);
  if (problems.length) throw new ContentError(file, problems);
  return merged;
}

/** Validates content/system.yaml; throws a ContentError naming each message and field. */
export function parseSystem(raw: unknown, file: string): SourceSystem {
  const result = SourceSystemSchema.safeParse(raw);
  if (!result.success)
    throw new ContentError(
      file,
      result.error.issues.map((i) => `${pathOf(i.path)}: ${i.message}`),
    );
  return result.data;
}
