import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { QueueReceipt, SendJob, SendQueue } from '../functions/ports/queue';
import { mapConcurrently } from '../functions/shared/concurrency';

/** Redeliveries before a job lands in the dead-letter list, as the SQS redrive policy does in AWS. */
const MAX_RECEIVES = 5;
const BATCH = 10;
/** The send queue's visibility timeout in AWS (six times the send function's 30 s timeout). */
const VISIBILITY_SECONDS = 180;

type Consumer = (event: SQSEvent) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;

interface InFlight {
  job: SendJob;
  id: string;
  receives: number;
  /** Milliseconds into this enqueue call at which the job may be received again. */
  visibleAt: number;
}

/**
 * The local stand-in for SQS: hands the send handler SQS-shaped batches of ten at once, redelivers
 * the jobs it reports as failed once their visibility timeout has passed (the backoff the consumer asked
 * for, else the queue's own), and keeps the ones that fail five times as dead letters.
 */
export class InProcessSendQueue implements SendQueue {
  readonly deadLetters: SendJob[] = [];
  delivered = 0;
  /** Every redelivery's wait, oldest first: the backoff as SQS would apply it. */
  readonly redeliveries: { job: SendJob; receives: number; waitSeconds: number }[] = [];
  private consumer: Consumer | undefined;
  private nextId = 0;
  private readonly requested = new Map<string, number>();
  /** Consumer calls under way, and who waits for there to be none. */
  private busy = 0;
  private idleWaiters: (() => void)[] = [];

  /**
   * `wait` lets a visibility timeout pass: the local runtime moves its simulated clock, never sleeps.
   * `concurrency`: batches handed over at once, as the send function's SQS `maxConcurrency` does in AWS.
   */
  constructor(
    private readonly wait: (ms: number) => Promise<void>,
    private readonly concurrency = 5,
  ) {}

  /** Connects the consumer (the send handler) after construction, since it needs the deps this queue is part of. */
  attach(consumer: Consumer): void {
    this.consumer = consumer;
  }

  async retryAfter(receipt: QueueReceipt, seconds: number): Promise<void> {
    this.requested.set(receipt.receiptHandle, seconds);
  }

  async enqueue(jobs: SendJob[]): Promise<void> {
    const consumer = this.consumer;
    if (!consumer) throw new Error('The local send queue has no consumer attached');
    const batches: InFlight[][] = [];
    for (let i = 0; i < jobs.length; i += BATCH) {
      batches.push(
        jobs
          .slice(i, i + BATCH)
          .map((job) => ({ job, id: `local-${++this.nextId}`, receives: 0, visibleAt: 0 })),
      );
    }
    await mapConcurrently(batches, this.concurrency, (batch) => this.deliver(batch, consumer));
  }

  private async deliver(batch: InFlight[], consumer: Consumer): Promise<void> {
    let pending = batch;
    let elapsed = 0;
    while (pending.length) {
      const due = pending.filter((p) => p.visibleAt <= elapsed);
      for (const p of due) p.receives++;
      this.busy++;
      const { batchItemFailures } = await consumer({
        Records: due.map((p) => record(p.id, p.job, p.receives)),
      }).finally(() => this.settled());
      const failed = new Set(batchItemFailures.map((f) => f.itemIdentifier));
      this.delivered += due.length - failed.size;
      for (const p of due) {
        const seconds = this.requested.get(p.id) ?? VISIBILITY_SECONDS;
        this.requested.delete(p.id);
        if (!failed.has(p.id)) continue;
        if (p.receives >= MAX_RECEIVES) this.deadLetters.push(p.job);
        else {
          p.visibleAt = elapsed + seconds * 1000;
          this.redeliveries.push({ job: p.job, receives: p.receives, waitSeconds: seconds });
        }
      }
      pending = pending.filter((p) => !due.includes(p) || (failed.has(p.id) && p.receives < MAX_RECEIVES));
      if (!pending.length) break;
      const next = Math.min(...pending.map((p) => p.visibleAt));
      if (next > elapsed) {
        // Simulated time jumps only while no send is under way: a send never "takes" minutes of it.
        await this.idle();
        await this.wait(next - elapsed);
        elapsed = next;
      }
    }
  }

  private settled(): void {
    if (--this.busy > 0) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private async idle(): Promise<void> {
    while (this.busy > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
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
