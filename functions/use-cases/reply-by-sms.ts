import type { Enrollment } from '../program/enrollment';
import { keywordOf } from '../program/keywords';
import { fillText } from '../program/render';
import { parseAnswer } from '../program/reply-parsing';
import { logger } from '../shared/logger';
import { personalValues } from './compose';
import type { Deps } from './deps';
import { updateEnrollment } from './update-enrollment';

export interface InboundSms {
  from: string;
  body: string;
  messageSid: string;
}

/** Twilio retries a webhook for up to a day or so; keep the id a little longer than that. */
const DEDUPE_SECONDS = 4 * 86_400;

/**
 * Handles a text from a participant: keywords first (STOP always wins), then an answer to the open
 * check-in, else a journal note. Returns the text to answer with, or undefined for no answer.
 * A repeated MessageSid (a provider retry) is recorded once and answered with nothing.
 */
export async function replyBySms(deps: Deps, sms: InboundSms): Promise<string | undefined> {
  const texts = deps.catalog.messages.sms;
  const now = deps.clock.now();
  if (
    !(await deps.store.rememberInbound(sms.messageSid, Math.floor(now.getTime() / 1000) + DEDUPE_SECONDS))
  ) {
    logger.info('inbound retry ignored');
    return undefined;
  }
  const enrollment = await deps.store.findByPhone(sms.from);
  const keyword = keywordOf(sms.body);
  const values = enrollment
    ? personalValues(deps, enrollment)
    : { supportEmail: deps.config.supportEmail, checkinDay: '', checkinTime: '' };
  if (keyword === 'help') return fillText(texts.help, values);
  if (!enrollment) return keyword === 'stop' ? texts.stopConfirmed : fillText(texts.help, values);

  switch (keyword) {
    case 'stop':
      await setSms(deps, enrollment, 'stopped');
      logger.info('sms opt-out', { enrollmentId: enrollment.id });
      return texts.stopConfirmed;
    case 'start':
      await setSms(deps, enrollment, 'active');
      return enrollment.smsStatus === 'awaiting-yes' ? texts.optInConfirmed : texts.startConfirmed;
    case 'yes': {
      const yesAnswersCheckin =
        enrollment.smsStatus === 'active' && enrollment.openCheckin?.scale === 'yes-no';
      if (!yesAnswersCheckin) {
        await setSms(deps, enrollment, 'active');
        logger.info('sms opt-in', { enrollmentId: enrollment.id });
        return enrollment.smsStatus === 'stopped' ? texts.startConfirmed : texts.optInConfirmed;
      }
    }
  }
  if (enrollment.smsStatus !== 'active') return texts.optInPrompt;
  return recordAnswer(deps, enrollment, sms, now.toISOString());
}

async function setSms(deps: Deps, enrollment: Enrollment, status: Enrollment['smsStatus']): Promise<void> {
  await updateEnrollment(deps, enrollment.id, (e) => {
    if (!e.phone) return false;
    e.smsStatus = status;
    if (status === 'stopped') delete e.openCheckin;
  });
}

async function recordAnswer(
  deps: Deps,
  enrollment: Enrollment,
  sms: InboundSms,
  at: string,
): Promise<string> {
  const texts = deps.catalog.messages.sms;
  const open = enrollment.openCheckin;
  const base = { enrollmentId: enrollment.id, at, sourceId: sms.messageSid, channel: 'sms' as const };
  if (!open) {
    await deps.store.addReply({ ...base, note: sms.body });
    return texts.noteKept;
  }
  const answer = parseAnswer(sms.body, open.scale);
  if (answer.kind === 'unclear') {
    if (!open.reasked) {
      await updateEnrollment(deps, enrollment.id, (e) => {
        if (!e.openCheckin) return false;
        e.openCheckin.reasked = true;
      });
      return texts.ratingUnclear;
    }
    await deps.store.addReply({ ...base, stepId: open.stepId, day: open.day, note: sms.body });
    return texts.noteKept;
  }
  await deps.store.addReply({
    ...base,
    stepId: open.stepId,
    day: open.day,
    metric: open.metric,
    score: answer.score,
    ...(answer.note ? { note: answer.note } : {}),
  });
  await updateEnrollment(deps, enrollment.id, (e) => {
    if (e.openCheckin?.stepId !== open.stepId || e.openCheckin.day !== open.day) return false;
    delete e.openCheckin;
  });
  logger.info('check-in answered', { enrollmentId: enrollment.id, metric: open.metric, channel: 'sms' });
  return open.scale === 'yes-no'
    ? fillText(texts.answerRecorded, { answer: answer.score === 1 ? 'Yes' : 'No' })
    : fillText(texts.ratingRecorded, { score: String(answer.score), max: '5' });
}
