import type { CounterRow, OutcomeTally } from '../../program/outcomes';

/** What came of a tally: counted now, moved to a new value (a corrected answer), or counted before. */
export type TallyOutcome = 'counted' | 'changed' | 'already';

/**
 * The program's outcome counts (program/outcomes.ts): kept up to date as milestones are reached, each
 * counted once per enrollment, and read whole by cohort, never by scanning people.
 */
export interface OutcomeStore {
  /**
   * Counts a milestone unless this enrollment reached it before, in one atomic write: the enrollment's
   * mark of the milestone (expiring at `retainUntil` when given) and the counters. A retried event counts
   * nothing; a milestone reached again with another value moves its valued counters from the old value.
   */
  tallyOutcome(tally: OutcomeTally, retainUntil?: number): Promise<TallyOutcome>;
  /**
   * Counts several milestones of one enrollment in one write, each unless counted before (as tallyOutcome).
   * Returns the tallies left for the caller to count on its own (tallyOutcome): those counted before with
   * a value that may have changed, and all of them should other writers keep the counters busy past a
   * few tries.
   */
  tallyOutcomes(tallies: readonly OutcomeTally[], retainUntil?: number): Promise<OutcomeTally[]>;
  /** Every counter row of every cohort. */
  readOutcomeCounters(): Promise<CounterRow[]>;
}
