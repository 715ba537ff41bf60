import type { SendJob } from '../ports/queue';
import type { SmsResult } from '../ports/sms';
import type { Enrollment, MessageRecord } from '../program/enrollment';
import { fillText } from '../program/render';
import { buildReport } from '../program/report';
import { quietHoursEnd } from '../program/schedule';
import type { Step } from '../program/types';
import { logger } from '../shared/logger';
import { composeReportEmail, composeStepEmail, composeStepSms } from './compose';
import { recordConsent } from './consent';
import type { Deps } from './deps';
import { MOVED_TO_EMAIL_SLOT } from './dispatch';
import { holdMessage } from './hold';
import { link } from './links';
import { participationSignal } from './partners';
import { updateEnrollment } from './update-enrollment';

export type SendOutcome = 'sent' | 'already-handled' | 'skipped' | 'failed' | 'held';

/** Twilio's code for a number that has replied STOP: never text it again. */
export const SMS_OPTED_OUT = '21610';

/**
 * Sends one claimed message. A message is moved from `claimed` to `sending` with a conditional write
 * before the provider is called, so a redelivered job never sends twice; a transient provider error
 * puts it back to `claimed` and rethrows so the queue retries.
 */
export async function send(deps: Deps, job: SendJob): Promise<SendOutcome> {
  const message = await deps.store.getMessage(job.enrollmentId, job.day, job.slot, job.channel);
  if (message?.status !== 'claimed') return 'already-handled';
  const enrollment = await deps.store.getEnrollment(job.enrollmentId);
  const reachable =
    enrollment &&
    (job.channel === 'email'
      ? enrollment.emailStatus === 'active'
      : enrollment.smsStatus === 'active' && enrollment.phone);
  if (!reachable) {
    await deps.store.transitionMessage(message, ['claimed'], { status: 'skipped' });
    return 'skipped';
  }
  // Quiet hours are checked here, at the moment of sending: a text that became sendable late waits for 08:00.
  const quietUntil = job.channel === 'sms' ? quietHoursEnd(deps.clock.now(), enrollment.timezone) : undefined;
  if (quietUntil) {
    await holdMessage(deps, enrollment.id, job, quietUntil);
    logger.info('text held for quiet hours', {
      enrollmentId: enrollment.id,
      slot: job.slot,
      until: quietUntil,
    });
    return 'held';
  }
  if (!(await deps.store.transitionMessage(message, ['claimed'], { status: 'sending' })))
    return 'already-handled';

  let result: SmsResult;
  try {
    result = await deliver(deps, enrollment, message);
  } catch (error) {
    await deps.store.transitionMessage(message, ['sending'], { status: 'claimed' });
    throw error;
  }
  if (!result.ok) {
    await deps.store.transitionMessage(message, ['sending'], { status: 'failed', error: result.code });
    if (job.channel === 'sms' && result.code === SMS_OPTED_OUT) {
      await updateEnrollment(deps, enrollment.id, (e) => {
        e.smsStatus = 'stopped';
        delete e.openCheckin;
      });
      await recordConsent(deps, {
        enrollmentId: enrollment.id,
        channel: 'sms',
        action: 'opt-out',
        source: 'provider-event',
        detail: SMS_OPTED_OUT,
      });
    }
    logger.warn('message not delivered', { enrollmentId: enrollment.id, slot: job.slot, code: result.code });
    return 'failed';
  }
  // Twilio has only accepted (queued) a text; its callbacks report the carrier's progress from here.
  const accepted = job.channel === 'sms' ? 'queued' : 'sent';
  await deps.store.transitionMessage(message, ['sending'], { status: accepted, providerId: result.sid });
  const step = deps.catalog.steps.find((s) => s.id === job.slot);
  if (job.channel === 'sms' && step?.metric && step.scale)
    await openCheckin(deps, enrollment.id, step, message);
  logger.info('message sent', {
    enrollmentId: enrollment.id,
    slot: job.slot,
    day: job.day,
    channel: job.channel,
  });
  return 'sent';
}

async function deliver(deps: Deps, enrollment: Enrollment, message: MessageRecord): Promise<SmsResult> {
  if (message.slot === 'report') return deliverReport(deps, enrollment, message);
  if (message.slot === MOVED_TO_EMAIL_SLOT) {
    return deps.sms.send(enrollment.phone as string, deps.catalog.messages.sms.movedToEmail);
  }
  const step = deps.catalog.steps.find((s) => s.id === message.slot);
  if (!step) return { ok: false, permanent: true, code: 'unknown_step', message: `No step ${message.slot}` };
  if (message.channel === 'sms')
    return deps.sms.send(enrollment.phone as string, composeStepSms(deps, enrollment, step));
  const sid = await deps.mailer.send(composeStepEmail(deps, enrollment, step, message.day));
  return { ok: true, sid };
}

async function deliverReport(deps: Deps, enrollment: Enrollment, message: MessageRecord): Promise<SmsResult> {
  let report = await deps.store.getReport(enrollment.id);
  if (!report) {
    const [messages, replies] = await Promise.all([
      deps.store.listMessages(enrollment.id),
      deps.store.listReplies(enrollment.id),
    ]);
    report = buildReport({
      enrollmentId: enrollment.id,
      now: deps.clock.now().toISOString(),
      steps: deps.catalog.steps,
      messages,
      replies,
    });
    const participation = await participationSignal(deps, enrollment);
    if (participation) report.participation = participation;
    await deps.store.saveReport(report);
  }
  const reportUrl = link(deps, '/report', 'report', enrollment.id);
  if (message.channel === 'sms') {
    return deps.sms.send(
      enrollment.phone as string,
      fillText(deps.catalog.messages.sms.reportReady, { reportUrl }),
    );
  }
  const sid = await deps.mailer.send(composeReportEmail(deps, enrollment, report, reportUrl));
  return { ok: true, sid };
}

/** The newest check-in sent by SMS is the one a reply answers (an older open one is superseded). */
async function openCheckin(deps: Deps, id: string, step: Step, message: MessageRecord): Promise<void> {
  await updateEnrollment(deps, id, (e) => {
    // A texted weekly check-in still open when the next question goes out was left unanswered. The
    // quick and checkpoint questions come several to a day, so leaving those open does not count.
    const open = e.openCheckin;
    if (!open) e.unansweredSms = 0;
    else if (open.channel === 'sms' && open.kind === 'check-in') e.unansweredSms = (e.unansweredSms ?? 0) + 1;
    e.openCheckin = {
      stepId: step.id,
      day: message.day,
      metric: step.metric as NonNullable<Step['metric']>,
      scale: step.scale as NonNullable<Step['scale']>,
      channel: 'sms',
      kind: step.kind,
      sentAt: deps.clock.now().toISOString(),
    };
  });
}
