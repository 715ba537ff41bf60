import { DateTime } from 'luxon';
import { wordingVersion } from '../program/consent';
import type { Enrollment } from '../program/enrollment';
import { type KeywordRequest, parseKeyword } from '../program/keywords';
import { fillText } from '../program/render';
import { parseAnswer } from '../program/reply-parsing';
import { logger } from '../shared/logger';
import { personalValues } from './compose';
import { recordConsent } from './consent';
import type { Deps } from './deps';
import { pauseProgram, resumeProgram, skipCheckin } from './pause';
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
 * check-in, else a journal note. Returns the text to answer with (it goes at once, as TwiML: it answers
 * what the person just did), or undefined for no answer. A repeated MessageSid (a provider retry) is
 * recorded once and answered with nothing. An opted-out number gets no answer but to START and HELP.
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
  const request = parseKeyword(sms.body);
  const values = enrollment
    ? personalValues(deps, enrollment)
    : { supportEmail: deps.config.supportEmail, checkinDay: '', checkinTime: '' };
  if (request?.keyword === 'help') return fillText(texts.help, values);
  if (!enrollment) return request?.keyword === 'stop' ? texts.stopConfirmed : fillText(texts.help, values);

  if (request?.keyword !== 'stop') await welcomeBack(deps, enrollment);
  const optedIn = enrollment.smsStatus === 'active' || enrollment.smsStatus === 'unreachable';
  switch (request?.keyword) {
    case 'stop':
      return optOut(deps, enrollment, sms, request);
    case 'start':
      return optIn(deps, enrollment, sms, request);
    case 'yes':
      if (!(optedIn && enrollment.openCheckin?.scale === 'yes-no'))
        return optIn(deps, enrollment, sms, request);
      break;
    case 'pause':
    case 'resume':
    case 'skip':
      if (optedIn) return programRequest(deps, enrollment, request);
      break;
  }
  // Never text an opted-out number, not even to say it is opted out.
  if (enrollment.smsStatus === 'stopped') return undefined;
  if (!optedIn) return texts.optInPrompt;
  return recordAnswer(deps, enrollment, sms, now.toISOString());
}

/** STOP and its synonyms: texts stop at once; one confirmation, and nothing after a repeat. */
async function optOut(
  deps: Deps,
  enrollment: Enrollment,
  sms: InboundSms,
  request: KeywordRequest,
): Promise<string | undefined> {
  if (enrollment.smsStatus === 'stopped') return undefined;
  await setSms(deps, enrollment, 'stopped');
  await recordConsent(deps, {
    enrollmentId: enrollment.id,
    channel: 'sms',
    action: 'opt-out',
    source: 'keyword',
    messageSid: sms.messageSid,
    detail: request.word,
  });
  return deps.catalog.messages.sms.stopConfirmed;
}

/** START, UNSTOP, YES: texts on (YES also completes the first opt-in, the double opt-in's second half). */
async function optIn(deps: Deps, enrollment: Enrollment, sms: InboundSms, request: KeywordRequest) {
  const texts = deps.catalog.messages.sms;
  const was = enrollment.smsStatus;
  if (was === 'active') return request.keyword === 'start' ? texts.startConfirmed : texts.optInConfirmed;
  await setSms(deps, enrollment, 'active');
  // The wording the person answered: the opt-in prompt, or the opt-out confirmation that says "reply START".
  const answered = was === 'stopped' ? texts.stopConfirmed : texts.optInPrompt;
  await recordConsent(deps, {
    enrollmentId: enrollment.id,
    channel: 'sms',
    action: 'opt-in',
    source: 'keyword',
    wordingVersion: wordingVersion(answered),
    messageSid: sms.messageSid,
    detail: request.word,
  });
  return was === 'stopped' ? texts.startConfirmed : texts.optInConfirmed;
}

/** PAUSE [days], RESUME and SKIP. */
async function programRequest(deps: Deps, enrollment: Enrollment, request: KeywordRequest): Promise<string> {
  const texts = deps.catalog.messages.sms;
  const values = personalValues(deps, enrollment);
  if (request.keyword === 'skip') {
    await skipCheckin(deps, enrollment);
    return fillText(texts.checkinSkipped, values);
  }
  if (request.keyword === 'resume')
    return (await resumeProgram(deps, enrollment.id)) ? texts.resumed : texts.notPaused;
  const days = request.days ?? 7;
  const result = await pauseProgram(deps, enrollment.id, days);
  if (!result.paused) return fillText(texts.help, values);
  const resumeDate = DateTime.fromISO(result.until, { zone: enrollment.timezone }).toFormat('cccc d LLLL');
  return fillText(texts.paused, { days: String(days), resumeDate });
}

/**
 * Any text proves the person reads texts: check-ins that moved to email after unanswered texts move
 * back, and a number marked unreachable after carrier failures is reachable again.
 */
async function welcomeBack(deps: Deps, enrollment: Enrollment): Promise<void> {
  if (!enrollment.checkinsByEmail && enrollment.smsStatus !== 'unreachable') return;
  await updateEnrollment(deps, enrollment.id, (e) => {
    if (e.checkinsByEmail) delete e.checkinsByEmail;
    e.unansweredSms = 0;
    if (e.smsStatus === 'unreachable') {
      e.smsStatus = 'active';
      e.smsFailures = 0;
    }
  });
}

async function setSms(deps: Deps, enrollment: Enrollment, status: Enrollment['smsStatus']): Promise<void> {
  await updateEnrollment(deps, enrollment.id, (e) => {
    if (!e.phone) return false;
    e.smsStatus = status;
    if (status === 'stopped') delete e.openCheckin;
  });
}

/**
 * An answer to the open check-in (the newest one texted; a newer prompt closes the one before), or a
 * journal note when none is open. An unclear answer is asked again once; a second is kept as a note.
 */
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
    return texts.noteKeptCheckinOpen;
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
