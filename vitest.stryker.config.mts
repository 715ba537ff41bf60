import { defineConfig } from 'vitest/config';

// The unit layer only, for mutation testing (`npm run mutate`): no emulators, no global setup.
// STRYKER_TESTS (comma-separated globs under test/unit) narrows it for a quick partial run of one part;
// the score is then a lower bound, since tests left out might kill more.
const only = process.env.STRYKER_TESTS?.split(',').filter(Boolean);

export default defineConfig({
  test: {
    include: only?.length ? only : ['test/unit/**/*.test.ts'],
    // Two checks of the danger detector left out, each minutes through instrumented code for every mutant it
    // covers: that the shipped weights are a retrain of the development messages (the build's output is
    // current), and that the rules' anchor index changes no outcome (a mutant of a rule changes both paths
    // alike). What the detector hears is still tested here (safety-eval, safety-model, safety-detection…).
    exclude: ['test/unit/safety-weights.test.ts', 'test/unit/safety-anchor-index.test.ts'],
    allowOnly: false,
    pool: 'forks',
    // STRYKER_SHARED_MODULES=1: test files share one module graph instead of loading the program afresh
    // for each (the detector builds its lexicons and model at load: a second or more per file, for every
    // mutant). Values built once and cached then keep the code they were built with, so a mutant there
    // can only survive: the score is a lower bound. Used for the detector's own files (docs/BENCHMARKS.md).
    isolate: process.env.STRYKER_SHARED_MODULES !== '1',
    // Instrumented code is slower: measuring the detector on every labelled message (safety-eval.test.ts).
    testTimeout: 300_000,
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'WARN',
      POWERTOOLS_METRICS_DISABLED: 'true',
    },
  },
});
