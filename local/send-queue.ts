import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { SendJob, SendQueue } from '../functions/ports/queue';

/** Redeliveries before a job lands in the dead-letter list, as the SQS redrive policy does in AWS. */
const MAX_RECEIVES = 5;
const BATCH = 10;

type Consumer = (event: SQSEvent) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;

/**
 * The local stand-in for SQS: hands the send handler SQS-shaped batches of ten at once, redelivers
 * the jobs it reports as failed, and keeps the ones that fail five times as dead letters.
 */
export class InProcessSendQueue implements SendQueue {
  readonly deadLetters: SendJob[] = [];
  delivered = 0;
  private consumer: Consumer | undefined;
  private nextId = 0;

  /** Connects the consumer (the send handler) after construction, since it needs the deps this queue is part of. */
  attach(consumer: Consumer): void {
    this.consumer = consumer;
  }

  async enqueue(jobs: SendJob[]): Promise<void> {
    if (!this.consumer) throw new Error('The local send queue has no consumer attached');
    for (let i = 0; i < jobs.length; i += BATCH) {
      let pending = jobs
        .slice(i, i + BATCH)
        .map((job) => ({ job, id: `local-${++this.nextId}`, receives: 0 }));
      while (pending.length) {
        for (const p of pending) p.receives++;
        const { batchItemFailures } = await this.consumer({
          Records: pending.map((p) => record(p.id, p.job, p.receives)),
        });
        const failed = new Set(batchItemFailures.map((f) => f.itemIdentifier));
        this.delivered += pending.length - failed.size;
        const retry = pending.filter((p) => failed.has(p.id));
        for (const dead of retry.filter((p) => p.receives >= MAX_RECEIVES)) this.deadLetters.push(dead.job);
        pending = retry.filter((p) => p.receives < MAX_RECEIVES);
      }
    }
  }
}

function record(messageId: string, job: SendJob, receives: number): SQSRecord {
  return {
    messageId,
    receiptHandle: messageId,
    body: JSON.stringify(job),
    attributes: {
      ApproximateReceiveCount: String(receives),
      SentTimestamp: String(Date.now()),
      SenderId: 'local',
      ApproximateFirstReceiveTimestamp: String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:local:000000000000:kintsugi-send',
    awsRegion: 'local',
  };
}
