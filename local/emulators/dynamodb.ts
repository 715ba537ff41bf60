import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

/** Where `local/setup/install-emulators.js` puts DynamoDB Local (the package's postinstall). */
export const DYNAMODB_LOCAL_DIR = path.resolve(__dirname, '..', '..', '.cache', 'dynamodb-local');

const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 30_000;

export interface DynamoDbLocalOptions {
  /** Port to listen on; a free one is picked when absent. */
  port?: number;
  /** Folder holding DynamoDBLocal.jar and DynamoDBLocal_lib; defaults to the install cache. */
  dir?: string;
}

export interface RunningDynamoDbLocal {
  /** `http://127.0.0.1:<port>`, for the SDK client's `endpoint`. */
  endpoint: string;
  stop(): Promise<void>;
}

// The JVM is started under a small shell watchdog: it keeps our end of a pipe as its stdin and kills
// the JVM when that pipe closes, which happens however this process ends (even SIGKILL). So an
// interrupted test run or `npm start` leaves no JVM behind. Background jobs get /dev/null as stdin,
// hence the copy of stdin on fd 3. A JVM still there 5 s after SIGTERM gets SIGKILL.
const WATCHDOG = `
exec 3<&0
java "$@" </dev/null &
jvm=$!
{
  read -r _ <&3
  kill "$jvm" 2>/dev/null
  n=0; while kill -0 "$jvm" 2>/dev/null && [ "$n" -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
  kill -9 "$jvm" 2>/dev/null
} &
watcher=$!
wait "$jvm"; code=$?
kill "$watcher" 2>/dev/null
exit "$code"
`;

/**
 * Starts DynamoDB Local in memory on 127.0.0.1 and resolves once it answers HTTP.
 * Uses `-sharedDb`, so every client sees the same tables whatever its region and dummy credentials.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<RunningDynamoDbLocal> {
  const dir = options.dir ?? DYNAMODB_LOCAL_DIR;
  const jar = path.join(dir, 'DynamoDBLocal.jar');
  if (!existsSync(jar)) {
    throw new Error(
      `DynamoDB Local is not installed (${jar} is missing): run \`node local/setup/install-emulators.js\``,
    );
  }
  // A port picked as free can be taken before the JVM binds it: try again with another one.
  const attempts = options.port === undefined ? 3 : 1;
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const port = options.port ?? (await freePort());
    try {
      return await startOn(dir, port);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function startOn(dir: string, port: number): Promise<RunningDynamoDbLocal> {
  const args = [
    // The serial collector: G1, the JVM's default on this machine, spends about a fifth more CPU per
    // request on 2 cores (docs/BENCHMARKS.md, section 4); one emulator serving one program needs no
    // concurrent collector.
    '-XX:+UseSerialGC',
    `-Djava.library.path=${path.join(dir, 'DynamoDBLocal_lib')}`,
    '-jar',
    path.join(dir, 'DynamoDBLocal.jar'),
    '-inMemory',
    '-sharedDb',
    '-disableTelemetry',
    '-port',
    String(port),
  ];
  const child = spawn('sh', ['-c', WATCHDOG, 'dynamodb-local', ...args], {
    cwd: dir,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  // Neither the JVM nor its pipes keep this process alive; the watchdog ends the JVM when we go.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) {
    (stream as unknown as { unref?: () => void } | null)?.unref?.();
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const endpoint = `http://${HOST}:${port}`;

  let exitedEarly = false;
  const outcome = await Promise.race([
    waitUntilAnswering(endpoint, START_TIMEOUT_MS, () => exitedEarly).then(
      () => undefined,
      (error: Error) => error.message,
    ),
    exited.then((code) => {
      exitedEarly = true;
      return `exited with code ${code}`;
    }),
  ]);
  if (outcome !== undefined) {
    await stopChild(child, exited);
    throw new Error(`DynamoDB Local on port ${port} ${outcome}:\n${output.trim()}`);
  }

  let stopping: Promise<void> | undefined;
  return {
    endpoint,
    stop: () => {
      stopping ??= stopChild(child, exited);
      return stopping;
    },
  };
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.stdin?.end(); // the watchdog kills the JVM and exits
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000); // the watchdog escalates after 5 s
  await exited;
  clearTimeout(timer);
}

async function waitUntilAnswering(endpoint: string, timeoutMs: number, gaveUp: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gaveUp()) {
    if (await answers(endpoint)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`did not answer within ${timeoutMs} ms`);
}

/** True when anything answers HTTP at the endpoint (DynamoDB Local answers `GET /` with 400). */
function answers(endpoint: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(endpoint, { agent: false, timeout: 1_000 }, (response) => {
      response.resume();
      resolve(true);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

/** A port that is free right now, found by letting the OS pick one. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
