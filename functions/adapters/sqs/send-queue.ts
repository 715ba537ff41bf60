import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SendJob, SendQueue } from '../../ports/queue';

/** SQS accepts at most ten messages per batch call. */
const BATCH = 10;

/** Queues send jobs on SQS in batches of ten; a partially failed batch throws so dispatch retries. */
export class SqsSendQueue implements SendQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async enqueue(jobs: SendJob[]): Promise<void> {
    for (let i = 0; i < jobs.length; i += BATCH) {
      const batch = jobs.slice(i, i + BATCH);
      const result = await this.sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: batch.map((job, n) => ({ Id: String(n), MessageBody: JSON.stringify(job) })),
        }),
      );
      if (result.Failed?.length)
        throw new Error(`SQS refused ${result.Failed.length} of ${batch.length} send jobs`);
    }
  }
}
