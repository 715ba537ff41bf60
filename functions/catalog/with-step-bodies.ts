/**
 * The step emails' bodies (HTML and text), compiled into their own file: two thirds of the program's
 * text, needed only where a step email is composed. The whole catalog (previews, the CLI, the tests) takes
 * them all here; the send function reads each at its first use instead (step-bodies-at-first-use.ts).
 */
import compiled from '../../generated/step-bodies.json';
import type { Language } from '../program/types';
import type { CatalogPart } from './compiled';

const bodies = compiled as unknown as Record<Language, Record<string, { html: string; text: string }>>;

/** Each step with its email body, when it has one. */
export const withStepBodies: CatalogPart = (catalog, language) => ({
  ...catalog,
  steps: catalog.steps.map((step) => {
    const body = bodies[language][step.id];
    return body ? { ...step, bodyHtml: body.html, bodyText: body.text } : step;
  }),
});
