/**
 * Where the CLI's commands go: the local runtime (its HTTP API and `/_local/admin/*` routes), or a
 * deployed stack (the participant-facing API at its public URL, and the admin use cases run here over
 * the stack's DynamoDB table with the operator's own AWS credentials).
 */
import type { AdminInput, AdminOperation, AdminResult } from '../admin-operations';

/** A command failed in a way the operator can act on; the CLI prints the message alone. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

export interface Target {
  kind: 'local' | 'stack';
  /** What the operator named: the local URL or the stack's name. */
  label: string;
  /** The base of the participant-facing API (the form, /enrollments, /report…). */
  publicUrl: string;
  /** Runs one operator action (functions/use-cases/admin.ts). */
  admin<K extends AdminOperation>(operation: K, input: AdminInput<K>): Promise<AdminResult<K>>;
}

export interface TargetOptions {
  url: string;
  stack?: string;
  region?: string;
}

/** The local runtime at `url`, or the stack named by `stack`. */
export async function connect(options: TargetOptions): Promise<Target> {
  if (options.stack) {
    // Loaded only for a stack: it pulls in the AWS SDK and the compiled program. A require, since tsx
    // leaves a dynamic import() to Node's ESM loader, which does not resolve extensionless .ts paths.
    const { connectToStack } = require('./stack') as typeof import('./stack');
    return connectToStack(options.stack, options.region);
  }
  return localTarget(options.url);
}

/** The local runtime started by `npm start` (or a test's), reached over HTTP. */
export function localTarget(url: string): Target {
  const base = url.replace(/\/+$/, '');
  return {
    kind: 'local',
    label: base,
    publicUrl: base,
    async admin(operation, input) {
      return (await requestJson(`${base}/_local/admin/${operation}`, {
        method: 'POST',
        json: input,
      })) as never;
    },
  };
}

export interface JsonResponse {
  status: number;
  body: unknown;
  text: string;
}

/** Fetches `url`, with a JSON body when given; a refused connection becomes a CliError that says what to do. */
export async function fetchJson(
  url: string,
  {
    method = 'GET',
    json,
    headers = {},
  }: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
): Promise<JsonResponse> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    });
  } catch (error) {
    throw new CliError(
      `Nothing answers at ${new URL(url).origin} (${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}). ` +
        'Start the local runtime with `npm start`, pass its address with --url, or name a deployed stack with --stack.',
    );
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: response.status, body, text };
}

/** Like fetchJson, but any answer other than 2xx becomes a CliError with the program's own message. */
export async function requestJson(
  url: string,
  init: { method?: string; json?: unknown } = {},
): Promise<unknown> {
  const { status, body, text } = await fetchJson(url, init);
  if (status >= 200 && status < 300) return body;
  const message = (body as { error?: { message?: string } } | undefined)?.error?.message;
  if (status === 404 && !message?.length && url.includes('/_local/'))
    throw new CliError(`${url} is not a Kintsugi local runtime (404).`);
  throw new CliError(message ?? `HTTP ${status}: ${text.slice(0, 200)}`);
}
