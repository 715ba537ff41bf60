// Mutation testing (`npm run mutate`): StrykerJS over the program's rules and the use cases that decide
// what is sent and recorded, against the unit layer only (vitest.stryker.config.mts). Not part of `npm test`.
// Excluded from mutation, and why:
// - safety-model-weights.json: generated numbers (bench/train-safety-model.ts), not code.
// - safety-patterns-en.ts, safety-patterns-es.ts: ~1,900 lines of phrase tables; every string and regex in
//   them is a mutant, and they are measured by the labelled corpus (`npm run eval:safety`, precision and
//   recall), not by unit assertions one phrase at a time.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.mts' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.stryker.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  mutate: [
    'functions/program/**/*.ts',
    '!functions/program/safety-patterns-en.ts',
    '!functions/program/safety-patterns-es.ts',
    'functions/use-cases/sending/dispatch.ts',
    'functions/use-cases/sending/send.ts',
    'functions/use-cases/replies/*.ts',
    'functions/use-cases/services/consent.ts',
    'functions/use-cases/services/record-reply.ts',
    'functions/use-cases/services/safety.ts',
  ],
  concurrency: 2,
  timeoutMS: 20_000,
  // The dry run of a file the safety model's training reads (language.ts, safety*.ts) retrains it instrumented:
  // past Stryker's default 5 minutes on two shared cores (language.ts timed out there on 2026-12-06).
  dryRunTimeoutMinutes: 20,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'artifacts/mutation/index.html' },
  jsonReporter: { fileName: 'artifacts/mutation/mutation.json' },
  // Not copied into the sandbox: the emulators' download cache (a symlink here), outputs, the docs.
  ignorePatterns: ['.cache', 'artifacts', 'cdk.out', 'docs', 'reports'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignoreStatic: true,
  // Incremental mode: results accumulate in reports/stryker-incremental.json (kept in git; `npm run mutate`'s
  // detector pass keeps its own, reports/stryker-incremental-detector.json, scripts/mutation-passes.mjs),
  // and a later run re-tests only mutants whose code or covering tests changed. A narrowed run such as
  //   npx stryker run --mutate functions/program/consent.ts --concurrency 1
  // keeps the other files' results: Stryker's IncrementalDiffer carries over every old mutant outside the
  // run's `mutate` scope unchanged, so the JSON/HTML report after it still shows all files measured so far
  // (checked: see docs/BENCHMARKS.md). Those carried-over results are not re-checked against changed tests
  // until their own file is run again; `--force` re-tests everything in scope.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
};
