import type { HttpEvent, HttpResult } from '../shared/http';
import { errorResponse, wantsJson } from '../shared/http';
import type { Deps } from '../use-cases/deps';
import { type LambdaWiring, lambdaDependencies } from '../wiring';

/**
 * The seam every handler file exports as `handle`: its event, with the dependencies given, answered by
 * the same function whether the Lambda wrapper (`handler`) or the local runtime calls it.
 */
export type Handle<Event, Result> = (deps: Deps, event: Event) => Promise<Result>;

/** An HTTP handler's `handle`: an API Gateway (payload 2.0) event in, its response out. */
export type HttpHandle = Handle<HttpEvent, HttpResult>;

/**
 * Binds an HTTP handler to the Lambda's dependencies, built once per cold start with the catalog parts and
 * ports it names (functions/wiring/): only those are bundled into it.
 */
export const httpLambda =
  (handle: HttpHandle, wiring: LambdaWiring = {}) =>
  async (event: HttpEvent): Promise<HttpResult> => {
    let deps: Deps;
    try {
      deps = await lambdaDependencies(wiring);
    } catch (error) {
      return errorResponse(error, wantsJson(event));
    }
    return handle(deps, event);
  };
