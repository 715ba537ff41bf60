import { defineConfig } from 'vitest/config';

// The unit layer only, for mutation testing (`npm run mutate`): no emulators, no global setup.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    allowOnly: false,
    pool: 'forks',
    testTimeout: 60_000,
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'WARN',
      POWERTOOLS_METRICS_DISABLED: 'true',
    },
  },
});
