/**
 * The lists the enrollment form and the settings page choose from, in words people know: time zones
 * ("Central Time – Chicago", from `@vvo/tzdb`, which groups the 400-odd IANA names by country and clock),
 * countries for a mobile number ("United States (+1)", from libphonenumber-js and Intl), and check-in
 * times written as where the person lives ("7 PM" or "19:00"). Plain `<select>`s with optgroups: they
 * work without JavaScript, and a browser finds an option as one types its first letters.
 */
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js/mobile';
import { clockOf, countryName, countryOfZone, timeInWords } from '../program/local-words';
import type { Language } from '../program/types';
import { CITIES_ES, UTC, type ZoneChoice, zoneChoiceOf, zoneGroups } from '../program/zones';
import { escapeHtml } from './layout';
import { timeOfDay } from './words/dates';

/** The lists' own words; the zones' names stay as `@vvo/tzdb` writes them (English). */
const CHOICE_WORDS: Record<
  Language,
  { chooseZone: string; sameCountry: string; groups: Record<string, string> }
> = {
  en: { chooseZone: 'Choose your time zone', sameCountry: 'Same country as my time zone', groups: {} },
  es: {
    chooseZone: 'Elige tu zona horaria',
    sameCountry: 'El mismo país de mi zona horaria',
    groups: {
      'United States': 'Estados Unidos',
      'North America': 'América del Norte',
      'South America': 'América del Sur',
      Europe: 'Europa',
      Africa: 'África',
      Asia: 'Asia',
      Oceania: 'Oceanía',
      Antarctica: 'Antártida',
      Other: 'Otras',
    },
  },
};

const option = (value: string, label: string, selected: boolean, data = '') =>
  `<option value="${escapeHtml(value)}"${data}${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;

/** The US zones' names in Spanish, as Spanish speakers in the US say them ("hora del Pacífico"). */
const US_ZONE_NAMES_ES: Record<string, string> = {
  'Eastern Time': 'Hora del Este',
  'Central Time': 'Hora del Centro',
  'Mountain Time': 'Hora de la Montaña',
  'Pacific Time': 'Hora del Pacífico',
  'Alaska Time': 'Hora de Alaska',
  'Hawaii-Aleutian Time': 'Hora de Hawái-Aleutianas',
};

const spanishLabels = new Map<string, string>();
let spanishOrder: Intl.Collator | undefined;

/** A zone's name as Spanish speakers read it, from Intl ("hora de Europa central"); undefined where Intl has none. */
function spanishZoneName(timezone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('es', { timeZone: timezone, timeZoneName: 'longGeneric' })
      .formatToParts(new Date())
      .find((part) => part.type === 'timeZoneName')?.value;
  } catch {
    return undefined;
  }
}

/**
 * A zone's label in `language`. In Spanish: the US zones by the names Spanish speakers in the US use ("Hora
 * del Pacífico – Los Angeles"); elsewhere the country and the zone's name in Spanish, from Intl ("España –
 * Madrid (hora de Europa central)"). Cities keep their tzdb names. Worked out once per zone and process.
 */
function zoneLabel(zone: ZoneChoice, language: Language): string {
  if (language !== 'es') return zone.label;
  if (zone.value === UTC.value) return 'Tiempo universal coordinado (UTC)';
  if (zone.country === 'US') {
    const [name, ...rest] = zone.label.split(' – ');
    const spanish = name ? US_ZONE_NAMES_ES[name] : undefined;
    return spanish ? [spanish, ...rest].join(' – ') : zone.label;
  }
  const known = spanishLabels.get(zone.value);
  if (known) return known;
  const tzdbCity = zone.label.match(/ – (.*) \(/)?.[1];
  const city = tzdbCity && (CITIES_ES[tzdbCity] ?? tzdbCity);
  countryNamesEs ??= new Intl.DisplayNames(['es'], { type: 'region' });
  const country = zone.country ? countryNamesEs.of(zone.country) : undefined;
  const name = spanishZoneName(zone.value);
  const label = country && city && name ? `${country} – ${city} (${name})` : zone.label;
  spanishLabels.set(zone.value, label);
  return label;
}

/** The zones of a group in the order of their labels in `language`: in Spanish, "Alemania" before "Argentina". */
function inOrder(zones: ZoneChoice[], language: Language): ZoneChoice[] {
  if (language !== 'es') return zones;
  spanishOrder ??= new Intl.Collator('es');
  const order = spanishOrder;
  // The US group keeps its order, east to west.
  if (zones.every((zone) => zone.country === 'US')) return zones;
  return [...zones].sort((a, b) => order.compare(zoneLabel(a, language), zoneLabel(b, language)));
}

/** Spanish names of places people search for whose zones tzdb names in English ("Ciudad de México"). */
const PLACES_ES: Record<string, string> = {
  'America/Mexico_City': 'Ciudad de México CDMX Distrito Federal',
  'America/New_York': 'Nueva York',
  'America/Havana': 'La Habana',
  'America/Sao_Paulo': 'San Pablo',
  'Europe/London': 'Londres',
  'America/Puerto_Rico': 'San Juan',
};

let countryNamesEs: Intl.DisplayNames | undefined;

/** What a search in Spanish may name a zone by: its country in Spanish (Intl), and the place names above. */
function spanishNames(zone: ZoneChoice): string {
  countryNamesEs ??= new Intl.DisplayNames(['es'], { type: 'region' });
  const country = zone.country ? (countryNamesEs.of(zone.country) ?? '') : '';
  return [country, ...[zone.value, ...zone.also].map((name) => PLACES_ES[name] ?? '')]
    .filter(Boolean)
    .join(' ');
}

const zoneOption = (zone: ZoneChoice, selected: boolean, language: Language = 'en') => {
  const es = language === 'es' ? spanishNames(zone) : '';
  return option(
    zone.value,
    zoneLabel(zone, language),
    selected,
    `${zone.country ? ` data-country="${zone.country}"` : ''}${zone.also.length ? ` data-also="${escapeHtml(zone.also.join(' '))}"` : ''}${es ? ` data-es="${escapeHtml(es)}"` : ''}`,
  );
};

/**
 * The time zone `<option>`s: `first` (the person's zone: the current one on the settings page, a form sent
 * back) in a group of its own at the top and chosen; otherwise a first option that asks for a choice.
 */
export function zoneOptions(first?: { zone: string; label: string }, language: Language = 'en'): string {
  const words = CHOICE_WORDS[language];
  const top = first
    ? `<optgroup label="${escapeHtml(first.label)}">${zoneOption(zoneChoiceOf(first.zone), true, language)}</optgroup>`
    : option('', words.chooseZone, true);
  return (
    top +
    zoneGroups()
      .map(
        (group) =>
          `<optgroup label="${escapeHtml(words.groups[group.label] ?? group.label)}">${inOrder(
            group.zones,
            language,
          )
            .map((z) => zoneOption(z, false, language))
            .join('')}</optgroup>`,
      )
      .join('')
  );
}

const countries = new Map<Language, { code: string; label: string }[]>();

/** A country's name in Spanish ("Estados Unidos"), from Intl; its English name where Intl has none. */
function spanishCountryName(code: string): string {
  try {
    return new Intl.DisplayNames(['es'], { type: 'region' }).of(code) ?? countryName(code);
  } catch {
    return countryName(code);
  }
}

/** The mobile number's country `<option>`s; the first reads the number in the country of the time zone. */
export function countryOptions(chosen?: string, language: Language = 'en'): string {
  let list = countries.get(language);
  if (!list) {
    const name = language === 'es' ? spanishCountryName : countryName;
    const order = new Intl.Collator(language);
    list = getCountries()
      .map((code) => ({ code, label: `${name(code)} (+${getCountryCallingCode(code)})` }))
      .sort((a, b) => order.compare(a.label, b.label));
    countries.set(language, list);
  }
  return (
    option('', CHOICE_WORDS[language].sameCountry, !chosen) +
    list.map((c) => option(c.code, c.label, c.code === chosen)).join('')
  );
}

/** Check-in times offered: every half hour from 8 AM to 8 PM (texts never come at night). */
export const CHECKIN_TIMES = Array.from({ length: 25 }, (_, i) => {
  const minutes = 8 * 60 + i * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
});

/**
 * The check-in time `<option>`s, written as where the time zone is ("7 PM" in the US, "19:00" in the UK);
 * a chosen time off the half hour (set through the API) is kept in the list.
 */
export function timeOptions(chosen: string, timezone?: string, language: Language = 'en'): string {
  const clock = clockOf(timezone ? countryOfZone(timezone) : undefined);
  const times = CHECKIN_TIMES.includes(chosen) ? CHECKIN_TIMES : [...CHECKIN_TIMES, chosen].sort();
  const words = (t: string) =>
    language === 'en' ? timeInWords(t, clock) : timeOfDay(t, timezone ?? 'America/New_York', language);
  return times.map((t) => option(t, words(t), t === chosen)).join('');
}

/** An E.164 number as people read it across borders: "+52 312 555 0148". */
export const international = (phone: string): string =>
  parsePhoneNumberFromString(phone)?.formatInternational() ?? phone;
