/** A message claimed by dispatch and waiting to be sent. */
export interface SendJob {
  enrollmentId: string;
  day: number;
  slot: string;
  channel: 'email' | 'sms';
  /** The correlation id of the work that queued it (dispatch's run), so the send logs under the same id. */
  correlationId?: string;
}

/** Which received job, as the queue handed it over (an SQS record's receipt handle and queue ARN). */
export interface QueueReceipt {
  receiptHandle: string;
  queueArn: string;
}

/** The send queue (SQS in AWS; an in-process queue locally). */
export interface SendQueue {
  enqueue(jobs: SendJob[]): Promise<void>;
  /** Hands a received job back no sooner than `seconds` from now (in SQS, its visibility timeout). */
  retryAfter(receipt: QueueReceipt, seconds: number): Promise<void>;
}
