import { defineConfig } from 'vitest/config';

// The unit layer only, for mutation testing (`npm run mutate`): no emulators, no global setup.
// STRYKER_TESTS (comma-separated globs under test/unit) narrows it for a quick partial run of one part;
// the score is then a lower bound, since tests left out might kill more.
const only = process.env.STRYKER_TESTS?.split(',').filter(Boolean);

export default defineConfig({
  test: {
    include: only?.length ? only : ['test/unit/**/*.test.ts'],
    allowOnly: false,
    pool: 'forks',
    // Instrumented code is slower: retraining the safety model (safety-model.test.ts) takes over a minute.
    testTimeout: 300_000,
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'WARN',
      POWERTOOLS_METRICS_DISABLED: 'true',
    },
  },
});
