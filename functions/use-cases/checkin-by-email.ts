import type { Enrollment } from '../program/enrollment';
import { closesAt, type OpenQuestion, openQuestionsOf } from '../program/open-questions';
import type { Metric, Scale, Step } from '../program/types';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import { answerOpenQuestions } from './answers';
import type { Deps } from './deps';

export interface EmailAnswer {
  step: Step;
  day: number;
  score: number;
  label: string;
}

/** Reads a one-click check-in link without recording anything (mail scanners open every link). */
export function readEmailAnswer(
  deps: Deps,
  token: string | undefined,
  score: string | undefined,
): EmailAnswer & { enrollmentId: string } {
  const claims = deps.tokens.verify(token, 'checkin');
  const [stepId, dayText] = (claims.ref ?? '').split('#');
  const step = deps.catalog.steps.find((s) => s.id === stepId);
  if (!step?.metric) throw new NotFoundError('This check-in is no longer part of the program.');
  const value = Number(score);
  const valid =
    step.scale === 'yes-no'
      ? value === 0 || value === 1
      : Number.isInteger(value) && value >= 1 && value <= 5;
  if (!valid) {
    throw new ValidationError(
      'invalid_score',
      step.scale === 'yes-no'
        ? 'The answer must be 1 (yes) or 0 (no).'
        : 'The answer must be a whole number from 1 to 5.',
      'score',
    );
  }
  const label = step.scale === 'yes-no' ? (value === 1 ? 'Yes' : 'No') : `${value} of 5`;
  return { enrollmentId: claims.sub, step, day: Number(dayText), score: value, label };
}

/**
 * Records a one-click check-in answer (the POST after the person pressed the button), under the same
 * rules as a text: it counts within the question's window (a second click changes it), updates a report
 * already made, and lets a report waiting for it go. After the window it is refused, and says so.
 */
export async function answerByEmail(
  deps: Deps,
  token: string | undefined,
  score: string | undefined,
): Promise<EmailAnswer> {
  const answer = readEmailAnswer(deps, token, score);
  const enrollment = await deps.store.getEnrollment(answer.enrollmentId);
  if (!enrollment) throw new NotFoundError('This enrollment no longer exists.');
  const at = deps.clock.now().toISOString();
  const question = await questionOf(deps, enrollment, answer);
  if (question.closesAt <= at) {
    // Intl rather than Luxon: this function loads on every click, and Luxon costs its start-up time.
    const closed = new Intl.DateTimeFormat('en-US', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: enrollment.timezone,
    }).format(new Date(question.closesAt));
    throw new ConflictError(
      'question_closed',
      `This question closed on ${closed}, so answers to it are no longer counted. The next one will come as usual.`,
      'token',
    );
  }
  await answerOpenQuestions(deps, enrollment, {
    text: '',
    sourceId: `web-${deps.newId()}`,
    at,
    channel: 'email',
    reask: false,
    only: { question, answer: { scale: answer.step.scale as Scale, score: answer.score } },
  });
  return answer;
}

/** The question a link names: from the open questions, else rebuilt from the message that asked it. */
async function questionOf(deps: Deps, enrollment: Enrollment, answer: EmailAnswer): Promise<OpenQuestion> {
  const open = openQuestionsOf(enrollment).find((q) => q.stepId === answer.step.id && q.day === answer.day);
  if (open) return open;
  const message = await deps.store.getMessage(enrollment.id, answer.day, answer.step.id, 'email');
  if (!message) throw new NotFoundError('This check-in was not sent to you.');
  const kind = answer.step.kind === 'checkpoint' ? 'checkpoint' : 'check-in';
  const askedAt = message.sendingAt ?? message.claimedAt;
  return {
    stepId: answer.step.id,
    day: answer.day,
    metric: answer.step.metric as Metric,
    scale: answer.step.scale as Scale,
    kind,
    channel: 'email',
    askedAt,
    closesAt: closesAt(kind, askedAt),
  };
}
