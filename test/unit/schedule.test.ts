import { describe, expect, it } from 'vitest';
import { checkinDayOfWeek, firstDay, instantOf, programSlots } from '../../functions/program/schedule';
import { testCatalog } from '../support/fake-deps';

describe('the program schedule', () => {
  it('starts day 0 this morning when the person confirms before 08:00 local time', () => {
    expect(firstDay(new Date('2026-03-02T11:30:00Z'), 'America/New_York')).toBe('2026-03-02'); // 06:30 local
  });

  it('starts day 0 tomorrow morning when the person confirms after 08:00 local time', () => {
    expect(firstDay(new Date('2026-03-02T14:00:00Z'), 'America/New_York')).toBe('2026-03-03'); // 09:00 local
  });

  it('uses the local date, not the UTC date, to find the next morning', () => {
    // 23:30 UTC on 1 March is already 05:00 on 2 March in Kolkata
    expect(firstDay(new Date('2026-03-01T23:30:00Z'), 'Asia/Kolkata')).toBe('2026-03-02');
  });

  it('keeps 08:00 local across the spring DST change in New York', () => {
    expect(instantOf('2026-03-06', 0, '08:00', 'America/New_York')).toBe('2026-03-06T13:00:00.000Z');
    expect(instantOf('2026-03-06', 3, '08:00', 'America/New_York')).toBe('2026-03-09T12:00:00.000Z');
  });

  it('keeps 08:00 local across the autumn DST change in London', () => {
    expect(instantOf('2026-10-23', 0, '08:00', 'Europe/London')).toBe('2026-10-23T07:00:00.000Z');
    expect(instantOf('2026-10-23', 3, '08:00', 'Europe/London')).toBe('2026-10-26T08:00:00.000Z');
  });

  it('places the weekly check-in on the chosen weekday inside each program week', () => {
    // 2026-03-02 is a Monday: the first Sunday is day 6, the second day 13
    expect(checkinDayOfWeek('2026-03-02', 1, 'sunday')).toBe(6);
    expect(checkinDayOfWeek('2026-03-02', 2, 'sunday')).toBe(13);
  });

  it('never asks a check-in on day 0, when there is no week to look back on yet', () => {
    expect(checkinDayOfWeek('2026-03-02', 1, 'monday')).toBe(7);
    expect(checkinDayOfWeek('2026-03-02', 1, 'tuesday')).toBe(1);
  });

  it('leaves out a week-13 check-in that would fall after day 90', () => {
    const mondays = programSlots(testCatalog.steps, {
      track: 'hurt',
      timezone: 'Europe/London',
      checkinDay: 'monday',
      checkinTime: '19:00',
      day0: '2026-03-02', // a Monday: week 13's Monday would be day 91
    }).filter((s) => s.slot === 'hurt-safety');
    expect(mondays.map((s) => s.day)).toEqual([7, 14, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84]);
  });

  it('lists a track’s steps in time order and ends with the day-90 report', () => {
    const slots = programSlots(testCatalog.steps, {
      track: 'hurt',
      timezone: 'Europe/London',
      checkinDay: 'sunday',
      checkinTime: '19:00',
      day0: '2026-03-02',
    });
    const ids = slots.map((s) => s.slot);
    expect(ids.slice(0, 3)).toEqual(['welcome', 'hurt-d1', 'micro-d3']);
    expect(ids).not.toContain('repairing-d1');
    expect(ids.filter((id) => id === 'hurt-safety')).toHaveLength(13);
    expect(slots.at(-1)).toMatchObject({ slot: 'report', day: 90 });
    const sorted = [...slots].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    expect(slots.map((s) => s.dueAt)).toEqual(sorted.map((s) => s.dueAt));
  });
});
