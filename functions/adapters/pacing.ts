import type { Mailer } from '../ports/mailer';
import type { SmsSender } from '../ports/sms';
import { type PaceClock, realPaceClock, TokenBucket } from '../shared/token-bucket';

/**
 * This instance's bucket for a deployment-wide rate: the send function runs at most `instances` at once
 * (its SQS maxConcurrency), so each keeps to `perSecond / instances` and together they never exceed it.
 * Undefined (no pacing) when no rate is set.
 */
export function shareOfRate(
  perSecond: number | undefined,
  instances: number,
  clock: PaceClock = realPaceClock,
): TokenBucket | undefined {
  return perSecond ? new TokenBucket(perSecond / Math.max(1, instances), 1, clock) : undefined;
}

/** Each email waits for its turn before it goes to the provider. */
export function pacedMailer(mailer: Mailer, bucket: TokenBucket | undefined): Mailer {
  if (!bucket) return mailer;
  return {
    send: async (email) => {
      await bucket.take();
      return mailer.send(email);
    },
  };
}

/** Each text waits for its turn before it goes to the provider. */
export function pacedSmsSender(sms: SmsSender, bucket: TokenBucket | undefined): SmsSender {
  if (!bucket) return sms;
  return {
    send: async (to, body) => {
      await bucket.take();
      return sms.send(to, body);
    },
  };
}
