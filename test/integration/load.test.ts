import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twilioSid } from '../../local/emulators/twilio-server';
import type { Runtime } from '../../local/runtime';
import { advanceTo, enrollParticipant, type Participant } from '../support/participant';
import { startTestRuntime } from '../support/runtime';
import { signedInbound } from '../support/webhooks';

/** Seconds of load; `LOAD_SECONDS=5 npm test` for a quick run. */
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const RATE = 100; // webhooks a second
const PEOPLE = 50;
/** Connections to the runtime, reused (Twilio keeps a pool too): a slow moment queues webhooks, not sockets. */
const CONNECTIONS = 32;
const ZONE = 'America/New_York';
const START = new Date('2026-04-06T15:00:00Z'); // Monday 11:00 in New York: day 0 is Tuesday
const CHECKIN_DAY = 'wednesday'; // the first check-in soon after day 0, so set-up sends little
const CHECKIN_OPEN = '2026-04-09T00:00:00.000Z'; // Wednesday 20:00: the check-in went out at 19:00

const NOTES = ['better week', 'we talked on Sunday', 'hard but honest', 'quiet days', 'a long walk together'];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
const round = (ms: number) => Math.round(ms * 10) / 10;

/** POSTs a form over `agent`; resolves with the status and body. */
function post(agent: http.Agent, url: string, headers: Record<string, string>, body: string) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe(`inbound texts under load: ${RATE} signed webhooks a second for ${SECONDS} s on loopback`, () => {
  let runtime: Runtime;
  const people: Participant[] = [];

  beforeAll(async () => {
    runtime = await startTestRuntime({ startAt: START, twilioStatusCallbacks: false });
    for (let i = 0; i < PEOPLE; i += 10) {
      const batch = Array.from({ length: Math.min(10, PEOPLE - i) }, () =>
        enrollParticipant(runtime, { timezone: ZONE, checkinDay: CHECKIN_DAY }),
      );
      people.push(...(await Promise.all(batch)));
    }
    await advanceTo(runtime, CHECKIN_OPEN);
    // Set-up is not what is measured: fifty people enrolling on an emulator the whole suite has used can
    // take minutes on a busy machine (it passed the earlier 120 s in 40 s alone, and ran out once in CI).
  }, 300_000);
  afterAll(async () => {
    await runtime?.stop();
  });

  it(
    'answers every one with 0 errors and stores every reply exactly once, reporting p50 and p99 latency',
    async () => {
      for (const who of people)
        expect((await runtime.deps.store.getEnrollment(who.id))?.openQuestions).toHaveLength(1);

      const total = Math.round(SECONDS * RATE);
      const interval = 1000 / RATE;
      const latencies: number[] = [];
      const errors: string[] = [];
      const sent: { enrollmentId: string; sid: string }[] = [];
      const inFlight: Promise<void>[] = [];
      const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
      const cpu = process.cpuUsage();
      const started = performance.now();
      // Open loop: each webhook leaves at its scheduled instant, whether or not earlier ones were answered.
      for (let i = 0; i < total; i++) {
        const due = started + i * interval;
        const wait = due - performance.now();
        if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
        const who = people[i % PEOPLE] as Participant;
        const sid = twilioSid();
        sent.push({ enrollmentId: who.id, sid });
        // A number answers the open check-in; once it is answered, the same text is kept as a note.
        const body = `${1 + (i % 5)} - ${NOTES[i % NOTES.length]}`;
        const webhook = signedInbound(runtime, { from: who.phone as string, body, sid });
        inFlight.push(
          post(agent, webhook.url, webhook.headers, webhook.body)
            .then(({ status, text }) => {
              // From the instant it was due: time spent waiting for a free connection counts.
              latencies.push(performance.now() - due);
              if (status !== 200 || !text.includes('<Message>'))
                errors.push(`${status} ${text.slice(0, 80)}`);
            })
            .catch((error: Error) => {
              errors.push(error.message);
            }),
        );
      }
      await Promise.all(inFlight);
      agent.destroy();
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);

      const stored = new Map<string, number>();
      for (const who of people)
        for (const reply of await runtime.deps.store.listReplies(who.id))
          stored.set(reply.sourceId, (stored.get(reply.sourceId) ?? 0) + 1);
      const lost = sent.filter((s) => !stored.has(s.sid)).length;
      const duplicates = [...stored.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
      const sorted = [...latencies].sort((a, b) => a - b);
      const figures = {
        webhooks: total,
        seconds: Math.round(seconds * 10) / 10,
        achievedPerSecond: Math.round((total / seconds) * 10) / 10,
        participants: PEOPLE,
        connections: CONNECTIONS,
        // The load generator and the runtime share this process; DynamoDB Local runs in its own JVM.
        processCpuSeconds: Math.round(((used.user + used.system) / 1e6) * 10) / 10,
        errors: errors.length,
        repliesStored: sent.length - lost,
        lostReplies: lost,
        duplicateReplies: duplicates,
        latencyMs: {
          p50: round(percentile(sorted, 50)),
          p90: round(percentile(sorted, 90)),
          p99: round(percentile(sorted, 99)),
          max: round(sorted.at(-1) ?? Number.NaN),
        },
      };
      mkdirSync('artifacts', { recursive: true });
      writeFileSync('artifacts/load.json', `${JSON.stringify(figures, null, 2)}\n`);
      console.log(
        `load: ${total} webhooks in ${figures.seconds} s (${figures.achievedPerSecond}/s), ${errors.length} errors, ` +
          `${figures.repliesStored} replies stored, ${lost} lost, ${duplicates} duplicates, ` +
          `p50 ${figures.latencyMs.p50} ms, p99 ${figures.latencyMs.p99} ms`,
      );

      expect(errors.slice(0, 5)).toEqual([]);
      expect(lost).toBe(0);
      expect(duplicates).toBe(0);
      expect(stored.size).toBe(total);
    },
    (SECONDS + 120) * 1000,
  );
});
