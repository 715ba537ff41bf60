/** Where a token bucket reads the time and waits: real time in Lambda, a fake clock in tests. */
export interface PaceClock {
  /** Milliseconds, monotonic. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realPaceClock: PaceClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Paces calls to `perSecond` on average, letting at most `burst` go at once: `take()` resolves when the next
 * call may go, in the order they asked. It waits rather than refuses, so a burst of sends is spread out
 * instead of earning the provider's throttling errors. (The generic cell rate algorithm: one number, the
 * theoretical time the next call is due, instead of a token count refilled on a timer.)
 */
export class TokenBucket {
  private readonly interval: number;
  private readonly tolerance: number;
  /** When the next call would go if calls came exactly at the rate. */
  private due = Number.NEGATIVE_INFINITY;

  constructor(
    readonly perSecond: number,
    readonly burst = 1,
    private readonly clock: PaceClock = realPaceClock,
  ) {
    if (!(perSecond > 0)) throw new RangeError(`A token bucket needs a rate above 0, not ${perSecond}`);
    if (!(burst >= 1)) throw new RangeError(`A token bucket needs a burst of 1 or more, not ${burst}`);
    this.interval = 1000 / perSecond;
    this.tolerance = (burst - 1) * this.interval;
  }

  /** Resolves when a call may go; every call takes one token. */
  take(): Promise<void> {
    const now = this.clock.now();
    const goAt = Math.max(now, this.due - this.tolerance);
    this.due = Math.max(this.due, now) + this.interval;
    return goAt > now ? this.clock.sleep(goAt - now) : Promise.resolve();
  }
}
