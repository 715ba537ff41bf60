import type { Enrollment, MessageRecord, Reply } from '../program/enrollment';
import { REACHED } from '../program/enrollment';
import { parseKeyword } from '../program/keywords';
import { parseAnswer, replyTextOf } from '../program/reply-parsing';
import { detectDanger, type SafetyCategory } from '../program/safety';
import { logger } from '../shared/logger';
import { composeSafetyEmail } from './compose';
import type { Deps } from './deps';
import { handleOnce } from './inbound-once';
import { resumeProgram } from './pause';
import { recordReply } from './replies';
import { protect } from './safety';

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
  | { outcome: 'recorded'; stepId: string; day: number; score: number }
  | { outcome: 'note'; stepId?: string; day?: number }
  /** Signs of danger: crisis lines emailed back, an operator told; the text is kept nowhere. */
  | { outcome: 'safety'; category: SafetyCategory }
  /** RESUME while the program was paused: it picks up again. */
  | { outcome: 'resumed' }
  | { outcome: 'ignored'; reason: 'repeat' | 'unknown-sender' | 'empty' };

const DEDUPE_SECONDS = 7 * 86_400;
const isCheckin = (m: MessageRecord) => m.kind === 'check-in' || m.kind === 'checkpoint';

/**
 * A reply to a check-in email ("4", "4 - better week"): recorded against the check-in it answers (the
 * one its In-Reply-To names, else the most recent check-in emailed to that person), with its note.
 * Text that is not an answer is kept as a note beside that check-in; no check-in at all, a journal note.
 */
export async function replyByEmail(deps: Deps, email: EmailReply): Promise<EmailReplyOutcome> {
  const sourceId = `ses-${email.messageId}`;
  // Only the person's own words count: quoted lessons (which name abuse and crisis lines) are cut first.
  const danger = detectDanger(replyTextOf(email.text));
  const once = await handleOnce(deps, sourceId, DEDUPE_SECONDS, (at) =>
    danger ? answerDanger(deps, email, danger) : recordEmailReply(deps, email, at),
  );
  return once.repeat ? { outcome: 'ignored', reason: 'repeat' } : once.value;
}

/**
 * An email reply that shows signs of danger: the enrollment (if any) is flagged and paused and an
 * operator told (use-cases/safety.ts), then the crisis lines are emailed back at once, also to a sender
 * with no enrollment or one who unsubscribed: it answers what they just wrote. A failed send throws, so
 * the notification is retried (the pause is not repeated). Nothing of the text is stored.
 */
async function answerDanger(
  deps: Deps,
  email: EmailReply,
  category: SafetyCategory,
): Promise<EmailReplyOutcome> {
  const enrollment = await deps.store.findByEmail(email.from.trim().toLowerCase());
  const { paused } = await protect(deps, enrollment, category, 'email');
  await deps.mailer.send(composeSafetyEmail(deps, email.from.trim(), enrollment, paused));
  return { outcome: 'safety', category };
}

/** `firstSeenAt`: when the email first arrived (a retry after a failure keeps it). */
async function recordEmailReply(
  deps: Deps,
  email: EmailReply,
  firstSeenAt: string,
): Promise<EmailReplyOutcome> {
  const sourceId = `ses-${email.messageId}`;
  const enrollment = await deps.store.findByEmail(email.from.trim().toLowerCase());
  if (!enrollment) {
    logger.info('email reply from an unknown sender ignored');
    return { outcome: 'ignored', reason: 'unknown-sender' };
  }
  const text = replyTextOf(email.text);
  if (!text) return { outcome: 'ignored', reason: 'empty' };
  // RESUME ends a pause (a safety pause too) for someone who gets no texts to send it by.
  const now = deps.clock.now().toISOString();
  if (parseKeyword(text)?.keyword === 'resume' && enrollment.pausedUntil && enrollment.pausedUntil > now) {
    if (await resumeProgram(deps, enrollment.id)) return { outcome: 'resumed' };
  }
  const base: Reply = { enrollmentId: enrollment.id, at: firstSeenAt, sourceId, channel: 'email' };
  const checkin = await answeredCheckin(deps, enrollment, email.inReplyTo ?? []);
  const step = checkin && deps.catalog.steps.find((s) => s.id === checkin.slot);
  if (!checkin || !step?.scale || !step.metric) {
    await recordReply(deps, enrollment, { ...base, note: text });
    return { outcome: 'note' };
  }
  const at = { stepId: step.id, day: checkin.day };
  const answer = parseAnswer(text, step.scale);
  if (answer.kind === 'unclear') {
    await recordReply(deps, enrollment, { ...base, ...at, note: text });
    return { outcome: 'note', ...at };
  }
  await recordReply(deps, enrollment, {
    ...base,
    ...at,
    metric: step.metric,
    score: answer.score,
    ...(answer.note ? { note: answer.note } : {}),
  });
  logger.info('check-in answered', { enrollmentId: enrollment.id, metric: step.metric, channel: 'email' });
  return { outcome: 'recorded', ...at, score: answer.score };
}

/** The check-in an email reply answers: the one it names by message id, else the latest one emailed. */
async function answeredCheckin(
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
  const emailed = (await deps.store.listMessages(enrollment.id)).filter(
    (m) => isCheckin(m) && m.channel === 'email' && REACHED.includes(m.status),
  );
  return emailed.sort((a, b) => a.dueAt.localeCompare(b.dueAt)).at(-1);
}
