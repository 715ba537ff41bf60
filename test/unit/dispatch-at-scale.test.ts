import { describe, expect, it } from 'vitest';
import { SqsSendQueue } from '../../functions/adapters/sqs/send-queue';
import type { SendJob, SendQueue } from '../../functions/ports/queue';
import { confirm } from '../../functions/use-cases/enrollment/confirm';
import { enroll } from '../../functions/use-cases/enrollment/enroll';
import { dispatch, UNSENT_AFTER_MS } from '../../functions/use-cases/sending/dispatch';
import { type FakeWorld, fakeWorld } from '../support/fake-deps';

/** `count` people enrolled and confirmed at the same moment, so their steps fall due together. */
async function confirmedPeople(world: FakeWorld, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { id } = await enroll(world.deps, {
      email: `person-${i}@example.com`,
      timezone: 'America/New_York',
      role: 'hurt',
    });
    const link = world.emails.at(-1)?.text.match(/https:\/\/kintsugi\.test\/confirm\?\S+/)?.[0] ?? '';
    await confirm(world.deps, new URL(link).searchParams.get('token') ?? '');
    ids.push(id);
  }
  return ids;
}

/** Moves the clock to the first due instant. */
async function toFirstDue(world: FakeWorld): Promise<void> {
  world.clock.set((await world.store.earliestDue()) as string);
}

/** A queue that records each enqueue call and sends nothing. */
function recordingQueue(): SendQueue & { calls: SendJob[][] } {
  const calls: SendJob[][] = [];
  return { calls, enqueue: async (jobs) => void calls.push(jobs), retryAfter: async () => undefined };
}

/** Every one of `ids` was queued once, and each enrollment moved on from where it was `before`. */
async function expectQueuedAndMovedOn(
  world: FakeWorld,
  queue: { calls: SendJob[][] },
  ids: readonly string[],
  before: readonly ({ nextDueAt?: string } | undefined)[],
): Promise<void> {
  expect(
    queue.calls
      .flat()
      .map((job) => job.enrollmentId)
      .sort(),
  ).toEqual([...ids].sort());
  const moved = await Promise.all(ids.map((id) => world.store.getEnrollment(id)));
  for (const [i, e] of moved.entries()) expect(e?.nextDueAt).not.toBe(before[i]?.nextDueAt);
}

describe('a dispatch tick at scale', () => {
  it('reads each due enrollment once, from the due index, and never again before writing it', async () => {
    const world = fakeWorld();
    await confirmedPeople(world, 5);
    await toFirstDue(world);
    const reads = { dueEnrollments: 0, getEnrollment: 0 };
    const store = world.store;
    world.deps.store = new Proxy(store, {
      get(target, name, receiver) {
        if (name === 'dueEnrollments' || name === 'getEnrollment') reads[name]++;
        return Reflect.get(target, name, receiver);
      },
    });
    world.deps.queue = recordingQueue();

    const result = await dispatch(world.deps);

    expect(result).toMatchObject({ enrollments: 5, queued: 5 });
    expect(reads).toEqual({ dueEnrollments: 1, getEnrollment: 0 });
  });

  it('queues the jobs of every enrollment due in a tick in one call, which SQS takes ten to a batch', async () => {
    const world = fakeWorld();
    await confirmedPeople(world, 25);
    await toFirstDue(world);
    const queue = recordingQueue();
    world.deps.queue = queue;

    await dispatch(world.deps);

    expect(queue.calls.map((jobs) => jobs.length)).toEqual([25]);
    const batches: number[] = [];
    const sqs = {
      send: async (command: { input: { Entries?: unknown[] } }) => {
        batches.push(command.input.Entries?.length ?? 0);
        return { Failed: [] };
      },
    };
    await new SqsSendQueue(sqs as never, 'https://sqs.local/queue').enqueue(queue.calls[0] as SendJob[]);
    expect(batches.sort((a, b) => b - a)).toEqual([10, 10, 5]);
  });

  it('loses no claim when queueing fails: a tick a minute on queues again what no send took', async () => {
    const world = fakeWorld();
    const ids = await confirmedPeople(world, 3);
    await toFirstDue(world);
    const before = await Promise.all(ids.map((id) => world.store.getEnrollment(id)));
    world.deps.queue = {
      enqueue: async () => {
        throw new Error('SQS refused the batch');
      },
      retryAfter: async () => undefined,
    };

    await expect(dispatch(world.deps)).rejects.toThrow('SQS refused the batch');
    // Claimed and moved on in one write each: the claims wait in the due index for a send.
    const claimed = (await Promise.all(ids.map((id) => world.store.listMessages(id)))).flat();
    expect(claimed.map((m) => m.status)).toEqual(['claimed', 'claimed', 'claimed']);

    const queue = recordingQueue();
    world.deps.queue = queue;
    await dispatch(world.deps);
    expect(queue.calls.flat()).toEqual([]); // not yet: a send may still be about to take them
    world.clock.set(new Date(world.clock.now().getTime() + UNSENT_AFTER_MS).toISOString());
    await dispatch(world.deps);
    await expectQueuedAndMovedOn(world, queue, ids, before);

    // Queued once: a later tick finds nothing more to queue for them, nor does a send that took them.
    await dispatch(world.deps);
    expect(queue.calls.flat()).toHaveLength(3);
  });

  it('moves no one on until their jobs are queued when the claims cannot ride in the advance', async () => {
    const world = fakeWorld();
    const ids = await confirmedPeople(world, 3);
    await toFirstDue(world);
    const before = await Promise.all(ids.map((id) => world.store.getEnrollment(id)));
    // A stale copy in the index: each enrollment changed after it was read, so its version check fails.
    const store = world.store;
    world.deps.store = new Proxy(store, {
      get(target, name, receiver) {
        if (name !== 'dueEnrollments') return Reflect.get(target, name, receiver);
        return async (...args: Parameters<typeof store.dueEnrollments>) => {
          const page = await store.dueEnrollments(...args);
          return { ...page, enrollments: page.enrollments.map((e) => ({ ...e, version: e.version - 1 })) };
        };
      },
    });
    world.deps.queue = {
      enqueue: async () => {
        throw new Error('SQS refused the batch');
      },
      retryAfter: async () => undefined,
    };

    await expect(dispatch(world.deps)).rejects.toThrow('SQS refused the batch');
    const after = await Promise.all(ids.map((id) => world.store.getEnrollment(id)));
    expect(after.map((e) => e?.nextDueAt)).toEqual(before.map((e) => e?.nextDueAt));

    world.deps.store = store;
    const queue = recordingQueue();
    world.deps.queue = queue;
    await dispatch(world.deps);
    await expectQueuedAndMovedOn(world, queue, ids, before);
  });

  it('queues again a claim no send took, but never a message already sent, when a stale copy comes round', async () => {
    const world = fakeWorld();
    const ids = await confirmedPeople(world, 2);
    await toFirstDue(world);
    const before = await Promise.all(ids.map((id) => world.store.getEnrollment(id)));
    const first = recordingQueue();
    world.deps.queue = first;
    await dispatch(world.deps);
    expect(first.calls.flat()).toHaveLength(2);
    // The first person's message went out; the second's claim was never taken by a send.
    const [sent] = await world.store.listMessages(ids[0] as string);
    expect(await world.store.transitionMessage(sent as never, ['claimed'], { status: 'sent' })).toBe(true);
    // The index hands this tick the copies from before the claims (as a delayed replica might).
    const store = world.store;
    world.deps.store = new Proxy(store, {
      get(target, name, receiver) {
        if (name !== 'dueEnrollments') return Reflect.get(target, name, receiver);
        return async (...args: Parameters<typeof store.dueEnrollments>) => {
          const page = await store.dueEnrollments(...args);
          return { ...page, enrollments: before.filter((e) => e !== undefined) };
        };
      },
    });
    const again = recordingQueue();
    world.deps.queue = again;
    await dispatch(world.deps);
    expect(again.calls.flat().map((job) => job.enrollmentId)).toEqual([ids[1]]);
  });

  it('leaves nothing behind for someone erased between reading the index and moving them on', async () => {
    const world = fakeWorld();
    const [id] = await confirmedPeople(world, 1);
    await toFirstDue(world);
    world.deps.queue = {
      // The person deletes their data while the tick is queueing their step.
      enqueue: async () => {
        const enrollment = await world.store.getEnrollment(id as string);
        if (enrollment) await world.store.deleteEnrollment(enrollment);
      },
      retryAfter: async () => undefined,
    };

    await dispatch(world.deps);

    expect(await world.store.getEnrollment(id as string)).toBeUndefined();
    expect(await world.store.listMessages(id as string)).toEqual([]);
  });
});
