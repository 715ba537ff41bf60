/**
 * Compiles the MJML layouts (strict validation) into HTML with `{{name}}` / `{{{body}}}` placeholders
 * left for the renderer. Build time only. `tsx templates/build.ts` compiles and reports sizes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import mjml2html from 'mjml';
import { parse as parseYaml } from 'yaml';
import { type Placeholder, placeholdersIn } from '../content/schema';
import { LANGUAGES, type Language, type Layouts } from '../functions/program/types';

export const TEMPLATES_DIR = __dirname;

export type LayoutName = keyof Layouts;
export const LAYOUT_NAMES: readonly LayoutName[] = [
  'message',
  'action',
  'rating',
  'yesNo',
  'report',
  'invitation',
];

/** What every layout carries: document language, title, preheader, body and the footer's links. */
const COMMON = [
  'lang',
  'subject',
  'preheader',
  'body',
  'unsubscribeUrl',
  'privacyUrl',
  'settingsUrl',
  'postalAddress',
  'crisisLines',
  // The name over the email and why it came: neutral in discreet mode (use-cases/services/compose.ts brandFor).
  'brand',
  'whyThis',
] as const satisfies readonly Placeholder[];

/** The exact placeholders each compiled layout holds; the renderer must supply every one. */
export const LAYOUT_PLACEHOLDERS: Record<LayoutName, readonly Placeholder[]> = {
  message: COMMON,
  action: [...COMMON, 'actionLabel', 'actionUrl', 'details'],
  rating: [...COMMON, 'question', 'answer1Url', 'answer2Url', 'answer3Url', 'answer4Url', 'answer5Url'],
  yesNo: [...COMMON, 'question', 'yesUrl', 'noUrl'],
  report: [...COMMON, 'charts', 'actionLabel', 'actionUrl'],
  // The invited person is not a participant: no unsubscribe, data or settings page of theirs exists.
  invitation: [
    'lang',
    'subject',
    'preheader',
    'body',
    'actionLabel',
    'actionUrl',
    'details',
    'stopInvitationsUrl',
    'postalAddress',
    'brand',
  ],
};

/** Placeholders filled raw (trusted HTML rendered at build time); every other one is HTML-escaped. */
export const RAW_PLACEHOLDERS: readonly Placeholder[] = ['body', 'charts', 'details'];

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** The layouts' words in every language (templates/words.yaml); fails on a key one language lacks. */
export function layoutWords(dir: string = TEMPLATES_DIR): Record<Language, Record<string, string>> {
  const words = parseYaml(readFileSync(path.join(dir, 'words.yaml'), 'utf8')) as Record<
    string,
    Record<string, string>
  >;
  const keys = new Set(LANGUAGES.flatMap((language) => Object.keys(words[language] ?? {})));
  for (const language of LANGUAGES)
    for (const key of keys)
      if (typeof words[language]?.[key] !== 'string' || !words[language][key].trim())
        throw new TemplateError(`words.yaml: ${language}.${key} is missing`);
  return words as Record<Language, Record<string, string>>;
}

/** Writes a language's words into a compiled layout: [[key]], or [[key:n]] for a word with {n} in it. */
function withWords(
  html: string,
  words: Record<string, string>,
  name: LayoutName,
  language: Language,
): string {
  const out = html.replace(/\[\[([A-Za-z]+)(?::(\d+))?\]\]/g, (_m, key: string, n: string | undefined) => {
    const word = words[key];
    if (word === undefined)
      throw new TemplateError(`${name}.mjml: [[${key}]] is not in words.yaml (${language})`);
    return n === undefined ? word : word.replace('{n}', n);
  });
  return out;
}

/**
 * Compiles one layout in one language; fails on any MJML error, on a placeholder that differs from
 * LAYOUT_PLACEHOLDERS, or on a word missing from templates/words.yaml.
 */
export async function compileLayout(
  name: LayoutName,
  dir: string = TEMPLATES_DIR,
  language: Language = 'en',
): Promise<string> {
  const file = path.join(dir, `${name}.mjml`);
  let result: Awaited<ReturnType<typeof mjml2html>>;
  try {
    result = await mjml2html(readFileSync(file, 'utf8'), {
      validationLevel: 'strict',
      filePath: file,
      ignoreIncludes: false,
      includePath: dir,
      keepComments: false,
      // htmlnano collapses whitespace and drops plain comments, keeping Outlook's conditional comments and
      // the {{placeholders}}: a quarter smaller, so every send fills, encodes and ships less. The CSS is
      // left as written (minifying it needs cssnano, for 1.7 KB).
      minify: true,
      minifyOptions: { minifyCss: false },
    });
  } catch (error) {
    throw new TemplateError(`${name}.mjml: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (result.errors.length) {
    throw new TemplateError(`${name}.mjml:\n  ${result.errors.map((e) => e.formattedMessage).join('\n  ')}`);
  }
  const html = withWords(result.html, layoutWords(dir)[language], name, language);
  const found = new Set(placeholdersIn(html));
  const expected = new Set<string>(LAYOUT_PLACEHOLDERS[name]);
  const extra = [...found].filter((p) => !expected.has(p));
  const missing = [...expected].filter((p) => !found.has(p));
  if (extra.length || missing.length) {
    throw new TemplateError(
      `${name}.mjml: placeholders differ from LAYOUT_PLACEHOLDERS (unexpected: ${extra.join(', ') || 'none'}; missing: ${missing.join(', ') || 'none'})`,
    );
  }
  for (const p of RAW_PLACEHOLDERS) {
    if (html.includes(`{{${p}}}`) && !html.includes(`{{{${p}}}}`))
      throw new TemplateError(`${name}.mjml: {{${p}}} must be written raw, as {{{${p}}}}`);
  }
  return html;
}

/** Compiles every layout, in one language, into the catalog's `layouts`. */
export async function buildLayouts(dir: string = TEMPLATES_DIR, language: Language = 'en'): Promise<Layouts> {
  const compiled = await Promise.all(
    LAYOUT_NAMES.map(async (name) => [name, await compileLayout(name, dir, language)]),
  );
  return Object.fromEntries(compiled) as Layouts;
}

if (require.main === module) {
  buildLayouts()
    .then((layouts) => {
      for (const [name, html] of Object.entries(layouts))
        console.log(`${name}: ${(Buffer.byteLength(html) / 1024).toFixed(1)} KB`);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
