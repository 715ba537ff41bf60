/**
 * Cold start: every handler bundled with the options CDK bundles it with (infra/lambda-bundling.ts), its
 * size, and the time a fresh `node` takes to load it, beside loading the full `twilio` client.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { ensureCatalog, PROJECT_ROOT } from '../infra/catalog';
import { handlerBuildOptions, lambdaHandlers, MAX_BUNDLE_BYTES } from '../infra/lambda-bundling';
import { log, median, sig } from './measure';

export interface HandlerBundle {
  handler: string;
  bytes: number;
  /** Median milliseconds to `require` the bundle in a fresh process. */
  loadMs: number;
  fullTwilio: boolean;
  /** The same handler with the AWS SDK bundled in (the choice not made), for comparison. */
  withSdk: { bytes: number; loadMs: number };
}

export interface ColdStart {
  bundles: HandlerBundle[];
  /** Median milliseconds to `require('twilio')` in a fresh process. */
  twilioLoadMs: number;
  /** Fresh processes each median is taken over. */
  runs: number;
}

/** Where the bundles go: inside the project, so the SDK (left external) resolves as the Lambda runtime's would. */
const OUT_DIR = join(PROJECT_ROOT, 'cdk.out', 'bench-bundles');

/** Milliseconds from before to after `require(target)`, in a fresh `node` with a Lambda-like environment. */
function loadMs(target: string): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(target)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const output = execFileSync(process.execPath, ['-e', script], {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env.PATH,
      AWS_REGION: 'us-east-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_SERVICE_NAME: 'kintsugi-bench',
    },
  });
  return Number(output.toString());
}

export async function coldStart(options: { runs: number }): Promise<ColdStart> {
  ensureCatalog();
  mkdirSync(OUT_DIR, { recursive: true });
  const bundles: HandlerBundle[] = [];
  for (const handler of lambdaHandlers(PROJECT_ROOT)) {
    const outfile = join(OUT_DIR, `${handler}.js`);
    const result = await build({ ...handlerBuildOptions(PROJECT_ROOT, handler, outfile), metafile: true });
    const metafile = result.metafile as Metafile;
    const bytes =
      metafile.outputs[Object.keys(metafile.outputs).find((o) => o.endsWith('.js')) as string]?.bytes ?? 0;
    const fullTwilio = Object.keys(metafile.inputs).some((input) => input.includes('twilio/lib/rest/Twilio'));
    const withSdkFile = join(OUT_DIR, `${handler}.with-sdk.js`);
    const withSdkBuild = await build({
      ...handlerBuildOptions(PROJECT_ROOT, handler, withSdkFile),
      external: [],
      metafile: true,
    });
    const withSdkMeta = withSdkBuild.metafile as Metafile;
    const withSdkBytes =
      withSdkMeta.outputs[Object.keys(withSdkMeta.outputs).find((o) => o.endsWith('.js')) as string]?.bytes ??
      0;
    // Interleaved, so a change in the machine's load touches both alike.
    const times = Array.from({ length: options.runs }, () => [loadMs(outfile), loadMs(withSdkFile)] as const);
    const loadMsMedian = median(times.map(([chosen]) => chosen));
    const withSdkLoadMs = median(times.map(([, other]) => other));
    bundles.push({
      handler,
      bytes,
      loadMs: loadMsMedian,
      fullTwilio,
      withSdk: { bytes: withSdkBytes, loadMs: withSdkLoadMs },
    });
    log(
      `  ${handler.padEnd(14)} ${sig(bytes / 1024)} KB${bytes > MAX_BUNDLE_BYTES ? ` (over ${MAX_BUNDLE_BYTES / 1024} KB)` : ''}   load ${sig(loadMsMedian)} ms${fullTwilio ? '   FULL TWILIO CLIENT' : ''}` +
        `   (SDK bundled: ${sig(withSdkBytes / 1024)} KB, ${sig(withSdkLoadMs)} ms)`,
    );
  }
  const twilioLoadMs = median(Array.from({ length: options.runs }, () => loadMs('twilio')));
  log(`  require('twilio') (the full client): ${sig(twilioLoadMs)} ms`);
  return { bundles, twilioLoadMs, runs: options.runs };
}
