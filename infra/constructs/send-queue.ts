import { Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SEND_BATCH_SIZE } from '../config';

/** A send attempt that failed this many times moves to the dead-letter queue. */
export const MAX_RECEIVE_COUNT = 5;

export interface SendQueueProps {
  /** The send function's timeout; the queue's visibility timeout is derived from it. */
  readonly consumerTimeout: Duration;
  readonly maxBatchingWindow: Duration;
}

/** The queue between dispatch and send, with its dead-letter queue. */
export class SendQueue extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  private readonly maxBatchingWindow: Duration;

  constructor(scope: Construct, id: string, props: SendQueueProps) {
    super(scope, id);
    this.maxBatchingWindow = props.maxBatchingWindow;
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // AWS's guidance for Lambda consumers: six times the function timeout, plus the batching window.
      visibilityTimeout: Duration.seconds(
        props.consumerTimeout.toSeconds() * 6 + props.maxBatchingWindow.toSeconds(),
      ),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });
  }

  /**
   * Makes `consumer` read the queue in batches of 10, reporting failed messages one by one.
   * `maxConcurrency` paces the providers without the throttling (and early dead-lettering)
   * that reserved concurrency would cause.
   */
  attachConsumer(consumer: lambda.IFunction, maxConcurrency: number): void {
    consumer.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: SEND_BATCH_SIZE,
        maxBatchingWindow: this.maxBatchingWindow,
        reportBatchItemFailures: true,
        maxConcurrency,
      }),
    );
  }
}
