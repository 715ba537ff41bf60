/** Small measuring helpers shared by the benchmarks. */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** The `p`th percentile (0–100) by nearest rank. */
export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
};

/** Milliseconds `work` takes, measured `runs` times; returns the median. */
export async function medianMs(runs: number, work: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return median(times);
}

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  platform: string;
  /** The 1-minute load average when the run began: other work on the machine skews absolute times. */
  loadAtStart: number;
}

export function machine(): Machine {
  const cores = cpus();
  return {
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    ramGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAtStart: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

/** "1,234" */
export const thousands = (n: number): string => Math.round(n).toLocaleString('en-US');

/** A number with `digits` significant digits, as text. */
export const sig = (n: number, digits = 3): string => {
  if (n === 0 || !Number.isFinite(n)) return String(n);
  return Number(n.toPrecision(digits)).toLocaleString('en-US', { maximumSignificantDigits: digits });
};

export const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** CPU seconds used so far by this Node process and by the process listening as DynamoDB Local's JVM. */
export interface CpuSample {
  node: number;
  /** undefined where /proc is not there to read (not Linux) or the JVM was not found. */
  jvm: number | undefined;
}

/** The pid of the `java … DynamoDBLocal.jar … -port <port>` process, from /proc (Linux only). */
export function dynamoDbLocalPid(endpoint: string): number | undefined {
  const port = new URL(endpoint).port;
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  for (const pid of entries) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const portAt = args.indexOf('-port');
      // The JVM itself, not the watchdog shell that started it with the same arguments.
      const java = args[0]?.endsWith('java');
      if (
        java &&
        args.some((a) => a.endsWith('DynamoDBLocal.jar')) &&
        portAt > 0 &&
        args[portAt + 1] === port
      )
        return Number(pid);
    } catch {}
  }
  return undefined;
}

let clockTicks: number | undefined;

/** User + system CPU seconds of a process, from /proc/<pid>/stat (fields 14 and 15, in clock ticks). */
function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return undefined;
  }
}

export function cpuSample(jvmPid: number | undefined): CpuSample {
  const { user, system } = process.cpuUsage();
  return { node: (user + system) / 1e6, jvm: jvmPid === undefined ? undefined : processCpuSeconds(jvmPid) };
}

/** CPU seconds each side used between two samples. */
export const cpuSince = (before: CpuSample, after: CpuSample): CpuSample => ({
  node: after.node - before.node,
  jvm: before.jvm === undefined || after.jvm === undefined ? undefined : after.jvm - before.jvm,
});

/** A fraction with what it is made of; `rate` is null when there is nothing to divide by. */
export interface Ratio {
  hits: number;
  total: number;
  rate: number | null;
}

export const ratio = (hits: number, total: number): Ratio => ({
  hits,
  total,
  rate: total ? hits / total : null,
});
