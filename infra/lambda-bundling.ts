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
  /**
   * Minifying renames classes, and every error takes its name from its class (`this.name =
   * new.target.name`): without this, each `error.name` logged in AWS would read as one letter.
   */
  keepNames: true,
  sourcemap: true,
  // Stack traces need names and lines, not the sources themselves.
  sourcesContent: false,
  /**
   * The Node.js runtimes ship AWS SDK v3 with its @smithy packages, one release of every client and
   * lib-dynamodb together: not bundled, which keeps every handler 400–500 KB smaller (docs/BENCHMARKS.md).
   */
  external: ['@aws-sdk/*', '@smithy/*'],
} as const;

/**
 * The largest bundle a handler may have (`npm run bench` and test/infra/bundles.test.ts check it).
 * It was 700 KB; 800 KB since `keepNames`, which writes every function's and class's name back into
 * the minified code (without it each error logged in AWS is named by one letter). That adds about 3%:
 * the largest handlers went from 687–692 KB to 707–711 KB (sms-inbound 687 → 707 KB), and loading
 * sms-inbound in a fresh `node` costs about 2% more CPU (whole process, 40 runs each, paired: median
 * 0.467 → 0.478 s; ratio 1.02).
 * 900 KB since the danger detector's learned model (functions/program/safety-model-weights.json, 98 KB
 * of base64 int8 weights) went into the two functions that read replies: sms-inbound 727 → 826 KB. The
 * weights are one string per head, unpacked on first use; requiring them alone in a fresh `node` takes
 * about 3 ms, against some 250 ms for the whole bundle.
 */
export const MAX_BUNDLE_BYTES = 900 * 1024;

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
