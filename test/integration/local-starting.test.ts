import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { listenWhileStarting, type Runtime, STARTING_ANSWER } from '../../local/runtime';
import { startTestRuntime } from '../support/runtime';

/** A request that must be answered within a few seconds: a hang fails the test instead of stalling it. */
const ask = (url: string, init: RequestInit = {}) =>
  fetch(url, { ...init, signal: AbortSignal.timeout(5_000) });

/**
 * A gate in front of DynamoDB Local: it holds every request until `open()`, then forwards each, so the
 * runtime can be held in the middle of starting (its table is the last thing it makes) for as long as a
 * test needs.
 */
async function gatedDynamoDb(target: string) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(String(req.headers['x-amz-target'] ?? req.url));
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void opened.then(() => {
        const forward = http.request(
          new URL(req.url ?? '/', target),
          { method: req.method, headers: req.headers },
          (answer) => {
            res.writeHead(answer.statusCode ?? 500, answer.headers);
            answer.pipe(res);
          },
        );
        forward.on('error', () => res.destroy());
        forward.end(Buffer.concat(chunks));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    open,
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('the local runtime while it starts', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('answers every request at once with 503, Retry-After and a JSON error saying it is starting', async () => {
    const starting = await listenWhileStarting(0);
    cleanup.push(() => new Promise((resolve) => starting.server.close(resolve)));
    const url = `http://localhost:${starting.port}`;
    for (const [path, init] of [
      ['/', {}],
      [
        '/enrollments',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"a@b.org"}' },
      ],
      ['/_local/clock', {}],
    ] as const) {
      const response = await ask(`${url}${path}`, init);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.json()).toEqual({
        error: { code: 'starting', message: expect.stringMatching(/starting/) },
      });
    }
    expect(STARTING_ANSWER.status).toBe(503);
  });

  it('is answered 503 in the middle of startRuntime, and by the program on the same port once it is ready', async () => {
    const gate = await gatedDynamoDb(inject('dynamoDbEndpoint'));
    cleanup.push(gate.stop);
    const starting = await listenWhileStarting(0);
    let runtime: Runtime | undefined;
    cleanup.push(async () => {
      if (runtime) await runtime.stop();
      else starting.server.close();
    });
    const started = startTestRuntime({ server: starting, dynamodbEndpoint: gate.url });

    // Held at its table (the gate): a request now must not hang.
    await expect.poll(() => gate.seen.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const early = await ask(`http://localhost:${starting.port}/`);
    expect(early.status).toBe(503);
    expect(early.headers.get('retry-after')).toBe('1');
    expect(((await early.json()) as { error: { code: string } }).error.code).toBe('starting');

    gate.open();
    runtime = await started;
    expect(runtime.url).toBe(`http://localhost:${starting.port}`);
    const ready = await ask(`${runtime.url}/`);
    expect(ready.status).toBe(200);
    expect(await ready.text()).toMatch(/<form/i);
  });
});
