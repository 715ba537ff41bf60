import { describe, expect, it } from 'vitest';
import { buildContent } from '../../content/build';
import { parseEnrollmentRequest, parseScheduleSettings } from '../../functions/program/enrollment-input';
import { programSlots, type ScheduleFor } from '../../functions/program/schedule';
import { ValidationError } from '../../functions/shared/errors';

const { steps } = buildContent();
const WHO: ScheduleFor = {
  track: 'hurt',
  timezone: 'America/Chicago',
  checkinDay: 'sunday',
  checkinTime: '19:00',
  day0: '2026-03-03',
};
const nudges = (who: ScheduleFor) => programSlots(steps, who).filter((s) => s.kind === 'micro-action');
const checkins = (who: ScheduleFor) =>
  programSlots(steps, who).filter((s) => s.kind === 'check-in' || s.kind === 'checkpoint');

describe('check-ins only, or check-ins and mid-week nudges', () => {
  it('schedules a mid-week nudge every week by default, and none for check-ins only', () => {
    expect(nudges(WHO)).toHaveLength(13);
    expect(nudges({ ...WHO, nudges: false })).toEqual([]);
  });

  it('keeps every check-in, quick check and checkpoint question for check-ins only', () => {
    expect(checkins({ ...WHO, nudges: false })).toEqual(checkins(WHO));
    expect(programSlots(steps, { ...WHO, nudges: false }).at(-1)?.slot).toBe('report');
  });

  it('turned back on, schedules only the nudges still to come, never one already past', () => {
    const from = nudges(WHO)[4]?.dueAt as string;
    const back = nudges({ ...WHO, nudgesFrom: from });
    expect(back).toHaveLength(9);
    expect(back.every((s) => s.dueAt >= from)).toBe(true);
  });

  it('reads the choice from the form and the API, and leaves today’s default alone', () => {
    const form = { email: 'ana@example.com', timezone: 'America/Chicago', role: 'hurt' };
    expect(parseEnrollmentRequest({ ...form, nudges: 'false' }).nudges).toBe(false);
    expect(parseEnrollmentRequest({ ...form, nudges: false }).nudges).toBe(false);
    expect(parseEnrollmentRequest({ ...form, nudges: 'true' })).not.toHaveProperty('nudges');
    expect(parseEnrollmentRequest(form)).not.toHaveProperty('nudges');
    expect(parseScheduleSettings({ timezone: 'America/Chicago', nudges: 'false' }).nudges).toBe(false);
    expect(parseScheduleSettings({ timezone: 'America/Chicago' }).nudges).toBeUndefined();
  });

  it('refuses anything but a yes or a no, naming the field', () => {
    const form = { email: 'ana@example.com', timezone: 'America/Chicago', role: 'hurt' };
    for (const nudges of ['sometimes', 2, 'no'])
      expect(() => parseEnrollmentRequest({ ...form, nudges })).toThrow(
        expect.objectContaining({ field: 'nudges', message: expect.stringContaining('check-ins only') }),
      );
    expect(() => parseScheduleSettings({ timezone: 'America/Chicago', nudges: 'fewer' })).toThrow(
      ValidationError,
    );
  });
});

describe('the enrollment form checked as a whole', () => {
  it('names every wrong field in the form’s order, the first one as the error', () => {
    try {
      parseEnrollmentRequest({ phone: '12', country: 'US' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const { field, problems } = error as ValidationError;
      expect(field).toBe('email');
      expect(problems?.map((p) => p.field)).toEqual(['email', 'role', 'timezone', 'phone', 'smsConsent']);
    }
  });

  it('reads a national number in the chosen country, or else in the country of the time zone', () => {
    const form = { email: 'ana@example.com', role: 'hurt', smsConsent: 'true', phone: '(415) 555-0134' };
    expect(parseEnrollmentRequest({ ...form, timezone: 'Europe/London', country: 'US' }).phone).toBe(
      '+14155550134',
    );
    expect(parseEnrollmentRequest({ ...form, timezone: 'America/Chicago' }).phone).toBe('+14155550134');
    expect(parseEnrollmentRequest({ ...form, phone: '07400 123456', timezone: 'Europe/London' }).phone).toBe(
      '+447400123456',
    );
  });

  it('says which country it read a number in when it does not fit, and refuses an unknown country', () => {
    const form = { email: 'ana@example.com', role: 'hurt', smsConsent: 'true', timezone: 'Europe/London' };
    expect(() => parseEnrollmentRequest({ ...form, phone: '555' })).toThrow(
      /mobile number in the United Kingdom/,
    );
    expect(() => parseEnrollmentRequest({ ...form, phone: '4155550134', country: 'ZZ' })).toThrow(
      expect.objectContaining({ field: 'country' }),
    );
  });
});
