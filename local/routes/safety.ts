/** `GET /_local/safety`: the safety alerts an operator would have received (JSON when asked for). */
import { json, wantsJson } from '../../functions/shared/http';
import { renderSafetyPage } from '../operator-alerts';
import { htmlPage, type LocalRoute } from './context';

export const SAFETY_ROUTES: readonly LocalRoute[] = [
  {
    method: 'GET',
    path: '/_local/safety',
    handle: async ({ alerts }, { event }) =>
      wantsJson(event) ? json(200, alerts.alerts) : htmlPage(renderSafetyPage(alerts.alerts)),
  },
];
