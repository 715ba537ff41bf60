/**
 * Cold start: every handler bundled with the options the stack bundles it with (infra/lambda-bundling.ts,
 * the AWS SDK bundled, split into the files read at the start and those read at a first use), its size, and
 * the time a fresh `node` takes to import it, beside loading the full `twilio` client; and the same handler
 * with the SDK left to the Lambda runtime, the choice not made, for comparison.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { ensureCatalog, PROJECT_ROOT } from '../infra/catalog';
import {
  bundleFiles,
  ENTRY_FILE,
  handlerBuildOptions,
  lambdaHandlers,
  MAX_BUNDLE_BYTES,
} from '../infra/lambda-bundling';
import { log, median, sig } from './measure';

export interface HandlerBundle {
  handler: string;
  /** Bytes of all the function's files. */
  bytes: number;
  /** Bytes of the files read at every start: the entry file and the shared files it imports. */
  startBytes: number;
  /** Median milliseconds to import the bundle in a fresh process. */
  loadMs: number;
  /**
   * Median CPU milliseconds of the same imports (user and system, every thread): less moved than the
   * elapsed time by other work on the machine, which slows `require('twilio')`'s hundreds of file reads more.
   */
  cpuMs?: number;
  fullTwilio: boolean;
  /**
   * For a handler that loads a part at its first use rather than at the start (the reply webhooks' SES
   * client, for their rare emails): median milliseconds of the import plus that first use.
   */
  withFirstUseMs?: number;
  /** The same handler with the AWS SDK left to the Lambda runtime's copy (the choice not made), for comparison. */
  sdkFromRuntime: { bytes: number; loadMs: number };
}

export interface ColdStart {
  bundles: HandlerBundle[];
  /** Median milliseconds to `require('twilio')` in a fresh process (runs × handlers loads, interleaved with theirs). */
  twilioLoadMs: number;
  /** Median CPU milliseconds of those loads. */
  twilioCpuMs?: number;
  /** Fresh processes each median is taken over. */
  runs: number;
  /** The goal: the slowest handler loads in at most half the time `require('twilio')` takes. */
  slowest: HandlerBundle;
  /** The AWS SDK clients alone, bundled the same way with no program code: what no handler can start under. */
  floors: Floor[];
  goalMet: boolean;
}

export interface Floor {
  /** What the floor's entry (bench/floors/) builds. */
  label: string;
  startBytes: number;
  loadMs: number;
}

/** The floors measured: entries under bench/floors/ and what they hold. */
const FLOORS = [
  { file: 'dynamodb', label: "the store's DynamoDB clients and the secret read's (every handler)" },
  { file: 'dynamodb-ses', label: 'those and SES v2 (enroll and send, which email at every call)' },
] as const;

/** The goal's ratio: the slowest handler's load over `require('twilio')`'s. */
export const COLD_START_GOAL = 0.5;

/** Where the bundles go, a folder each: inside the project, so the SDK of the comparison (left external) resolves as the runtime's would. */
const OUT_DIR = join(PROJECT_ROOT, 'cdk.out', 'bench-bundles');

/** A step with an email body of its own, whose file send reads at the step's first send. */
const firstStepWithBody = () =>
  (
    readdirSync(join(PROJECT_ROOT, 'generated', 'step-bodies', 'en')).find((file) =>
      file.endsWith('.json'),
    ) ?? ''
  ).replace(/\.json$/, '');

/**
 * After the import, the first use of what a handler reads at its first use: the first email of a handler
 * whose mailer loads SES then (`sesMailerOnFirstEmail`), built and sent to a closed port, timed until it
 * fails, so the import, the client's set-up and the request's signing are all counted (a real send would
 * add only the network); or the first step body send reads (`stepBodiesAtFirstUse`).
 */
const firstUseScript =
  () => `const port=(m.wiring&&m.wiring.ports||[]).find(p=>p.loadsAtFirstUse&&p.name==='mailer');
const done=(t2)=>()=>process.stdout.write(' '+String(Number(process.hrtime.bigint()-t2)/1e6));
if(port){const config={region:'us-east-1',emailFrom:'k@example.com',providerTimeoutMs:1000,endpoints:{ses:'http://127.0.0.1:9'},pacing:{instances:1}};
const t2=process.hrtime.bigint();Promise.resolve(port.build({config})).then(mailer=>mailer.send({to:'a@example.com',subject:'s',html:'h',text:'t'})).catch(()=>{}).then(done(t2))}
else if(m.wiring&&m.wiring.stepBodies){const t2=process.hrtime.bigint();m.wiring.stepBodies('en',${JSON.stringify(firstStepWithBody())}).then(done(t2))}`;

/**
 * Milliseconds from before to after importing `target` (a handler's entry file, as Lambda's runtime imports
 * an ES module handler) or requiring it (`twilio`, a CommonJS package), in a fresh `node` with a Lambda-like
 * environment, and, for a handler that loads a part at its first use, how long that first use took after it.
 */
function loadTimes(target: string): { loadMs: number; cpuMs: number; firstUseMs?: number } {
  const importing = target.endsWith('.mjs')
    ? `import(${JSON.stringify(target)})`
    : `Promise.resolve(require(${JSON.stringify(target)}))`;
  const script = `const c=process.cpuUsage();const t=process.hrtime.bigint();${importing}.then((m)=>{const w=Number(process.hrtime.bigint()-t)/1e6;const u=process.cpuUsage(c);process.stdout.write(w+' '+(u.user+u.system)/1e3);${firstUseScript()}})`;
  const [load, cpu, firstUse] = execFileSync(process.execPath, ['-e', script], {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env.PATH,
      AWS_REGION: 'us-east-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_SERVICE_NAME: 'kintsugi-bench',
    },
  })
    .toString()
    .trim()
    .split(' ')
    .map(Number);
  return {
    loadMs: load ?? Number.NaN,
    cpuMs: cpu ?? Number.NaN,
    ...(firstUse === undefined ? {} : { firstUseMs: firstUse }),
  };
}

export async function coldStart(options: { runs: number }): Promise<ColdStart> {
  ensureCatalog();
  mkdirSync(OUT_DIR, { recursive: true });
  const bundles: HandlerBundle[] = [];
  const twilioTimes: number[] = [];
  const twilioCpuTimes: number[] = [];
  const built = [];
  for (const handler of lambdaHandlers(PROJECT_ROOT)) {
    const outdir = join(OUT_DIR, handler);
    rmSync(outdir, { recursive: true, force: true });
    const result = await build({ ...handlerBuildOptions(PROJECT_ROOT, handler, outdir), metafile: true });
    const files = bundleFiles(result.metafile as Metafile);
    const runtimeSdkDir = join(OUT_DIR, `${handler}.runtime-sdk`);
    rmSync(runtimeSdkDir, { recursive: true, force: true });
    const runtimeSdkBuild = await build({
      ...handlerBuildOptions(PROJECT_ROOT, handler, runtimeSdkDir),
      external: ['@aws-sdk/*', '@smithy/*'],
      metafile: true,
    });
    built.push({
      handler,
      files,
      outfile: join(outdir, ENTRY_FILE),
      runtimeSdkBytes: bundleFiles(runtimeSdkBuild.metafile as Metafile).startBytes,
      runtimeSdkFile: join(runtimeSdkDir, ENTRY_FILE),
    });
  }
  // One load of each, not counted: the first handler measured would otherwise pay for the files the
  // operating system had not yet read into its cache (node itself, Twilio's, the SDK's for the comparison).
  for (const { outfile, runtimeSdkFile } of built) [outfile, runtimeSdkFile, 'twilio'].forEach(loadTimes);
  for (const { handler, files, outfile, runtimeSdkBytes, runtimeSdkFile } of built) {
    const { bytes, startBytes } = files;
    const fullTwilio = files.inputs.some((input) => input.includes('twilio/lib/rest/Twilio'));
    // Interleaved with each other and with `require('twilio')`, so a change in the machine's load touches
    // the handler, its comparison and the goal's yardstick alike.
    const times = Array.from(
      { length: options.runs },
      () => [loadTimes(outfile), loadTimes(runtimeSdkFile).loadMs, loadTimes('twilio')] as const,
    );
    twilioTimes.push(...times.map(([, , twilio]) => twilio.loadMs));
    twilioCpuTimes.push(...times.map(([, , twilio]) => twilio.cpuMs));
    const cpuMs = median(times.map(([chosen]) => chosen.cpuMs));
    const loadMsMedian = median(times.map(([chosen]) => chosen.loadMs));
    const firstUses = times.flatMap(([chosen]) =>
      chosen.firstUseMs === undefined ? [] : [chosen.loadMs + chosen.firstUseMs],
    );
    const withFirstUseMs = firstUses.length ? median(firstUses) : undefined;
    const runtimeSdkLoadMs = median(times.map(([, other]) => other));
    bundles.push({
      handler,
      bytes,
      startBytes,
      loadMs: loadMsMedian,
      cpuMs,
      fullTwilio,
      ...(withFirstUseMs === undefined ? {} : { withFirstUseMs }),
      sdkFromRuntime: { bytes: runtimeSdkBytes, loadMs: runtimeSdkLoadMs },
    });
    log(
      `  ${handler.padEnd(14)} ${sig(bytes / 1024)} KB${bytes > MAX_BUNDLE_BYTES ? ` (over ${MAX_BUNDLE_BYTES / 1024} KB)` : ''}, ${sig(startBytes / 1024)} KB at the start   load ${sig(loadMsMedian)} ms (CPU ${sig(cpuMs)} ms)${fullTwilio ? '   FULL TWILIO CLIENT' : ''}` +
        (withFirstUseMs === undefined
          ? ''
          : `   (with its first use, an email's SES load or a step body: ${sig(withFirstUseMs)} ms)`) +
        `   (SDK from the runtime: ${sig(runtimeSdkBytes / 1024)} KB, ${sig(runtimeSdkLoadMs)} ms)`,
    );
  }
  const floors: Floor[] = [];
  for (const { file, label } of FLOORS) {
    const outdir = join(OUT_DIR, `floor-${file}`);
    rmSync(outdir, { recursive: true, force: true });
    const result = await build({
      ...handlerBuildOptions(PROJECT_ROOT, file, outdir),
      entryPoints: [join(PROJECT_ROOT, 'bench', 'floors', `${file}.ts`)],
      metafile: true,
    });
    const outfile = join(outdir, ENTRY_FILE);
    loadTimes(outfile);
    const times = Array.from(
      { length: options.runs },
      () => [loadTimes(outfile), loadTimes('twilio')] as const,
    );
    twilioTimes.push(...times.map(([, twilio]) => twilio.loadMs));
    twilioCpuTimes.push(...times.map(([, twilio]) => twilio.cpuMs));
    const { startBytes } = bundleFiles(result.metafile as Metafile);
    const loadMs = median(times.map(([floor]) => floor.loadMs));
    floors.push({ label, startBytes, loadMs });
    log(`  floor, ${label}: ${sig(startBytes / 1024)} KB, load ${sig(loadMs)} ms`);
  }
  const twilioLoadMs = median(twilioTimes);
  const twilioCpuMs = median(twilioCpuTimes);
  const slowest = bundles.reduce((a, b) => (b.loadMs > a.loadMs ? b : a));
  const goalMet = slowest.loadMs <= COLD_START_GOAL * twilioLoadMs;
  log(`  require('twilio') (the full client): ${sig(twilioLoadMs)} ms (CPU ${sig(twilioCpuMs)} ms)`);
  const slowestCpu = bundles.reduce((a, b) => ((b.cpuMs ?? 0) > (a.cpuMs ?? 0) ? b : a));
  log(
    `  in CPU time, slowest handler ${slowestCpu.handler}: ${sig(slowestCpu.cpuMs ?? 0)} ms = ${sig((slowestCpu.cpuMs ?? 0) / twilioCpuMs)} × require('twilio')'s`,
  );
  log(
    `  slowest handler ${slowest.handler}: ${sig(slowest.loadMs)} ms = ${sig(slowest.loadMs / twilioLoadMs)} × require('twilio') (goal ≤ ${COLD_START_GOAL}: ${goalMet ? 'met' : 'NOT MET'})`,
  );
  for (const floor of floors)
    log(`  floor ÷ require('twilio'): ${sig(floor.loadMs / twilioLoadMs)} (${floor.label})`);
  return { bundles, twilioLoadMs, twilioCpuMs, runs: options.runs, slowest, goalMet, floors };
}
