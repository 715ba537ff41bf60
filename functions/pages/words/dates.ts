/**
 * Dates and times on pages in the page's language. English keeps the program's own words
 * (program/local-words.ts: "Saturday, December 5", "7 PM", by the zone's country); Spanish goes through
 * luxon with `setLocale('es')` ("sábado, 5 de diciembre", "7 p. m." or "19:00", the clock of the zone's
 * country). Numbers need nothing: US Spanish writes 3.5 and 50%, as English does.
 */
import { DateTime, Info } from 'luxon';
import { calendarDateInWords, clockOfZone, dateInZone, timeInZone } from '../../program/local-words';
import { type Language, WEEKDAYS, type Weekday } from '../../program/types';

const inSpanish = (instant: string | Date, timezone: string) =>
  (typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant))
    .setZone(timezone)
    .setLocale('es');

/** The day an instant falls on where the participant is: "Saturday, December 5", "sábado, 5 de diciembre". */
export function dayOn(instant: string | Date, timezone: string, language: Language): string {
  return language === 'es'
    ? inSpanish(instant, timezone).toFormat("cccc, d 'de' LLLL")
    : dateInZone(instant, timezone);
}

/** A calendar date "YYYY-MM-DD" (a program's day 0) in words: "Monday, January 4", "lunes, 4 de enero". */
export function calendarDay(date: string, timezone: string, language: Language): string {
  if (language === 'en') return calendarDateInWords(date, timezone);
  return DateTime.fromISO(date, { zone: 'UTC' }).setLocale('es').toFormat("cccc, d 'de' LLLL");
}

/** A day with its year: "December 5, 2027", "5 de diciembre de 2027". */
export function dayWithYear(epochSeconds: number, timezone: string, language: Language): string {
  if (language === 'es')
    return inSpanish(new Date(epochSeconds * 1000), timezone).toFormat("d 'de' LLLL 'de' yyyy");
  return new Intl.DateTimeFormat(clockOfZone(timezone).locale, {
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    timeZone: timezone,
  }).format(new Date(epochSeconds * 1000));
}

/** A local time "HH:MM" as the zone's country writes it: "7 PM" / "7 p. m." on a 12-hour clock, "19:00" on a 24-hour one. */
export function timeOfDay(hhmm: string, timezone: string, language: Language): string {
  if (language === 'en') return timeInZone(hhmm, timezone);
  const [hour = 0, minute = 0] = hhmm.split(':').map(Number);
  const at = DateTime.fromObject({ hour, minute }, { zone: 'UTC' }).setLocale('es');
  if (clockOfZone(timezone).hourCycle === 'h23') return at.toFormat('HH:mm');
  return at.toFormat(minute === 0 ? 'h a' : 'h:mm a');
}

/** A moment with its weekday and time: "Sunday, March 8, 7:42 PM", "domingo, 8 de marzo, 7:42 p. m.". */
export function momentOn(at: string, timezone: string, language: Language): string {
  if (language === 'es') {
    const when = inSpanish(at, timezone);
    return `${when.toFormat("cccc, d 'de' LLLL")}, ${timeOfDay(when.toFormat('HH:mm'), timezone, 'es')}`;
  }
  const { locale, hourCycle } = clockOfZone(timezone);
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
export function weekdayName(day: Weekday, language: Language): string {
  if (language === 'es') return Info.weekdays('long', { locale: 'es' })[WEEKDAYS.indexOf(day)] ?? day;
  return day.charAt(0).toUpperCase() + day.slice(1);
}

/** A weekday as a list shows it: capitalised in either language ("Domingo"). */
export const weekdayLabel = (day: Weekday, language: Language): string => {
  const name = weekdayName(day, language);
  return name.charAt(0).toUpperCase() + name.slice(1);
};
