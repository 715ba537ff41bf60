import { wordingVersion } from '../../program/consent';
import {
  type CrisisLines,
  crisisLinesOf,
  crisisLinesOfPerson,
  crisisLinesWhere,
  languageOfNumber,
} from '../../program/crisis-lines';
import { type Enrollment, pausedAt } from '../../program/enrollment';
import { inLanguage } from '../../program/in-language';
import {
  asksToResume,
  DELETE_WINDOW_MINUTES,
  isBareAyuda,
  isOptInYes,
  type KeywordRequest,
  parseKeyword,
} from '../../program/keywords';
import { dateInZone } from '../../program/local-words';
import { openQuestionsOf, unanswered } from '../../program/open-questions';
import { assessSafety, guessLanguage, type SafetySignal } from '../../program/safety';
import { fillText } from '../../render/fill';
import { ConcurrentUpdateError } from '../../shared/errors';
import { logger } from '../../shared/logger';
import type { Deps } from '../deps';
import { answerConfirmation, answerOpenQuestions, lowSafetyAnswer } from '../services/answers';
import { atAGlance, personalValues, systemTexts } from '../services/compose';
import { channelLedger, recordConsent, recordOptOutOnce, wasErased } from '../services/consent';
import { eraseEnrollment } from '../services/erasure';
import { handleOnce } from '../services/inbound-once';
import { countStopped, countTextsOn } from '../services/outcomes';
import { pauseProgram, resumeProgram, skipCheckin } from '../services/pause';
import { chooseSignUp, programsWaitingFor } from '../services/phone-numbers';
import {
  concernSms,
  crisisSms,
  emailCrisisLines,
  helpSms,
  noteConcern,
  protect,
  textsBlocked,
  withoutCrisisClause,
} from '../services/safety';
import { updateEnrollment } from '../services/update-enrollment';

export interface InboundSms {
  from: string;
  body: string;
  messageSid: string;
}

/** Twilio retries a webhook for up to a day or so; keep the id a little longer than that. */
const DEDUPE_SECONDS = 4 * 86_400;

/**
 * Handles a text from a participant: signs of danger first (crisis lines, whoever sent it), then
 * keywords (STOP always wins), then an answer to the open check-in, else a journal note; signs of
 * concern add a short text with resources to whatever that answer was. Returns the text to answer with
 * (it goes at once, as TwiML: it answers what the person just did), or undefined for no answer. A
 * repeated MessageSid (a provider retry) is recorded once and answered with nothing. An opted-out
 * number gets no answer but to START, HELP and DELETE, or crisis lines and resources.
 */
export async function replyBySms(deps: Deps, sms: InboundSms): Promise<string | undefined> {
  const signal = asHelpKeyword(sms.body, assessSafety(sms.body));
  if (signal?.level === 'danger') return answerDanger(deps, sms, signal);
  const once = await handleOnce(deps, sms.messageSid, DEDUPE_SECONDS, async (at) => {
    const answer = await answerSms(deps, sms, at, signal);
    // AYUDA alone: the help text, then the lines in full (so without the help text's own crisis clause).
    const help = answer && isBareAyuda(sms.body) ? withoutCrisisClause(answer) : answer;
    return signal ? answerConcern(deps, sms, signal, help) : answer;
  });
  if (!once.repeat) return once.value;
  logger.info('inbound retry ignored');
  return undefined;
}

/**
 * AYUDA alone is the Spanish HELP keyword (the Spanish texts name it) and, as the detector reads it, may
 * be someone calling out: it gets the help text and the crisis lines after it, and is noted for the
 * operator as a concern, without the pause a danger brings. "AYUDA!!", "ayúdame", "necesito ayuda" stay danger.
 */
function asHelpKeyword(body: string, signal: SafetySignal | undefined): SafetySignal | undefined {
  return signal?.level === 'danger' && isBareAyuda(body) ? { ...signal, level: 'concern' } : signal;
}

/**
 * A text that shows signs of danger (program/safety.ts) is answered with crisis lines in this very
 * response, in the language it was written in, with the lines of the number's country, whoever sent it:
 * an unknown number, or one that opted out (the answer goes to a message the person just sent; nothing
 * is sent to them afterwards). A provider retry is answered again, since the first answer may never have
 * arrived, but only the first delivery flags, pauses, alerts and emails. If the store cannot be read,
 * the lines still go out. The text itself is kept nowhere: no reply, no note.
 */
async function answerDanger(deps: Deps, sms: InboundSms, signal: SafetySignal): Promise<string> {
  // The number's lines first: if the store cannot be read, they still go out.
  const lines = await crisisLinesOf(sms.from);
  try {
    const once = await handleOnce(deps, sms.messageSid, DEDUPE_SECONDS, () =>
      protectBySms(deps, sms, signal, lines),
    );
    if (!once.repeat) return once.value;
    const enrollment = await deps.store.findByPhone(sms.from);
    const followUp = enrollment?.safetyPause && texting(enrollment) ? 'paused' : undefined;
    return crisisSms(
      deps,
      enrollment ?? NO_PROGRAM,
      signal.language,
      linesOfHolder(enrollment, lines),
      followUp,
      signal.category,
    );
  } catch (error) {
    logger.error('safety answer sent without its follow-up', {
      category: signal.category,
      error: error instanceof Error ? error.name : 'unknown',
    });
    return crisisSms(deps, NO_PROGRAM, signal.language, lines, undefined, signal.category);
  }
}

async function protectBySms(
  deps: Deps,
  sms: InboundSms,
  signal: SafetySignal,
  byNumber: CrisisLines,
): Promise<string> {
  const enrollment = await deps.store.findByPhone(sms.from);
  const lines = linesOfHolder(enrollment, byNumber);
  const { paused } = await protect(deps, enrollment, signal.category, 'sms');
  // "STOP, he hits me": the opt-out holds, and the answer says so after the lines.
  const request = parseKeyword(sms.body);
  const stops = request?.keyword === 'stop';
  if (stops && enrollment) await optOut(deps, enrollment, sms, request);
  // Twilio refuses every text to a number that sent STOP, this answer too: the lines go by email as well.
  if (enrollment && (stops || textsBlocked(enrollment)))
    await emailCrisisLines(deps, enrollment, { language: signal.language, lines }, paused);
  if (stops)
    return crisisSms(deps, enrollment ?? NO_PROGRAM, signal.language, lines, 'stopped', signal.category);
  // RESUME restarts the program only from a number that gets texts; otherwise the email says how.
  const followUp = paused && enrollment && texting(enrollment) ? 'paused' : undefined;
  return crisisSms(deps, enrollment ?? NO_PROGRAM, signal.language, lines, followUp, signal.category);
}

/**
 * The lines for the program that holds the number (it said YES from it): where that person lives by their
 * time zone, or `byNumber` when the zone names no country. A number no program holds has only `byNumber`.
 */
const linesOfHolder = (holder: Enrollment | undefined, byNumber: CrisisLines): CrisisLines =>
  holder ? crisisLinesWhere(holder.timezone, byNumber) : byNumber;

/**
 * How a text is written to a number no program holds: anyone may have that phone (a number a program was told
 * to forget, one typed in by mistake, a stranger's), so as in discreet mode: no program name, nothing of what
 * it is about, and the crisis texts suggest deleting the thread.
 */
const NO_PROGRAM = { discreet: true } as const;

/** Whether the number gets texts, so a RESUME from it would restart the program. */
const texting = (enrollment: Enrollment) =>
  enrollment.smsStatus === 'active' || enrollment.smsStatus === 'unreachable';

/**
 * Signs of concern in a text that was otherwise handled as usual (its answer recorded, its note kept):
 * noted for the operator (no pause, no alert), and answered with a short text of resources after the
 * usual answer, or alone. When texts cannot reach the person, the lines also go by email. Runs once per
 * MessageSid, inside the once-only handling.
 */
async function answerConcern(
  deps: Deps,
  sms: InboundSms,
  signal: SafetySignal,
  answer: string | undefined,
): Promise<string> {
  const enrollment = await deps.store.findByPhone(sms.from);
  const lines = linesOfHolder(enrollment, await crisisLinesOf(sms.from));
  await noteConcern(deps, enrollment, signal.category, 'sms');
  if (enrollment && textsBlocked(enrollment))
    await emailCrisisLines(deps, enrollment, { language: signal.language, lines }, false);
  const concern = concernSms(deps, enrollment ?? NO_PROGRAM, signal.language, lines, signal.category);
  return answer ? sentences(answer, concern) : concern;
}

/**
 * Two texts as one answer, the first ended as a sentence: several system texts end "STOP to end" without
 * a full stop (each character counts in a text), which read as "STOP to end Nobody reads…" when joined.
 */
function sentences(first: string, second: string): string {
  return /[.!?…)]$/.test(first.trimEnd()) ? `${first.trimEnd()} ${second}` : `${first.trimEnd()}. ${second}`;
}

/** `at`: when the text first arrived (a provider's retry after a failure keeps it); `signal`: its concern, if any. */
async function answerSms(
  deps: Deps,
  sms: InboundSms,
  at: string,
  signal: SafetySignal | undefined,
): Promise<string | undefined> {
  const holder = await deps.store.findByPhone(sms.from);
  // A number nobody holds yet: the program waiting for YES from it hears its keywords (in its wording),
  // but nothing but an opt-out is recorded for it, nor anything erased, until YES proves the number.
  const waiting = holder ? [] : await programsWaitingFor(deps, sms.from);
  let enrollment = holder ?? waiting[0];
  const request = parseKeyword(sms.body);
  if (waiting.length > 1) {
    // Two forms named this number (a partner may have typed it in): a bare YES would hand the phone's
    // answers to whichever prompt went last, so YES must say which sign-up it is for. STOP stops them all.
    if (request?.keyword === 'yes' || request?.keyword === 'start' || isOptInYes(sms.body)) {
      const chosen = chooseSignUp(waiting, sms.body);
      if (!chosen) return systemTexts(deps, enrollment).whichSignUp;
      enrollment = chosen;
    } else if (request?.keyword === 'stop') {
      for (const other of waiting.slice(1)) await optOut(deps, other, sms, request);
    }
  }
  // A number no program knows gets its answer in the language it wrote in ("hola, quiero recibir…"), or
  // where its words do not tell ("3"), in the language of the number's country.
  const texts = systemTexts(
    deps,
    enrollment ?? { ...NO_PROGRAM, language: guessLanguage(sms.body, await languageOfNumber(sms.from)) },
  );
  const values = enrollment
    ? personalValues(deps, enrollment)
    : { supportEmail: deps.config.supportEmail, checkinDay: '', checkinTime: '' };
  const help = async () => helpSms(texts, values, linesOfHolder(holder, await crisisLinesOf(sms.from)));
  if (request?.keyword === 'help') return help();
  if (!enrollment) {
    if (request?.keyword === 'stop') return texts.stopConfirmed;
    // A number whose data was erased opted out with it: only HELP and STOP get an answer.
    if (await wasErased(deps, sms.from)) return undefined;
    return fillText(texts.notHeld, values);
  }
  // DELETE is a request about the person's data: it is answered whatever their texts' status.
  if (request?.keyword === 'delete') return holder ? erasureRequest(deps, holder) : help();

  const back = request?.keyword !== 'stop' && (await welcomeBack(deps, enrollment));
  const optedIn = enrollment.smsStatus === 'active' || enrollment.smsStatus === 'unreachable';
  // While paused, a short text that asks for the program back ("ya estoy bien, reanudar") is RESUME.
  if (!request && optedIn && pausedAt(enrollment, at) && asksToResume(sms.body))
    return programRequest(deps, enrollment, { keyword: 'resume', word: 'RESUME' });
  switch (request?.keyword) {
    case 'stop':
      return optOut(deps, enrollment, sms, request);
    case 'start':
      return optIn(deps, enrollment, sms, request);
    case 'yes':
      // YES answers a yes/no question when one is open; otherwise it is the opt-in keyword, unless texts have
      // been on for days: then it answers something else (a nudge's "write yes or no"), kept as a note, not
      // "you're in".
      if (optedIn && (yesNoOpen(enrollment, at) || textingForDays(enrollment, at))) break;
      return optIn(deps, enrollment, sms, request);
    case 'pause':
    case 'resume':
    case 'skip':
      if (optedIn) return programRequest(deps, enrollment, request);
      break;
  }
  // Never text an opted-out number, not even to say it is opted out.
  if (enrollment.smsStatus === 'stopped') return undefined;
  if (!optedIn && enrollment.smsStatus === 'awaiting-yes' && isOptInYes(sms.body))
    return optIn(deps, enrollment, sms, { keyword: 'yes', word: sms.body.trim().slice(0, 20).toUpperCase() });
  if (!optedIn) return texts.optInPrompt;
  return recordAnswer(deps, enrollment, sms, at, signal, back);
}

/** Days into the program after which a YES from someone whose texts are on no longer answers the opt-in. */
const OPT_IN_YES_DAYS = 2;

/** Whether the program is `days` past its day 0. */
const daysIn = (enrollment: Enrollment, at: Date | string, days: number): boolean =>
  enrollment.day0 !== undefined && new Date(at).getTime() - Date.parse(enrollment.day0) >= days * 86_400_000;

/** OPT_IN_YES_DAYS past day 0: long after any "reply YES" prompt. */
const textingForDays = (enrollment: Enrollment, at: string): boolean =>
  daysIn(enrollment, at, OPT_IN_YES_DAYS);

/** STOP and its synonyms: texts stop at once; one confirmation, and nothing after a repeat. */
async function optOut(
  deps: Deps,
  enrollment: Enrollment,
  sms: InboundSms,
  request: KeywordRequest,
): Promise<string | undefined> {
  const alreadyStopped = enrollment.smsStatus === 'stopped';
  if (!alreadyStopped) {
    await setSms(deps, enrollment, 'stopped');
    await countStopped(deps, enrollment, 'opted-out');
  }
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

/**
 * START, UNSTOP, YES: texts on (YES also completes the first opt-in, the double opt-in's second half,
 * and gives the number to this program).
 */
async function optIn(deps: Deps, enrollment: Enrollment, sms: InboundSms, request: KeywordRequest) {
  const texts = systemTexts(deps, enrollment);
  const was = enrollment.smsStatus;
  // Already on: a retry after a failed ledger write still gets its entry (once); a repeat adds nothing.
  const last = was === 'active' ? (await channelLedger(deps, enrollment.id, 'sms')).at(-1) : undefined;
  const recorded = last?.action === 'opt-in' && last.source === 'keyword';
  if (was !== 'active') {
    // YES (or START) from the number proves it: it is this program's now, unless another running program
    // took it a moment ago (then the provider's retry finds that one).
    const at = deps.clock.now().toISOString();
    if (!(await deps.store.claimPhone(sms.from, enrollment.id, at)))
      throw new ConcurrentUpdateError('Another enrollment took this number meanwhile.');
    await setSms(deps, enrollment, 'active');
  }
  await countTextsOn(deps, enrollment);
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
  // After the 90 days texts may be on again, but nothing more will come: not "welcome back".
  if (enrollment.status === 'completed') return texts.programOver;
  if (was === 'stopped' || (was === 'active' && request.keyword === 'start')) return texts.startConfirmed;
  // A number given weeks in (settings page): its first check-in by text is not the program's first.
  return checkinsAlreadyCame(enrollment, deps.clock.now())
    ? fillText(texts.optInConfirmedLater, personalValues(deps, enrollment))
    : texts.optInConfirmed;
}

/** Whether the program's first week is over: a weekly check-in has come already (by email, before any YES). */
const checkinsAlreadyCame = (enrollment: Enrollment, now: Date): boolean => daysIn(enrollment, now, 7);

/** PAUSE [days], RESUME and SKIP. */
async function programRequest(deps: Deps, enrollment: Enrollment, request: KeywordRequest): Promise<string> {
  const texts = systemTexts(deps, enrollment);
  const values = personalValues(deps, enrollment);
  if (request.keyword === 'skip') {
    await skipCheckin(deps, enrollment);
    return fillText(texts.checkinSkipped, values);
  }
  if (request.keyword === 'resume') {
    // After a pause that signs of danger brought, the program comes back without cheer, and says how to stop it again.
    const afterSafety = Boolean(enrollment.safetyPause);
    if (!(await resumeProgram(deps, enrollment.id))) return texts.notPaused;
    return afterSafety ? texts.resumedAfterSafety : texts.resumed;
  }
  const days = request.days ?? 7;
  const result = await pauseProgram(deps, enrollment.id, days);
  if (!result.paused) return helpSms(texts, values, await crisisLinesOfPerson(enrollment));
  await countStopped(deps, enrollment, 'paused');
  const resumeDate = dateInZone(result.until, enrollment.timezone, enrollment.language);
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
 * back, and a number marked unreachable after carrier failures is reachable again. True when it moved
 * them back (the answer then says so).
 */
async function welcomeBack(deps: Deps, enrollment: Enrollment): Promise<boolean> {
  if (!enrollment.checkinsByEmail && enrollment.smsStatus !== 'unreachable') return false;
  let moved = false;
  await updateEnrollment(deps, enrollment.id, (e) => {
    if (!e.checkinsByEmail && e.smsStatus !== 'unreachable') return false;
    moved = true;
    if (e.checkinsByEmail) delete e.checkinsByEmail;
    e.unansweredSms = 0;
    if (e.smsStatus === 'unreachable') {
      e.smsStatus = 'active';
      e.smsFailures = 0;
    }
  });
  return moved;
}

/** Whether a yes/no question is waiting for an answer. */
const yesNoOpen = (enrollment: Enrollment, at: string) =>
  unanswered(openQuestionsOf(enrollment), at).some((q) => q.scale === 'yes-no');

async function setSms(deps: Deps, enrollment: Enrollment, status: Enrollment['smsStatus']): Promise<void> {
  await updateEnrollment(deps, enrollment.id, (e) => {
    if (!e.phone) return false;
    e.smsStatus = status;
    // Texted questions close: an opted-out number is never asked again, nor answered.
    if (status === 'stopped') {
      e.openQuestions = openQuestionsOf(e).filter((q) => q.channel !== 'sms');
      delete e.openCheckin;
    }
  });
}

/**
 * Answers to the open questions, routed by type, oldest first (use-cases/services/answers.ts), or a journal note
 * when none is open. The answer says what was recorded under each question's name and what is still open.
 * `back`: this text moved the check-ins back to texts (welcomeBack). The person was told "text anything",
 * so a text that answers nothing is not asked again: it is kept as a note, and the answer says texts are back.
 */
async function recordAnswer(
  deps: Deps,
  enrollment: Enrollment,
  sms: InboundSms,
  at: string,
  signal: SafetySignal | undefined,
  back: boolean,
): Promise<string | undefined> {
  // A text with signs of concern ("he threw my phone at the wall") is no attempt at a number: it is kept as
  // a note, never answered "couldn't read that as an answer".
  const outcome = await answerOpenQuestions(deps, enrollment, {
    text: sms.body,
    sourceId: sms.messageSid,
    at,
    channel: 'sms',
    reask: !back && !signal,
  });
  const texts = systemTexts(deps, enrollment);
  const answered = atAGlance(
    deps,
    enrollment,
    answerConfirmation({ catalog: inLanguage(deps.catalog, enrollment.language) }, outcome, texts),
  );
  const kept = outcome.kind === 'journal-note' || outcome.kind === 'note-beside' || outcome.kind === 'unsure';
  // Words of concern that answered nothing get the resources alone (replyBySms adds them), not "good to
  // hear from you" or "no check-in is open, so we kept this as a note" before them.
  if (signal && kept) return undefined;
  const confirmation = !back
    ? answered
    : kept
      ? texts.textsBack
      : sentences(answered, texts.textsBackAfterAnswer);
  // A 1 on a question about feeling safe is a sign of concern: resources follow the confirmation (words
  // of concern add theirs in replyBySms).
  // answerOpenQuestions noted it for the operator.
  if (!lowSafetyAnswer(outcome) || signal) return confirmation;
  const lines = await crisisLinesOfPerson(enrollment, sms.from);
  return sentences(
    confirmation,
    concernSms(deps, enrollment, guessLanguage(sms.body, enrollment.language ?? 'en'), lines),
  );
}
