/**
 * Dates and times on pages in the page's language, by the program's own words (program/local-words.ts:
 * Intl, in the language as the zone's country writes it): "Saturday, December 5", "7 PM";
 * "sábado, 5 de diciembre", "7 p.m." or "19:00". Intl rather than Luxon: these pages' functions start
 * without loading it. Numbers need nothing: US Spanish writes 3.5 and 50%, as English does.
 */
import {
  calendarDateInWords,
  clockIn,
  clockOfZone,
  dateInZone,
  timeInZone,
  weekdayInWords,
} from '../../program/local-words';
import type { Language, Weekday } from '../../program/types';

/** The day an instant falls on where the participant is: "Saturday, December 5", "sábado, 5 de diciembre". */
export const dayOn = (instant: string | Date, timezone: string, language: Language): string =>
  dateInZone(instant, timezone, language);

/** A calendar date "YYYY-MM-DD" (a program's day 0) in words: "Monday, January 4", "lunes, 4 de enero". */
export const calendarDay = (date: string, timezone: string, language: Language): string =>
  calendarDateInWords(date, timezone, language);

/** A day with its year: "December 5, 2027", "5 de diciembre de 2027". */
export function dayWithYear(epochSeconds: number, timezone: string, language: Language): string {
  return new Intl.DateTimeFormat(clockIn(clockOfZone(timezone), language).locale, {
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    timeZone: timezone,
  }).format(new Date(epochSeconds * 1000));
}

/** A local time "HH:MM" as the zone's country writes it: "7 PM" / "7 p.m." on a 12-hour clock, "19:00" on a 24-hour one. */
export const timeOfDay = (hhmm: string, timezone: string, language: Language): string =>
  timeInZone(hhmm, timezone, language);

/** A moment with its weekday and time: "Sunday, March 8, 7:42 PM", "domingo, 8 de marzo, 7:42 p.m.". */
export function momentOn(at: string, timezone: string, language: Language): string {
  const { locale, hourCycle } = clockIn(clockOfZone(timezone), language);
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hourCycle,
    timeZone: timezone,
  }).format(new Date(at));
}

/** A weekday's name in the page's language, lower case in Spanish as in a sentence: "sunday" → "Sunday", "domingo". */
export const weekdayName = (day: Weekday, language: Language): string => weekdayInWords(day, language);

/** A weekday as a list shows it: capitalised in either language ("Domingo"). */
export const weekdayLabel = (day: Weekday, language: Language): string => {
  const name = weekdayName(day, language);
  return name.charAt(0).toUpperCase() + name.slice(1);
};
