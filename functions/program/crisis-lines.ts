/**
 * Which crisis lines a person can reach, from where they live by their time zone or where their phone
 * number is. The US (with Puerto Rico) has 911, the 988 Suicide & Crisis Lifeline and the National
 * Domestic Violence Hotline; Canada has 911 and 988 (the hotline is US-only); anywhere else gets its
 * national emergency number and its free national lines (violence at home, suicide or crisis) when this
 * table knows them for sure, and the findahelpline.com directory of free helplines. Plain data; the phone-number metadata is imported at its first use.
 */
import type { CountryCode } from 'libphonenumber-js/mobile';
import { countryOfZone } from './local-words';

/** Which set of lines applies: they differ in what they can name. */
export type CrisisRegion = 'us' | 'canada' | 'elsewhere';

export interface CrisisLines {
  region: CrisisRegion;
  /** The number to call in an emergency; undefined when this table does not know the country. */
  emergency?: string;
  /**
   * false when nothing tells where the person is (no phone number): the US lines apply, and a line for
   * anyone outside the US goes with them.
   */
  located: boolean;
  /**
   * Free national lines this table knows for sure, outside the US and Canada (where the region's wording
   * names them): for violence at home, and for suicide or a crisis. As people dial them ("016", "116 123").
   */
  abuse?: string;
  crisis?: string;
}

/** A directory of free helplines in most countries (ThroughLine), for anywhere the table cannot name one. */
export const HELPLINE_DIRECTORY = 'findahelpline.com';

/** 112 reaches emergency services in every EU and EEA country and in Switzerland. */
const EUROPE_112: readonly CountryCode[] = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'IS',
  'LI',
  'NO',
  'CH',
];

/** National emergency numbers known for sure; a country not listed gets "your local emergency number". */
const EMERGENCY: Partial<Record<CountryCode, string>> = {
  ...Object.fromEntries(EUROPE_112.map((country) => [country, '112'])),
  // The UK and the Crown Dependencies share +44; 112 works there too, 999 is the one people know.
  GB: '999',
  GG: '999',
  JE: '999',
  IM: '999',
  AU: '000',
  NZ: '111',
  MX: '911',
  // Spanish-speaking America, where the number is one national line: Colombia's 123, the others' 911.
  CO: '123',
  // Chile has no single number: 133 is the police (Carabineros), who answer someone in danger.
  CL: '133',
  AR: '911',
  CR: '911',
  DO: '911',
  EC: '911',
  PA: '911',
  PY: '911',
  SV: '911',
  UY: '911',
  VE: '911',
  IN: '112',
  // US territories outside Puerto Rico: 911 for sure; the 988 and hotline coverage is not claimed.
  VI: '911',
  GU: '911',
  AS: '911',
  MP: '911',
};

/**
 * Free lines that cover the whole country, 24 hours a day, as the services publish them (2026); anywhere else
 * the directory names them. Spain's 016 (it leaves no trace on the phone bill) and 024;
 * France's 3919 and 3114; Germany's Hilfetelefon and TelefonSeelsorge; Ireland's Women's Aid and the
 * Samaritans; the UK's Samaritans (the abuse helplines of England, Scotland, Wales and Northern Ireland
 * differ, and one time zone covers all four); Australia's 1800RESPECT and Lifeline; New Zealand's Women's
 * Refuge and 1737; Mexico's Línea de la Vida; Colombia's Línea 155; Argentina's 144; Chile's 1455 and *4141.
 */
const NATIONAL_LINES: Partial<Record<CountryCode, Pick<CrisisLines, 'abuse' | 'crisis'>>> = {
  ES: { abuse: '016', crisis: '024' },
  FR: { abuse: '3919', crisis: '3114' },
  DE: { abuse: '116 016', crisis: '0800 111 0 111' },
  IE: { abuse: '1800 341 900', crisis: '116 123' },
  GB: { crisis: '116 123' },
  AU: { abuse: '1800 737 732', crisis: '13 11 14' },
  NZ: { abuse: '0800 733 843', crisis: '1737' },
  MX: { crisis: '800 911 2000' },
  CO: { abuse: '155' },
  AR: { abuse: '144' },
  CL: { abuse: '1455', crisis: '*4141' },
};

const US: readonly CountryCode[] = ['US', 'PR'];

/** The crisis lines for a country. */
export function crisisLinesForCountry(country: CountryCode | undefined): CrisisLines {
  if (country && US.includes(country)) return { region: 'us', emergency: '911', located: true };
  if (country === 'CA') return { region: 'canada', emergency: '911', located: true };
  const emergency = country && EMERGENCY[country];
  const national = (country && NATIONAL_LINES[country]) || {};
  return emergency
    ? { region: 'elsewhere', emergency, located: true, ...national }
    : { region: 'elsewhere', located: true, ...national };
}

/** A line's number as a `tel:` link dials it: without its spaces ("116 123" → "116123"). */
export const telOf = (number: string): string => number.replace(/\s+/g, '');

/**
 * The crisis lines of where a person lives by their time zone's country (pages, email footers: most people
 * are where their clock is); with no zone (the sign-up form, an invited partner), the US lines, not located.
 */
export function crisisLinesOfZone(zone: string | undefined): CrisisLines {
  if (!zone) return linesWithoutANumber();
  return crisisLinesForCountry(countryOfZone(zone) as CountryCode | undefined);
}

/** Without a number (an email sender): the US lines, not located (see `crisisLinesFor`). */
export const linesWithoutANumber = (): CrisisLines => ({ region: 'us', emergency: '911', located: false });

/**
 * `crisisLinesFor` (program/crisis-lines-by-number.ts), with the phone-number metadata it reads
 * (libphonenumber-js, ~120 KB) loaded only when a number is placed: the reply webhooks need it only for a
 * reply with signs of danger or concern, and most of their starts are for replies with neither.
 */
export async function crisisLinesOf(phone: string | undefined): Promise<CrisisLines> {
  if (!phone) return linesWithoutANumber();
  const { crisisLinesFor } = await import('./crisis-lines-by-number');
  return crisisLinesFor(phone);
}

/** Where people most likely read Spanish: a number no program holds is answered in Spanish unless its words say otherwise. */
const SPANISH_SPEAKING: readonly CountryCode[] = [
  'ES',
  'MX',
  'CO',
  'AR',
  'CL',
  'PE',
  'VE',
  'EC',
  'GT',
  'CU',
  'BO',
  'DO',
  'HN',
  'PY',
  'SV',
  'NI',
  'CR',
  'PA',
  'UY',
  'GQ',
];

/** The language a number's country most likely reads: Spanish for the countries above, else English. */
export async function languageOfNumber(phone: string): Promise<'en' | 'es'> {
  const { countryOfPhone } = await import('./crisis-lines-by-number');
  const country = countryOfPhone(phone);
  return country && SPANISH_SPEAKING.includes(country) ? 'es' : 'en';
}

/**
 * The crisis lines of a person the program knows: where they live by their time zone (most people are where
 * their clock is: a Spanish number in Bogotá needs 123, not 112), and, when the zone names no country (UTC),
 * where their number is. `phone`: the number a text came from, when it is theirs.
 */
export async function crisisLinesOfPerson(
  person: { timezone?: string; phone?: string },
  phone = person.phone,
): Promise<CrisisLines> {
  return linesOfZoneCountry(person.timezone) ?? crisisLinesOf(phone);
}

/** `crisisLinesOfPerson` with the number's lines already known: those of the zone's country, else `byNumber`. */
export function crisisLinesWhere(timezone: string | undefined, byNumber: CrisisLines): CrisisLines {
  return linesOfZoneCountry(timezone) ?? byNumber;
}

/** The lines of a time zone's country; undefined for a zone of no country (UTC) or none. */
function linesOfZoneCountry(timezone: string | undefined): CrisisLines | undefined {
  const country = timezone ? countryOfZone(timezone) : undefined;
  return country ? crisisLinesForCountry(country as CountryCode) : undefined;
}
