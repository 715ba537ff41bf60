import type { SendJob } from '../ports/queue';
import type { Enrollment, MessageRecord } from '../program/enrollment';
import { dueSlots, isStale, nextSlotAfter, programSlots, type Slot } from '../program/schedule';
import type { Channel } from '../program/types';
import type { Deps } from './deps';
import { updateEnrollment } from './update-enrollment';

export interface DispatchResult {
  enrollments: number;
  queued: number;
  skipped: number;
}

/** The channel a slot goes out on for this person now, or undefined when they cannot receive it. */
export function channelFor(slot: Slot, who: Enrollment): Channel | undefined {
  const emailOk = who.emailStatus === 'active';
  const smsOk = who.smsStatus === 'active' && who.phone !== undefined;
  if (slot.kind === 'report') return 'email';
  switch (slot.step?.channel) {
    case 'email':
      return emailOk ? 'email' : undefined;
    case 'sms':
      return smsOk ? 'sms' : undefined;
    case 'checkin':
      return smsOk ? 'sms' : emailOk ? 'email' : undefined;
    default:
      return undefined;
  }
}

/**
 * One dispatch tick: reads only the enrollments that are due (per shard of the due index), claims each
 * due message with a conditional write, queues it for sending and moves the enrollment's next-due time.
 */
export async function dispatch(deps: Deps): Promise<DispatchResult> {
  const now = deps.clock.now().toISOString();
  const shards = Array.from({ length: deps.config.dueShards }, (_, i) => i);
  const ids = (await Promise.all(shards.map((s) => deps.store.dueEnrollmentIds(s, now)))).flat();
  const result: DispatchResult = { enrollments: ids.length, queued: 0, skipped: 0 };
  for (const id of ids) {
    const { queued, skipped } = await advance(deps, id, now);
    result.queued += queued;
    result.skipped += skipped;
  }
  return result;
}

async function advance(deps: Deps, id: string, now: string): Promise<{ queued: number; skipped: number }> {
  const enrollment = await deps.store.getEnrollment(id);
  if (enrollment?.status !== 'active' || !enrollment.nextDueAt || enrollment.nextDueAt > now) {
    return { queued: 0, skipped: 0 };
  }
  const slots = programSlots(deps.catalog.steps, enrollment);
  const jobs: SendJob[] = [];
  let skipped = 0;
  for (const slot of dueSlots(slots, enrollment.nextDueAt, now)) {
    const channels: (Channel | undefined)[] =
      slot.kind === 'report' && enrollment.smsStatus === 'active'
        ? ['email', 'sms']
        : [channelFor(slot, enrollment)];
    for (const channel of channels) {
      if (!channel) continue;
      const stale = isStale(slot, now);
      const record: MessageRecord = {
        enrollmentId: id,
        day: slot.day,
        slot: slot.slot,
        channel,
        kind: slot.kind,
        status: stale ? 'skipped' : 'claimed',
        dueAt: slot.dueAt,
        claimedAt: now,
      };
      if (slot.step?.metric) record.metric = slot.step.metric;
      if (stale) skipped++;
      const claimed = await deps.store.claimMessage(record);
      // A claim that exists but was never sent (a crash before queueing) is queued again; send is idempotent.
      const unsent =
        claimed || (await deps.store.getMessage(id, slot.day, slot.slot, channel))?.status === 'claimed';
      if (!stale && unsent) jobs.push({ enrollmentId: id, day: slot.day, slot: slot.slot, channel });
    }
  }
  await deps.queue.enqueue(jobs);
  const next = nextSlotAfter(slots, now);
  await updateEnrollment(deps, id, (current) => {
    if (current.nextDueAt !== enrollment.nextDueAt) return false; // another tick already advanced it
    if (next) current.nextDueAt = next.dueAt;
    else {
      delete current.nextDueAt;
      current.status = 'completed';
    }
  });
  return { queued: jobs.length, skipped };
}
