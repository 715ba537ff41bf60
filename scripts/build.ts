/**
 * The build: compiles content/ and templates/ into generated/catalog.json (the one file the Lambdas
 * read) and refreshes content/coverage.md. `npm run build` runs it before start, test and synth.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildContent, coverageMarkdown } from '../content/build';
import type { Catalog } from '../functions/program/types';
import { buildLayouts } from '../templates/build';

const ROOT = path.resolve(__dirname, '..');
export const CATALOG_FILE = path.join(ROOT, 'generated', 'catalog.json');
export const COVERAGE_FILE = path.join(ROOT, 'content', 'coverage.md');

/** Compiles the catalog in memory, without writing anything. */
export async function compileCatalog(): Promise<Catalog> {
  const { steps, messages } = buildContent();
  return { steps, messages, layouts: await buildLayouts() };
}

/** Builds generated/catalog.json and content/coverage.md; throws on any content or template error. */
export async function build(): Promise<void> {
  const catalog = await compileCatalog();
  mkdirSync(path.dirname(CATALOG_FILE), { recursive: true });
  writeFileSync(CATALOG_FILE, `${JSON.stringify(catalog, null, 1)}\n`);
  writeFileSync(COVERAGE_FILE, coverageMarkdown(catalog.steps));
  console.log(
    `catalog: ${catalog.steps.length} steps, ${Object.keys(catalog.layouts).length} layouts -> ${path.relative(ROOT, CATALOG_FILE)}`,
  );
}

if (require.main === module) {
  build().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
