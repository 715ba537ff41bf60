import type { SendJob } from '../../ports/queue';
import type { SmsSendOutcome } from '../../ports/sms';
import type { Enrollment, MessageKey, MessageRecord } from '../../program/enrollment';
import { askQuestion, lastTextedCheckinUnanswered, openQuestionsOf } from '../../program/open-questions';
import { quietHoursEnd } from '../../program/schedule';
import type { Step } from '../../program/types';
import { fillText } from '../../render/fill';
import { DeliveryUnknownError, ProviderUnavailableError, SendInProgressError } from '../../shared/errors';
import { logger } from '../../shared/logger';
import type { MessageOutcome } from '../../shared/metric-names';
import { countEvent } from '../../shared/metrics';
import type { Deps } from '../deps';
import { makeReport } from '../services/checkpoint-report';
import { composeReportEmail, composeStepSms, systemTexts } from '../services/compose';
import { composeStepEmail } from '../services/compose-step-email';
import { holdMessage } from '../services/hold';
import { link } from '../services/links';
import { askedTally, countAsked } from '../services/outcomes';
import { stopTextsAtProviderRequest } from '../services/provider-opt-out';
import { updateEnrollment } from '../services/update-enrollment';
import { MOVED_TO_EMAIL_SLOT } from './dispatch';

export type SendOutcome = 'sent' | 'already-handled' | 'skipped' | 'failed' | 'held';

/**
 * What came of handing a message over: a text's outcome, an email's provider id as accepted, or a step the
 * catalog no longer has (never sent).
 */
type Handover = SmsSendOutcome | { kind: 'no-such-step'; detail: string };

/** The error recorded on a message whose step is not in the catalog. */
const UNKNOWN_STEP = 'unknown_step';

/** The error recorded on a message the provider may or may not have taken. */
export const UNKNOWN_OUTCOME = 'unknown-outcome';

/**
 * How long a message may stay `sending` before its worker counts as gone: well past the send Lambda's
 * 30 s timeout, and shorter than the queue's retries (30 + 60 + 120 s), so it is settled before the DLQ.
 */
export const SENDING_LEASE_MS = 120_000;

/** Seconds before a failed send job is tried again: 30 s, doubling with each receive, at most 15 minutes. */
export const retryDelaySeconds = (receives: number): number =>
  Math.min(30 * 2 ** Math.max(0, receives - 1), 900);

/**
 * Sends one claimed message. A message is moved from `claimed` to `sending` with a conditional write
 * before the provider is called, so a redelivered job never sends twice. A refusal (nothing was sent)
 * puts it back to `claimed` and rethrows so the queue retries; an unknown outcome (the provider may have
 * it) marks it `failed` with UNKNOWN_OUTCOME and rethrows, so the job ends in the DLQ, never resent.
 * The message itself is read only when a conditional write finds it no longer `claimed`: the common case
 * costs one read (the enrollment) and the writes.
 */
export async function send(deps: Deps, job: SendJob): Promise<SendOutcome> {
  const message: MessageKey = {
    enrollmentId: job.enrollmentId,
    day: job.day,
    slot: job.slot,
    channel: job.channel,
  };
  const enrollment = await deps.store.getEnrollment(job.enrollmentId);
  const reachable =
    enrollment &&
    (job.channel === 'email'
      ? enrollment.emailStatus === 'active'
      : enrollment.smsStatus === 'active' && enrollment.phone);
  if (!reachable || unwantedNudge(deps, enrollment, job)) {
    if (!(await deps.store.transitionMessage(message, ['claimed'], { status: 'skipped' })))
      return notClaimed(deps, message);
    return counted(job, 'skipped');
  }
  // Quiet hours are checked here, at the moment of sending: a text that became sendable late waits for 08:00.
  const quietUntil = job.channel === 'sms' ? quietHoursEnd(deps.clock.now(), enrollment.timezone) : undefined;
  if (quietUntil) {
    // Kept claimed, out of the due index's unsent claims: the hold is the enrollment's to release now.
    if (!(await deps.store.transitionMessage(message, ['claimed'], { status: 'claimed' })))
      return notClaimed(deps, message);
    await holdMessage(deps, enrollment.id, job, quietUntil);
    logger.info('text held for quiet hours', {
      enrollmentId: enrollment.id,
      slot: job.slot,
      until: quietUntil,
    });
    return counted(job, 'held');
  }
  const taken = await takeToSend(deps, message);
  if (taken !== 'taken') return taken;

  let result: Handover;
  try {
    result = await deliver(deps, enrollment, message);
  } catch (error) {
    if (error instanceof DeliveryUnknownError) await markUnknown(deps, message);
    else await deps.store.transitionMessage(message, ['sending'], { status: 'claimed' });
    counted(job, error instanceof DeliveryUnknownError ? 'unknown' : 'retry');
    throw error;
  }
  if (result.kind !== 'accepted') {
    const error = result.kind === 'refused' ? result.failure.providerCode : UNKNOWN_STEP;
    await deps.store.transitionMessage(message, ['sending'], { status: 'failed', error });
    if (result.kind === 'refused' && result.failure.reason === 'opted-out')
      await stopTextsAtProviderRequest(deps, enrollment.id, { providerCode: result.failure.providerCode });
    logger.warn('message not delivered', {
      enrollmentId: enrollment.id,
      slot: job.slot,
      ...(result.kind === 'refused' ? { reason: result.failure.reason } : {}),
      code: error,
    });
    return counted(job, 'failed');
  }
  // The SMS provider has only accepted (queued) a text; its delivery reports tell the carrier's progress.
  const accepted = {
    status: job.channel === 'sms' ? 'queued' : 'sent',
    providerId: result.providerId,
  } as const;
  const step = deps.catalog.steps.find((s) => s.id === job.slot);
  const asking = step?.metric && step.scale ? step : undefined;
  // A question joins the enrollment in the same write as the message's `sent`, unless the enrollment
  // changed since it was read: then the message is marked alone and the question written after a new read.
  // A weekly check-in asked is counted (outcomes) in that same write, once.
  const asked = asking && askedIn(deps, enrollment, asking, message);
  const counting =
    asking?.kind === 'check-in'
      ? { tally: askedTally(enrollment, job.day, job.channel), retainUntil: enrollment.retainUntil }
      : undefined;
  const marked = await deps.store.markSent(message, accepted, asked, counting);
  const markedAlone =
    marked === 'enrollment-changed'
      ? await deps.store.markSent(message, accepted, undefined, counting)
      : marked;
  if (asking && marked !== 'done' && marked !== 'done-uncounted')
    await openQuestion(deps, enrollment.id, asking, message);
  // Not counted with the `sent` (its counters kept busy, or the message no longer `sending`): counted alone.
  if (counting && markedAlone !== 'done') await countAsked(deps, enrollment, job.day, job.channel);
  logger.info('message sent', {
    enrollmentId: enrollment.id,
    slot: job.slot,
    day: job.day,
    channel: job.channel,
  });
  if (job.slot === 'report' && job.channel === 'email') countEvent('ReportsSent');
  return counted(job, 'sent');
}

/** A mid-week nudge claimed (or held) before the person chose check-ins only: it is skipped, not sent. */
const unwantedNudge = (deps: Deps, enrollment: Enrollment, job: SendJob) =>
  enrollment.nudges === false && deps.catalog.steps.find((s) => s.id === job.slot)?.kind === 'micro-action';

const readMessage = (deps: Deps, m: MessageKey) =>
  deps.store.getMessage(m.enrollmentId, m.day, m.slot, m.channel);

/**
 * A message a conditional write found not `claimed` (read now unless the caller has it): one another
 * worker is sending, or one whose worker died mid-call, is settled as in doubt; one whose outcome is
 * unknown fails its job again (the DLQ's alarm calls an operator); anything else was already handled.
 */
async function notClaimed(deps: Deps, key: MessageKey, read?: MessageRecord): Promise<'already-handled'> {
  const message = read ?? (await readMessage(deps, key));
  if (message?.status === 'sending') return settleInDoubt(deps, message);
  if (message?.status === 'failed' && message.error === UNKNOWN_OUTCOME) {
    // Its job keeps failing until SQS moves it to the DLQ, whose alarm calls an operator.
    throw new DeliveryUnknownError('This message may or may not have been sent; it is not sent again.');
  }
  return 'already-handled';
}

/** Counts what the send step did with a message (`Messages` by channel and outcome) and returns it. */
function counted<O extends MessageOutcome>(job: SendJob, outcome: O): O {
  countEvent('Messages', { channel: job.channel, outcome });
  return outcome;
}

/**
 * Moves a message from `claimed` to `sending`, marked as this worker's. A failed condition usually means
 * another worker took it (or it was handled); but when the SDK repeated this very write after a lost
 * answer, the mark is ours.
 */
async function takeToSend(deps: Deps, message: MessageKey): Promise<'taken' | 'already-handled'> {
  const mark = { sendingAt: deps.clock.now().toISOString(), sendingBy: deps.newId() };
  if (await deps.store.transitionMessage(message, ['claimed'], { status: 'sending', ...mark }))
    return 'taken';
  const current = await readMessage(deps, message);
  if (current?.status === 'sending' && current.sendingBy === mark.sendingBy) return 'taken';
  return notClaimed(deps, message, current);
}

/**
 * A message found `sending`: another worker may be calling the provider now (its job is tried again
 * later), or, past the lease, its worker died mid-call and nobody knows whether the provider took it.
 * That one is marked failed, never sent blindly again.
 */
async function settleInDoubt(deps: Deps, message: MessageRecord): Promise<never> {
  const since = Date.parse(message.sendingAt ?? message.claimedAt);
  if (deps.clock.now().getTime() - since < SENDING_LEASE_MS)
    throw new SendInProgressError('This message is being sent by another worker.');
  await markUnknown(deps, message);
  throw new DeliveryUnknownError('This message may or may not have been sent; it is not sent again.');
}

async function markUnknown(deps: Deps, message: MessageKey): Promise<void> {
  if (await deps.store.transitionMessage(message, ['sending'], { status: 'failed', error: UNKNOWN_OUTCOME }))
    logger.error('message outcome unknown: marked failed, not sent again', {
      enrollmentId: message.enrollmentId,
      day: message.day,
      slot: message.slot,
      channel: message.channel,
    });
}

/** Calls a provider. Any failure but a refusal may follow a message it took, so it counts as unknown. */
async function viaProvider<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ProviderUnavailableError || error instanceof DeliveryUnknownError) throw error;
    throw new DeliveryUnknownError('The provider call failed unexpectedly.', undefined, { cause: error });
  }
}

async function deliver(deps: Deps, enrollment: Enrollment, message: MessageKey): Promise<Handover> {
  if (message.slot === 'report') return deliverReport(deps, enrollment, message);
  if (message.slot === MOVED_TO_EMAIL_SLOT) {
    return viaProvider(() =>
      deps.sms.send(enrollment.phone as string, systemTexts(deps, enrollment).movedToEmail),
    );
  }
  const step = deps.catalog.steps.find((s) => s.id === message.slot);
  if (!step) return { kind: 'no-such-step', detail: `No step ${message.slot}` };
  if (message.channel === 'sms') {
    const text = composeStepSms(deps, enrollment, step);
    return viaProvider(() => deps.sms.send(enrollment.phone as string, text));
  }
  const body = await deps.stepBodies?.(enrollment.language ?? 'en', step.id);
  const email = composeStepEmail(deps, enrollment, step, message.day, body);
  return { kind: 'accepted', providerId: await viaProvider(() => deps.mailer.send(email)) };
}

async function deliverReport(deps: Deps, enrollment: Enrollment, message: MessageKey): Promise<Handover> {
  const report = await makeReport(deps, enrollment);
  const reportUrl = link(deps, '/report', 'report', enrollment.id);
  if (message.channel === 'sms') {
    const text = fillText(systemTexts(deps, enrollment).reportReady, { reportUrl });
    return viaProvider(() => deps.sms.send(enrollment.phone as string, text));
  }
  const email = composeReportEmail(deps, enrollment, report, reportUrl);
  return { kind: 'accepted', providerId: await viaProvider(() => deps.mailer.send(email)) };
}

/**
 * A question went out: it joins the person's open questions (program/open-questions.ts), by text or by
 * email. A texted weekly check-in still unanswered when the next weekly one goes out counts toward moving
 * check-ins to email; the checkpoint questions come several to a day, so those do not count.
 */
function askQuestionOf(deps: Deps, e: Enrollment, step: Step, message: MessageKey): void {
  const before = openQuestionsOf(e);
  if (message.channel === 'sms' && step.kind === 'check-in') {
    e.unansweredSms = lastTextedCheckinUnanswered(before) ? (e.unansweredSms ?? 0) + 1 : 0;
  }
  e.openQuestions = askQuestion(before, {
    stepId: step.id,
    day: message.day,
    metric: step.metric as NonNullable<Step['metric']>,
    scale: step.scale as NonNullable<Step['scale']>,
    kind: step.kind === 'checkpoint' ? 'checkpoint' : 'check-in',
    channel: message.channel,
    askedAt: deps.clock.now().toISOString(),
  });
  delete e.openCheckin;
}

/** The enrollment read for this send with the question asked, as its next version (written with the `sent`). */
function askedIn(deps: Deps, enrollment: Enrollment, step: Step, message: MessageKey): Enrollment {
  const next = structuredClone(enrollment);
  askQuestionOf(deps, next, step, message);
  next.version = enrollment.version + 1;
  return next;
}

/** The question written on its own, over a new read: the enrollment changed since this send read it. */
async function openQuestion(
  deps: Deps,
  enrollmentId: string,
  step: Step,
  message: MessageKey,
): Promise<void> {
  await updateEnrollment(deps, enrollmentId, (e) => askQuestionOf(deps, e, step, message));
}
