import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildOptions } from 'esbuild';

/**
 * The packages `@aws-sdk/credential-provider-node` imports dynamically, after `fromEnv` (which it imports
 * statically, and which answers in Lambda). `test/infra/bundles.test.ts` checks they stay out of every
 * bundle and that a bundle's SDK call resolves its credentials without them.
 */
export const CREDENTIAL_SOURCES_NEVER_REACHED_IN_LAMBDA = [
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-process',
  '@aws-sdk/credential-provider-web-identity',
  '@aws-sdk/credential-provider-http',
  '@smithy/credential-provider-imds',
] as const;

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
   * The AWS SDK v3 is bundled, tree-shaken and minified, rather than loaded from the copy the Node.js
   * runtimes ship. The runtime's copy is every client's whole package, read file by file; the bundled one
   * is only the commands a handler sends, and loads in about two thirds of the time (docs/BENCHMARKS.md,
   * section 3, measures both), for 370–490 KB more per handler.
   * Left out: the credential sources the default chain reaches only by `import()` after the environment
   * has none (SSO, profiles, a process, a web-identity token file, container and instance metadata). A
   * Lambda always has its role's credentials in the environment, so none of them ever runs there; if one
   * did, the runtime's own copy would answer. They were ~100 KB of every bundle, parsed at every cold start.
   */
  external: [...CREDENTIAL_SOURCES_NEVER_REACHED_IN_LAMBDA] as string[],
} as const;

/**
 * A ceiling, not a goal: what counts is how fast a handler starts (`npm run bench`, section 3, sets the goal:
 * the slowest handler loads in at most half the time `require('twilio')` takes). Each handler bundles only
 * the catalog parts and adapters its entry point names (functions/wiring.ts), with the AWS SDK bundled; the
 * largest measured 1.24 MB (sms-inbound, with the danger detector's weights) when this was set.
 * test/infra/bundles.test.ts and the bench check it.
 */
export const MAX_BUNDLE_BYTES = 1.5 * 1024 * 1024;

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
