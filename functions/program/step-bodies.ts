import type { Step } from './types';

/**
 * A step's email body. The compiled catalog carries bodies only where step emails are composed (the
 * send function, previews: functions/catalog/with-step-bodies.ts); a step without one has none.
 */
export function stepBodyOf(step: Pick<Step, 'bodyHtml' | 'bodyText'>): { html: string; text: string } {
  return { html: step.bodyHtml ?? '', text: step.bodyText ?? '' };
}
