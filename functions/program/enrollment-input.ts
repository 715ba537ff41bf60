import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { IANAZone } from 'luxon';
import * as z from 'zod/mini';
import { ValidationError } from '../shared/errors';
import { type Track, WEEKDAYS, type Weekday } from './types';

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
}

const CONSENT_WORDS = ['true', 'on', 'yes', '1'];
// Check-ins must land inside the hours when texting is decent (08:00–20:00 local).
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const ROLE_MESSAGE = 'Choose a track: "hurt" (your trust was broken) or "repairing" (you broke it).';

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
  country: z.optional(z.string().check(z.regex(/^[A-Za-z]{2}$/, 'Use a two-letter country code, like US.'))),
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
});

const settingsSchema = z.object(scheduleFields);

/** Form fields arrive as strings: an empty field means "not given", and the weekday may be capitalised. */
function normalise(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string' && value.trim() === '') continue;
    out[key] = key === 'checkinDay' && typeof value === 'string' ? value.trim().toLowerCase() : value;
  }
  return out;
}

/** The schedule a participant may change on the settings page. */
export type ScheduleSettings = Pick<EnrollmentRequest, 'timezone' | 'checkinDay' | 'checkinTime'>;

/** Validates a settings form or JSON body; throws a ValidationError naming the first bad field. */
export function parseScheduleSettings(body: unknown): ScheduleSettings {
  return validate(settingsSchema, body, 'Send the settings as a JSON object or a form.');
}

function validate<S extends z.ZodMiniType>(fields: S, body: unknown, what: string): z.output<S> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ValidationError('invalid_body', what);
  }
  const parsed = z.safeParse(fields, normalise(body as Record<string, unknown>));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'body');
    const message =
      issue?.code === 'invalid_type' && issue.input === undefined ? requiredMessage(field) : issue?.message;
    throw new ValidationError(`invalid_${field}`, message ?? 'This field is not valid.', field);
  }
  return parsed.data;
}

/** Validates an enrollment form or JSON body; throws a ValidationError naming the first bad field. */
export function parseEnrollmentRequest(body: unknown): EnrollmentRequest {
  const input = validate(schema, body, 'Send the enrollment as a JSON object or a form.');
  const request: EnrollmentRequest = {
    email: input.email.toLowerCase(),
    timezone: input.timezone,
    track: input.role,
    checkinDay: input.checkinDay,
    checkinTime: input.checkinTime,
  };
  if (input.shareParticipation !== undefined) request.shareParticipation = input.shareParticipation;
  if (input.discreet === true) request.discreet = true;
  if (input.phone !== undefined) {
    const phone = parsePhoneNumberFromString(
      input.phone,
      (input.country?.toUpperCase() as CountryCode) ?? undefined,
    );
    if (!phone?.isPossible()) {
      throw new ValidationError(
        'invalid_phone',
        'Enter a mobile number with its country code, like +1 415 555 0100, or choose your country.',
        'phone',
      );
    }
    if (input.smsConsent !== true) {
      throw new ValidationError(
        'sms_consent_required',
        'To get check-ins by text, tick the box that says you agree to receive them, or leave the number out.',
        'smsConsent',
      );
    }
    request.phone = phone.number;
  }
  return request;
}

function requiredMessage(field: string): string {
  switch (field) {
    case 'email':
      return 'Enter your email address.';
    case 'timezone':
      return 'Choose your time zone.';
    case 'role':
      return 'Choose a track: "hurt" (your trust was broken) or "repairing" (you broke it).';
    default:
      return `${field} is required.`;
  }
}
