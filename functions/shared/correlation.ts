import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The correlation id of the work in progress: an HTTP request's id (or the caller's `x-correlation-id`),
 * carried through the send queue to the message it led to, so one search in the logs finds every line.
 * Held per async context, so concurrent requests in one process (the local runtime) never mix theirs.
 */
const current = new AsyncLocalStorage<string>();

/** Header a caller may send to choose the id, and that every HTTP answer carries back. */
export const CORRELATION_HEADER = 'x-correlation-id';

// Ids come from outside: only short, plain ones are taken as they are, so a log line can't be forged.
const ACCEPTABLE = /^[A-Za-z0-9][A-Za-z0-9._:=/-]{0,127}$/;

/** Runs `work` with `id` as the correlation id of everything it logs and queues. */
export function withCorrelationId<T>(id: string, work: () => T): T {
  return current.run(id, work);
}

/** The correlation id of the running work, if any. */
export const correlationId = (): string | undefined => current.getStore();

/** The caller's id when it is a plain one, else `fallback` (the platform's own request id). */
export const acceptCorrelationId = (candidate: string | undefined, fallback: string): string =>
  candidate && ACCEPTABLE.test(candidate) ? candidate : fallback;
