import { isSupportedCountry } from 'libphonenumber-js/mobile';
import { SegmentedMessage } from 'sms-segments-calculator';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAYOUT_WORDS } from '../../functions/pages/words/layout';
import {
  type CrisisLines,
  crisisLinesForCountry,
  crisisLinesOf,
  crisisLinesOfPerson,
  HELPLINE_DIRECTORY,
} from '../../functions/program/crisis-lines';
import { countryOfPhone, crisisLinesFor } from '../../functions/program/crisis-lines-by-number';
import { relationshipWordsIn } from '../../functions/program/discreet';
import type { MessageLanguage } from '../../functions/program/safety';
import type { Catalog } from '../../functions/program/types';
import { parseConfig } from '../../functions/shared/config';
import { TokenSigner } from '../../functions/shared/tokens';
import { composeSafetyEmail, limitsFor } from '../../functions/use-cases/services/compose';
import { concernSms, crisisSms, type SafetyFollowUp } from '../../functions/use-cases/services/safety';
import { compileCatalog } from '../../scripts/build';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await compileCatalog();
});

const KEY = 'x'.repeat(40);
const deps = () => ({
  config: parseConfig({ PUBLIC_URL: 'https://kintsugi.example.org', TOKEN_KEY: KEY }),
  tokens: new TokenSigner(KEY, () => 1_770_000_000),
  catalog,
});
const segments = (text: string) => new SegmentedMessage(text);

/**
 * One number per set of lines: the US, Canada, a country whose emergency number is known (with none of its
 * own lines, with a crisis line, with an abuse line, with both, the longest), one whose number is not.
 */
const NUMBERS = {
  us: '+14155550100',
  canada: '+14165550100',
  italy: '+393471234567',
  uk: '+447400123456',
  colombia: '+573001234567',
  germany: '+4915112345678',
  chile: '+56912345678',
  jamaica: '+18765550123',
} as const;
const LANGUAGES: MessageLanguage[] = ['en', 'es'];
const FOLLOW_UPS: SafetyFollowUp[] = [undefined, 'paused', 'stopped'];
/** Spanish words that would give away what the program is about, beside program/discreet.ts's English stems. */
const SPANISH_RELATIONSHIP =
  /\b(pareja|espos[oa]|marido|novi[oa]|maltrat\w*|violen\w*|abus\w*|infiel\w*|infidel\w*|engañ\w*|relaci\w*|doméstic\w*|confianza|traici\w*|matrimonio|divorci\w*|terapi\w*)\b/i;
const NOBODY_READS = { en: /Nobody reads (your )?replies/, es: /Nadie lee (las|tus) respuestas/ };
const DELETE = { en: /delete this thread/, es: /borrar esta conversación/ };

const every = (fn: (language: MessageLanguage, name: keyof typeof NUMBERS, discreet: boolean) => void) => {
  for (const language of LANGUAGES)
    for (const name of Object.keys(NUMBERS) as (keyof typeof NUMBERS)[])
      for (const discreet of [false, true]) fn(language, name, discreet);
};
const crisis = (
  language: MessageLanguage,
  phone: string,
  discreet: boolean,
  followUp: SafetyFollowUp = undefined,
) => crisisSms(deps(), { discreet }, language, crisisLinesFor(phone), followUp);
const concern = (language: MessageLanguage, phone: string, discreet: boolean) =>
  concernSms(deps(), { discreet }, language, crisisLinesFor(phone));

describe('the crisis lines of a number', () => {
  it('reads the country of an E.164 number, and the main country of its calling code when the exact one is unknown', () => {
    expect(countryOfPhone('+14155550100')).toBe('US');
    expect(countryOfPhone('+14165550100')).toBe('CA');
    expect(countryOfPhone('+17875550123')).toBe('PR');
    expect(countryOfPhone('+34612345678')).toBe('ES');
    expect(countryOfPhone('+5215512345678')).toBe('MX');
    // Ofcom's drama range and an unassigned US area code: the metadata cannot say, the calling code can.
    expect(countryOfPhone('+447400123456')).toBe('GB');
    expect(countryOfPhone('+15555550100')).toBe('US');
    expect(countryOfPhone(undefined)).toBeUndefined();
    expect(countryOfPhone('not a number')).toBeUndefined();
  });

  it('gives the US and Puerto Rico 911, 988 and the hotline, and Canada 911 and 988', () => {
    expect(crisisLinesFor('+14155550100')).toEqual({ region: 'us', emergency: '911', located: true });
    expect(crisisLinesFor('+17875550123')).toEqual({ region: 'us', emergency: '911', located: true });
    expect(crisisLinesFor('+16135550123')).toEqual({ region: 'canada', emergency: '911', located: true });
  });

  it.each([
    ['+447400123456', '999'],
    ['+353851234567', '112'],
    ['+4915112345678', '112'],
    ['+34612345678', '112'],
    ['+33612345678', '112'],
    ['+61412345678', '000'],
    ['+64211234567', '111'],
    ['+5215512345678', '911'],
  ])('gives %s the national emergency number %s', (phone, emergency) => {
    expect(crisisLinesFor(phone)).toMatchObject({ region: 'elsewhere', emergency, located: true });
  });

  it.each([
    ['ES', '016', '024'],
    ['FR', '3919', '3114'],
    ['DE', '116 016', '0800 111 0 111'],
    ['IE', '1800 341 900', '116 123'],
    ['GB', undefined, '116 123'],
    ['AU', '1800 737 732', '13 11 14'],
    ['NZ', '0800 733 843', '1737'],
    ['MX', undefined, '800 911 2000'],
    ['CO', '155', undefined],
    ['AR', '144', undefined],
    ['CL', '1455', '*4141'],
    ['IT', undefined, undefined],
    ['JM', undefined, undefined],
  ] as const)(
    'gives %s its own free lines where it has them: abuse %s, crisis %s',
    (country, abuse, crisis) => {
      const lines = crisisLinesForCountry(country);
      expect(lines.abuse).toBe(abuse);
      expect(lines.crisis).toBe(crisis);
    },
  );

  it('gives a country the table does not know no number: "your local emergency number" and the directory', () => {
    for (const phone of ['+18765550123', '+8613800138000', '+27821234567'])
      expect(crisisLinesFor(phone), phone).toEqual({ region: 'elsewhere', located: true });
    expect(crisisLinesForCountry(undefined)).toEqual({ region: 'elsewhere', located: true });
  });

  it('gives someone with no number (an email sender) the US lines, marked as not located', () => {
    expect(crisisLinesFor(undefined)).toEqual({ region: 'us', emergency: '911', located: false });
  });

  it('are the same when the webhooks load the number metadata only to place a number (crisisLinesOf)', async () => {
    for (const phone of [
      '+14155550100',
      '+16135550123',
      '+34612345678',
      '+447400123456',
      '+99912345',
      undefined,
    ])
      expect(await crisisLinesOf(phone), phone).toEqual(crisisLinesFor(phone));
  });

  it('for a person the program knows, are those of where they live by their time zone, then of their number', async () => {
    // A Spanish number in Bogotá: Colombia's 123; a UK number living in Madrid: 112, which 999 is not there.
    expect(await crisisLinesOfPerson({ timezone: 'America/Bogota', phone: '+34612345678' })).toEqual({
      region: 'elsewhere',
      emergency: '123',
      located: true,
      abuse: '155',
    });
    expect(await crisisLinesOfPerson({ timezone: 'Europe/Madrid', phone: '+447400123456' })).toMatchObject({
      emergency: '112',
    });
    // A US number living in Toronto: Canada's lines, without the US-only hotline.
    expect(await crisisLinesOfPerson({ timezone: 'America/Toronto', phone: '+14155550100' })).toMatchObject({
      region: 'canada',
    });
    // Signed up by email alone: their zone still places them.
    expect(await crisisLinesOfPerson({ timezone: 'Europe/London' })).toMatchObject({ emergency: '999' });
    // A zone of no country (UTC): the number's country, and with no number the US lines, not located.
    expect(await crisisLinesOfPerson({ timezone: 'UTC', phone: '+447400123456' })).toMatchObject({
      emergency: '999',
    });
    expect(await crisisLinesOfPerson({ timezone: 'UTC' })).toEqual(crisisLinesFor(undefined));
  });

  it('knows only real country codes', () => {
    for (const country of ['GB', 'IE', 'FR', 'DE', 'AU', 'NZ', 'MX', 'IN', 'GU'] as const) {
      expect(isSupportedCountry(country)).toBe(true);
      expect(crisisLinesForCountry(country).emergency, country).toMatch(/^\d{3}$/);
    }
    expect(HELPLINE_DIRECTORY).toBe('findahelpline.com');
  });
});

describe('the crisis text', () => {
  it('is at most two GSM-7 segments in English and five UCS-2 segments in Spanish, whatever the country, mode and follow-up', () => {
    every((language, name, discreet) => {
      for (const followUp of FOLLOW_UPS) {
        const text = crisis(language, NUMBERS[name], discreet, followUp);
        const counted = segments(text);
        const label = `${language} ${name} ${discreet ? 'discreet' : ''} ${followUp ?? ''}: ${text}`;
        if (language === 'en') {
          expect(counted.encodingName, label).toBe('GSM-7');
          expect(counted.segmentsCount, label).toBeLessThanOrEqual(2);
        } else {
          // Spanish keeps its accents (á, í, ó, ú are not GSM-7), so it goes as UCS-2.
          expect(counted.encodingName, label).toBe('UCS-2');
          expect(counted.segmentsCount, label).toBeLessThanOrEqual(5);
        }
      }
    });
  });

  it('says in both languages that nobody reads replies as they arrive', () => {
    every((language, name, discreet) => {
      expect(crisis(language, NUMBERS[name], discreet)).toMatch(NOBODY_READS[language]);
    });
  });

  it('in discreet mode names neither the program nor what the lines are for, and suggests deleting the thread', () => {
    every((language, name, discreet) => {
      if (!discreet) return;
      for (const followUp of FOLLOW_UPS) {
        const text = crisis(language, NUMBERS[name], true, followUp);
        expect(text).not.toMatch(/kintsugi/i);
        expect(relationshipWordsIn(text), text).toEqual([]);
        expect(text).not.toMatch(SPANISH_RELATIONSHIP);
        expect(text).toMatch(DELETE[language]);
      }
    });
    // The usual text names the program and what each line is for.
    expect(crisis('en', NUMBERS.us, false)).toMatch(/^Kintsugi: .*National Domestic Violence Hotline/);
  });

  it('gives the US every line: 911, 988 and the hotline by call or text', () => {
    for (const discreet of [false, true]) {
      const text = crisis('en', NUMBERS.us, discreet);
      for (const line of ['Call 911', 'Call or text 988', '1-800-799-7233', 'text START to 88788'])
        expect(text).toContain(line);
    }
  });

  it('in Spanish, says how to reach 988 and the hotline in Spanish, accents and all', () => {
    for (const discreet of [false, true]) {
      const text = crisis('es', NUMBERS.us, discreet, 'paused');
      expect(text).toContain('Llama al 911');
      expect(text).toContain('988 y oprime 2 (en español)');
      expect(text).toContain('escribe AYUDA al 988');
      expect(text).toMatch(/1-800-799-7233, hablan español/);
      expect(text).toContain('está en pausa');
      expect(text).toContain('Responde REANUDAR'); // the Spanish keyword, as every other Spanish text names it
    }
    expect(crisis('es', NUMBERS.us, false)).toContain('contárnoslo');
  });

  it('gives Canada 911 and 988 and the directory, not the US-only hotline', () => {
    for (const language of LANGUAGES) {
      const text = crisis(language, NUMBERS.canada, false);
      for (const part of ['911', '988', 'findahelpline.com']) expect(text).toContain(part);
      expect(text).not.toContain('1-800-799-7233');
    }
  });

  it('gives a UK number 999, the Samaritans and the directory, and no US number', () => {
    for (const language of LANGUAGES) {
      const text = crisis(language, NUMBERS.uk, false);
      expect(text).toMatch(/(Call|Llama al) 999\./);
      expect(text).toMatch(/(Suicide or crisis|Suicidio o crisis): 116 123\./);
      expect(text).toContain('findahelpline.com');
      for (const us of ['911', '988', '1-800']) expect(text).not.toContain(us);
    }
    expect(crisis('en', NUMBERS.italy, false)).toContain(
      'Call 112. Free helplines where you live: findahelpline.com',
    );
  });

  it("names a country's own lines and what each is for, and in discreet mode the numbers alone", () => {
    const spain = '+34612345678';
    expect(crisis('en', spain, false)).toContain(
      'In danger? Call 112. Suicide or crisis: 024. Violence at home: 016. More free helplines: findahelpline.com',
    );
    expect(crisis('es', spain, false)).toContain(
      '¿En peligro? Llama al 112. Suicidio o crisis: 024. Violencia en casa: 016. Más líneas gratuitas: findahelpline.com',
    );
    expect(crisis('en', spain, true)).toContain(
      'In danger? Call 112. Someone trained to help, free: 024, 016.',
    );
    expect(crisis('en', NUMBERS.colombia, false)).toContain('Call 123. Violence at home: 155.');
    // Someone hurt or threatened at home, or calling out: the line for violence at home first.
    const lines = crisisLinesFor(spain);
    expect(crisisSms(deps(), { discreet: true }, 'es', lines, undefined, 'abuse')).toContain(': 016, 024.');
    expect(crisisSms(deps(), { discreet: false }, 'en', lines, undefined, 'call-for-help')).toContain(
      'Call 112. Violence at home: 016. Suicide or crisis: 024.',
    );
    expect(crisisSms(deps(), { discreet: false }, 'en', lines, undefined, 'self-harm')).toContain(
      'Call 112. Suicide or crisis: 024. Violence at home: 016.',
    );
    expect(concernSms(deps(), { discreet: false }, 'en', lines, 'abuse')).toContain('free: 016, 024.');
    expect(crisis('es', NUMBERS.chile, false)).toContain(
      'Llama al 133. Suicidio o crisis: *4141. Violencia en casa: 1455.',
    );
  });

  it('gives a country with no known number "your local emergency number" and the directory', () => {
    expect(crisis('en', NUMBERS.jamaica, false)).toContain(
      'Call your local emergency number. Free helplines where you live: findahelpline.com',
    );
    expect(crisis('es', NUMBERS.jamaica, false)).toContain('Llama al número de emergencias local.');
  });

  it('says after the lines that the program is paused, or that texts stopped', () => {
    expect(crisis('en', NUMBERS.us, false, 'paused')).toMatch(/Reply RESUME when you want it back\.$/);
    expect(crisis('en', NUMBERS.us, false, 'stopped')).toMatch(/You won't get more texts from Kintsugi\.$/);
    expect(crisis('en', NUMBERS.us, true, 'stopped')).toMatch(
      /You won't get more texts from us\. You may want to delete this thread\.$/,
    );
  });
});

describe('the concern text', () => {
  it('is one GSM-7 segment in English and three UCS-2 segments at most in Spanish, discreet mode included', () => {
    every((language, name, discreet) => {
      const text = concern(language, NUMBERS[name], discreet);
      const counted = segments(text);
      if (language === 'en') {
        expect(counted.encodingName, text).toBe('GSM-7');
        expect(counted.segmentsCount, text).toBe(1);
      } else expect(counted.segmentsCount, text).toBeLessThanOrEqual(3);
    });
  });

  it('says nobody reads replies live, gives the lines of the country, and in discreet mode suggests deleting', () => {
    every((language, name, discreet) => {
      const text = concern(language, NUMBERS[name], discreet);
      expect(text).toMatch(NOBODY_READS[language === 'en' ? 'en' : 'es']);
      expect(text).not.toMatch(/kintsugi/i);
      expect(relationshipWordsIn(text), text).toEqual([]);
      expect(text).not.toMatch(SPANISH_RELATIONSHIP);
      if (discreet) expect(text).toMatch(DELETE[language]);
      else expect(text).not.toMatch(DELETE[language]);
    });
    expect(concern('en', NUMBERS.us, false)).toMatch(/911.*988.*1-800-799-7233/);
    expect(concern('es', NUMBERS.us, false)).toMatch(/988 y oprime 2.*1-800-799-7233 \(hablan español\)/);
    expect(concern('en', NUMBERS.italy, false)).toMatch(/Call 112\..*findahelpline\.com/);
    expect(concern('en', NUMBERS.uk, false)).toMatch(/Call 999\. Someone trained to help, free: 116 123\.$/);
    expect(concern('es', NUMBERS.germany, true)).toMatch(/Llama al 112\. .*: 0800 111 0 111, 116 016\./);
  });
});

describe("the footers name a country's own crisis line", () => {
  it('in every email and on every page, beside the emergency number and the directory', () => {
    const spain = crisisLinesForCountry('ES');
    expect(limitsFor(spain, 'en')).toContain(
      'In danger? Call 112. In crisis? Call 024. Free helplines in your country',
    );
    expect(limitsFor(spain, 'es')).toContain('¿En peligro? Llama al 112. ¿En crisis? Llama al 024.');
    expect(LAYOUT_WORDS.en.footer(spain)).toContain(
      'If you are in danger, call 112. Suicide or crisis: 024. Violence at home: 016. More free, confidential helplines',
    );
    expect(LAYOUT_WORDS.es.footer(crisisLinesForCountry('CO'))).toContain(
      'llama al 123. Violencia en casa: 155. Más líneas de ayuda',
    );
    expect(LAYOUT_WORDS.en.footer(crisisLinesForCountry('IT'))).toContain(
      'call 112. Free, confidential helplines in your country',
    );
  });
});

describe('the HELP answer', () => {
  it('carries a crisis line beside what the carriers require, in both wordings', () => {
    const { sms, discreet } = catalog.messages;
    for (const help of [sms.help, discreet.sms.help as string]) {
      expect(help).toContain('Crisis: 988');
      for (const part of ['{{frequency}}', 'Msg&data rates may apply', 'STOP', '{{supportEmail}}'])
        expect(help).toContain(part);
    }
  });
});

describe('the crisis email', () => {
  const email = (language: MessageLanguage, lines: CrisisLines, discreet = false) =>
    composeSafetyEmail(deps(), 'someone@example.com', { id: 'e1', discreet }, false, { language, lines });

  it('without a number to tell the country, gives the US lines and a line for anyone outside the US', () => {
    const text = email('en', crisisLinesFor(undefined)).text;
    expect(text).toContain('National Domestic Violence Hotline');
    expect(text).toContain('Outside the US? If you are in danger, call your local emergency number.');
    expect(text).toContain('https://findahelpline.com');
    expect(email('en', crisisLinesFor(NUMBERS.us)).text).not.toContain('Outside the US');
  });

  it('in Spanish, is written in Spanish and marked so, and names 988 and the hotline in Spanish', () => {
    const sent = email('es', crisisLinesFor(NUMBERS.us));
    expect(sent.subject).toBe('Kintsugi: personas con quienes puedes hablar ahora mismo');
    expect(sent.html).toContain('lang="es"');
    expect(sent.text).toContain('oprime 2 para hablar en español, o escribe AYUDA al 988');
    expect(sent.text).toContain('hay personas que te atienden en español');
    expect(sent.text).toMatch(NOBODY_READS.es);
  });

  it('gives a UK number 999 to tap and the directory, and a preheader that names no US line', () => {
    const sent = email('en', crisisLinesFor(NUMBERS.uk));
    expect(sent.html).toContain('href="tel:999"');
    expect(sent.text).toContain('https://findahelpline.com');
    // (The footer every email carries names the US lines; the body names none.)
    const body = sent.text.split('\n—\n')[0] as string;
    for (const us of ['911', '988', '1-800-799-7233']) expect(body).not.toContain(us);
    expect(sent.html).not.toContain('1-800-799-7233');
    expect(sent.html).not.toContain('tel:911');
    expect(sent.html).toContain(catalog.messages.safety.email.en.discreetPreheader);
  });

  it("gives a country's own lines to tap, what each is for, and the directory for the rest", () => {
    const germany = email('en', crisisLinesFor(NUMBERS.germany));
    expect(germany.html).toContain('href="tel:112"');
    expect(germany.html).toMatch(/href="tel:08001110111"[^>]*>0800 111 0 111<\/a>/);
    expect(germany.html).toMatch(/href="tel:116016"[^>]*>116 016<\/a>/);
    expect(germany.text).toMatch(/ending your life.*call 0800 111 0 111/);
    expect(germany.text).toMatch(/at home hurts.*call 116 016/);
    expect(germany.text).toContain('For other free helplines in your country, see https://findahelpline.com');
    // A country with one line of its own: that one, and the directory for the other.
    const uk = email('es', crisisLinesFor(NUMBERS.uk)).text;
    expect(uk).toMatch(/quitarte la vida.*llama al 116 123/);
    expect(uk).toMatch(/en casa te hace daño.*findahelpline\.com/);
    const colombia = email('en', crisisLinesFor(NUMBERS.colombia)).text;
    expect(colombia).toMatch(/at home hurts.*call 155/);
    expect(colombia).toMatch(/ending your life.*findahelpline\.com/);
    // Chile's line is dialled with its star.
    expect(email('es', crisisLinesFor(NUMBERS.chile)).html).toContain('href="tel:*4141"');
  });

  it('in discreet mode keeps a neutral subject in both languages', () => {
    for (const language of LANGUAGES) {
      const sent = email(language, crisisLinesFor(NUMBERS.us), true);
      expect(sent.subject).not.toMatch(/kintsugi/i);
      expect(relationshipWordsIn(sent.subject)).toEqual([]);
      expect(sent.fromName).toBe('K. Program');
    }
  });
});
