/**
 * The build: compiles content/ and templates/ into generated/catalog.json (steps without their bodies and
 * the system messages: what every Lambda reads) and the parts a function is given only if it reads them
 * (functions/catalog/with-*.ts): generated/step-bodies.json (and each body in a file of its own under
 * generated/step-bodies/) and step-layouts.json (the send function),
 * email-layouts.json (every function that sends email), enrollment-emails.json (enrollment),
 * invitation-layout.json (the partner function). Refreshes content/coverage.md. `npm run build` runs it before start, test and synth.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildContent, coverageMarkdown } from '../content/build';
import type { Catalog, Language } from '../functions/program/types';
import { buildLayouts } from '../templates/build';

const ROOT = path.resolve(__dirname, '..');
export const CATALOG_FILE = path.join(ROOT, 'generated', 'catalog.json');
/** The step emails' bodies, apart: only the send function composes them (functions/catalog/with-step-bodies.ts). */
export const STEP_BODIES_FILE = path.join(ROOT, 'generated', 'step-bodies.json');
/**
 * The same bodies, one file per step and language (`<language>/<step id>.json`): the send function reads
 * only the body of the step it sends, at its first use (functions/catalog/step-bodies-at-first-use.ts).
 */
export const STEP_BODY_DIR = path.join(ROOT, 'generated', 'step-bodies');
/**
 * The emails only enrollment sends (functions/catalog/with-enrollment-emails.ts), apart too: every other
 * function, the text webhook first, is spared their bytes.
 */
export const ENROLLMENT_EMAILS_FILE = path.join(ROOT, 'generated', 'enrollment-emails.json');
/** The partner invitation's layout (functions/catalog/with-invitation-layout.ts), apart: only the partner function sends it. */
export const INVITATION_LAYOUT_FILE = path.join(ROOT, 'generated', 'invitation-layout.json');
/** The plain and one-button layouts (functions/catalog/with-email-layouts.ts): only functions that send email. */
export const EMAIL_LAYOUTS_FILE = path.join(ROOT, 'generated', 'email-layouts.json');
/** The check-in and report layouts (functions/catalog/with-step-layouts.ts): only the send function. */
export const STEP_LAYOUTS_FILE = path.join(ROOT, 'generated', 'step-layouts.json');
export const COVERAGE_FILE = path.join(ROOT, 'content', 'coverage.md');

/** Compiles one language's catalog in memory, without writing anything. */
async function compileLanguage(language: Language): Promise<Catalog> {
  const { steps, messages } = buildContent(undefined, language);
  return { steps, messages, layouts: await buildLayouts(undefined, language) };
}

/** Compiles the catalog (English, with the Spanish as `es`) in memory, without writing anything. */
export async function compileCatalog(): Promise<Catalog> {
  const [english, spanish] = await Promise.all([compileLanguage('en'), compileLanguage('es')]);
  return { ...english, es: spanish };
}

/** One language's catalog cut into the parts the functions load apart (functions/catalog/with-*.ts). */
function partsOf(catalog: Catalog) {
  // The bodies are two thirds of the catalog: kept apart, they stay out of the webhooks' bundles.
  const bodies = Object.fromEntries(
    catalog.steps
      .filter((step) => step.bodyHtml !== undefined || step.bodyText !== undefined)
      .map((step) => [step.id, { html: step.bodyHtml ?? '', text: step.bodyText ?? '' }]),
  );
  const steps = catalog.steps.map(({ bodyHtml: _html, bodyText: _text, ...step }) => step);
  const { alreadyEnrolled, invitedWhileEnrolled, freshLink, ...email } = catalog.messages.email;
  // The layouts are half of what is left: no function that sends no email carries them.
  const { invitation, message, action, rating, yesNo, report } = catalog.layouts;
  return {
    core: { steps, messages: { ...catalog.messages, email }, layouts: {} },
    emailLayouts: { message, action },
    stepLayouts: { rating, yesNo, report },
    bodies,
    enrollmentEmails: { alreadyEnrolled, invitedWhileEnrolled, freshLink },
    invitationLayout: { invitation },
  };
}

/** Builds generated/catalog.json and content/coverage.md; throws on any content or template error. */
export async function build(): Promise<void> {
  const catalog = await compileCatalog();
  const en = partsOf(catalog);
  const es = partsOf(catalog.es as Catalog);
  const write = (file: string, data: unknown) => writeFileSync(file, `${JSON.stringify(data, null, 1)}\n`);
  mkdirSync(path.dirname(CATALOG_FILE), { recursive: true });
  // The crisis and concern answers are one block in both languages (content/system.yaml `safety`), the
  // same in either catalog: written once, with the English, and given to the Spanish as it loads.
  const { safety: _sameSafety, ...spanishMessages } = es.core.messages;
  write(CATALOG_FILE, { ...en.core, es: { ...es.core, messages: spanishMessages } });
  write(EMAIL_LAYOUTS_FILE, { en: en.emailLayouts, es: es.emailLayouts });
  write(STEP_LAYOUTS_FILE, { en: en.stepLayouts, es: es.stepLayouts });
  write(STEP_BODIES_FILE, { en: en.bodies, es: es.bodies });
  rmSync(STEP_BODY_DIR, { recursive: true, force: true }); // a step taken out leaves no body behind
  for (const [language, bodies] of [
    ['en', en.bodies],
    ['es', es.bodies],
  ] as const) {
    mkdirSync(path.join(STEP_BODY_DIR, language), { recursive: true });
    for (const [id, body] of Object.entries(bodies)) {
      writeFileSync(path.join(STEP_BODY_DIR, language, `${id}.json`), JSON.stringify(body));
    }
  }
  write(ENROLLMENT_EMAILS_FILE, { en: en.enrollmentEmails, es: es.enrollmentEmails });
  write(INVITATION_LAYOUT_FILE, { en: en.invitationLayout, es: es.invitationLayout });
  writeFileSync(COVERAGE_FILE, coverageMarkdown(catalog.steps, catalog.es?.steps));
  console.log(
    `catalog: ${catalog.steps.length} steps, ${Object.keys(catalog.layouts).length} layouts, in English and Spanish -> ${path.relative(ROOT, CATALOG_FILE)}`,
  );
}

if (require.main === module) {
  build().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
