/** The time now; a fast-forwardable clock locally, the system clock in AWS. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
