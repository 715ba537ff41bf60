/**
 * The ports that read their SDK client at their first use (functions/wiring/): the SNS client of the safety
 * alerts and the reply webhooks' SES client. An alert after a failed load must still go at the next one.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../functions/shared/config';
import { atFirstUse } from '../../functions/wiring/at-first-use';
import { snsAlerts } from '../../functions/wiring/sns-alerts';

describe('a module loaded at its first use', () => {
  it('is loaded once, however many uses come at once or after', async () => {
    let loads = 0;
    const client = atFirstUse(async () => {
      loads += 1;
      return { id: loads };
    });
    const [a, b] = await Promise.all([client(), client()]);
    expect([a, b, await client()]).toEqual([{ id: 1 }, { id: 1 }, { id: 1 }]);
    expect(loads).toBe(1);
  });

  it('is loaded again at the next use after a load that failed, not given up on', async () => {
    let loads = 0;
    const client = atFirstUse(async () => {
      loads += 1;
      if (loads === 1) throw new Error('EMFILE: too many open files');
      return 'client';
    });
    await expect(client()).rejects.toThrow('EMFILE');
    await expect(client()).resolves.toBe('client');
    expect(loads).toBe(2);
  });
});

describe('the safety alerts port', () => {
  const built = (env: Record<string, string>) =>
    snsAlerts.build({ config: parseConfig(env), twilio: undefined, clock: { now: () => new Date() } });

  it('refuses, naming the setting, where the function has no topic', async () => {
    const alerts = await built({});
    await expect(alerts.notify({ enrollmentId: 'e1', category: 'self-harm' })).rejects.toThrow(
      'SAFETY_TOPIC_ARN is not set',
    );
  });
});
