import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { sesMailer } from '../adapters/ses/ses-mailer';
import { stepBodiesAtFirstUse } from '../catalog/step-bodies-at-first-use';
import { withEmailLayouts } from '../catalog/with-email-layouts';
import { withStepLayouts } from '../catalog/with-step-layouts';
import type { SendJob } from '../ports/queue';
import { withCorrelationId } from '../shared/correlation';
import { logger } from '../shared/logger';
import type { Deps } from '../use-cases/deps';
import { retryDelaySeconds, send } from '../use-cases/sending/send';
import { type LambdaWiring, lambdaDependencies } from '../wiring';
import { sqsQueueAtFirstBackoff } from '../wiring/sqs-at-first-backoff';
import { twilioSms } from '../wiring/twilio-sms';

/** Sends a batch of queued jobs, all at once; only the jobs that failed go back to the queue, each after its backoff. */
export async function handle(deps: Deps, event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  // The jobs of a batch go at once: a send mostly waits on DynamoDB and the provider, and the providers'
  // rates are kept by the adapters' pacing, not by sending one at a time.
  await Promise.all(
    event.Records.map(async (record) => {
      const job = JSON.parse(record.body) as SendJob;
      try {
        // The dispatch run that queued it named the work; a job without one goes by its SQS message id.
        await withCorrelationId(job.correlationId ?? record.messageId, () => send(deps, job));
      } catch (error) {
        logger.warn('send failed; will retry', { messageId: record.messageId, error: (error as Error).name });
        batchItemFailures.push({ itemIdentifier: record.messageId });
        await backOff(deps, record);
      }
    }),
  );
  return { batchItemFailures };
}

/** Without the backoff the job still comes back, after the queue's own visibility timeout. */
async function backOff(deps: Deps, record: SQSRecord): Promise<void> {
  const receives = Number(record.attributes.ApproximateReceiveCount) || 1;
  const receipt = { receiptHandle: record.receiptHandle, queueArn: record.eventSourceARN };
  await deps.queue.retryAfter(receipt, retryDelaySeconds(receives)).catch((error: Error) => {
    logger.warn('could not back off a failed send', { messageId: record.messageId, error: error.name });
  });
}

/** The catalog parts and ports this function's entry point is built with (and the only ones bundled into it). */
export const wiring: LambdaWiring = {
  catalog: [withStepLayouts, withEmailLayouts],
  stepBodies: stepBodiesAtFirstUse,
  ports: [sesMailer, twilioSms, sqsQueueAtFirstBackoff],
};

export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> =>
  handle(await lambdaDependencies(wiring), event);
