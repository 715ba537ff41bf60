/** Small measuring helpers shared by the benchmarks. */
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
