/**
 * `npm start`. Sets the local-only environment first (modules read it when they load), then starts
 * everything (local/serve.ts).
 */
// Metrics go to CloudWatch through Lambda's logs; locally they would only be noise on the terminal.
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
require('./serve');
