/**
 * Crisis lines by phone number: the number's country, from libphonenumber-js's metadata. Apart from
 * program/crisis-lines.ts so that a function loads the metadata only when it places a number
 * (`crisisLinesOf` imports this file when it is first needed).
 */
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/mobile';
import { type CrisisLines, crisisLinesForCountry, linesWithoutANumber } from './crisis-lines';

/**
 * The country of an E.164 number (+44… → GB). A number whose exact country the metadata cannot tell
 * (an unassigned area code) counts as the main country of its calling code: +1 as the US, +44 as GB.
 */
export function countryOfPhone(phone: string | undefined): CountryCode | undefined {
  if (!phone) return undefined;
  const parsed = parsePhoneNumberFromString(phone);
  return parsed?.country ?? parsed?.getPossibleCountries()[0];
}

/**
 * The crisis lines for the person with this number: by the number's country. Without a number (an email
 * sender), the US lines, not located; a number of no known country, the directory and "your local
 * emergency number".
 */
export function crisisLinesFor(phone: string | undefined): CrisisLines {
  if (!phone) return linesWithoutANumber();
  return crisisLinesForCountry(countryOfPhone(phone));
}
