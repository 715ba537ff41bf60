/** `GET /_local/outcomes`: the operator's outcomes page (JSON when asked for); `?cohort=2027-01` filters. */
import { renderOutcomesPage } from '../../functions/pages/outcomes';
import { json, wantsJson } from '../../functions/shared/http';
import { programOutcomes } from '../../functions/use-cases/operator/outcomes';
import { htmlPage, type LocalRoute } from './context';

export const OUTCOMES_ROUTES: readonly LocalRoute[] = [
  {
    method: 'GET',
    path: '/_local/outcomes',
    handle: async ({ deps }, { event }) => {
      const cohort = event.queryStringParameters?.cohort;
      const view = await programOutcomes(deps, cohort ? { cohort } : {});
      return wantsJson(event) ? json(200, view) : htmlPage(renderOutcomesPage(view));
    },
  },
];
