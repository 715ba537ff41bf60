import type { Step } from '../program/types';
import { NotFoundError, ValidationError } from '../shared/errors';
import { logger } from '../shared/logger';
import type { Deps } from './deps';
import { recordReply } from './replies';

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

/** Records a one-click check-in answer (the POST after the person pressed the button). */
export async function answerByEmail(
  deps: Deps,
  token: string | undefined,
  score: string | undefined,
): Promise<EmailAnswer> {
  const answer = readEmailAnswer(deps, token, score);
  const enrollment = await deps.store.getEnrollment(answer.enrollmentId);
  if (!enrollment) throw new NotFoundError('This enrollment no longer exists.');
  await recordReply(deps, enrollment, {
    enrollmentId: enrollment.id,
    at: deps.clock.now().toISOString(),
    sourceId: `web-${deps.newId()}`,
    channel: 'email',
    stepId: answer.step.id,
    day: answer.day,
    metric: answer.step.metric,
    score: answer.score,
  });
  logger.info('check-in answered', {
    enrollmentId: enrollment.id,
    metric: answer.step.metric,
    channel: 'email',
  });
  return answer;
}
