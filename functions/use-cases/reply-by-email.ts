import type { Enrollment, MessageRecord, Reply } from '../program/enrollment';
import { REACHED } from '../program/enrollment';
import { parseAnswer, replyTextOf } from '../program/reply-parsing';
import { logger } from '../shared/logger';
import type { Deps } from './deps';

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
  | { outcome: 'ignored'; reason: 'repeat' | 'unknown-sender' | 'empty' };

const DEDUPE_SECONDS = 7 * 86_400;
const isCheckin = (m: MessageRecord) => m.kind === 'check-in' || m.kind === 'checkpoint';

/**
 * A reply to a check-in email ("4", "4 - better week"): recorded against the check-in it answers (the
 * one its In-Reply-To names, else the most recent check-in emailed to that person), with its note.
 * Text that is not an answer is kept as a note beside that check-in; no check-in at all, a journal note.
 */
export async function replyByEmail(deps: Deps, email: EmailReply): Promise<EmailReplyOutcome> {
  const now = deps.clock.now();
  const sourceId = `ses-${email.messageId}`;
  if (!(await deps.store.rememberInbound(sourceId, Math.floor(now.getTime() / 1000) + DEDUPE_SECONDS)))
    return { outcome: 'ignored', reason: 'repeat' };
  const enrollment = await deps.store.findByEmail(email.from.trim().toLowerCase());
  if (!enrollment) {
    logger.info('email reply from an unknown sender ignored');
    return { outcome: 'ignored', reason: 'unknown-sender' };
  }
  const text = replyTextOf(email.text);
  if (!text) return { outcome: 'ignored', reason: 'empty' };
  const base: Reply = { enrollmentId: enrollment.id, at: now.toISOString(), sourceId, channel: 'email' };
  const checkin = await answeredCheckin(deps, enrollment, email.inReplyTo ?? []);
  const step = checkin && deps.catalog.steps.find((s) => s.id === checkin.slot);
  if (!checkin || !step?.scale || !step.metric) {
    await deps.store.addReply({ ...base, note: text });
    return { outcome: 'note' };
  }
  const at = { stepId: step.id, day: checkin.day };
  const answer = parseAnswer(text, step.scale);
  if (answer.kind === 'unclear') {
    await deps.store.addReply({ ...base, ...at, note: text });
    return { outcome: 'note', ...at };
  }
  await deps.store.addReply({
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
