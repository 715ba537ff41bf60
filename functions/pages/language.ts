/**
 * Which language a page is shown in when no enrollment says it: `?lang=en|es` (the form's switch) wins,
 * else the browser's Accept-Language, else English. `negotiator` sits in node_modules only as a dependency
 * of the local SES emulator's express (not of the Lambdas), so this reads the header itself: a dozen
 * lines that follow RFC 9110 §12.5.4 for the two languages the program has.
 */
import { LANGUAGES, type Language } from '../program/types';

const isLanguage = (value: string | undefined): value is Language =>
  (LANGUAGES as readonly string[]).includes(value ?? '');

/**
 * The language an Accept-Language header prefers among ours: each range's q-value (1 when absent, 0
 * refuses it), "es-MX" counting for "es", "*" for whichever we have not named; a tie keeps the header's
 * order, and nothing that matches means English.
 */
export function languageOfHeader(header: string | undefined): Language {
  if (!header) return 'en';
  let best: { language: Language; q: number } | undefined;
  for (const part of header.split(',')) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0 || q > 1) continue;
    const primary = range.trim().split('-')[0];
    const language: Language | undefined = isLanguage(primary) ? primary : undefined;
    if (language && (!best || q > best.q)) best = { language, q };
  }
  return best?.language ?? 'en';
}

/** The page's language: the switch's `?lang=` when it names one of ours, else the header's choice. */
export function chooseLanguage(lang: string | undefined, acceptLanguage: string | undefined): Language {
  const asked = lang?.trim().toLowerCase();
  return isLanguage(asked) ? asked : languageOfHeader(acceptLanguage);
}
