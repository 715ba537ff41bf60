/**
 * The time zones a person chooses from, as `@vvo/tzdb` groups the 400-odd IANA names by country and clock
 * ("Central Time – Chicago"), and the city each is known by ("Bogotá", "Nueva York"): what the confirmation
 * email and page say beside the check-in time. The form's lists (pages/choices.ts) are built on these.
 */
import { rawTimeZones } from '@vvo/tzdb';
import { countryOfZone } from './local-words';
import type { Language } from './types';

/** One time zone a person can choose: its IANA name, what it is called, and its country. */
export interface ZoneChoice {
  value: string;
  label: string;
  country?: string;
  /** The other IANA names that keep the same time (the browser may report any of them). */
  also: string[];
}

interface ZoneGroup {
  label: string;
  zones: ZoneChoice[];
}

/** Where a zone is listed: the US first (the program's home), then by continent. */
const CONTINENTS = ['North America', 'South America', 'Europe', 'Africa', 'Asia', 'Oceania', 'Antarctica'];

/** For people who keep their clock on UTC; the tz database's names for it. */
export const UTC: ZoneChoice = {
  value: 'UTC',
  label: 'Coordinated Universal Time (UTC)',
  also: ['Etc/UTC', 'Etc/UCT', 'Etc/Universal', 'Etc/Zulu', 'Etc/GMT', 'GMT', 'UCT', 'Universal', 'Zulu'],
};

let groups: ZoneGroup[] | undefined;
let englishOrder: Intl.Collator | undefined;
/** One collator for every sort (localeCompare with a locale builds a new one per call). */
const collator = () => (englishOrder ??= new Intl.Collator('en'));
let byName: Map<string, ZoneChoice> | undefined;

/** Every zone, grouped as the list shows them; built once per process. */
export function zoneGroups(): ZoneGroup[] {
  if (groups) return groups;
  // The raw list, not getTimeZones(): that one works out every zone's offset now, half a second of Intl.
  const us: (ZoneChoice & { offset: number })[] = [];
  const rest = new Map<string, ZoneChoice[]>();
  for (const zone of rawTimeZones) {
    const city = zone.mainCities[0] ?? zone.name.split('/').at(-1)?.replace(/_/g, ' ') ?? zone.name;
    const also = zone.group.filter((name) => name !== zone.name);
    if (zone.countryCode === 'US') {
      us.push({
        value: zone.name,
        label: `${zone.alternativeName} – ${city}`,
        country: 'US',
        also,
        offset: zone.rawOffsetInMinutes,
      });
    } else {
      const list = rest.get(zone.continentName) ?? [];
      list.push({
        value: zone.name,
        label: `${zone.countryName} – ${city} (${zone.alternativeName})`,
        country: zone.countryCode,
        also,
      });
      rest.set(zone.continentName, list);
    }
  }
  const byLabel = (a: ZoneChoice, b: ZoneChoice) => collator().compare(a.label, b.label);
  // East to west, as Americans list them: Eastern, Central, Mountain, Pacific, Alaska, Hawaii.
  us.sort((a, b) => b.offset - a.offset || byLabel(a, b));
  groups = [
    { label: 'United States', zones: us.map(({ offset: _, ...zone }) => zone) },
    ...CONTINENTS.map((continent) => ({
      label: continent,
      zones: (rest.get(continent) ?? []).sort(byLabel),
    })),
    { label: 'Other', zones: [UTC] },
  ].filter((group) => group.zones.length > 0);
  return groups;
}

/** The choice for any IANA name, a grouped one too ("America/Detroit" reads "Eastern Time – New York City"). */
export function zoneChoiceOf(timezone: string): ZoneChoice {
  if (!byName) {
    byName = new Map();
    for (const group of zoneGroups())
      for (const zone of group.zones) for (const name of [zone.value, ...zone.also]) byName.set(name, zone);
  }
  const known = byName.get(timezone);
  if (known) return { ...known, value: timezone };
  const country = countryOfZone(timezone);
  return { value: timezone, label: timezone.replace(/_/g, ' '), ...(country ? { country } : {}), also: [] };
}

/** Cities whose Spanish names differ from tzdb's English ones, as a Spanish speaker looks for them. */
export const CITIES_ES: Record<string, string> = {
  'Mexico City': 'Ciudad de México',
  London: 'Londres',
  Havana: 'La Habana',
  'New York City': 'Nueva York',
  Tokyo: 'Tokio',
  'São Paulo': 'São Paulo',
  Lisbon: 'Lisboa',
  Rome: 'Roma',
  Berlin: 'Berlín',
  Paris: 'París',
  Geneva: 'Ginebra',
  Brussels: 'Bruselas',
  Moscow: 'Moscú',
  Cairo: 'El Cairo',
};

/**
 * The city a zone is known by, as its label on the form names it and in `language` ("Bogotá", "Nueva York"):
 * what "9:00 a.m. (Bogotá time)" says. UTC is "UTC".
 */
export function cityOfZone(timezone: string, language: Language = 'en'): string {
  const zone = zoneChoiceOf(timezone);
  if (zone.value === UTC.value) return 'UTC';
  const city = zone.label.match(/ – (.*?)(?: \(|$)/)?.[1] ?? timezone.replace(/^.*\//, '').replace(/_/g, ' ');
  return language === 'es' ? (CITIES_ES[city] ?? city) : city;
}
