import type { CatalogPart } from '../catalog/compiled';
import type { HttpEvent, HttpResult } from '../shared/http';
import { errorResponse, wantsJson } from '../shared/http';
import type { Deps } from '../use-cases/deps';
import { lambdaDependencies } from '../wiring';

/** An HTTP route: the same function the Lambda and the local server call. */
export type Route = (deps: Deps, event: HttpEvent) => Promise<HttpResult>;

/** Binds a route to the Lambda's dependencies, built once per cold start with the catalog parts it names. */
export const httpLambda =
  (route: Route, ...parts: CatalogPart[]) =>
  async (event: HttpEvent): Promise<HttpResult> => {
    let deps: Deps;
    try {
      deps = await lambdaDependencies(...parts);
    } catch (error) {
      return errorResponse(error, wantsJson(event));
    }
    return route(deps, event);
  };
