import { describe, expect, it } from 'vitest';
import { parseEnrollmentRequest } from '../../functions/program/enrollment-input';
import { ValidationError } from '../../functions/shared/errors';

const valid = { email: 'Ana@Example.com ', timezone: 'Europe/London', role: 'hurt' };

const fieldOf = (body: unknown) => {
  try {
    parseEnrollmentRequest(body);
  } catch (error) {
    if (error instanceof ValidationError) return error.field;
    throw error;
  }
  return undefined;
};

describe('enrollment input', () => {
  it('normalises the email and fills the check-in defaults (Sunday 19:00)', () => {
    expect(parseEnrollmentRequest(valid)).toEqual({
      email: 'ana@example.com',
      timezone: 'Europe/London',
      track: 'hurt',
      checkinDay: 'sunday',
      checkinTime: '19:00',
    });
  });

  it.each([
    [{ ...valid, email: 'not-an-email' }, 'email'],
    [{ timezone: 'Europe/London', role: 'hurt' }, 'email'],
    [{ ...valid, timezone: 'Mars/Olympus' }, 'timezone'],
    [{ ...valid, role: 'bystander' }, 'role'],
    [{ ...valid, checkinDay: 'someday' }, 'checkinDay'],
    [{ ...valid, checkinTime: '23:30' }, 'checkinTime'],
    [{ ...valid, checkinTime: '7pm' }, 'checkinTime'],
    [{ ...valid, phone: '12', smsConsent: true }, 'phone'],
    [{ ...valid, phone: '+14155550100' }, 'smsConsent'],
  ])('names the field that is wrong in %j', (body, field) => {
    expect(fieldOf(body)).toBe(field);
  });

  it('accepts a national number with its country and stores it as E.164', () => {
    const request = parseEnrollmentRequest({
      ...valid,
      phone: '07400 123456',
      country: 'GB',
      smsConsent: 'on',
    });
    expect(request.phone).toBe('+447400123456');
  });

  it('treats an empty phone field from a form as no phone', () => {
    expect(parseEnrollmentRequest({ ...valid, phone: '', smsConsent: '' }).phone).toBeUndefined();
  });

  it('refuses a body that is not an object', () => {
    expect(() => parseEnrollmentRequest([1, 2])).toThrow(ValidationError);
  });
});

describe('a number that cannot get texts', () => {
  const chicago = { email: 'ana@example.com', timezone: 'America/Chicago', role: 'hurt', smsConsent: true };
  const problemOf = (phone: string) => {
    try {
      parseEnrollmentRequest({ ...chicago, phone });
    } catch (error) {
      if (error instanceof ValidationError) return error.problems?.find((p) => p.field === 'phone');
      throw error;
    }
    return undefined;
  };

  it('refuses a toll-free number, saying why', () => {
    expect(problemOf('(800) 555-0144')).toMatchObject({ code: 'phone_toll_free' });
    expect(problemOf('+1 888 555 0100')?.message).toMatch(/toll-free/);
  });

  it('refuses an extension, naming it', () => {
    expect(problemOf('(713) 555-0144 ext 2')).toMatchObject({
      code: 'phone_extension',
      message: expect.stringContaining('"ext 2"'),
    });
  });

  it('takes a mobile number written in the usual ways', () => {
    for (const phone of ['(713) 555-0144', '713.555.0144', '1-713-555-0144'])
      expect(parseEnrollmentRequest({ ...chicago, phone }).phone).toBe('+17135550144');
  });
});

describe('a Mexican mobile number written the old way', () => {
  const mexico = {
    email: 'ana@example.com',
    timezone: 'America/Mexico_City',
    role: 'hurt',
    smsConsent: true,
  };

  it('drops the prefixes Mexico retired in 2019 (+52 1, 044, 045, 01), as a phone dials it now', () => {
    for (const phone of [
      '+52 1 55 1234 5678',
      '+5215512345678',
      '044 55 1234 5678',
      '045 55 1234 5678',
      '01 55 1234 5678',
      '1 55 1234 5678',
      '55 1234 5678',
    ])
      expect(parseEnrollmentRequest({ ...mexico, phone }).phone, phone).toBe('+525512345678');
  });

  it('still refuses a number too short or too long with such a prefix', () => {
    for (const phone of ['044 55 1234 567', '+52 1 55 1234 56789'])
      expect(() => parseEnrollmentRequest({ ...mexico, phone }), phone).toThrow(ValidationError);
  });

  it('leaves a US number that starts with 1 alone', () => {
    expect(
      parseEnrollmentRequest({ ...mexico, phone: '+1 713 555 0144', timezone: 'America/Chicago' }).phone,
    ).toBe('+17135550144');
  });
});

describe('a number that is not a mobile', () => {
  const at = (timezone: string, phone: string) => {
    try {
      return parseEnrollmentRequest({
        email: 'ana@example.com',
        timezone,
        role: 'hurt',
        smsConsent: true,
        phone,
      }).phone;
    } catch (error) {
      if (error instanceof ValidationError) return error.problems?.find((p) => p.field === 'phone')?.message;
      throw error;
    }
  };

  it.each([
    ['America/Chicago', '(900) 555-0100', 'not a mobile number in the United States'],
    ['America/Chicago', '(555) 555-0100', 'not a mobile number in the United States'],
    ['America/Mexico_City', '800 123 4567', 'not a mobile number in Mexico'],
    ['Europe/Madrid', '900 123 456', 'not a mobile number in Spain'],
    ['Europe/Madrid', '91 123 45 67', 'not a mobile number in Spain'],
    ['America/Chicago', '+34 806 123 456', 'not a mobile number in Spain'],
    ['Europe/London', '020 7946 0000', 'not a mobile number in the United Kingdom'],
  ])('in %s, refuses %s: "%s"', (zone, phone, said) => {
    expect(at(zone, phone)).toContain(said);
  });

  it.each([
    ['America/Chicago', '(312) 555-0147', '+13125550147'],
    ['America/Toronto', '(613) 555-0100', '+16135550100'],
    ['America/Mexico_City', '55 1234 5678', '+525512345678'],
    ['Europe/Madrid', '612 34 56 78', '+34612345678'],
    ['Europe/London', '07400 123456', '+447400123456'],
  ])('in %s, takes the mobile %s', (zone, phone, e164) => {
    expect(at(zone, phone)).toBe(e164);
  });
});
