import { SQSClient } from '@aws-sdk/client-sqs';
import type { SendQueue } from '../../ports/queue';
import type { Config } from '../../shared/config';
import { SqsSendQueue } from './send-queue';

/**
 * The send queue from the config. The send function imports it only when a first send fails and must be
 * backed off (functions/wiring/sqs-at-first-backoff.ts), so the SQS client is not read at its every start.
 */
export function sqsQueueFrom(config: Config): SendQueue {
  return new SqsSendQueue(new SQSClient({ region: config.region }), config.sendQueueUrl);
}
