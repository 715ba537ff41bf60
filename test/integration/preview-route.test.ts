import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime';
import { api, startTestRuntime } from '../support/runtime';

describe('GET /_local/preview on the local runtime', () => {
  let runtime: Runtime;
  beforeAll(async () => {
    runtime = await startTestRuntime({ startAt: new Date('2026-03-02T15:00:00Z') });
  });
  afterAll(async () => {
    await runtime?.stop();
  });

  it('answers with the whole program for both tracks as one HTML page', async () => {
    const response = await api(runtime, '/_local/preview?track=repairing');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.text).toContain('id="track-hurt"');
    expect(response.text).toContain('id="track-repairing"');
    expect(response.text).toContain('id="repairing-day-90"');
    expect(response.text).toContain(`${runtime.url}/checkin?token=`);
  });
});
