import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { IANAZone } from 'luxon';
import { z } from 'zod';
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
}

const truthy = z
  .union([z.boolean(), z.string()])
  .transform(
    (v) => v === true || (typeof v === 'string' && ['true', 'on', 'yes', '1'].includes(v.toLowerCase())),
  );

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

// Check-ins must land inside the hours when texting is decent (08:00–20:00 local).
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

const schema = z.object({
  email: z
    .string({ error: 'Enter your email address.' })
    .trim()
    .max(254, 'That email address is too long.')
    .pipe(z.email({ error: 'Enter a valid email address, like name@example.com.' })),
  timezone: z
    .string({ error: 'Choose your time zone.' })
    .trim()
    .refine((tz) => IANAZone.isValidZone(tz), 'Choose a time zone from the list, like America/New_York.'),
  role: z.enum(['hurt', 'repairing'], {
    error: 'Choose a track: "hurt" (your trust was broken) or "repairing" (you broke it).',
  }),
  phone: z.preprocess(blankToUndefined, z.string().max(32, 'That phone number is too long.').optional()),
  country: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'Use a two-letter country code, like US.')
      .optional(),
  ),
  smsConsent: z.preprocess(blankToUndefined, truthy.optional()),
  checkinDay: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
    z.enum(WEEKDAYS, { error: 'Choose a day of the week for check-ins, like sunday.' }).default('sunday'),
  ),
  checkinTime: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(TIME, 'Use a 24-hour time like 19:00.')
      .refine((t) => t >= '08:00' && t <= '20:00', 'Choose a check-in time between 08:00 and 20:00.')
      .default('19:00'),
  ),
});

/** Validates an enrollment form or JSON body; throws a ValidationError naming the first bad field. */
export function parseEnrollmentRequest(body: unknown): EnrollmentRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ValidationError('invalid_body', 'Send the enrollment as a JSON object or a form.');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'body');
    const message =
      issue?.code === 'invalid_type' && issue.input === undefined ? requiredMessage(field) : issue?.message;
    throw new ValidationError(`invalid_${field}`, message ?? 'This field is not valid.', field);
  }
  const input = parsed.data;
  const request: EnrollmentRequest = {
    email: input.email.toLowerCase(),
    timezone: input.timezone,
    track: input.role,
    checkinDay: input.checkinDay,
    checkinTime: input.checkinTime,
  };
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
