import { describe, expect, it } from 'vitest';
import { pacedMailer, pacedSmsSender, shareOfRate } from '../../functions/adapters/pacing';
import { type PaceClock, TokenBucket } from '../../functions/shared/token-bucket';

/** A clock that only moves when a caller sleeps, so every wait is exact and the test takes no time. */
class FakeTime implements PaceClock {
  current = 0;
  readonly sleeps: number[] = [];
  now() {
    return this.current;
  }
  async sleep(ms: number) {
    this.sleeps.push(ms);
  }
}

/** When each of `calls` calls, all asking at `at`, may go. */
function goTimes(bucket: TokenBucket, time: FakeTime, calls: number, at = time.current): number[] {
  time.current = at;
  return Array.from({ length: calls }, () => {
    const asleep = time.sleeps.length;
    void bucket.take();
    return at + (time.sleeps.length > asleep ? (time.sleeps.at(-1) as number) : 0);
  });
}

describe('a token bucket', () => {
  it('spreads a burst of calls evenly at its rate', () => {
    const time = new FakeTime();
    const bucket = new TokenBucket(4, 1, time);
    expect(goTimes(bucket, time, 5)).toEqual([0, 250, 500, 750, 1000]);
  });

  it('lets `burst` calls go at once, then keeps to the rate', () => {
    const time = new FakeTime();
    const bucket = new TokenBucket(2, 3, time);
    expect(goTimes(bucket, time, 5)).toEqual([0, 0, 0, 500, 1000]);
  });

  it('carries no debt across a quiet spell: after one, calls go at once again', () => {
    const time = new FakeTime();
    const bucket = new TokenBucket(10, 1, time);
    goTimes(bucket, time, 20);
    expect(goTimes(bucket, time, 1, 60_000)).toEqual([60_000]);
  });

  it('never lets more than rate + burst − 1 calls go in any second', () => {
    const time = new FakeTime();
    const bucket = new TokenBucket(14, 2, time);
    const times = [...goTimes(bucket, time, 100), ...goTimes(bucket, time, 100, 3_000)].sort((a, b) => a - b);
    for (const start of times) {
      const inWindow = times.filter((t) => t >= start && t < start + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(14 + 1);
    }
  });

  it('refuses a rate of zero or less', () => {
    expect(() => new TokenBucket(0)).toThrow(RangeError);
  });
});

describe('pacing the providers', () => {
  it('gives each send instance its share of the deployment-wide rate', () => {
    expect(shareOfRate(14, 5)?.perSecond).toBeCloseTo(2.8);
    expect(shareOfRate(10, 1)?.perSecond).toBe(10);
    expect(shareOfRate(undefined, 5)).toBeUndefined();
  });

  it('makes every email and text wait its turn before it reaches the provider', async () => {
    const time = new FakeTime();
    const order: string[] = [];
    const bucket = new TokenBucket(1, 1, {
      now: () => time.current,
      sleep: async (ms) => {
        order.push(`wait ${ms}`);
      },
    });
    const mailer = pacedMailer(
      {
        send: async (email) => {
          order.push(`email ${email.to}`);
          return 'id';
        },
      },
      bucket,
    );
    const sms = pacedSmsSender(
      {
        send: async (to) => {
          order.push(`text ${to}`);
          return { kind: 'accepted' as const, providerId: 'SM1' };
        },
      },
      bucket,
    );
    await Promise.all([
      mailer.send({ to: 'a@example.com', subject: 's', html: 'h', text: 't' }),
      sms.send('+14155550100', 'hi'),
    ]);
    // The email goes at once; the text, sharing the bucket, is made to wait a second before it goes.
    expect(order).toEqual(['wait 1000', 'email a@example.com', 'text +14155550100']);
  });

  it('leaves the providers as they are when no rate is set', () => {
    const mailer = { send: async () => 'id' };
    expect(pacedMailer(mailer, undefined)).toBe(mailer);
  });
});
