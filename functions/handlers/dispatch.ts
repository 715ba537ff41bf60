import type { Context } from 'aws-lambda';
import { withCorrelationId } from '../shared/correlation';
import { logger } from '../shared/logger';
import type { Deps } from '../use-cases/deps';
import { type DispatchResult, dispatch } from '../use-cases/sending/dispatch';
import { type LambdaWiring, lambdaDependencies } from '../wiring';
import { sqsQueue } from '../wiring/sqs-queue';

/**
 * The scheduled dispatch tick (EventBridge, every five minutes). The invocation's request id is the
 * correlation id of the run: every message it queues is sent, and logged, under it.
 */
export const handle = (
  deps: Deps,
  _event: unknown,
  context?: Pick<Context, 'awsRequestId'>,
): Promise<DispatchResult> =>
  withCorrelationId(context?.awsRequestId ?? `dispatch-${Date.now()}`, async () => {
    const result = await dispatch(deps);
    logger.info('dispatch tick', { ...result });
    return result;
  });

/** The catalog parts and ports this function's entry point is built with (and the only ones bundled into it). */
export const wiring: LambdaWiring = { ports: [sqsQueue] };

export const handler = async (
  event: unknown,
  context?: Pick<Context, 'awsRequestId'>,
): Promise<DispatchResult> => handle(await lambdaDependencies(wiring), event, context);
