import type { SendJob } from '../../ports/queue';
import {
  type Enrollment,
  type HeldMessage,
  type MessageKey,
  type MessageRecord,
  retainedUntil,
} from '../../program/enrollment';
import {
  finalQuestionsAwaited,
  lastTextedCheckinUnanswered,
  openQuestionsOf,
} from '../../program/open-questions';
import {
  dueSlots,
  heldKey,
  nextDueOf,
  planDue,
  programSlots,
  type Slot,
  type SlotPlan,
} from '../../program/schedule';
import type { Channel } from '../../program/types';
import { mapConcurrently } from '../../shared/concurrency';
import { correlationId } from '../../shared/correlation';
import { NotFoundError } from '../../shared/errors';
import type { Deps } from '../deps';
import { endAfterSafetyPause, safetyPauseRanOut } from '../services/safety';
import { updateEnrollment } from '../services/update-enrollment';

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
  const lastUnanswered = lastTextedCheckinUnanswered(openQuestionsOf(who));
  return (who.unansweredSms ?? 0) + (lastUnanswered ? 1 : 0) >= UNANSWERED_BEFORE_EMAIL;
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

/** Due enrollments read per page of one part of the due index. */
export const DISPATCH_PAGE_SIZE = 100;

/** Enrollments of one part handled at once: bounds the writes a tick has in flight (parts × this). */
export const DISPATCH_CONCURRENCY = 8;

/**
 * How long a message claimed and queued in its enrollment's advance (one write) may wait for a send to take
 * it before a tick queues it again: a tick that died before queueing loses nothing, and a send that takes a
 * message twice finds it taken (send.ts). Under the minute between ticks, so the next tick queues it again
 * even when that tick starts a little less than a minute after the claim was written.
 */
export const UNSENT_AFTER_MS = 50_000;

const unsentAt = (now: string) => new Date(Date.parse(now) + UNSENT_AFTER_MS).toISOString();

/**
 * The report waits for the final checkpoint's answers: until the last awaited question's window closes,
 * or until the person answers it (use-cases/services/answers.ts then lets the held report go at once).
 */
function reportWaitsUntil(enrollment: Enrollment, now: string): string | undefined {
  return finalQuestionsAwaited(openQuestionsOf(enrollment), now)
    .map((q) => q.closesAt)
    .sort()
    .at(-1);
}

/** What a tick decided for one due enrollment: its jobs, and the write that moves it on once they are queued. */
interface Claimed {
  jobs: SendJob[];
  skipped: number;
  commit(): Promise<void>;
}

const NOTHING_DUE: Claimed = { jobs: [], skipped: 0, commit: async () => undefined };

/**
 * One dispatch tick: reads only what is due, a page of the due index at a time and every part of it at once
 * (the index carries the enrollment: one item read per due enrollment); claims an enrollment's due messages
 * and moves it on in one write (claimWithAdvance), a few enrollments at a time; queues the page's jobs in
 * batches of ten. The claims stay in the due index until a send takes them, so a tick that dies before
 * queueing leaves them for a tick UNSENT_AFTER_MS on to queue again (the index's `unsent`). When that write
 * cannot be made (the enrollment changed since the index was read, a message was claimed before, the
 * program ends here), the claims are written alone and the enrollment moves on only once its jobs are
 * queued, so a failure leaves its claims for the next tick to queue again.
 */
export async function dispatch(deps: Deps): Promise<DispatchResult> {
  const now = deps.clock.now().toISOString();
  const result: DispatchResult = { enrollments: 0, queued: 0, skipped: 0 };
  const parts = Array.from({ length: deps.store.dueParts }, (_, part) => part);
  await mapConcurrently(parts, parts.length, async (part) => {
    let cursor: string | undefined;
    do {
      const page = await deps.store.dueEnrollments(part, now, { limit: DISPATCH_PAGE_SIZE, cursor });
      cursor = page.cursor;
      const claimed = await mapConcurrently(page.enrollments, DISPATCH_CONCURRENCY, (enrollment) =>
        claimDue(deps, enrollment, now),
      );
      // Claims no send took: due again later first, so a tick that dies now still leaves them due.
      const requeued = await mapConcurrently(page.unsent ?? [], DISPATCH_CONCURRENCY, async (unsent) =>
        (await deps.store.requeueUnsent(unsent.message, unsent.at, unsentAt(now))) ? [unsent.message] : [],
      );
      const jobs: SendJob[] = [...claimed.flatMap((c) => c.jobs), ...requeued.flat()];
      const tag = correlationId();
      await deps.queue.enqueue(tag ? jobs.map((job) => ({ ...job, correlationId: tag })) : jobs);
      await mapConcurrently(claimed, DISPATCH_CONCURRENCY, (c) => c.commit());
      result.enrollments += page.enrollments.length;
      result.queued += jobs.length;
      result.skipped += claimed.reduce((sum, c) => sum + c.skipped, 0);
    } while (cursor);
  });
  return result;
}

/** Claims what is due for one enrollment, as the due index shows it (the commit's version check catches a stale copy). */
async function claimDue(deps: Deps, enrollment: Enrollment, now: string): Promise<Claimed> {
  const id = enrollment.id;
  if (enrollment.status !== 'active' || !enrollment.nextDueAt || enrollment.nextDueAt > now)
    return NOTHING_DUE;
  if (safetyPauseRanOut(enrollment, now))
    return { ...NOTHING_DUE, commit: () => endAfterSafetyPause(deps, id) };
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
  const plans = planDue(due, slots, now, enrollment.pausedUntil, reportWaitsUntil(enrollment, now));
  /** Each claim this tick makes, with its plan (none: the moved-to-email notice); all claimed in one write. */
  const claims: { record: MessageRecord; plan?: (typeof plans)[number]['plan'] }[] = [];
  for (const { slot, plan } of plans) {
    if (plan.action === 'send' && !movedToEmail && movesToEmail(slot, enrollment)) {
      movedToEmail = true;
      const notice = { day: slot.day, slot: MOVED_TO_EMAIL_SLOT, channel: 'sms' as const };
      claims.push({
        record: {
          enrollmentId: id,
          ...notice,
          kind: 'notice',
          status: 'claimed',
          dueAt: now,
          claimedAt: now,
        },
      });
    }
    const who = movedToEmail ? { ...enrollment, checkinsByEmail: true } : enrollment;
    const channels: (Channel | undefined)[] =
      slot.kind === 'report' && enrollment.smsStatus === 'active'
        ? ['email', 'sms']
        : [channelFor(slot, who)];
    for (const channel of channels) {
      if (!channel) continue;
      const record: MessageRecord = {
        enrollmentId: id,
        day: slot.day,
        slot: slot.slot,
        channel,
        kind: slot.kind,
        status: plan.action === 'skip' ? 'skipped' : 'claimed',
        dueAt: slot.dueAt,
        claimedAt: now,
      };
      if (slot.step?.metric) record.metric = slot.step.metric;
      claims.push({ record, plan });
    }
  }
  const fast = await claimWithAdvance(deps, enrollment, now, { slots, released, claims, movedToEmail });
  if (fast) return { jobs: [...jobs, ...fast.jobs], skipped: fast.skipped, commit: NOTHING_DUE.commit };
  const outcomes = await deps.store.claimMessages(claims.map((c) => c.record));
  for (const [i, { record, plan }] of claims.entries()) {
    const claimed = outcomes[i] === true;
    const key = { day: record.day, slot: record.slot, channel: record.channel };
    if (!plan) {
      // The moved-to-email notice: queued when this tick claimed it.
      if (claimed) jobs.push({ enrollmentId: id, ...key });
      continue;
    }
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
        (await deps.store.getMessage(id, key.day, key.slot, key.channel))?.status === 'claimed');
    if (unsent) jobs.push({ enrollmentId: id, ...key });
  }
  return {
    jobs,
    skipped,
    commit: () => moveOn(deps, enrollment, now, { slots, released, holds, movedToEmail }),
  };
}

/**
 * The common case in one write: every claim made (none was made before), the released holds still claimed,
 * and the enrollment moved on from the copy the index gave (its version unchanged). Undefined when that
 * write was refused, or when the program ends at this tick (its end expires every item first): the
 * caller then claims one by one and moves the enrollment on after queueing.
 */
async function claimWithAdvance(
  deps: Deps,
  enrollment: Enrollment,
  now: string,
  tick: {
    slots: Slot[];
    released: HeldMessage[];
    claims: { record: MessageRecord; plan?: SlotPlan }[];
    movedToEmail: boolean;
  },
): Promise<{ jobs: SendJob[]; skipped: number } | undefined> {
  const { slots, released, claims, movedToEmail } = tick;
  const keyOf = ({ enrollmentId, day, slot, channel }: MessageKey): MessageKey => ({
    enrollmentId,
    day,
    slot,
    channel,
  });
  const holds: HeldMessage[] = [];
  const queued: MessageKey[] = released.map((h) => keyOf({ enrollmentId: enrollment.id, ...h }));
  let skipped = 0;
  for (const { record, plan } of claims) {
    if (plan?.action === 'skip') skipped++;
    else if (plan?.action === 'hold')
      holds.push({ day: record.day, slot: record.slot, channel: record.channel, until: plan.until });
    else queued.push(keyOf(record));
  }
  const handled: Handled = { slots, released, holds, movedToEmail };
  if (!nextDueOf(slots, now, heldAfter(enrollment.held, handled))) return undefined;
  const next = structuredClone(enrollment);
  moveOnFrom(next, enrollment, now, handled, retainedUntil(now, deps.config.retentionDays));
  next.version = enrollment.version + 1;
  const written = await deps.store.claimWithAdvance({
    claims: claims.map((c) => c.record),
    released: released.map((h) => keyOf({ enrollmentId: enrollment.id, ...h })),
    queued,
    enrollment: next,
    unsentAt: unsentAt(now),
  });
  if (!written) return undefined;
  // The released holds were queued by the caller; the rest are this write's claims to send.
  return { jobs: queued.slice(released.length).map((key) => ({ ...key })), skipped };
}

/** What a tick did for one enrollment that its write must record. */
interface Handled {
  slots: Slot[];
  released: HeldMessage[];
  holds: HeldMessage[];
  movedToEmail: boolean;
}

/** Held messages after a tick: the released ones leave the list, the new holds join it. */
const heldAfter = (held: HeldMessage[] | undefined, { released, holds }: Handled): HeldMessage[] => [
  ...(held ?? []).filter((h) => !released.some((r) => heldKey(r) === heldKey(h) && r.until === h.until)),
  ...holds,
];

/**
 * After its jobs are queued: the enrollment's held list, pause and next-due time move on (or it completes).
 * A program that ends here gets its retention TTL on every item first, and only then says it ended: a
 * failure half-way leaves it due, and the next tick does it again (the TTL writes are idempotent).
 */
async function moveOn(deps: Deps, enrollment: Enrollment, now: string, handled: Handled): Promise<void> {
  const { slots } = handled;
  const retainUntil = retainedUntil(now, deps.config.retentionDays);
  if (!nextDueOf(slots, now, heldAfter(enrollment.held, handled)))
    await deps.store.expireEnrollment(enrollment, retainUntil);
  try {
    await updateEnrollment(
      deps,
      enrollment.id,
      (current) => moveOnFrom(current, enrollment, now, handled, retainUntil),
      enrollment,
    );
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    // Erased between the index read and now: erase what this tick claimed for it too.
    await deps.store.deleteEnrollment(enrollment);
  }
}

/**
 * The enrollment `current` as the tick moves it on: its held list, pause and next-due time (or its end).
 * `read` is the copy the tick planned from; when another tick moved `current` on meanwhile, only the new
 * holds are honoured.
 */
function moveOnFrom(
  current: Enrollment,
  read: Enrollment,
  now: string,
  handled: Handled,
  retainUntil: number,
): void {
  const { slots, holds, movedToEmail } = handled;
  // Held messages the send step put back meanwhile are kept: only the released ones leave the list.
  const held = heldAfter(current.held, handled);
  if (held.length) current.held = held;
  else delete current.held;
  if (current.pausedUntil && current.pausedUntil <= now) delete current.pausedUntil;
  if (movedToEmail) {
    current.checkinsByEmail = true;
    current.unansweredSms = 0;
  }
  if (current.nextDueAt !== read.nextDueAt) {
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
    current.retainUntil = retainUntil;
  }
}
