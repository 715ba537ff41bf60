import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildOptions, Metafile } from 'esbuild';

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
 * What the SDK reaches only by `import()`, and never from the calls the program makes in Node: `bowser` parses a
 * browser's user agent (the SDK's browser build), and `@smithy/core/event-streams` reads operations that stream
 * events (none of the DynamoDB, SES, SQS, SNS or Secrets Manager calls here do). Left in, they were 53 KB
 * written into every function. `test/infra/bundles.test.ts` checks they stay out and that an SDK call goes out
 * without them.
 */
export const SDK_PATHS_NEVER_REACHED_HERE = ['bowser', '@smithy/core/event-streams'] as const;

/** The entry file's name: a function's handler setting is `index.handler`. */
export const ENTRY_NAME = 'index';

/**
 * How every handler is bundled: the one definition the stack's functions are built with
 * (constructs/program-function.ts) and `npm run bench` and the bundle tests rebuild with, so what is
 * measured is what is deployed.
 */
export const LAMBDA_BUNDLING = {
  /** The Lambda runtime's Node version (NODEJS_24_X). */
  target: 'node24',
  platform: 'node',
  /**
   * ES modules, split: each module reached only by `import()` (the reply webhooks' SES client, the SNS
   * client of the safety alerts, the phone-number metadata of the crisis lines, Twilio's Messages API…)
   * becomes a file of its own beside `index.mjs`, read when it is first called, not at every start. One
   * file holding them all would have V8 read (pre-parse) every byte of it at each start, called or not;
   * docs/BENCHMARKS.md (section 3) measures what that cost. Code the entry point and such a file share
   * goes into a shared file, loaded once.
   */
  format: 'esm',
  splitting: true,
  entryNames: ENTRY_NAME,
  chunkNames: '[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  /**
   * The CommonJS packages in a bundle (Twilio's webhook check, a few of the SDK's) `require` Node's own
   * modules, which an ES module has no `require` for: each file gets one, for those calls only.
   */
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
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
   * is only the commands a handler sends, and loads faster (docs/BENCHMARKS.md, section 3, measures both).
   * Left out: the credential sources the default chain reaches only by `import()` after the environment
   * has none (SSO, profiles, a process, a web-identity token file, container and instance metadata). A
   * Lambda always has its role's credentials in the environment, so none of them ever runs there; if one
   * did, the runtime's own copy would answer. Nor the SDK's browser and event-stream code
   * (SDK_PATHS_NEVER_REACHED_HERE).
   */
  external: [...CREDENTIAL_SOURCES_NEVER_REACHED_IN_LAMBDA, ...SDK_PATHS_NEVER_REACHED_HERE] as string[],
} as const;

/** The file Lambda loads, in the function's directory. */
export const ENTRY_FILE = `${ENTRY_NAME}.mjs`;

/**
 * A ceiling, not a goal: what counts is how fast a handler starts (`npm run bench`, section 3, sets the goal:
 * the slowest handler loads in at most half the time `require('twilio')` takes). It holds for all of a
 * function's files together, those read at the start and those read at a first use. Each handler bundles
 * only the catalog parts and adapters its entry point names (functions/wiring/), with the AWS SDK bundled.
 * test/infra/bundles.test.ts and the bench check it.
 */
export const MAX_BUNDLE_BYTES = 1.5 * 1024 * 1024;

/** esbuild options that bundle one handler (file name under functions/handlers/, no `.ts`) into `outdir`. */
export function handlerBuildOptions(projectRoot: string, handlerFile: string, outdir: string): BuildOptions {
  return {
    entryPoints: [join(projectRoot, 'functions', 'handlers', `${handlerFile}.ts`)],
    bundle: true,
    outdir,
    absWorkingDir: projectRoot,
    logLevel: 'warning',
    ...LAMBDA_BUNDLING,
    mainFields: [...LAMBDA_BUNDLING.mainFields],
    external: [...LAMBDA_BUNDLING.external],
  };
}

/**
 * What a function's bundle reads at its start and at first uses, from esbuild's metafile: the entry file and
 * the shared files it imports (statically, all the way down) are read at every start; the rest only when an
 * `import()` first reaches them.
 */
export interface BundleFiles {
  /** Bytes of every JavaScript file of the function. */
  bytes: number;
  /** Bytes of the files read at the start. */
  startBytes: number;
  /** Source files with code in the files read at the start. */
  startInputs: string[];
  /** Source files with code in any file of the function. */
  inputs: string[];
}

export function bundleFiles(metafile: Metafile): BundleFiles {
  const js = Object.entries(metafile.outputs).filter(([path]) => path.endsWith('.mjs'));
  const outputs = new Map(js);
  // Each module reached by `import()` is an entry point of its own to esbuild: the function's is `index.mjs`.
  const entry = js.find(([path, output]) => output.entryPoint && path.endsWith(`/${ENTRY_FILE}`))?.[0];
  const atStart = new Set<string>();
  const visit = (path: string | undefined) => {
    if (!path || atStart.has(path) || !outputs.has(path)) return;
    atStart.add(path);
    for (const imported of outputs.get(path)?.imports ?? []) {
      if (imported.kind === 'import-statement') visit(imported.path);
    }
  };
  visit(entry);
  const inputsOf = (paths: Iterable<string>) => [
    ...new Set(
      [...paths].flatMap((path) =>
        Object.entries(outputs.get(path)?.inputs ?? {})
          .filter(([, input]) => input.bytesInOutput > 0)
          .map(([input]) => input),
      ),
    ),
  ];
  const bytesOf = (paths: Iterable<string>) =>
    [...paths].reduce((sum, path) => sum + (outputs.get(path)?.bytes ?? 0), 0);
  return {
    bytes: bytesOf(outputs.keys()),
    startBytes: bytesOf(atStart),
    startInputs: inputsOf(atStart),
    inputs: inputsOf(outputs.keys()),
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
