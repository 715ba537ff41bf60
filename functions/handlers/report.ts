import { reportPage } from '../pages/report';
import { html, json, query, respond, wantsJson } from '../shared/http';
import { viewReport } from '../use-cases/view-report';
import { httpLambda, type Route } from './lambda';

/** GET /report: the checkpoint as a page, or as JSON with `Accept: application/json`. */
export const route: Route = (deps, event) =>
  respond(event, async () => {
    const report = await viewReport(deps, query(event, 'token'));
    return wantsJson(event) ? json(200, report) : html(200, reportPage(report));
  });

export const handler = httpLambda(route);
