/**
 * `npm run bench` (`-- --quick` for small sizes). Sets the local-only environment before any module of
 * the program loads (the logger and metrics read it once), then runs bench/benchmarks.ts.
 */
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// Required, not imported: an import would load the program before the lines above run.
const { main } = require('./benchmarks') as typeof import('./benchmarks');

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
