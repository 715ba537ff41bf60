/**
 * The local runtime's HTTP server: it listens before anything else starts (answering 503 until the
 * program is ready), then turns each request into the API Gateway event a Lambda receives.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpEvent, HttpResult } from '../functions/shared/http';
import { toApiGatewayEvent } from './api-gateway';

/** The answer to any request that comes before the runtime is ready: 503, try again in a second. */
export const STARTING_ANSWER = {
  status: 503,
  retryAfterSeconds: 1,
  body: { error: { code: 'starting', message: 'Kintsugi is starting; try again in a moment.' } },
};

/** The app's port while the program starts: it answers every request with STARTING_ANSWER until `ready`. */
export interface StartingServer {
  server: http.Server;
  port: number;
  /** From now on `handler` answers every request. */
  ready(handler: http.RequestListener): void;
}

/**
 * Listens on `port` at once, before anything else starts, and answers 503 (with Retry-After and a JSON
 * error) until `ready`: a request that comes while the emulators and tables start is told to come back,
 * never left waiting for ever (a client without a timeout would wait that long).
 */
export async function listenWhileStarting(port: number): Promise<StartingServer> {
  let handler: http.RequestListener | undefined;
  const server = http.createServer((req, res) => {
    if (handler) return handler(req, res);
    req.resume(); // the body is not read, but must not hold the connection
    res.writeHead(STARTING_ANSWER.status, {
      'content-type': 'application/json',
      'retry-after': String(STARTING_ANSWER.retryAfterSeconds),
      'cache-control': 'no-store',
    });
    res.end(JSON.stringify(STARTING_ANSWER.body));
  });
  // Idle connections outlive any client's own idle timeout (undici's is 4 s), so a client never sends on a
  // socket the server is closing at that moment (ECONNRESET when a busy machine delays the timers).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    ready: (next) => {
      handler = next;
    },
  };
}

/** Answers each request with `answer`'s result for its API Gateway event (a 500 if `answer` fails). */
export function requestListener(answer: (event: HttpEvent) => Promise<HttpResult>): http.RequestListener {
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = new URL(req.url ?? '/', 'http://local').pathname;
      const routeKey = `${req.method ?? 'GET'} ${path}`;
      answer(toApiGatewayEvent(req, body, routeKey))
        .then((result) => {
          res.writeHead(result.statusCode ?? 200, result.headers as http.OutgoingHttpHeaders);
          // A binary body (the report's PDF) comes base64-encoded, as API Gateway expects it.
          res.end(result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''));
        })
        .catch(() => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end('{"error":{"code":"internal","message":"Local server error"}}');
        });
    });
  };
}
