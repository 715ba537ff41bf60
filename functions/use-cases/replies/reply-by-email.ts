import { crisisLinesOfPerson, linesWithoutANumber } from '../../program/crisis-lines';
import type { Enrollment, MessageRecord } from '../../program/enrollment';
import { inLanguage } from '../../program/in-language';
import { asksToResume, parseKeyword } from '../../program/keywords';
import type { PlacedAnswer } from '../../program/open-questions';
import { replyTextOf } from '../../program/reply-parsing';
import { assessSafety, type SafetyCategory, type SafetySignal } from '../../program/safety';
import { logger } from '../../shared/logger';
import type { Deps } from '../deps';
import { answerConfirmation, answerOpenQuestions, questionBeside } from '../services/answers';
import {
  type CrisisReach,
  composeReplyNotedEmail,
  composeSafetyEmail,
  systemTexts,
} from '../services/compose';
import { handleOnce } from '../services/inbound-once';
import { resumeProgram } from '../services/pause';
import { noteConcern, protect } from '../services/safety';

export interface EmailReply {
  /** The provider's id of the inbound email, to record it once. */
  messageId: string;
  from: string;
  text: string;
  /** Message ids it answers (In-Reply-To, References): the SES id of a check-in email, when present. */
  inReplyTo?: string[];
}

/** What became of an email reply. */
export type EmailReplyOutcome =
  /** Answers recorded: the first one's question and score, and how many the reply gave. */
  | { outcome: 'recorded'; stepId: string; day: number; score: number; answers: number }
  | { outcome: 'note'; stepId?: string; day?: number }
  /** Signs of danger: crisis lines emailed back, an operator told; the text is kept nowhere. */
  | { outcome: 'safety'; category: SafetyCategory }
  /** RESUME while the program was paused: it picks up again. */
  | { outcome: 'resumed' }
  | { outcome: 'ignored'; reason: 'repeat' | 'unknown-sender' | 'empty' };

/** What became of an email reply, and the kind of concern it showed, if any (resources were emailed back). */
export type EmailReplyResult = EmailReplyOutcome & { concern?: SafetyCategory };

const DEDUPE_SECONDS = 7 * 86_400;
/** The sender's address as written, without stray spaces (the store finds an address in any case). */
const senderOf = (email: EmailReply) => email.from.trim();
const isCheckin = (m: MessageRecord) => m.kind === 'check-in' || m.kind === 'checkpoint';

/**
 * A reply to a check-in email ("4", "4 - better week", "Y N Y"): routed like a text to the open questions
 * (use-cases/services/answers.ts), the one its In-Reply-To names first, with its note. Text that is not an answer is
 * kept as a note beside the oldest open question (no re-ask by email); nothing open, a journal note.
 */
export async function replyByEmail(deps: Deps, email: EmailReply): Promise<EmailReplyResult> {
  const sourceId = `ses-${email.messageId}`;
  // Only the person's own words count: quoted lessons (which name abuse and crisis lines) are cut first.
  const signal = assessSafety(replyTextOf(email.text));
  const once = await handleOnce(deps, sourceId, DEDUPE_SECONDS, async (at): Promise<EmailReplyResult> => {
    if (signal?.level === 'danger') return answerDanger(deps, email, signal);
    // Signs of concern are answered by the email of lines: one email back, not two.
    const outcome = await recordEmailReply(deps, email, at, !signal);
    return signal ? answerConcern(deps, email, signal, outcome) : outcome;
  });
  return once.repeat ? { outcome: 'ignored', reason: 'repeat' } : once.value;
}

/**
 * Where the lines of an email answer come from: the language written in, and where the person lives by their
 * time zone (or their number's country); an address the program does not know, the US lines, not located.
 */
const reachOf = async (signal: SafetySignal, enrollment: Enrollment | undefined): Promise<CrisisReach> => ({
  language: signal.language,
  lines: enrollment ? await crisisLinesOfPerson(enrollment) : linesWithoutANumber(),
});

/**
 * An email reply that shows signs of danger: the enrollment (if any) is flagged and paused and an
 * operator told (use-cases/services/safety.ts), then the crisis lines are emailed back at once, in the language
 * it was written in, also to a sender with no enrollment or one who unsubscribed: it answers what they
 * just wrote. A failed send throws, so the notification is retried (the pause is not repeated). Nothing
 * of the text is stored.
 */
async function answerDanger(deps: Deps, email: EmailReply, signal: SafetySignal): Promise<EmailReplyOutcome> {
  const enrollment = await deps.store.findByEmail(senderOf(email));
  const { paused } = await protect(deps, enrollment, signal.category, 'email');
  await deps.mailer.send(
    composeSafetyEmail(deps, senderOf(email), enrollment, paused, await reachOf(signal, enrollment)),
  );
  return { outcome: 'safety', category: signal.category };
}

/**
 * An email reply that shows signs of concern, after it was handled as usual (its answer recorded, its
 * note kept): noted for the operator (no pause, no alert), and answered with the email of crisis lines,
 * the one an email reply showing danger gets, without the pause: an answer by email is an email either
 * way, and that one is already short, in both languages, with the lines of the person's country. A
 * failed send throws, so the reply is handled again (its writes are the same ones).
 */
async function answerConcern(
  deps: Deps,
  email: EmailReply,
  signal: SafetySignal,
  outcome: EmailReplyOutcome,
): Promise<EmailReplyResult> {
  const enrollment = await deps.store.findByEmail(senderOf(email));
  await noteConcern(deps, enrollment, signal.category, 'email');
  await deps.mailer.send(
    composeSafetyEmail(deps, senderOf(email), enrollment, false, await reachOf(signal, enrollment)),
  );
  return { ...outcome, concern: signal.category };
}

/**
 * `firstSeenAt`: when the email first arrived (a retry after a failure keeps it). `acknowledge`: an answer or
 * a note is answered by email with what became of it, in the words a text reply gets back, so nobody who
 * typed a reply is left wondering whether it counted, or that it was read as a note (not to an address that
 * asked for no more email, nor during a safety pause). A retry after a failed send routes the same way, and
 * says the same.
 */
async function recordEmailReply(
  deps: Deps,
  email: EmailReply,
  firstSeenAt: string,
  acknowledge: boolean,
): Promise<EmailReplyOutcome> {
  const sourceId = `ses-${email.messageId}`;
  const enrollment = await deps.store.findByEmail(senderOf(email));
  if (!enrollment) {
    logger.info('email reply from an unknown sender ignored');
    return { outcome: 'ignored', reason: 'unknown-sender' };
  }
  const text = replyTextOf(email.text);
  if (!text) return { outcome: 'ignored', reason: 'empty' };
  // RESUME ends a pause (a safety pause too) for someone who gets no texts to send it by, also inside a
  // short sentence ("quiero reanudar el programa"); with nothing paused it is read like any other words.
  if (
    (parseKeyword(text)?.keyword === 'resume' || asksToResume(text)) &&
    (await resumeProgram(deps, enrollment.id))
  ) {
    if (acknowledge && enrollment.emailStatus === 'active') {
      const words = inLanguage(deps.catalog, enrollment.language).messages.answers;
      await deps.mailer.send(composeReplyNotedEmail(deps, enrollment, words.emailResumed, false));
    }
    return { outcome: 'resumed' };
  }
  const named = email.inReplyTo ? await namedCheckin(deps, enrollment, email.inReplyTo) : undefined;
  const outcome = await answerOpenQuestions(deps, enrollment, {
    text,
    sourceId,
    at: firstSeenAt,
    channel: 'email',
    reask: false,
    ...(named ? { named: { stepId: named.slot, day: named.day } } : {}),
  });
  // Not while a pause for signs of danger holds: the email of lines said what comes next, and a cheerful
  // "thank you for checking in" after it would read as if nothing had been heard.
  if (acknowledge && enrollment.emailStatus === 'active' && !enrollment.safetyPause) {
    const said = answerConfirmation(
      { catalog: inLanguage(deps.catalog, enrollment.language) },
      outcome,
      systemTexts(deps, enrollment),
    );
    const answered = outcome.kind === 'answered' || outcome.kind === 'changed';
    await deps.mailer.send(composeReplyNotedEmail(deps, enrollment, said, answered));
  }
  if (outcome.kind !== 'answered' && outcome.kind !== 'changed') {
    const beside = questionBeside(outcome);
    return { outcome: 'note', ...(beside ? { stepId: beside.stepId, day: beside.day } : {}) };
  }
  const first = outcome.placed[0] as PlacedAnswer;
  return {
    outcome: 'recorded',
    stepId: first.question.stepId,
    day: first.question.day,
    score: first.answer.score,
    answers: outcome.placed.length,
  };
}

/** The check-in email a reply names by message id (In-Reply-To, References), if any. */
async function namedCheckin(
  deps: Deps,
  enrollment: Enrollment,
  inReplyTo: readonly string[],
): Promise<MessageRecord | undefined> {
  for (const id of inReplyTo) {
    // SES message ids read <id@region.amazonses.com> in the Message-ID header of what was sent.
    const message = await deps.store.findMessageByProviderId(id.split('@')[0] as string);
    if (message?.enrollmentId === enrollment.id && isCheckin(message) && message.channel === 'email')
      return message;
  }
  return undefined;
}
