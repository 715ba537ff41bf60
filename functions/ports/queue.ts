/** A message claimed by dispatch and waiting to be sent. */
export interface SendJob {
  enrollmentId: string;
  day: number;
  slot: string;
  channel: 'email' | 'sms';
}

/** The send queue (SQS in AWS; an in-process queue locally). */
export interface SendQueue {
  enqueue(jobs: SendJob[]): Promise<void>;
}
