/**
 * Times and dates as people write them where a participant lives: "7 PM" and "Saturday, December 5" in
 * the US, "19:00" and "Saturday 5 December" in the UK; in Spanish "7 p. m." and "sábado, 5 de diciembre".
 * The words are those of the program's language (English unless the person chose Spanish); the
 * conventions are those of the country of the participant's time zone, so what the form shows,
 * what the emails say and what the texts say always agree. Intl does the formatting (no Luxon here:
 * the webhooks load this, and Luxon costs start-up time); `@vvo/tzdb` knows each zone's country (its
 * `getCountryCode` bundles to about 10 KB).
 */
import { getCountryCode } from '@vvo/tzdb';
import { type Language, WEEKDAYS } from './types';

/** The country whose conventions apply when a zone has none (UTC) or is unknown. */
const DEFAULT_COUNTRY = 'US';

interface Clock {
  locale: string;
  hourCycle: 'h12' | 'h23';
}

const clocks = new Map<string, Clock>();

let regionNames: Intl.DisplayNames | undefined;

/** A country's name in English ("United States"), or its code when Intl does not know it. */
export function countryName(code: string): string {
  try {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A country's English name as a sentence uses it: "the United States", "the Philippines", "Mexico". */
export function countryInSentence(code: string): string {
  const name = countryName(code);
  return /^(?:United |Dominican |Czech |Central African |Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Seychelles)|Islands$|Republic\b/.test(
    name,
  )
    ? `the ${name}`
    : name;
}

/** The ISO country of a time zone ("US" for America/Chicago), or undefined for UTC and the like. */
/** Whether `timezone` is an IANA zone this runtime knows (a form's hidden field may say anything). */
export function zoneKnown(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

export function countryOfZone(timezone: string): string | undefined {
  return getCountryCode(timezone);
}

/**
 * English as written in `country`: "en-US", "en-GB", "en-DE". Where Intl has no English for the country
 * (Brazil, Mexico…), dates fall back to plain English, and the clock is the one of the country's own
 * language (24-hour in Brazil), so nobody gets "7 PM" where people say "19:00".
 */
export function clockOf(country: string = DEFAULT_COUNTRY): Clock {
  const known = clocks.get(country);
  if (known) return known;
  const locale = `en-${country}`;
  let clock: Clock;
  try {
    const english = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions();
    const source =
      english.locale === locale
        ? english
        : new Intl.DateTimeFormat(`${new Intl.Locale(`und-${country}`).maximize().language}-${country}`, {
            hour: 'numeric',
          }).resolvedOptions();
    clock = { locale, hourCycle: source.hourCycle === 'h11' || source.hourCycle === 'h12' ? 'h12' : 'h23' };
  } catch {
    clock = { locale: `en-${DEFAULT_COUNTRY}`, hourCycle: 'h12' };
  }
  clocks.set(country, clock);
  return clock;
}

/** The clock and locale of the country of `timezone`. */
export const clockOfZone = (timezone: string): Clock => clockOf(countryOfZone(timezone));

const formats = new Map<string, Intl.DateTimeFormat>();

function format(key: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${key}|${locale}|${options.timeZone ?? ''}|${options.hourCycle ?? ''}`;
  let made = formats.get(id);
  if (!made) {
    made = new Intl.DateTimeFormat(locale, options);
    formats.set(id, made);
  }
  return made;
}

/**
 * A local time "HH:MM" in words for a clock: "7 PM", "7:30 PM" on a 12-hour clock, "19:00" on a
 * 24-hour one.
 */
export function timeInWords(hhmm: string, clock: Clock): string {
  const [hour, minute] = hhmm.split(':').map(Number);
  const at = new Date(Date.UTC(2000, 0, 1, hour ?? 0, minute ?? 0));
  const whole = clock.hourCycle === 'h12' && minute === 0;
  return format(whole ? 'hour' : 'time', clock.locale, {
    // A 24-hour clock writes "08:30", a 12-hour one "8:30 AM".
    hour: clock.hourCycle === 'h23' ? '2-digit' : 'numeric',
    ...(whole ? {} : { minute: '2-digit' }),
    hourCycle: clock.hourCycle,
    timeZone: 'UTC',
  }).format(at);
}

/**
 * A clock in a language: English keeps the country's English clock; Spanish writes Spanish as the
 * country does ("es-US", "es-MX"), or plain Spanish where Intl has none for it, on the country's clock.
 */
export function clockIn(clock: Clock, language: Language = 'en'): Clock {
  if (language === 'en') return clock;
  const country = clock.locale.split('-')[1] ?? DEFAULT_COUNTRY;
  const wanted = `${language}-${country}`;
  const locale = Intl.DateTimeFormat.supportedLocalesOf([wanted]).length ? wanted : language;
  return { locale, hourCycle: clock.hourCycle };
}

const decimals = new Map<string, (n: number) => string>();

/**
 * Numbers with one decimal as written where the person lives, in their language: "2.5" in English and in
 * the Spanish of the US and Mexico, "2,5" in the Spanish of Spain, Colombia or Argentina (Intl's own rules
 * for the country of `timezone`).
 */
export function decimalWriter(language: Language = 'en', timezone?: string): (n: number) => string {
  if (language === 'en' || !timezone) return (n) => n.toFixed(1);
  const { locale } = clockIn(clockOfZone(timezone), language);
  let write = decimals.get(locale);
  if (!write) {
    const format = new Intl.NumberFormat(locale, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      useGrouping: false,
    });
    write = (n) => format.format(n);
    decimals.set(locale, write);
  }
  return write;
}

/** A local time "HH:MM" in the words of the country of `timezone`, in the program's language. */
export const timeInZone = (hhmm: string, timezone: string, language: Language = 'en'): string =>
  timeInWords(hhmm, clockIn(clockOfZone(timezone), language));

/** A weekday ("sunday") in the program's language: "Sunday", "domingo". */
export function weekdayInWords(weekday: string, language: Language = 'en'): string {
  if (language === 'en') return weekday.charAt(0).toUpperCase() + weekday.slice(1);
  const index = (WEEKDAYS as readonly string[]).indexOf(weekday.toLowerCase());
  // 2023-01-02 was a Monday, as WEEKDAYS begins.
  return format('weekday', language, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2023, 0, 2 + Math.max(index, 0), 12)),
  );
}

/** The day an instant falls on where the participant is, in words: "Saturday, December 5". */
export function dateInZone(instant: string | Date, timezone: string, language: Language = 'en'): string {
  const { locale } = clockIn(clockOfZone(timezone), language);
  return format('date', locale, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    timeZone: timezone,
  }).format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** A calendar date "YYYY-MM-DD" (a program's day 0) in the words of the country of `timezone`. */
export function calendarDateInWords(date: string, timezone: string, language: Language = 'en'): string {
  const { locale } = clockIn(clockOfZone(timezone), language);
  return format('calendar', locale, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}
