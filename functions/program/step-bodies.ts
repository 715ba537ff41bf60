/**
 * The step emails' bodies (HTML and text), built by `npm run build` into their own file: two thirds of
 * the program's text, needed only where a step email is composed (the send function, previews), so the
 * webhooks' bundles stay without them.
 */
import compiled from '../../generated/step-bodies.json';
import type { Step } from './types';

const bodies = compiled as Record<string, { html: string; text: string }>;

/** A step's email body: the one it carries (a catalog built in memory), else the compiled one. */
export function stepBodyOf(step: Pick<Step, 'id' | 'bodyHtml' | 'bodyText'>): { html: string; text: string } {
  if (step.bodyHtml !== undefined || step.bodyText !== undefined)
    return { html: step.bodyHtml ?? '', text: step.bodyText ?? '' };
  return bodies[step.id] ?? { html: '', text: '' };
}
