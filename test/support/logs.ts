import { logger } from '../../functions/shared/logger';

/**
 * Every JSON log line written while `work` runs, at INFO and above (the tests' level is WARN otherwise),
 * from both streams: Powertools writes errors and warnings to stderr, the rest to stdout.
 */
export async function logsOf(work: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const tap = (chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  };
  const original = { out: process.stdout.write, err: process.stderr.write };
  logger.setLogLevel('INFO');
  process.stdout.write = tap as typeof process.stdout.write;
  process.stderr.write = tap as typeof process.stderr.write;
  try {
    await work();
  } finally {
    process.stdout.write = original.out;
    process.stderr.write = original.err;
    logger.setLogLevel('WARN');
  }
  return lines
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
}
