import type { Step, StepBody } from './types';

/**
 * A step's email body. The compiled catalog carries bodies only where step emails are composed (the
 * send function, previews: functions/catalog/with-step-bodies.ts). A question's email may have no body
 * of its own (the question is the email); a lesson composed without its body is a wiring mistake, and
 * throws, so the message is retried or fails loudly instead of going out empty.
 */
export function stepBodyOf(step: Pick<Step, 'id' | 'kind' | 'bodyHtml' | 'bodyText'>): StepBody {
  const question = step.kind === 'check-in' || step.kind === 'checkpoint';
  if (!question && step.bodyHtml === undefined && step.bodyText === undefined)
    throw new Error(
      `Step ${step.id} has no email body: this function's catalog lacks the step bodies (name stepBodiesAtFirstUse or withStepBodies in its entry point)`,
    );
  return { html: step.bodyHtml ?? '', text: step.bodyText ?? '' };
}
