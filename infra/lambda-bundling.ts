import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildOptions } from 'esbuild';

/**
 * How every handler is bundled: the one definition CDK's NodejsFunction reads (constructs/program-function.ts)
 * and `npm run bench` and the bundle tests rebuild with, so what is measured is what is deployed.
 */
export const LAMBDA_BUNDLING = {
  /** The Lambda runtime's Node version (NODEJS_24_X). */
  target: 'node24',
  platform: 'node',
  format: 'cjs',
  // ESM entry points let esbuild tree-shake the modular packages.
  mainFields: ['module', 'main'],
  minify: true,
  sourcemap: true,
  // Stack traces need names and lines, not the sources themselves.
  sourcesContent: false,
  /**
   * The Node.js runtimes ship AWS SDK v3 with its @smithy packages, one release of every client and
   * lib-dynamodb together: not bundled, which keeps every handler under 700 KB (docs/BENCHMARKS.md).
   */
  external: ['@aws-sdk/*', '@smithy/*'],
} as const;

/** The largest bundle a handler may have (`npm run bench` and test/infra/bundles.test.ts check it). */
export const MAX_BUNDLE_BYTES = 700 * 1024;

/** esbuild options that bundle one handler (file name under functions/handlers/, no `.ts`) as CDK does. */
export function handlerBuildOptions(projectRoot: string, handlerFile: string, outfile: string): BuildOptions {
  return {
    entryPoints: [join(projectRoot, 'functions', 'handlers', `${handlerFile}.ts`)],
    bundle: true,
    outfile,
    absWorkingDir: projectRoot,
    logLevel: 'warning',
    ...LAMBDA_BUNDLING,
    mainFields: [...LAMBDA_BUNDLING.mainFields],
    external: [...LAMBDA_BUNDLING.external],
  };
}

/** The Lambda entry points: the files under functions/handlers/ that export `handler`, by name. */
export function lambdaHandlers(projectRoot: string): string[] {
  const dir = join(projectRoot, 'functions', 'handlers');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.ts'))
    .filter((file) => /export (const|async function) handler\b/.test(readFileSync(join(dir, file), 'utf8')))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();
}
