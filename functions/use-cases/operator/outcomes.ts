import type { OutcomeStore } from '../../ports/store';
import { buildOutcomes, type OutcomesView } from '../../program/outcomes';
import { ValidationError } from '../../shared/errors';
import type { UsesStore } from '../deps';

/** A cohort filter: a month (`2027-01`) or an ISO week (`2027-W03`). */
const COHORT = /^\d{4}-(0[1-9]|1[0-2]|W(0[1-9]|[1-4]\d|5[0-3]))$/;

/**
 * The program's outcomes for the people who run it: the counters kept as events happened, read whole
 * (a query per cohort, never a scan of people), every figure suppressed below ten people.
 */
export async function programOutcomes(
  deps: UsesStore<OutcomeStore, 'catalog'>,
  options: { cohort?: string } = {},
): Promise<OutcomesView> {
  if (options.cohort !== undefined && !COHORT.test(options.cohort))
    throw new ValidationError(
      'invalid_cohort',
      'cohort: a month (2027-01) or an ISO week (2027-W03).',
      'cohort',
    );
  const view = buildOutcomes(await deps.store.readOutcomeCounters(), options.cohort);
  // Each question under its own words (the first step that asks it), as the participant read it.
  for (const m of view.metrics) {
    const question = deps.catalog.steps.find((s) => s.metric === m.metric && s.question)?.question;
    if (question) m.question = question;
  }
  return view;
}
