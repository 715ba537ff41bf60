import { sqsQueueFrom } from '../adapters/sqs/sqs-queue';
import type { Port } from './index';

/** The send queue (SQS) that dispatch fills and the send function reads. */
export const sqsQueue: Port<'queue'> = {
  name: 'queue',
  build: ({ config }) => sqsQueueFrom(config),
};
