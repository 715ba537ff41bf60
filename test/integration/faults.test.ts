import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { handle as sendBatch } from '../../functions/handlers/send';
import type { Store } from '../../functions/ports/store';
import { type MessageRecord, REACHED } from '../../functions/program/enrollment';
import { openQuestionsOf, unanswered } from '../../functions/program/open-questions';
import type { Deps } from '../../functions/use-cases/deps';
import { dispatch } from '../../functions/use-cases/sending/dispatch';
import { UNKNOWN_OUTCOME } from '../../functions/use-cases/sending/send';
import { systemTexts } from '../../functions/use-cases/services/compose';
import type { Runtime } from '../../local/runtime';
import {
  DYNAMODB_THROTTLED,
  dynamoCall,
  dynamodbTransactionCanceled,
  type FaultProxy,
  SES_INTERNAL_ERROR,
  SES_THROTTLED,
  sesSendEmail,
  startFaultProxy,
} from '../support/fault-proxy';
import { advanceTo, enrollParticipant, type Participant, programEmails } from '../support/participant';
import {
  api,
  emailsTo,
  linkIn,
  pathOf,
  startTestRuntime,
  uniqueEmail,
  uniquePhone,
} from '../support/runtime';
import { postInbound } from '../support/webhooks';

const ZONE = 'America/New_York';
const START = new Date('2026-04-06T15:00:00Z'); // Monday 11:00 in New York: day 0 is Tuesday 7 April
const CHECKIN_OPEN = '2026-04-13T00:00:00.000Z'; // Sunday 20:00: the week-1 check-in went out at 19:00

/** The run's figures, written to artifacts/faults.json when the file ends (writeFigures). */
const figures = {
  faultsInjected: 0,
  messagesSent: 0,
  duplicates: 0,
  repliesSent: 0,
  repliesStored: 0,
  lostReplies: 0,
  unknownOutcomes: 0,
  deadLetters: 0,
  byScenario: {} as Record<string, { faults: number; sent: number; duplicates: number }>,
};
/** Every inbound text a test meant to be recorded: its enrollment and MessageSid. */
const expectedReplies: { enrollmentId: string; sid: string; store: Store }[] = [];

interface World {
  runtime: Runtime;
  dynamo: FaultProxy;
  ses: FaultProxy;
  people: Participant[];
}
const worlds: World[] = [];

/** A runtime of its own, behind fault proxies for DynamoDB Local and the SES emulator, with `n` people. */
async function world(n = 1, env: Record<string, string> = {}): Promise<World> {
  const dynamo = await startFaultProxy(inject('dynamoDbEndpoint'));
  const ses = await startFaultProxy(inject('sesEndpoint'));
  const runtime = await startTestRuntime({
    startAt: START,
    dynamodbEndpoint: dynamo.url,
    sesEndpoint: ses.url,
    twilioStatusCallbacks: false,
    env,
  });
  const w: World = { runtime, dynamo, ses, people: [] };
  worlds.push(w);
  for (let i = 0; i < n; i++) w.people.push(await enrollParticipant(runtime, { timezone: ZONE }));
  return w;
}

afterAll(async () => {
  await writeFigures();
  for (const w of worlds) {
    await w.runtime.stop();
    await Promise.all([w.dynamo.stop(), w.ses.stop()]);
  }
});

/** Runs dispatch one due time after another until `done` holds. */
async function runUntil(w: World, done: () => boolean | Promise<boolean>, limit = 60): Promise<void> {
  for (let i = 0; i < limit && !(await done()); i++) {
    const next = await w.runtime.deps.store.earliestDue();
    if (!next) break;
    await w.runtime.advanceTo(new Date(Math.max(Date.parse(next), w.runtime.clock.now().getTime())));
  }
  expect(await done()).toBe(true);
}

const messagesOf = async (w: World) =>
  (await Promise.all(w.people.map((who) => w.runtime.deps.store.listMessages(who.id)))).flat();
const unknownOutcomes = async (w: World) =>
  (await messagesOf(w)).filter((m) => m.status === 'failed' && m.error === UNKNOWN_OUTCOME);
const sameJob =
  (m: MessageRecord) => (j: { enrollmentId: string; day: number; slot: string; channel: string }) =>
    j.enrollmentId === m.enrollmentId && j.day === m.day && j.slot === m.slot && j.channel === m.channel;

/**
 * Counts what reached the providers for this world's people (the local Twilio server's Messages API,
 * the SES emulator's mailbox) against the message records: a provider message that no record accounts
 * for (each record at most one: sent with a provider id, or failed with an unknown outcome) is a duplicate.
 */
async function tally(
  w: World,
  scenario: string,
  faults: number,
): Promise<{ sent: number; duplicates: number }> {
  const optInPrompt = systemTexts(w.runtime.deps).optInPrompt;
  let sent = 0;
  let duplicates = 0;
  for (const who of w.people) {
    const records = await w.runtime.deps.store.listMessages(who.id);
    const accounted = (channel: MessageRecord['channel']) =>
      records.filter((m) => m.channel === channel && (m.providerId || m.error === UNKNOWN_OUTCOME)).length;
    const texts = w.runtime.twilio
      .created()
      .filter((m) => m.to === who.phone && m.body !== optInPrompt).length;
    const emails = (await programEmails(w.runtime, who)).length;
    sent += texts + emails;
    duplicates += Math.max(0, texts - accounted('sms')) + Math.max(0, emails - accounted('email'));
  }
  const unknown = (await unknownOutcomes(w)).length;
  figures.faultsInjected += faults;
  figures.messagesSent += sent;
  figures.duplicates += duplicates;
  figures.unknownOutcomes += unknown;
  figures.deadLetters += w.runtime.queue.deadLetters.length;
  figures.byScenario[scenario] = { faults, sent, duplicates };
  expect(duplicates).toBe(0);
  return { sent, duplicates };
}

/**
 * Send-handler invocations that die at the first text, right after Twilio took it: nothing more is
 * written (every port fails from then on) and the whole batch comes back, as SQS redelivers the batch
 * of a Lambda that timed out or crashed.
 */
function dyingAfterFirstText(runtime: Runtime) {
  const state = { armed: true, crashed: 0 };
  const healthy = runtime.deps;
  const consumer = async (event: Parameters<typeof sendBatch>[1]) => {
    if (!state.armed) return sendBatch(healthy, event);
    let dead = false;
    const died = () => Promise.reject(new Error('the process died'));
    const store = new Proxy(healthy.store, {
      get: (target, name, receiver) => {
        const value = Reflect.get(target, name, receiver);
        return typeof value === 'function'
          ? (...args: unknown[]) => (dead ? died() : value.apply(target, args))
          : value;
      },
    });
    const deps: Deps = {
      ...healthy,
      store,
      queue: { enqueue: died, retryAfter: died },
      mailer: { send: (email) => (dead ? died() : healthy.mailer.send(email)) },
      sms: {
        async send(to, body) {
          if (dead) return died();
          await healthy.sms.send(to, body);
          dead = true;
          state.armed = false;
          state.crashed++;
          return died();
        },
      },
    };
    const result = await sendBatch(deps, event);
    return dead ? { batchItemFailures: event.Records.map((r) => ({ itemIdentifier: r.messageId })) } : result;
  };
  return { state, consumer };
}

describe('a send that fails after its message was claimed', () => {
  it('leaves claims that the next dispatch sends once, when a dispatch dies before queueing them', async () => {
    const w = await world(2);
    const due = (await w.runtime.deps.store.earliestDue()) as string;
    w.runtime.clock.moveTo(new Date(due));
    const dying: Deps = {
      ...w.runtime.deps,
      queue: {
        enqueue: () => Promise.reject(new Error('the process died')),
        retryAfter: async () => undefined,
      },
    };
    await expect(dispatch(dying)).rejects.toThrow('the process died');
    const claimed = (await messagesOf(w)).filter((m) => m.status === 'claimed');
    expect(claimed.length).toBeGreaterThan(0);

    await w.runtime.advanceTo(new Date(Date.parse(due) + 60_000));
    const after = await messagesOf(w);
    for (const m of claimed) expect(REACHED).toContain(after.find((a) => sameJob(m)(a))?.status);
    await tally(w, 'dispatch dies between claim and queue', 1);
  });

  it('never sends again a text whose worker died after Twilio took it: it ends failed, unknown outcome, in the DLQ', async () => {
    const w = await world(1);
    const { state, consumer } = dyingAfterFirstText(w.runtime);
    w.runtime.queue.attach(consumer);
    await runUntil(w, () => state.crashed > 0);
    w.runtime.queue.attach((event) => sendBatch(w.runtime.deps, event));

    const [lost, ...others] = await unknownOutcomes(w);
    expect(others).toEqual([]);
    expect(lost).toMatchObject({ channel: 'sms', status: 'failed', error: UNKNOWN_OUTCOME });
    expect(w.runtime.queue.deadLetters.filter(sameJob(lost as MessageRecord))).toHaveLength(1);
    // The redelivery came after the queue's own visibility timeout (the dead worker asked for nothing),
    // found it still `sending` past the lease, and settled it: no second text.
    const waits = w.runtime.queue.redeliveries.filter((r) => sameJob(lost as MessageRecord)(r.job));
    expect(waits.map((r) => r.waitSeconds)).toEqual([180, 60, 120, 240]);
    await runUntil(w, async () => (await messagesOf(w)).filter((m) => m.channel === 'sms').length >= 3);
    await tally(w, 'send worker dies after the provider took a text', state.crashed);
  });
});

describe('providers that refuse, fail or hang', () => {
  it('backs off after Twilio answers 429 twice and 503 once, then sends the text once', async () => {
    const w = await world(1);
    w.runtime.twilio.failNext(2, { status: 429, code: 20429 });
    w.runtime.twilio.failNext(1, { status: 503, code: 20503, message: 'Service unavailable' });
    await runUntil(w, () => w.runtime.twilio.faultsPending() === 0);

    const [retried] = w.runtime.queue.redeliveries;
    const job = retried?.job as MessageRecord;
    expect(w.runtime.queue.redeliveries.filter((r) => sameJob(job)(r.job)).map((r) => r.waitSeconds)).toEqual(
      [30, 60, 120],
    );
    const message = (await messagesOf(w)).find(sameJob(job));
    expect(message?.status).toBe('queued');
    expect(w.runtime.queue.deadLetters).toEqual([]);
    await tally(w, 'twilio 429 ×2 and 503', 3);
  });

  it('marks a text failed with an unknown outcome, and never resends it, when Twilio answers 500 after taking it', async () => {
    const w = await world(1);
    w.runtime.twilio.failNext(1, { status: 500, code: 20500, accepted: true });
    await runUntil(w, () => w.runtime.twilio.faultsPending() === 0);
    const [unknown] = await unknownOutcomes(w);
    expect(unknown?.channel).toBe('sms');
    expect(w.runtime.queue.deadLetters.filter(sameJob(unknown as MessageRecord))).toHaveLength(1);
    const { sent } = await tally(w, 'twilio 500 after accepting', 1);
    expect(sent).toBeGreaterThan(0);
  });

  it('gives up on a text when Twilio does not answer within the client timeout, and never resends it', async () => {
    const w = await world(1, { PROVIDER_TIMEOUT_MS: '1000' });
    w.runtime.twilio.failNext(1, { delayMs: 10_000, accepted: true });
    await runUntil(w, () => w.runtime.twilio.faultsPending() === 0);
    // The client's timeout, not the provider's answer, ended the wait: it hung up on the stalled send.
    await expect.poll(() => w.runtime.twilio.clientsGaveUp()).toBe(1);
    const [unknown] = await unknownOutcomes(w);
    expect(unknown?.channel).toBe('sms');
    await tally(w, 'twilio hangs past the timeout', 1);
  });

  it('confirms an enrollment when Twilio refuses the opt-in text, which the person can answer by texting YES', async () => {
    const w = await world(0);
    const email = uniqueEmail();
    const phone = uniquePhone();
    const enrolled = await api(w.runtime, '/enrollments', {
      json: { email, phone, smsConsent: true, timezone: ZONE, role: 'hurt' },
    });
    w.runtime.twilio.failNext(1, { status: 429, code: 20429 });
    const confirm = pathOf(linkIn((await emailsTo(w.runtime, email))[0], '/confirm'));
    const confirmed = await api(w.runtime, confirm, {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    expect(confirmed.status).toBe(200);
    expect(w.runtime.twilio.faultsPending()).toBe(0);
    expect(await w.runtime.deps.store.getEnrollment(enrolled.body.id)).toMatchObject({
      status: 'active',
      smsStatus: 'awaiting-yes',
    });
    const yes = await postInbound(w.runtime, { from: phone, body: 'YES' });
    expect(yes.twiml).toMatch(/you're in/i);
    figures.faultsInjected += 1;
  });

  it('lets the SDK retry an SES throttle, backs off when it persists, and sends the email once', async () => {
    const w = await world(1);
    w.ses.inject(5, sesSendEmail, { kind: 'refuse', answer: SES_THROTTLED });
    await runUntil(w, () => w.ses.fired() >= 5);
    expect(w.ses.seen(sesSendEmail)).toBeGreaterThanOrEqual(6); // five refused, then the email
    const [retried] = w.runtime.queue.redeliveries;
    expect(retried).toMatchObject({ receives: 1, waitSeconds: 30 });
    const message = (await messagesOf(w)).find(sameJob(retried?.job as MessageRecord));
    expect(message).toMatchObject({ channel: 'email', status: 'sent' });
    expect(w.runtime.queue.deadLetters).toEqual([]);
    await tally(w, 'ses throttles ×5', 5);
  });

  it('never repeats an email SES answered with a 500 after taking it: one email, failed with an unknown outcome', async () => {
    const w = await world(1);
    w.ses.inject(1, sesSendEmail, { kind: 'answer-after', answer: SES_INTERNAL_ERROR });
    await runUntil(w, () => w.ses.fired() >= 1);
    const [unknown] = await unknownOutcomes(w);
    expect(unknown?.channel).toBe('email');
    expect(w.runtime.queue.deadLetters.filter(sameJob(unknown as MessageRecord))).toHaveLength(1);
    await tally(w, 'ses 500 after accepting', 1);
  });

  it('never repeats an email SES took without answering in time', async () => {
    const w = await world(1, { PROVIDER_TIMEOUT_MS: '1000' });
    w.ses.inject(1, sesSendEmail, { kind: 'hang-after' });
    await runUntil(w, () => w.ses.fired() >= 1);
    const [unknown] = await unknownOutcomes(w);
    expect(unknown?.channel).toBe('email');
    await tally(w, 'ses hangs after accepting', 1);
  });
});

describe('two dispatches at once', () => {
  it('sends every message exactly once when three dispatches run together over the same due items', async () => {
    const w = await world(6);
    let rounds = 0;
    for (; rounds < 8; rounds++) {
      const next = await w.runtime.deps.store.earliestDue();
      if (!next) break;
      w.runtime.clock.moveTo(new Date(next));
      await Promise.all([dispatch(w.runtime.deps), dispatch(w.runtime.deps), dispatch(w.runtime.deps)]);
    }
    const messages = await messagesOf(w);
    expect(messages.filter((m) => REACHED.includes(m.status)).length).toBeGreaterThan(6);
    expect(messages.filter((m) => m.status === 'sending' || m.status === 'failed')).toEqual([]);
    await tally(w, 'three concurrent dispatches', rounds * 2);
  });
});

/** The questions still waiting for an answer, as the participant's next text would find them. */
const waitingQuestions = async (w: { runtime: Runtime }, who: Participant) => {
  const enrollment = await w.runtime.deps.store.getEnrollment(who.id);
  return enrollment ? unanswered(openQuestionsOf(enrollment), w.runtime.deps.clock.now().toISOString()) : [];
};

describe('webhooks delivered twice or out of order', () => {
  it('records one reply when Twilio delivers the same inbound text three times at once and once more later', async () => {
    const w = await world(1);
    const [who] = w.people as [Participant];
    await advanceTo(w.runtime, CHECKIN_OPEN);
    expect(await waitingQuestions(w, who)).toHaveLength(1);
    const text = { from: who.phone as string, body: '4 - better week', sid: `SM${'d'.repeat(32)}` };
    const answers = await Promise.all([1, 2, 3].map(() => postInbound(w.runtime, text)));
    answers.push(await postInbound(w.runtime, text));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers.filter((a) => a.twiml.includes('<Message>'))).toHaveLength(1);
    expectedReplies.push({ enrollmentId: who.id, sid: text.sid, store: w.runtime.deps.store });
    const replies = await w.runtime.deps.store.listReplies(who.id);
    expect(replies).toMatchObject([{ sourceId: text.sid, score: 4 }]);
    await tally(w, 'inbound webhook delivered 4 times', 3);
  });

  it('moves every text only forward when its status callbacks arrive shuffled, repeated and at once', async () => {
    const w = await world(1);
    await advanceTo(w.runtime, CHECKIN_OPEN);
    const texts = (await messagesOf(w)).filter((m) => m.channel === 'sms' && m.providerId);
    expect(texts.length).toBeGreaterThanOrEqual(2);
    const [first, second] = texts as [MessageRecord, MessageRecord];
    const callbacks: [MessageRecord, 'sent' | 'delivered' | 'queued' | 'undelivered'][] = [
      [first, 'delivered'],
      [first, 'sent'],
      [second, 'sent'],
      [first, 'queued'],
      [second, 'undelivered'],
      [first, 'delivered'],
      [second, 'sent'],
      [second, 'queued'],
    ];
    await Promise.all(
      callbacks.map(([m, status]) =>
        w.runtime.twilio.emitStatus(
          m.providerId as string,
          status,
          status === 'undelivered' ? { code: 30003 } : undefined,
        ),
      ),
    );
    // Callbacks raced: whatever order they landed in, a state only ever moved forward, so the last one
    // standing is the furthest each text got.
    const after = await messagesOf(w);
    expect(after.find(sameJob(first))?.status).toBe('delivered');
    expect(['undelivered', 'sent']).toContain(after.find(sameJob(second))?.status);
    await Promise.all([
      w.runtime.twilio.emitStatus(second.providerId as string, 'undelivered', { code: 30003 }),
      w.runtime.twilio.emitStatus(second.providerId as string, 'sent'),
    ]);
    expect((await messagesOf(w)).find(sameJob(second))?.status).toBe('undelivered');
    await tally(w, 'status callbacks shuffled and repeated', callbacks.length + 2);
  });
});

describe('DynamoDB throttling and conditional failures', () => {
  // An answer's reply goes in one transaction with the enrollment's write and its counts (saveAnswer).
  const replyWrite = dynamoCall('TransactWriteItems', '"REPLY#');
  /** Attempts the DynamoDB client makes at one call (the SDK's default; throttles wait ~1 s, doubling). */
  const SDK_ATTEMPTS = 4;

  it('lets the SDK retry a throttled reply write: the answer is stored once and the webhook succeeds', async () => {
    const w = await world(1);
    const [who] = w.people as [Participant];
    await advanceTo(w.runtime, CHECKIN_OPEN);
    w.dynamo.inject(2, replyWrite, { kind: 'refuse', answer: DYNAMODB_THROTTLED });
    const answer = await postInbound(w.runtime, { from: who.phone as string, body: '3' });
    expect(answer.status).toBe(200);
    expect(w.dynamo.seen(replyWrite)).toBe(3); // two throttled, then stored
    expectedReplies.push({ enrollmentId: who.id, sid: answer.sid, store: w.runtime.deps.store });
    expect(await w.runtime.deps.store.listReplies(who.id)).toMatchObject([{ score: 3 }]);
    await tally(w, 'dynamodb throttles a reply write ×2', 2);
  });

  it('answers 500 when throttling outlasts the SDK’s retries, and records the reply once when Twilio retries', async () => {
    const w = await world(1);
    const [who] = w.people as [Participant];
    await advanceTo(w.runtime, CHECKIN_OPEN);
    w.dynamo.inject(SDK_ATTEMPTS, replyWrite, { kind: 'refuse', answer: DYNAMODB_THROTTLED });
    const text = { from: who.phone as string, body: '5', sid: `SM${'e'.repeat(32)}` };
    const first = await postInbound(w.runtime, text);
    expect(first.status).toBe(500);
    expect(w.dynamo.seen(replyWrite)).toBe(SDK_ATTEMPTS);
    expect(first.twiml).not.toMatch(/Throughput|stack|at /);
    expect(await w.runtime.deps.store.listReplies(who.id)).toEqual([]);
    // Twilio retries the webhook with the same MessageSid: it is handled, not ignored as a repeat.
    const retry = await postInbound(w.runtime, text);
    expect(retry.status).toBe(200);
    expect(retry.twiml).toContain('<Message>');
    expectedReplies.push({ enrollmentId: who.id, sid: text.sid, store: w.runtime.deps.store });
    expect(await w.runtime.deps.store.listReplies(who.id)).toMatchObject([{ sourceId: text.sid, score: 5 }]);
    expect(await waitingQuestions(w, who)).toEqual([]);
    await tally(w, 'dynamodb throttles a reply write past the SDK retries', SDK_ATTEMPTS);
  });

  it('surfaces an enrollment write that keeps losing its condition, and a retry completes it without a second reply', async () => {
    const w = await world(1);
    const [who] = w.people as [Participant];
    await advanceTo(w.runtime, CHECKIN_OPEN);
    // The answer's enrollment write: the transaction that carries its reply and counts too, refused as
    // DynamoDB refuses one, by the enrollment's condition (its first item) and nothing else.
    const profileWrite = dynamoCall('TransactWriteItems', '"PROFILE"');
    w.dynamo.inject(5, profileWrite, {
      kind: 'refuse',
      answer: dynamodbTransactionCanceled(['ConditionalCheckFailed', 'None', 'None']),
    });
    const text = { from: who.phone as string, body: '2', sid: `SM${'f'.repeat(32)}` };
    const first = await postInbound(w.runtime, text);
    expect(first.status).toBe(409);
    const retry = await postInbound(w.runtime, text);
    expect(retry.status).toBe(200);
    expectedReplies.push({ enrollmentId: who.id, sid: text.sid, store: w.runtime.deps.store });
    expect(await w.runtime.deps.store.listReplies(who.id)).toMatchObject([{ sourceId: text.sid, score: 2 }]);
    expect(await waitingQuestions(w, who)).toEqual([]);
    await tally(w, 'enrollment write loses its condition ×5', 5);
  });

  it('fails the send job when the claimed → sending write is throttled past the SDK’s retries, then sends once', async () => {
    const w = await world(1);
    const toSending = dynamoCall('UpdateItem', '"sending"');
    w.dynamo.inject(SDK_ATTEMPTS, toSending, { kind: 'refuse', answer: DYNAMODB_THROTTLED });
    await runUntil(w, () => w.dynamo.fired() >= SDK_ATTEMPTS);
    const [retried] = w.runtime.queue.redeliveries;
    expect(retried).toMatchObject({ receives: 1, waitSeconds: 30 });
    const message = (await messagesOf(w)).find(sameJob(retried?.job as MessageRecord));
    expect(REACHED).toContain(message?.status);
    await tally(w, 'dynamodb throttles claimed → sending past the SDK retries', SDK_ATTEMPTS);
  });

  it('sends once when the SDK repeats a claimed → sending write that had landed and its condition now fails', async () => {
    const w = await world(1);
    const toSending = dynamoCall('UpdateItem', '"sending"');
    // DynamoDB applies the write but its answer is a 500: the SDK repeats it, and the repeat's condition fails.
    w.dynamo.inject(1, toSending, {
      kind: 'answer-after',
      answer: {
        status: 500,
        type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
        message: 'Internal server error',
      },
    });
    await runUntil(w, () => w.dynamo.fired() >= 1);
    const messages = await messagesOf(w);
    expect(messages.filter((m) => m.status === 'sending' || m.status === 'claimed')).toEqual([]);
    expect(messages.every((m) => REACHED.includes(m.status))).toBe(true);
    const { sent } = await tally(w, 'dynamodb answers 500 after applying claimed → sending', 1);
    expect(sent).toBe(messages.length);
  });
});

/**
 * Writes the run's figures to artifacts/faults.json (read by the bench's report). Each test asserts its
 * own outcome (nothing sent twice, its reply stored once); this only adds them up, whichever tests ran.
 */
async function writeFigures(): Promise<void> {
  for (const { enrollmentId, sid, store } of expectedReplies) {
    const stored = (await store.listReplies(enrollmentId)).filter((r) => r.sourceId === sid).length;
    figures.repliesSent++;
    figures.repliesStored += Math.min(stored, 1);
    if (stored === 0) figures.lostReplies++;
    if (stored > 1) figures.duplicates += stored - 1;
  }
  mkdirSync('artifacts', { recursive: true });
  writeFileSync('artifacts/faults.json', `${JSON.stringify(figures, null, 2)}\n`);
  console.log(
    `faults: ${figures.faultsInjected} injected, ${figures.messagesSent} messages sent, ` +
      `${figures.duplicates} duplicates, ${figures.lostReplies} lost replies ` +
      `(${figures.unknownOutcomes} unknown outcomes marked failed, ${figures.deadLetters} dead letters)`,
  );
}
