import { ChangeMessageVisibilityCommand, SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { QueueReceipt, SendJob, SendQueue } from '../../ports/queue';
import { mapConcurrently } from '../../shared/concurrency';

/** SQS accepts at most ten messages per batch call. */
const BATCH = 10;

/** Batch calls in flight at once: a page of a hundred due jobs goes in one round trip, not ten. */
const BATCHES_AT_ONCE = 10;

/** SQS's longest visibility timeout: 12 hours. */
const MAX_VISIBILITY_SECONDS = 43_200;

/**
 * Queues send jobs on SQS in batches of ten (a partially failed batch throws so dispatch retries), and
 * backs a failed job off by changing its visibility timeout. Only dispatch has the queue's URL; the
 * consumer finds it from the record's queue ARN.
 */
export class SqsSendQueue implements SendQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl?: string,
  ) {}

  async retryAfter(receipt: QueueReceipt, seconds: number): Promise<void> {
    await this.sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: queueUrlOf(receipt.queueArn),
        ReceiptHandle: receipt.receiptHandle,
        VisibilityTimeout: Math.min(Math.max(0, Math.round(seconds)), MAX_VISIBILITY_SECONDS),
      }),
    );
  }

  async enqueue(jobs: SendJob[]): Promise<void> {
    const queueUrl = this.queueUrl;
    if (!queueUrl) throw new Error('SEND_QUEUE_URL is not set');
    const batches: SendJob[][] = [];
    for (let i = 0; i < jobs.length; i += BATCH) batches.push(jobs.slice(i, i + BATCH));
    await mapConcurrently(batches, BATCHES_AT_ONCE, async (batch) => {
      const result = await this.sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: batch.map((job, n) => ({ Id: String(n), MessageBody: JSON.stringify(job) })),
        }),
      );
      if (result.Failed?.length)
        throw new Error(`SQS refused ${result.Failed.length} of ${batch.length} send jobs`);
    });
  }
}

/** `arn:aws:sqs:REGION:ACCOUNT:NAME` → `https://sqs.REGION.amazonaws.com/ACCOUNT/NAME`. */
export function queueUrlOf(queueArn: string): string {
  const [, partition, , region, account, name] = queueArn.split(':');
  if (!region || !account || !name) throw new Error(`Not an SQS queue ARN: ${queueArn}`);
  const domain = partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://sqs.${region}.${domain}/${account}/${name}`;
}
