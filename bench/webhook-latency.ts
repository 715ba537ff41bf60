/**
 * Inbound webhook latency: signed Twilio webhooks (POST /sms/inbound) sent to the local runtime at a
 * steady 100 requests per second, open loop (each leaves on schedule, whatever the earlier ones do),
 * with at most MAX_IN_FLIGHT waiting; p50 and p99 of the time to the TwiML answer.
 */
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { clearEmails } from '../local/emulators/ses';
import { twilioSid } from '../local/emulators/twilio-server';
import { LOCAL_DEFAULTS, startRuntime } from '../local/runtime';
import { enrollAndConfirm } from '../local/simulate';
import { log, percentile, sig } from './measure';

const MAX_IN_FLIGHT = 50;

export interface WebhookLatency {
  requestsPerSecond: number;
  requests: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
}

export async function webhookLatency(
  endpoints: { dynamodbEndpoint: string; sesEndpoint: string },
  options: { requestsPerSecond: number; seconds: number; participants: number },
): Promise<WebhookLatency> {
  const runtime = await startRuntime({
    port: 0,
    ...endpoints,
    tableName: `bench-webhook-${Date.now()}`,
    tickMs: 0,
    twilioStatusCallbacks: false,
    // The participants all enroll from this machine: no limit per source.
    env: { SOURCE_LIMIT_PER_HOUR: '0' },
  });
  try {
    // Texting participants, enrolled and confirmed through the API, their opt-in answered YES.
    await clearEmails(endpoints.sesEndpoint);
    const phones = Array.from({ length: options.participants }, (_, i) => `+1415${3_000_000 + i}`);
    await enrollAndConfirm(
      runtime,
      endpoints.sesEndpoint,
      phones.map((phone) => ({
        email: `webhook-${phone.slice(1)}@example.com`,
        timezone: 'America/New_York',
        role: 'hurt' as const,
        phone,
      })),
    );
    await clearEmails(endpoints.sesEndpoint);

    const url = `${runtime.deps.config.publicUrl}/sms/inbound`;
    const total = options.requestsPerSecond * options.seconds;
    const interval = 1000 / options.requestsPerSecond;
    const latencies: number[] = [];
    let errors = 0;
    let inFlight = 0;
    const started = performance.now();
    const sends: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + i * interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (inFlight >= MAX_IN_FLIGHT) {
        errors++; // shed: the bound held, this one never left
        continue;
      }
      const params: Record<string, string> = {
        MessageSid: twilioSid(),
        AccountSid: LOCAL_DEFAULTS.TWILIO_ACCOUNT_SID,
        From: phones[i % phones.length] as string,
        To: LOCAL_DEFAULTS.TWILIO_FROM,
        // Mostly answers and notes; now and then a keyword.
        Body: i % 10 === 9 ? 'HELP' : String(1 + (i % 5)),
        NumSegments: '1',
      };
      const body = new URLSearchParams(params).toString();
      const signature = getExpectedTwilioSignature(LOCAL_DEFAULTS.TWILIO_AUTH_TOKEN, url, params);
      inFlight++;
      const sent = performance.now();
      sends.push(
        fetch(`${runtime.url}/sms/inbound`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
          body,
        })
          .then(async (response) => {
            await response.text();
            if (response.status !== 200) errors++;
            else latencies.push(performance.now() - sent);
          })
          .catch(() => {
            errors++;
          })
          .finally(() => {
            inFlight--;
          }),
      );
    }
    await Promise.all(sends);
    const elapsed = (performance.now() - started) / 1000;
    const result: WebhookLatency = {
      requestsPerSecond: latencies.length / elapsed,
      requests: latencies.length,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: Math.max(...latencies),
      errors,
    };
    log(
      `  ${result.requests} webhooks at ${sig(result.requestsPerSecond)}/s: p50 ${sig(result.p50)} ms, ` +
        `p99 ${sig(result.p99)} ms, max ${sig(result.max)} ms, ${errors} errors or shed`,
    );
    return result;
  } finally {
    await runtime.stop();
  }
}
