import { DateTime } from 'luxon';
import { wordingVersion } from '../program/consent';
import type { Enrollment } from '../program/enrollment';
import { DELETE_WINDOW_MINUTES, type KeywordRequest, parseKeyword } from '../program/keywords';
import { fillText } from '../program/render';
import { parseAnswer } from '../program/reply-parsing';
import { detectDanger, type SafetyCategory } from '../program/safety';
import { logger } from '../shared/logger';
import { personalValues, systemTexts } from './compose';
import { channelLedger, recordConsent, recordOptOutOnce, wasErased } from './consent';
import type { Deps } from './deps';
import { handleOnce } from './inbound-once';
import { pauseProgram, resumeProgram, skipCheckin } from './pause';
import { eraseEnrollment } from './privacy';
import { recordReply } from './replies';
import { protect, safetySms } from './safety';
import { updateEnrollment } from './update-enrollment';

export interface InboundSms {
  from: string;
  body: string;
  messageSid: string;
}

/** Twilio retries a webhook for up to a day or so; keep the id a little longer than that. */
const DEDUPE_SECONDS = 4 * 86_400;

/**
 * Handles a text from a participant: signs of danger first (crisis lines, whoever sent it), then
 * keywords (STOP always wins), then an answer to the open check-in, else a journal note. Returns the
 * text to answer with (it goes at once, as TwiML: it answers what the person just did), or undefined
 * for no answer. A repeated MessageSid (a provider retry) is recorded once and answered with nothing.
 * An opted-out number gets no answer but to START, HELP and DELETE, or crisis lines.
 */
export async function replyBySms(deps: Deps, sms: InboundSms): Promise<string | undefined> {
  const danger = detectDanger(sms.body);
  if (danger) return answerDanger(deps, sms, danger);
  const once = await handleOnce(deps, sms.messageSid, DEDUPE_SECONDS, (at) => answerSms(deps, sms, at));
  if (!once.repeat) return once.value;
  logger.info('inbound retry ignored');
  return undefined;
}

/**
 * A text that shows signs of danger (program/safety.ts) is answered with crisis lines in this very
 * response, whoever sent it: an unknown number, or one that opted out (the answer goes to a message the
 * person just sent; nothing is sent to them afterwards). A provider retry is answered again, since the
 * first answer may never have arrived, but only the first delivery flags, pauses and alerts. If the
 * store cannot be read, the lines still go out. The text itself is kept nowhere: no reply, no note.
 */
async function answerDanger(deps: Deps, sms: InboundSms, category: SafetyCategory): Promise<string> {
  try {
    const once = await handleOnce(deps, sms.messageSid, DEDUPE_SECONDS, () =>
      protectBySms(deps, sms, category),
    );
    if (!once.repeat) return once.value;
    const enrollment = await deps.store.findByPhone(sms.from);
    return safetySms(deps, enrollment, enrollment?.safetyPause ? 'paused' : undefined);
  } catch (error) {
    logger.error('safety answer sent without its follow-up', {
      category,
      error: error instanceof Error ? error.name : 'unknown',
    });
    return safetySms(deps, undefined, undefined);
  }
}

async function protectBySms(deps: Deps, sms: InboundSms, category: SafetyCategory): Promise<string> {
  const enrollment = await deps.store.findByPhone(sms.from);
  const { paused } = await protect(deps, enrollment, category, 'sms');
  // "STOP, he hits me": the opt-out holds, and the answer says so after the lines.
  const request = parseKeyword(sms.body);
  if (request?.keyword === 'stop') {
    if (enrollment) await optOut(deps, enrollment, sms, request);
    return safetySms(deps, enrollment, 'stopped');
  }
  // RESUME restarts the program only from a number that gets texts; otherwise the email says how.
  const texting = enrollment?.smsStatus === 'active' || enrollment?.smsStatus === 'unreachable';
  return safetySms(deps, enrollment, paused && texting ? 'paused' : undefined);
}

/** `at`: when the text first arrived (a provider's retry after a failure keeps it). */
async function answerSms(deps: Deps, sms: InboundSms, at: string): Promise<string | undefined> {
  const enrollment = await deps.store.findByPhone(sms.from);
  const texts = systemTexts(deps, enrollment);
  const request = parseKeyword(sms.body);
  const values = enrollment
    ? personalValues(deps, enrollment)
    : { supportEmail: deps.config.supportEmail, checkinDay: '', checkinTime: '' };
  if (request?.keyword === 'help') return fillText(texts.help, values);
  if (!enrollment) {
    if (request?.keyword === 'stop') return texts.stopConfirmed;
    // A number whose data was erased opted out with it: only HELP and STOP get an answer.
    if (await wasErased(deps, sms.from)) return undefined;
    return fillText(texts.help, values);
  }
  // DELETE is a request about the person's data: it is answered whatever their texts' status.
  if (request?.keyword === 'delete') return erasureRequest(deps, enrollment);

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
  return recordAnswer(deps, enrollment, sms, at);
}

/** STOP and its synonyms: texts stop at once; one confirmation, and nothing after a repeat. */
async function optOut(
  deps: Deps,
  enrollment: Enrollment,
  sms: InboundSms,
  request: KeywordRequest,
): Promise<string | undefined> {
  const alreadyStopped = enrollment.smsStatus === 'stopped';
  if (!alreadyStopped) await setSms(deps, enrollment, 'stopped');
  // Also when already stopped: a retry after a failed ledger write still gets its entry (once).
  await recordOptOutOnce(deps, {
    enrollmentId: enrollment.id,
    retainUntil: enrollment.retainUntil,
    channel: 'sms',
    source: 'keyword',
    messageSid: sms.messageSid,
    detail: request.word,
  });
  return alreadyStopped ? undefined : systemTexts(deps, enrollment).stopConfirmed;
}

/** START, UNSTOP, YES: texts on (YES also completes the first opt-in, the double opt-in's second half). */
async function optIn(deps: Deps, enrollment: Enrollment, sms: InboundSms, request: KeywordRequest) {
  const texts = systemTexts(deps, enrollment);
  const was = enrollment.smsStatus;
  // Already on: a retry after a failed ledger write still gets its entry (once); a repeat adds nothing.
  const last = was === 'active' ? (await channelLedger(deps, enrollment.id, 'sms')).at(-1) : undefined;
  const recorded = last?.action === 'opt-in' && last.source === 'keyword';
  if (was !== 'active') await setSms(deps, enrollment, 'active');
  if (!recorded) {
    // The wording the person answered: the opt-out confirmation that says "reply START", or the opt-in prompt.
    const afterStop = was === 'stopped' || last?.action === 'opt-out';
    await recordConsent(deps, {
      enrollmentId: enrollment.id,
      retainUntil: enrollment.retainUntil,
      channel: 'sms',
      action: 'opt-in',
      source: 'keyword',
      wordingVersion: wordingVersion(afterStop ? texts.stopConfirmed : texts.optInPrompt),
      messageSid: sms.messageSid,
      detail: request.word,
    });
  }
  if (was === 'active') return request.keyword === 'start' ? texts.startConfirmed : texts.optInConfirmed;
  return was === 'stopped' ? texts.startConfirmed : texts.optInConfirmed;
}

/** PAUSE [days], RESUME and SKIP. */
async function programRequest(deps: Deps, enrollment: Enrollment, request: KeywordRequest): Promise<string> {
  const texts = systemTexts(deps, enrollment);
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
 * DELETE: the first asks for a second within DELETE_WINDOW_MINUTES; the second erases everything (a
 * hashed tombstone in the consent ledger keeps the proof of the opt-out) and is answered once: the
 * number is unknown afterwards, and gets no answer but to HELP and STOP.
 */
async function erasureRequest(deps: Deps, enrollment: Enrollment): Promise<string> {
  const texts = systemTexts(deps, enrollment);
  const now = deps.clock.now();
  const asked = enrollment.deleteRequestedAt ? Date.parse(enrollment.deleteRequestedAt) : Number.NaN;
  if (now.getTime() - asked <= DELETE_WINDOW_MINUTES * 60_000) {
    await eraseEnrollment(deps, enrollment, 'keyword');
    return texts.deleted;
  }
  await updateEnrollment(deps, enrollment.id, (e) => {
    e.deleteRequestedAt = now.toISOString();
  });
  logger.info('erasure asked for', { enrollmentId: enrollment.id });
  return texts.deleteConfirm;
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
  const texts = systemTexts(deps, enrollment);
  const open = enrollment.openCheckin;
  const base = { enrollmentId: enrollment.id, at, sourceId: sms.messageSid, channel: 'sms' as const };
  if (!open) {
    await recordReply(deps, enrollment, { ...base, note: sms.body });
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
    await recordReply(deps, enrollment, { ...base, stepId: open.stepId, day: open.day, note: sms.body });
    return texts.noteKeptCheckinOpen;
  }
  await recordReply(deps, enrollment, {
    ...base,
    stepId: open.stepId,
    day: open.day,
    metric: open.metric,
    score: answer.score,
    ...(answer.note ? { note: answer.note } : {}),
  });
  // Over the enrollment just read: a write since makes it read again.
  await updateEnrollment(
    deps,
    enrollment.id,
    (e) => {
      if (e.openCheckin?.stepId !== open.stepId || e.openCheckin.day !== open.day) return false;
      delete e.openCheckin;
    },
    enrollment,
  );
  logger.info('check-in answered', { enrollmentId: enrollment.id, metric: open.metric, channel: 'sms' });
  return open.scale === 'yes-no'
    ? fillText(texts.answerRecorded, { answer: answer.score === 1 ? 'Yes' : 'No' })
    : fillText(texts.ratingRecorded, { score: String(answer.score), max: '5' });
}
