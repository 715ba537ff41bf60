#!/usr/bin/env node
// `npx kintsugi`: runs the CLI from its TypeScript source with tsx (no build step). The program's own
// logs and metrics are for CloudWatch; on an operator's terminal they would only be noise.
'use strict';

process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
require('tsx/cjs');
// The program imports some adapters lazily (import()), which Node resolves as ESM: tsx reads those too
// once its ESM loader is in place.
import('tsx/esm')
  .then(() => require('./index.ts').main(process.argv))
  .then((code) => {
    process.exitCode = code;
  });
