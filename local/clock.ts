import type { Clock } from '../functions/ports/clock';

/** A clock that runs with real time from a chosen start and can be moved forward, never back. */
export class LocalClock implements Clock {
  private offsetMs: number;

  constructor(start: Date = new Date()) {
    this.offsetMs = start.getTime() - Date.now();
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the clock to `instant` if that is later than now. */
  moveTo(instant: Date): void {
    const ahead = instant.getTime() - this.now().getTime();
    if (ahead > 0) this.offsetMs += ahead;
  }
}
