import { logger } from '../shared/logger';
import { type DispatchResult, dispatch } from '../use-cases/dispatch';
import { lambdaDependencies } from '../wiring';

/** The scheduled dispatch tick (EventBridge, every five minutes). */
export const handler = async (): Promise<DispatchResult> => {
  const result = await dispatch(await lambdaDependencies());
  logger.info('dispatch tick', { ...result });
  return result;
};
