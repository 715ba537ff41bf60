import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCatalog, PROJECT_ROOT } from '../../infra/catalog';
import { programFunction } from '../../infra/constructs/program-function';
import {
  type BundleFiles,
  bundleFiles,
  CREDENTIAL_SOURCES_NEVER_REACHED_IN_LAMBDA,
  ENTRY_FILE,
  handlerBuildOptions,
  LAMBDA_BUNDLING,
  lambdaHandlers,
  MAX_BUNDLE_BYTES,
  SDK_PATHS_NEVER_REACHED_HERE,
} from '../../infra/lambda-bundling';

const HANDLERS = lambdaHandlers(PROJECT_ROOT);

/** The step bodies as the build wrote them, by language and step. */
const readBodies = (): Record<string, Record<string, unknown>> =>
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'generated', 'step-bodies.json'), 'utf8'));

const bundles = new Map<string, BundleFiles>();

beforeAll(async () => {
  ensureCatalog();
  for (const name of HANDLERS) {
    // The options the stack bundles with (infra/lambda-bundling.ts), plus a metafile to see what went in.
    const result = await build({
      ...handlerBuildOptions(PROJECT_ROOT, name, join(PROJECT_ROOT, 'cdk.out', 'bundle-test', name)),
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    bundles.set(name, bundleFiles(result.metafile as Metafile));
  }
}, 120_000);

describe('every handler, bundled as the stack bundles it', () => {
  it('is found: every Lambda of the stack has an entry point here', () => {
    expect(HANDLERS).toEqual(
      expect.arrayContaining(['dispatch', 'send', 'sms-inbound', 'enroll', 'confirm']),
    );
  });

  it.each(HANDLERS)(
    `%s stays under the ${MAX_BUNDLE_BYTES / 1024 / 1024} MB ceiling, all its files together`,
    (name) => {
      expect(bundles.get(name)?.bytes).toBeLessThanOrEqual(MAX_BUNDLE_BYTES);
    },
  );

  it.each(HANDLERS)('%s loads neither the full Twilio client nor its axios HTTP stack', (name) => {
    const inputs = bundles.get(name)?.inputs ?? [];
    expect(inputs.filter((input) => input.includes('twilio/lib/rest/Twilio'))).toEqual([]);
    expect(inputs.filter((input) => input.includes('node_modules/axios/'))).toEqual([]);
  });

  it.each(HANDLERS)('%s bundles the AWS SDK (it loads faster than the runtime’s copy)', (name) => {
    const inputs = bundles.get(name)?.inputs ?? [];
    expect(inputs.some((input) => input.includes('node_modules/@aws-sdk/client-dynamodb/'))).toBe(true);
  });
});

describe('what a function loads at a first use', () => {
  // The mailer names a refused connection in the program's words (adapters/ses/mailer.ts); a file that
  // could not be found would have been ERR_MODULE_NOT_FOUND.
  it.each([
    ['sms-inbound', ['alerts network', 'mailer provider_unavailable']],
    ['email-inbound', ['alerts network', 'mailer provider_unavailable']],
    ['checkin', ['alerts network']],
    // Twilio's Messages API, for the "reply YES" text to a number added on the page: the request went out
    // (the adapter cannot tell whether a request cut off on the way was taken, so it says "unknown").
    ['settings', ['sms delivery_unknown']],
    // SQS sends to the queue URL's own host, which has no answer here (no DNS, or no route).
    // And the step bodies, each from its own file: an English and a Spanish lesson, and a step with none.
    [
      'send',
      [
        'body en hurt-d04-dear-man read',
        'body es hurt-d04-dear-man read',
        'body en no-such-step none',
        'queue network',
      ],
    ],
  ])(
    '%s: the SDK clients it reads at a first use come from its own files, with nothing else beside them',
    async (name, expected) => {
      // Outside the project, where no node_modules can stand in for a file the bundle did not write.
      const dir = mkdtempSync(join(tmpdir(), 'first-use-test-'));
      try {
        await build({ ...handlerBuildOptions(PROJECT_ROOT, name, dir), logLevel: 'silent' });
        // Each port loaded at its first use, built and called against a closed port (or a host with no
        // answer): the call gets as far as the network, so the file was found, loaded, and its client built
        // and signed a request.
        const script = `const { wiring } = await import(${JSON.stringify(join(dir, ENTRY_FILE))});
          const config = { region: 'us-east-1', emailFrom: 'k@example.com', providerTimeoutMs: 2000,
            publicUrl: 'https://k.example.com',
            endpoints: { ses: 'http://127.0.0.1:9', twilioApi: 'http://127.0.0.1:9' }, pacing: { instances: 1 },
            safetyTopicArn: 'arn:aws:sns:us-east-1:123456789012:safety' };
          const use = { mailer: (m) => m.send({ to: 'a@example.com', subject: 's', html: 'h', text: 't' }),
            alerts: (a) => a.notify({ enrollmentId: 'e', category: 'self-harm' }),
            sms: (s) => s.send('+14155550134', 'Reply YES'),
            queue: (q) => q.retryAfter({ receiptHandle: 'r', queueArn: 'arn:aws:sqs:us-east-1:123456789012:send' }, 30) };
          for (const port of wiring.ports.filter((p) => p.loadsAtFirstUse)) {
            const twilio = { usable: true, credentials: { accountSid: 'AC' + '0'.repeat(32), authToken: 'token', from: '+15005550006' } };
            const adapter = await port.build({ config, twilio });
            const network = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'];
            const reached = await use[port.name](adapter).then(() => 'sent',
              (e) => network.includes(e.code) ? 'network' : e.code ?? e.name ?? e.message);
            console.log(port.name + ' ' + reached);
          }
          for (const [language, id] of [['en', 'hurt-d04-dear-man'], ['es', 'hurt-d04-dear-man'], ['en', 'no-such-step']]) {
            if (!wiring.stepBodies) break;
            console.log('body ' + language + ' ' + id + ' ' + JSON.stringify((await wiring.stepBodies(language, id)) ?? null));
          }`;
        const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
          cwd: dir,
          encoding: 'utf8',
          env: {
            PATH: process.env.PATH,
            HOME: dir,
            AWS_REGION: 'us-east-1',
            AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
            AWS_SECRET_ACCESS_KEY: 'secret',
            AWS_ENDPOINT_URL_SNS: 'http://127.0.0.1:9',
            AWS_ENDPOINT_URL_SQS: 'http://127.0.0.1:9',
            AWS_MAX_ATTEMPTS: '1',
            AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          },
        });
        // A body read is the one the build wrote for that step and language.
        const built = readBodies();
        const lines = run.stdout
          .trim()
          .split('\n')
          .map((line) => {
            const [, language = '', id = '', json] = line.match(/^body (\S+) (\S+) (.*)$/) ?? [];
            if (json === undefined) return line;
            if (json === 'null') return `body ${language} ${id} none`;
            const same = JSON.stringify(JSON.parse(json)) === JSON.stringify(built[language]?.[id]);
            return `body ${language} ${id} ${same ? 'read' : 'not the built body'}`;
          });
        expect(lines.sort(), run.stderr).toEqual(expected.sort());
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});

describe('the credential sources a Lambda never reaches', () => {
  it.each(HANDLERS)('%s leaves them out', (name) => {
    const inputs = bundles.get(name)?.inputs ?? [];
    const left = CREDENTIAL_SOURCES_NEVER_REACHED_IN_LAMBDA.filter((source) =>
      inputs.some((input) => input.includes(`node_modules/${source}/`)),
    );
    expect(left).toEqual([]);
  });

  it.each(HANDLERS)('%s leaves out the SDK’s browser and event-stream code as well', (name) => {
    const inputs = bundles.get(name)?.inputs ?? [];
    const paths = {
      bowser: 'node_modules/bowser/',
      '@smithy/core/event-streams': '/submodules/event-streams/',
    };
    const left = SDK_PATHS_NEVER_REACHED_HERE.filter((path) =>
      inputs.some((input) => input.includes(paths[path])),
    );
    expect(left).toEqual([]);
  });

  it('are not needed: an SDK call from a bundle takes the credentials in the environment, as in Lambda', async () => {
    // Outside the project, where no node_modules can stand in for what the bundle left out.
    const dir = mkdtempSync(join(tmpdir(), 'credentials-test-'));
    try {
      const outdir = join(dir, 'call');
      await build({
        stdin: {
          contents: `import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
            new DynamoDBClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9', maxAttempts: 1 })
              .send(new ListTablesCommand({}))
              .catch((error) => console.log(error.code === 'ECONNREFUSED' ? error.code : error.message));`,
          resolveDir: PROJECT_ROOT,
          loader: 'ts',
        },
        bundle: true,
        outdir,
        logLevel: 'silent',
        ...LAMBDA_BUNDLING,
        mainFields: [...LAMBDA_BUNDLING.mainFields],
        external: [...LAMBDA_BUNDLING.external],
      });
      const call = (env: Record<string, string>) =>
        spawnSync(process.execPath, [join(outdir, ENTRY_FILE)], {
          cwd: dir,
          encoding: 'utf8',
          env: {
            PATH: process.env.PATH,
            HOME: dir,
            AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
            ...env,
          },
        }).stdout.trim();
      // With the role's credentials in the environment, the call goes out (and finds nothing listening).
      expect(
        call({
          AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
          AWS_SECRET_ACCESS_KEY: 'secret',
          AWS_SESSION_TOKEN: 'token',
        }),
      ).toBe('ECONNREFUSED');
      // Without them the chain goes on to a source the bundle left out.
      expect(call({})).toMatch(/Cannot find (package|module) '@aws-sdk\/credential-provider-/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

/**
 * What each handler may carry beyond what all do: the catalog parts and ports its entry point names, and
 * the SDK clients among them that it reads only at their first use, not at its start.
 */
const READS: Record<string, { parts: string[]; clients: string[]; atFirstUse?: string[]; texts?: boolean }> =
  {
    checkin: { parts: [], clients: ['client-sns'], atFirstUse: ['client-sns'] },
    confirm: {
      parts: ['enrollment-emails', 'email-layouts'],
      clients: ['client-sesv2'],
      atFirstUse: ['client-sesv2'],
      texts: true,
    },
    dispatch: { parts: [], clients: ['client-sqs'] },
    'email-inbound': {
      parts: ['email-layouts'],
      clients: ['client-sesv2', 'client-sns'],
      atFirstUse: ['client-sesv2', 'client-sns'],
    },
    enroll: { parts: ['enrollment-emails', 'email-layouts'], clients: ['client-sesv2'] },
    partner: { parts: ['invitation-layout', 'email-layouts'], clients: ['client-sesv2'] },
    privacy: { parts: [], clients: [] },
    report: { parts: [], clients: [] },
    send: {
      parts: ['step-layouts', 'email-layouts'],
      clients: ['client-sesv2', 'client-sqs'],
      atFirstUse: ['client-sqs'],
      texts: true,
    },
    'ses-events': { parts: [], clients: [] },
    settings: { parts: [], clients: [], texts: true },
    'sms-inbound': {
      parts: ['email-layouts'],
      clients: ['client-sesv2', 'client-sns'],
      atFirstUse: ['client-sesv2', 'client-sns'],
    },
    'sms-status': { parts: [], clients: [] },
    unsubscribe: { parts: [], clients: [] },
  };
const PARTS = ['step-bodies', 'step-layouts', 'email-layouts', 'enrollment-emails', 'invitation-layout'];
const CLIENTS = ['client-sesv2', 'client-sqs', 'client-sns'];
const clientsIn = (inputs: string[]) =>
  CLIENTS.filter((client) => inputs.some((input) => input.includes(`@aws-sdk/${client}/`))).sort();

describe('every handler bundles only what it reads', () => {
  it('lists every handler here', () => {
    expect(Object.keys(READS).sort()).toEqual(HANDLERS);
  });

  it.each(HANDLERS)('%s: the compiled catalog parts its entry point names, no others', (name) => {
    const inputs = bundles.get(name)?.inputs ?? [];
    const parts = PARTS.filter((part) => inputs.includes(`generated/${part}.json`));
    expect(parts.sort()).toEqual([...(READS[name]?.parts ?? [])].sort());
    expect(inputs).toContain('generated/catalog.json');
  });

  it('send: every step body in a file of its own, read at the first send of its step, none at the start', () => {
    const { inputs = [], startInputs = [] } = bundles.get('send') ?? {};
    const built = readBodies();
    const expected = Object.entries(built).flatMap(([language, bodies]) =>
      Object.keys(bodies).map((id) => `generated/step-bodies/${language}/${id}.json`),
    );
    expect(expected.length).toBeGreaterThan(100);
    expect(inputs.filter((input) => input.startsWith('generated/step-bodies/')).sort()).toEqual(
      expected.sort(),
    );
    expect(startInputs.filter((input) => input.startsWith('generated/step-bodies'))).toEqual([]);
    for (const other of HANDLERS.filter((name) => name !== 'send')) {
      expect(bundles.get(other)?.inputs.filter((input) => input.startsWith('generated/step-bodies'))).toEqual(
        [],
      );
    }
  });

  it.each(HANDLERS)('%s: the SDK clients of the ports it names, no others', (name) => {
    expect(clientsIn(bundles.get(name)?.inputs ?? [])).toEqual([...(READS[name]?.clients ?? [])].sort());
  });

  it.each(HANDLERS)('%s: reads at its start only the SDK clients it may use at any request', (name) => {
    const { clients = [], atFirstUse = [] } = READS[name] ?? {};
    expect(clientsIn(bundles.get(name)?.startInputs ?? [])).toEqual(
      clients.filter((client) => !atFirstUse.includes(client)).sort(),
    );
  });

  it.each(HANDLERS)('%s: Twilio’s Messages API only if it sends texts', (name) => {
    const inputs = bundles.get(name)?.inputs ?? [];
    const messages = inputs.some((input) => input.includes('twilio/lib/rest/api/v2010/account/message.js'));
    expect(messages).toBe(READS[name]?.texts ?? false);
  });

  it.each(HANDLERS)(
    '%s: the phone numbers’ metadata for the crisis lines only when a crisis line is looked up',
    (name) => {
      const { startInputs = [] } = bundles.get(name) ?? {};
      expect(
        startInputs.filter((input) => input.includes('functions/program/crisis-lines-by-number')),
      ).toEqual([]);
    },
  );
});

/**
 * Runs a bundled HTTP handler in a fresh `node`, in an environment its configuration rejects, and returns
 * the name of the error its "unexpected error" log line carries (what CloudWatch would show).
 */
function loggedErrorName(bundle: string): string {
  const event = {
    version: '2.0',
    routeKey: 'GET /report',
    rawPath: '/report',
    rawQueryString: '',
    headers: { accept: 'application/json' },
    requestContext: { requestId: 'names-test', http: { method: 'GET', path: '/report' } },
    isBase64Encoded: false,
  };
  const script = `import(${JSON.stringify(bundle)}).then((m) => m.handler(${JSON.stringify(event)})).then((r) => console.log(JSON.stringify({ status: r.statusCode })))`;
  const run = spawnSync(process.execPath, ['-e', script], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    // DUE_SHARDS=0 is refused by functions/shared/config.ts: a ConfigurationError at the first request.
    env: { PATH: process.env.PATH, AWS_REGION: 'us-east-1', DUE_SHARDS: '0', POWERTOOLS_LOG_LEVEL: 'ERROR' },
  });
  // The logger writes errors to stderr, as the Lambda runtime hands both streams to CloudWatch.
  const output = `${run.stdout}\n${run.stderr}`;
  const lines = output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { message?: string; status?: number; error?: { name?: string } });
  expect(lines.find((line) => line.status !== undefined)?.status).toBe(500);
  const logged = lines.find((line) => line.message === 'unexpected error');
  if (!logged?.error?.name) throw new Error(`no "unexpected error" line with an error name in:\n${output}`);
  return logged.error.name;
}

describe('error names in the logs of a handler bundled for the stack', () => {
  // Inside the project, as the stack's bundling is.
  const parent = join(PROJECT_ROOT, 'cdk.out');
  let dir: string;
  beforeAll(() => {
    ensureCatalog();
    mkdirSync(parent, { recursive: true });
    dir = mkdtempSync(join(parent, 'names-test-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are the classes’ own names (keepNames), not the one letter minifying leaves', async () => {
    // The stack's own construct (infra/constructs/program-function.ts), synthesized: what CDK deploys.
    const app = new App({ outdir: join(dir, 'cdk') });
    const stack = new Stack(app, 'Names');
    const fn = programFunction(stack, 'Report', {
      handlerFile: 'report',
      description: 'names test',
      environment: {},
      tracing: false,
      logRetention: logs.RetentionDays.ONE_DAY,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const assembly = app.synth();
    const code = Stack.of(fn).resolve((fn.node.defaultChild as CfnFunction).code) as { s3Key: string };
    const asset = join(assembly.directory, `asset.${code.s3Key.replace(/\.zip$/, '')}`, ENTRY_FILE);
    expect(loggedErrorName(asset)).toBe('ConfigurationError');

    // The same handler minified without keepNames, as it was bundled before: the name is lost.
    const unnamed = join(dir, 'report-without-keep-names');
    await build({
      ...handlerBuildOptions(PROJECT_ROOT, 'report', unnamed),
      keepNames: false,
      logLevel: 'silent',
    });
    expect(loggedErrorName(join(unnamed, ENTRY_FILE))).not.toBe('ConfigurationError');
  }, 120_000);
});
