import { atFirstUse } from './at-first-use';
import type { Port } from './index';

/**
 * The send queue as the send function uses it: only to back off a send that failed (the job comes back
 * after its delay), which most of its starts never do. The SQS client is loaded at that first back-off;
 * dispatch, which queues at every run, uses `sqsQueue`.
 */
export const sqsQueueAtFirstBackoff: Port<'queue'> = {
  name: 'queue',
  loadsAtFirstUse: true,
  build: ({ config }) => {
    const sqs = atFirstUse(() =>
      import('../adapters/sqs/sqs-queue').then(({ sqsQueueFrom }) => sqsQueueFrom(config)),
    );
    return {
      enqueue: async (jobs) => (await sqs()).enqueue(jobs),
      retryAfter: async (receipt, seconds) => (await sqs()).retryAfter(receipt, seconds),
    };
  },
};
