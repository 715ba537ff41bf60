import { describe, expect, it } from 'vitest';
import {
  calendarDateInWords,
  countryOfZone,
  dateInZone,
  timeInZone,
} from '../../functions/program/local-words';
import { personalValues } from '../../functions/use-cases/services/compose';
import { fakeWorld } from '../support/fake-deps';

describe('times and dates as people write them where they live', () => {
  it('writes check-in times on a 12-hour clock in the US, minutes only when there are some', () => {
    expect(timeInZone('19:00', 'America/Chicago')).toBe('7 PM');
    expect(timeInZone('19:30', 'America/Los_Angeles')).toBe('7:30 PM');
    expect(timeInZone('08:00', 'America/New_York')).toBe('8 AM');
    expect(timeInZone('12:00', 'America/Denver')).toBe('12 PM');
  });

  it('writes them on a 24-hour clock where people do: the UK, Germany, Brazil', () => {
    expect(timeInZone('19:00', 'Europe/London')).toBe('19:00');
    expect(timeInZone('08:30', 'Europe/Berlin')).toBe('08:30');
    // Intl has no English for Brazil: the clock is Brazil's own.
    expect(timeInZone('19:00', 'America/Sao_Paulo')).toBe('19:00');
  });

  it('knows the country of a zone, an old alias too, and none for UTC (which reads as in the US)', () => {
    expect(countryOfZone('America/Detroit')).toBe('US');
    expect(countryOfZone('US/Central')).toBe('US');
    expect(countryOfZone('UTC')).toBeUndefined();
    expect(timeInZone('19:00', 'UTC')).toBe('7 PM');
  });

  it('writes a date in words, on the day it is where the person is', () => {
    // 03:00 UTC on Sunday is still Saturday evening in Chicago.
    expect(dateInZone('2026-12-06T03:00:00Z', 'America/Chicago')).toBe('Saturday, December 5');
    expect(dateInZone('2026-12-05T15:00:00Z', 'Europe/London')).toBe('Saturday 5 December');
    expect(calendarDateInWords('2026-12-05', 'America/Chicago')).toBe('Saturday, December 5');
    expect(calendarDateInWords('2026-12-05', 'Pacific/Auckland')).toBe('Saturday, 5 December');
  });

  it('fills {{checkinTime}} in emails and texts with the words, not "19:00"', () => {
    const { deps } = fakeWorld();
    const who = { checkinDay: 'sunday', checkinTime: '19:00' } as const;
    expect(personalValues(deps, { ...who, timezone: 'America/Chicago' })).toMatchObject({
      checkinDay: 'Sunday',
      checkinTime: '7 PM',
    });
    expect(personalValues(deps, { ...who, timezone: 'Europe/London' }).checkinTime).toBe('19:00');
  });
});
