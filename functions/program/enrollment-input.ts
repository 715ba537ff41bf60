import {
  type CountryCode,
  isSupportedCountry,
  type PhoneNumber,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/mobile';
import { IANAZone } from 'luxon';
import * as z from 'zod/mini';
import { type FieldProblem, ValidationError } from '../shared/errors';
import { countryInSentence, countryOfZone } from './local-words';
import { LANGUAGES, type Language, type Track, WEEKDAYS, type Weekday } from './types';

/** What a person asks for on the enrollment form, validated and normalised. */
export interface EnrollmentRequest {
  email: string;
  timezone: string;
  track: Track;
  phone?: string;
  checkinDay: Weekday;
  checkinTime: string;
  /** Partners only: agrees to share whether (never what) they answer with a linked partner. */
  shareParticipation?: boolean;
  /** Discreet mode: neutral sender name and subjects, texts without relationship words. */
  discreet?: boolean;
  /** `false`: check-ins only, no mid-week nudges. Left out: check-ins and nudges (the default). */
  nudges?: false;
  /** `es`: the program in Spanish. Left out: English. */
  language?: Language;
}

const CONSENT_WORDS = ['true', 'on', 'yes', '1'];
const NUDGES_MESSAGE = 'nudges must be true (check-ins and mid-week nudges) or false (check-ins only).';

/** Check-ins only (`false`) or check-ins and mid-week nudges (`true`): a boolean, or "true"/"false" from a form. */
const nudgesField = z.optional(
  z.pipe(
    z.union([z.boolean(), z.enum(['true', 'false'])], { error: NUDGES_MESSAGE }),
    z.transform((v) => v === true || v === 'true'),
  ),
);
// Check-ins must land inside the hours when texting is decent (08:00–20:00 local).
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const LANGUAGE_MESSAGE = 'language must be "en" (English) or "es" (Spanish).';
const ROLE_MESSAGE =
  'Choose whether your trust was broken ("hurt") or you are the one who broke it ("repairing").';

// The fields a participant may change later on the settings page, validated the same way as on the form.
const scheduleFields = {
  timezone: z.string({ error: 'Choose your time zone.' }).check(
    z.trim(),
    z.refine((tz) => IANAZone.isValidZone(tz), 'Choose a time zone from the list, like America/New_York.'),
  ),
  checkinDay: z._default(
    z.enum(WEEKDAYS, { error: 'Choose a day of the week for check-ins, like sunday.' }),
    'sunday',
  ),
  checkinTime: z._default(
    z.string({ error: 'Use a 24-hour time like 19:00.' }).check(
      z.regex(TIME, 'Use a 24-hour time like 19:00.'),
      z.refine((t) => t >= '08:00' && t <= '20:00', 'Choose a check-in time between 08:00 and 20:00.'),
    ),
    '19:00',
  ),
  nudges: nudgesField,
  language: z.optional(z.enum(LANGUAGES, { error: LANGUAGE_MESSAGE })),
};

// zod/mini keeps this validation a few KB in the Lambda bundle (full zod is ~450 KB).
const schema = z.object({
  email: z.pipe(
    z
      .string({ error: 'Enter your email address.' })
      .check(z.trim(), z.maxLength(254, 'That email address is too long.')),
    z.email({ error: 'Enter a valid email address, like name@example.com.' }),
  ),
  timezone: scheduleFields.timezone,
  role: z.enum(['hurt', 'repairing'], { error: ROLE_MESSAGE }),
  phone: z.optional(
    z
      .string({ error: 'Enter the phone number as text.' })
      .check(z.maxLength(32, 'That phone number is too long.')),
  ),
  country: z.optional(
    z.string().check(
      z.regex(/^[A-Za-z]{2}$/, 'Use a two-letter country code, like US.'),
      z.refine((c) => isSupportedCountry(c.toUpperCase()), 'Choose a country from the list, like US.'),
    ),
  ),
  smsConsent: z.optional(
    z.pipe(
      z.union([z.boolean(), z.string()], { error: 'smsConsent must be true or false.' }),
      z.transform((v) => v === true || (typeof v === 'string' && CONSENT_WORDS.includes(v.toLowerCase()))),
    ),
  ),
  shareParticipation: z.optional(
    z.pipe(
      z.union([z.boolean(), z.string()], { error: 'shareParticipation must be true or false.' }),
      z.transform((v) => v === true || (typeof v === 'string' && CONSENT_WORDS.includes(v.toLowerCase()))),
    ),
  ),
  discreet: z.optional(
    z.pipe(
      z.union([z.boolean(), z.string()], { error: 'discreet must be true or false.' }),
      z.transform((v) => v === true || (typeof v === 'string' && CONSENT_WORDS.includes(v.toLowerCase()))),
    ),
  ),
  checkinDay: scheduleFields.checkinDay,
  checkinTime: scheduleFields.checkinTime,
  nudges: nudgesField,
  language: scheduleFields.language,
});

const settingsSchema = z.object({
  ...scheduleFields,
  // Two radio buttons on the settings page: left out keeps the current choice.
  discreet: z.optional(
    z.pipe(
      z.union([z.boolean(), z.enum(['true', 'false'])], { error: 'discreet must be true or false.' }),
      z.transform((v) => v === true || v === 'true'),
    ),
  ),
  // Two radio buttons beside the program's number: keep it, or forget it (and its texts). Left out keeps it.
  number: z.optional(z.enum(['keep', 'forget'], { error: 'number must be keep or forget.' })),
});

/** The form's fields in the order it shows them: problems are listed, and the first one named, in this order. */
export const FORM_ORDER = [
  'language',
  'email',
  'role',
  'timezone',
  'checkinDay',
  'checkinTime',
  'country',
  'phone',
  'smsConsent',
  'nudges',
  'discreet',
  'shareParticipation',
] as const;

/** Form fields arrive as strings: an empty field means "not given", and the weekday may be capitalised. */
function normalise(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string' && value.trim() === '') continue;
    out[key] =
      (key === 'checkinDay' || key === 'language') && typeof value === 'string'
        ? value.trim().toLowerCase()
        : value;
  }
  return out;
}

/**
 * What a participant may change on the settings page. `nudges` left out keeps the current choice;
 * `true` turns the mid-week nudges back on, `false` leaves check-ins only. `discreet` the same way.
 */
export type ScheduleSettings = Pick<EnrollmentRequest, 'timezone' | 'checkinDay' | 'checkinTime'> & {
  nudges?: boolean;
  language?: Language;
  discreet?: boolean;
  /** `forget`: the program's number is forgotten, and no more texts go to it (check-ins come by email). */
  number?: 'keep' | 'forget';
};

/** Validates a settings form or JSON body; throws a ValidationError naming the first bad field. */
export function parseScheduleSettings(body: unknown): ScheduleSettings {
  return validate(settingsSchema, body, 'Send the settings as a JSON object or a form.');
}

function asObject(body: unknown, what: string): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ValidationError('invalid_body', what);
  }
  return normalise(body as Record<string, unknown>);
}

/** Each field's first problem, in the form's order. */
function problemsOf(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  const problems = new Map<string, FieldProblem>();
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'body');
    if (problems.has(field)) continue;
    const message =
      issue.code === 'invalid_type' && issue.input === undefined ? requiredMessage(field) : issue.message;
    problems.set(field, { field, code: `invalid_${field}`, message: message || 'This field is not valid.' });
  }
  return orderedProblems([...problems.values()]);
}

const orderedProblems = (problems: FieldProblem[]) => problems.sort((a, b) => rank(a.field) - rank(b.field));
const rank = (field: string) => {
  const at = (FORM_ORDER as readonly string[]).indexOf(field);
  return at === -1 ? FORM_ORDER.length : at;
};

/** One error for the whole form: the first problem named, every problem listed. */
function invalid(problems: FieldProblem[]): ValidationError {
  const [first] = problems as [FieldProblem];
  return new ValidationError(first.code, first.message, first.field, problems);
}

function validate<S extends z.ZodMiniType>(fields: S, body: unknown, what: string): z.output<S> {
  const parsed = z.safeParse(fields, asObject(body, what));
  if (!parsed.success) throw invalid(problemsOf(parsed.error.issues));
  return parsed.data;
}

const saysYes = (value: unknown) =>
  value === true || (typeof value === 'string' && CONSENT_WORDS.includes(value.toLowerCase()));

/** North American toll-free area codes: such a number takes calls, never texts. */
const TOLL_FREE = /^8(?:00|33|44|55|66|77|88)/;

/** Why a possible number cannot get our texts: an extension, or a toll-free number. */
function whyNotMobile(number: PhoneNumber): { code: string; message: string } | undefined {
  if (number.ext)
    return {
      code: 'phone_extension',
      message: `A mobile number has no extension: enter it without "ext ${number.ext}".`,
    };
  if (number.countryCallingCode === '1' && TOLL_FREE.test(number.nationalNumber))
    return {
      code: 'phone_toll_free',
      message: 'This is a toll-free number, which cannot get texts. Enter your mobile number instead.',
    };
  return undefined;
}

/**
 * Mexico dropped its dialling prefixes in 2019 (the mobile "1" after +52, 044 and 045 for a mobile, 01 for
 * long distance): every number is 10 digits now, but many still write it as they learned. With one of
 * them, the number without it.
 */
function withoutOldMexicanPrefix(number: PhoneNumber | undefined): PhoneNumber | undefined {
  if (number?.countryCallingCode !== '52') return undefined;
  const ten = number.nationalNumber.match(/^(?:1|044|045|01)(\d{10})$/)?.[1];
  const fixed = ten ? parsePhoneNumberFromString(`+52${ten}`) : undefined;
  return fixed?.isValid() ? fixed : undefined;
}

/**
 * A form's mobile number in E.164, read in the form's `country` or, with none chosen, in the country of
 * the time zone; or the problem with it (not a number there, an extension, a toll-free number).
 */
function readPhone(
  fields: Record<string, unknown>,
  timezone: string | undefined,
): { phone: string } | { problem: FieldProblem } {
  const country =
    typeof fields.country === 'string' ? fields.country.toUpperCase() : timezone && countryOfZone(timezone);
  const typed = parsePhoneNumberFromString(String(fields.phone), country as CountryCode | undefined);
  // The mobile metadata: a valid number is one a mobile can have (in the US and Canada, any valid number).
  const number = typed?.isValid() ? typed : (withoutOldMexicanPrefix(typed) ?? typed);
  const notMobile = number?.isPossible() ? whyNotMobile(number) : undefined;
  if (notMobile) return { problem: { field: 'phone', ...notMobile } };
  if (number?.isValid()) return { phone: number.number };
  const place = number?.country ?? country;
  const message = !place
    ? 'Enter a mobile number with its country code, like +1 415 555 0100, or choose its country.'
    : number?.isPossible()
      ? `This is not a mobile number in ${countryInSentence(place)}: a landline, toll-free or premium number cannot get texts. Check the number and its country, or start it with + and the country code.`
      : `This does not look like a mobile number in ${countryInSentence(place)}. Check the number and its country, or start it with + and the country code.`;
  return { problem: { field: 'phone', code: 'invalid_phone', message } };
}

/** The consent a number needs: without the box ticked, no number is taken. */
const SMS_CONSENT_PROBLEM: FieldProblem = {
  field: 'smsConsent',
  code: 'sms_consent_required',
  message:
    'To get check-ins by text, tick the box that says you agree to receive them, or leave the number out.',
};

const numberSchema = z.object({ phone: schema.shape.phone, country: schema.shape.country });

/**
 * The mobile number a settings form adds to a program that has none, with its consent box ticked;
 * undefined when no number was entered. A national number is read in the chosen `country`, else in the
 * country of `timezone`. Throws a ValidationError naming every problem, as the enrollment form does.
 */
export function parseNumberToAdd(body: unknown, timezone: string): string | undefined {
  const fields = asObject(body, 'Send the settings as a JSON object or a form.');
  if (fields.phone === undefined) return undefined;
  const parsed = z.safeParse(numberSchema, fields);
  const problems = parsed.success ? [] : problemsOf(parsed.error.issues);
  let phone: string | undefined;
  if (!problems.length) {
    const read = readPhone(fields, timezone);
    if ('problem' in read) problems.push(read.problem);
    else phone = read.phone;
  }
  if (!saysYes(fields.smsConsent)) problems.push(SMS_CONSENT_PROBLEM);
  if (problems.length || !phone) throw invalid(orderedProblems(problems));
  return phone;
}

/**
 * Validates an enrollment form or JSON body as a whole; throws a ValidationError naming the first bad
 * field and listing every one. A national number ("(415) 555-0134") is read in the chosen `country`,
 * or, with none chosen, in the country of the time zone.
 */
export function parseEnrollmentRequest(body: unknown): EnrollmentRequest {
  const fields = asObject(body, 'Send the enrollment as a JSON object or a form.');
  const parsed = z.safeParse(schema, fields);
  const problems = parsed.success ? [] : problemsOf(parsed.error.issues);
  const has = (field: string) => problems.some((p) => p.field === field);
  let phone: string | undefined;
  if (fields.phone !== undefined && !has('phone') && !has('country')) {
    const zone = typeof fields.timezone === 'string' && !has('timezone') ? fields.timezone.trim() : undefined;
    const read = readPhone(fields, zone);
    if ('problem' in read) problems.push(read.problem);
    else phone = read.phone;
  }
  if (fields.phone !== undefined && !saysYes(fields.smsConsent) && !has('smsConsent'))
    problems.push(SMS_CONSENT_PROBLEM);
  if (problems.length > 0 || !parsed.success) throw invalid(orderedProblems(problems));
  const input = parsed.data;
  const request: EnrollmentRequest = {
    email: input.email.toLowerCase(),
    timezone: input.timezone,
    track: input.role,
    checkinDay: input.checkinDay,
    checkinTime: input.checkinTime,
  };
  if (input.shareParticipation !== undefined) request.shareParticipation = input.shareParticipation;
  if (input.discreet === true) request.discreet = true;
  if (input.nudges === false) request.nudges = false;
  if (input.language === 'es') request.language = 'es';
  if (phone) request.phone = phone;
  return request;
}

function requiredMessage(field: string): string {
  switch (field) {
    case 'email':
      return 'Enter your email address.';
    case 'timezone':
      return 'Choose your time zone.';
    case 'role':
      return ROLE_MESSAGE;
    default:
      return `${field} is required.`;
  }
}
