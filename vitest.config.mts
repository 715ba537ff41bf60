import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A stray .only would run one test and pass the rest by: it is an error instead.
    allowOnly: false,
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    // Integration tests start servers and run the program's loop against real emulators.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'WARN',
      POWERTOOLS_METRICS_DISABLED: 'true',
    },
  },
});
