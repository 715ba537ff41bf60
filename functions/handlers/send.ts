import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { SendJob } from '../ports/queue';
import { logger } from '../shared/logger';
import type { Deps } from '../use-cases/deps';
import { send } from '../use-cases/send';
import { lambdaDependencies } from '../wiring';

/** Sends a batch of queued jobs; only the jobs that failed go back to the queue. */
export async function sendBatch(deps: Deps, event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      await send(deps, JSON.parse(record.body) as SendJob);
    } catch (error) {
      logger.warn('send failed; will retry', { messageId: record.messageId, error: (error as Error).name });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}

export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> =>
  sendBatch(await lambdaDependencies(), event);
