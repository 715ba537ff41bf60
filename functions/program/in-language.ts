/**
 * The program in a person's language: the compiled catalog carries the Spanish beside the English
 * (`catalog.es`, content/es/). Same steps on the same schedule; only the words differ.
 */
import type { Catalog, Language } from './types';

/** The catalog in `language` (absent: English). A catalog built without a translation stays English. */
export const inLanguage = (catalog: Catalog, language: Language | undefined): Catalog =>
  language === 'es' ? (catalog.es ?? catalog) : catalog;

/** A step of the program in `language`: the same step (same id, same schedule) in that language's words. */
export function stepIn<S extends { id: string }>(
  catalog: Catalog,
  step: S,
  language: Language | undefined,
): S {
  if (language !== 'es' || !catalog.es) return step;
  return (catalog.es.steps.find((s) => s.id === step.id) as unknown as S | undefined) ?? step;
}
