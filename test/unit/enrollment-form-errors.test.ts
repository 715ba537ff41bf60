/**
 * What a person filling in the enrollment form (or sending its JSON) is told, field by field, and how the
 * form's yes/no boxes are read, however the browser or a script writes them. The rest of the parsing is
 * in enrollment-input.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseEnrollmentRequest, parseScheduleSettings } from '../../functions/program/enrollment-input';
import { ValidationError } from '../../functions/shared/errors';

const refusal = (parse: () => unknown) => {
  try {
    parse();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('accepted');
};

const person = { email: 'Ana@Example.org', role: 'hurt', timezone: 'America/New_York' };

describe('an empty form', () => {
  it('names every missing field in the order the form shows them, each in words', () => {
    const error = refusal(() => parseEnrollmentRequest({}));
    expect(error.code).toBe('invalid_email');
    expect(error.message).toBe('Enter your email address.');
    expect(error.problems).toEqual([
      { field: 'email', code: 'invalid_email', message: 'Enter your email address.' },
      {
        field: 'role',
        code: 'invalid_role',
        message:
          'Choose whether your trust was broken ("hurt") or you are the one who broke it ("repairing").',
      },
      { field: 'timezone', code: 'invalid_timezone', message: 'Choose your time zone.' },
    ]);
  });

  it('that is not a form at all is refused as a whole', () => {
    for (const body of [[], null, 'email=a@b.co'])
      expect(refusal(() => parseEnrollmentRequest(body))).toMatchObject({
        code: 'invalid_body',
        message: 'Send the enrollment as a JSON object or a form.',
      });
    expect(refusal(() => parseScheduleSettings([]))).toMatchObject({
      code: 'invalid_body',
      message: 'Send the settings as a JSON object or a form.',
    });
  });
});

describe('a mobile number', () => {
  it('written without its country, where the time zone names none, asks for the country code', () => {
    const error = refusal(() =>
      parseEnrollmentRequest({ ...person, timezone: 'UTC', phone: '(415) 555-0134', smsConsent: 'yes' }),
    );
    expect(error.problems).toEqual([
      {
        field: 'phone',
        code: 'invalid_phone',
        message: 'Enter a mobile number with its country code, like +1 415 555 0100, or choose its country.',
      },
    ]);
  });

  it('given without the box that agrees to texts asks for it, or for the number to be left out', () => {
    const error = refusal(() => parseEnrollmentRequest({ ...person, phone: '(415) 555-0134' }));
    expect(error.problems).toEqual([
      {
        field: 'smsConsent',
        code: 'sms_consent_required',
        message:
          'To get check-ins by text, tick the box that says you agree to receive them, or leave the number out.',
      },
    ]);
  });
});

describe("the form's boxes", () => {
  it('are ticked however a browser or a script writes yes', () => {
    const request = parseEnrollmentRequest({
      ...person,
      phone: '(415) 555-0134',
      smsConsent: 'YES',
      discreet: 'On',
      shareParticipation: 'Yes',
      nudges: 'true',
    });
    expect(request).toEqual({
      email: 'ana@example.org',
      timezone: 'America/New_York',
      track: 'hurt',
      checkinDay: 'sunday',
      checkinTime: '19:00',
      phone: '+14155550134',
      discreet: true,
      shareParticipation: true,
    });
    expect(parseEnrollmentRequest({ ...person, nudges: true }).nudges).toBeUndefined();
  });

  it('are left unticked by no, false or off', () => {
    const request = parseEnrollmentRequest({
      ...person,
      discreet: 'no',
      shareParticipation: 'false',
      nudges: 'false',
    });
    expect(request.discreet).toBeUndefined();
    expect(request.shareParticipation).toBe(false);
    expect(request.nudges).toBe(false);
    expect(parseEnrollmentRequest({ ...person, discreet: 'off' }).discreet).toBeUndefined();
  });
});
