/** JSON over HTTP for the CLI: the local runtime's routes and a deployment's public API. */
import { CliError } from './target';

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
