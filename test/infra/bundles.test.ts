import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCatalog, PROJECT_ROOT } from '../../infra/catalog';
import { handlerBuildOptions, lambdaHandlers, MAX_BUNDLE_BYTES } from '../../infra/lambda-bundling';

const HANDLERS = lambdaHandlers(PROJECT_ROOT);

interface Bundle {
  bytes: number;
  inputs: string[];
}

const bundles = new Map<string, Bundle>();

beforeAll(async () => {
  ensureCatalog();
  for (const name of HANDLERS) {
    // The options CDK bundles with (infra/lambda-bundling.ts), plus a metafile to see what went in.
    const result = await build({
      ...handlerBuildOptions(PROJECT_ROOT, name, join(PROJECT_ROOT, 'cdk.out', 'bundle-test', `${name}.js`)),
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const metafile = result.metafile as Metafile;
    const [, output] = Object.entries(metafile.outputs).find(([path]) => path.endsWith('.js')) ?? [];
    bundles.set(name, { bytes: output?.bytes ?? 0, inputs: Object.keys(metafile.inputs) });
  }
}, 120_000);

describe('every handler, bundled as CDK bundles it', () => {
  it('is found: every Lambda of the stack has an entry point here', () => {
    expect(HANDLERS).toEqual(
      expect.arrayContaining(['dispatch', 'send', 'sms-inbound', 'enroll', 'confirm']),
    );
  });

  it.each(HANDLERS)('%s stays under 700 KB', (name) => {
    expect(bundles.get(name)?.bytes).toBeLessThanOrEqual(MAX_BUNDLE_BYTES);
  });

  it.each(HANDLERS)('%s loads neither the full Twilio client nor its axios HTTP stack', (name) => {
    const inputs = bundles.get(name)?.inputs ?? [];
    expect(inputs.filter((input) => input.includes('twilio/lib/rest/Twilio'))).toEqual([]);
    expect(inputs.filter((input) => input.includes('node_modules/axios/'))).toEqual([]);
  });

  it.each(HANDLERS)('%s leaves the AWS SDK to the Lambda runtime', (name) => {
    const inputs = bundles.get(name)?.inputs ?? [];
    expect(inputs.filter((input) => /node_modules\/@(aws-sdk|smithy)\//.test(input))).toEqual([]);
  });
});
