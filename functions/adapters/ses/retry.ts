import type { SESv2ClientConfig } from '@aws-sdk/client-sesv2';

type RetryStrategyV2 = Extract<
  NonNullable<SESv2ClientConfig['retryStrategy']>,
  { acquireInitialRetryToken: unknown }
>;
type RetryToken = Awaited<ReturnType<RetryStrategyV2['acquireInitialRetryToken']>>;

const token = (count: number, delay: number): RetryToken => ({
  getRetryCount: () => count,
  getRetryDelay: () => delay,
});

/**
 * The SDK's retry, for throttling alone. SendEmail is not idempotent: the SDK's default also repeats a
 * call after a timeout or a 5xx, when SES may already have sent the email. A throttled call was refused,
 * so repeating it is safe.
 */
export function retryThrottlingOnly(maxAttempts = 3, baseDelayMs = 100): RetryStrategyV2 {
  return {
    acquireInitialRetryToken: async () => token(0, 0),
    refreshRetryTokenForRetry: async (previous, { errorType }) => {
      const attempt = previous.getRetryCount() + 1;
      if (errorType !== 'THROTTLING' || attempt >= maxAttempts) throw new Error('not retried');
      // Full jitter, as the SDK's own strategy: spreads the retries of many senders.
      return token(attempt, Math.round(Math.random() * baseDelayMs * 2 ** attempt));
    },
    recordSuccess: () => undefined,
  };
}
