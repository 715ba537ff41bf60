import type { SendJob } from '../ports/queue';
import type { Enrollment, HeldMessage, MessageRecord } from '../program/enrollment';
import { dueSlots, heldKey, nextDueOf, planDue, programSlots, type Slot } from '../program/schedule';
import type { Channel } from '../program/types';
import type { Deps } from './deps';
import { updateEnrollment } from './update-enrollment';

export interface DispatchResult {
  enrollments: number;
  queued: number;
  skipped: number;
}

/** Check-in texts left unanswered in a row after which check-ins move to email for a while. */
export const UNANSWERED_BEFORE_EMAIL = 3;

/** The slot of the one gentle text that says check-ins moved to email. */
export const MOVED_TO_EMAIL_SLOT = 'moved-to-email';

/**
 * Whether this check-in should move to email: the last UNANSWERED_BEFORE_EMAIL texted weekly check-ins
 * went unanswered (the open one included). An answer to any question resets the count.
 */
export function movesToEmail(slot: Slot, who: Enrollment): boolean {
  if (slot.kind !== 'check-in' && slot.kind !== 'checkpoint') return false;
  if (who.checkinsByEmail || who.smsStatus !== 'active' || who.emailStatus !== 'active') return false;
  const open = who.openCheckin;
  const unanswered = (who.unansweredSms ?? 0) + (open?.channel === 'sms' && open.kind === 'check-in' ? 1 : 0);
  return unanswered >= UNANSWERED_BEFORE_EMAIL;
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
      // By text once the person said YES, unless unanswered texts moved check-ins to email for a while.
      if (smsOk && !who.checkinsByEmail) return 'sms';
      return emailOk ? 'email' : smsOk ? 'sms' : undefined;
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
  const due = dueSlots(slots, enrollment.nextDueAt, now);
  const waiting = new Set((enrollment.held ?? []).map(heldKey));
  const released = (enrollment.held ?? []).filter((h) => h.until <= now);
  const jobs: SendJob[] = released.map(({ day, slot, channel }) => ({
    enrollmentId: id,
    day,
    slot,
    channel,
  }));
  const holds: HeldMessage[] = [];
  let skipped = 0;
  let movedToEmail = false;
  for (const { slot, plan } of planDue(due, slots, now, enrollment.pausedUntil)) {
    if (plan.action === 'send' && !movedToEmail && movesToEmail(slot, enrollment)) {
      movedToEmail = true;
      const notice = { day: slot.day, slot: MOVED_TO_EMAIL_SLOT, channel: 'sms' as const };
      const record: MessageRecord = {
        enrollmentId: id,
        ...notice,
        kind: 'notice',
        status: 'claimed',
        dueAt: now,
        claimedAt: now,
      };
      if (await deps.store.claimMessage(record)) jobs.push({ enrollmentId: id, ...notice });
    }
    const who = movedToEmail ? { ...enrollment, checkinsByEmail: true } : enrollment;
    const channels: (Channel | undefined)[] =
      slot.kind === 'report' && enrollment.smsStatus === 'active'
        ? ['email', 'sms']
        : [channelFor(slot, who)];
    for (const channel of channels) {
      if (!channel) continue;
      const key = { day: slot.day, slot: slot.slot, channel };
      const record: MessageRecord = {
        enrollmentId: id,
        ...key,
        kind: slot.kind,
        status: plan.action === 'skip' ? 'skipped' : 'claimed',
        dueAt: slot.dueAt,
        claimedAt: now,
      };
      if (slot.step?.metric) record.metric = slot.step.metric;
      const claimed = await deps.store.claimMessage(record);
      if (plan.action === 'skip') {
        if (claimed) skipped++;
        continue;
      }
      if (plan.action === 'hold') {
        if (claimed) holds.push({ ...key, until: plan.until });
        continue;
      }
      // A claim that exists but was never sent (a crash before queueing) is queued again; send is idempotent.
      const unsent =
        claimed ||
        (!waiting.has(heldKey(key)) &&
          (await deps.store.getMessage(id, slot.day, slot.slot, channel))?.status === 'claimed');
      if (unsent) jobs.push({ enrollmentId: id, ...key });
    }
  }
  await deps.queue.enqueue(jobs);
  await updateEnrollment(deps, id, (current) => {
    // Held messages the send step put back meanwhile are kept: only the released ones leave the list.
    const held = [
      ...(current.held ?? []).filter(
        (h) => !released.some((r) => heldKey(r) === heldKey(h) && r.until === h.until),
      ),
      ...holds,
    ];
    if (held.length) current.held = held;
    else delete current.held;
    if (current.pausedUntil && current.pausedUntil <= now) delete current.pausedUntil;
    if (movedToEmail) {
      current.checkinsByEmail = true;
      current.unansweredSms = 0;
      if (current.openCheckin?.channel === 'sms') delete current.openCheckin;
    }
    if (current.nextDueAt !== enrollment.nextDueAt) {
      // Another tick already advanced it: only make sure the new holds are honoured.
      const earliest = holds.map((h) => h.until).sort()[0];
      if (earliest && (!current.nextDueAt || earliest < current.nextDueAt)) current.nextDueAt = earliest;
      return;
    }
    const next = nextDueOf(slots, now, held);
    if (next) current.nextDueAt = next;
    else {
      delete current.nextDueAt;
      current.status = 'completed';
    }
  });
  return { queued: jobs.length, skipped };
}
