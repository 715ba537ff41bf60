/**
 * The compiled program (steps, system messages, email layouts, in English with the Spanish beside it) as
 * `npm run build` writes it, loaded by the composition root (functions/wiring/) and passed to the use
 * cases as data. The parts kept apart to spare most functions their bytes are added only where they are
 * used (the `with…` files here), to each language's catalog.
 */
import compiled from '../../generated/catalog.json';
import type { Catalog, Language } from '../program/types';

/**
 * The Spanish catalog is written without the crisis and concern answers (the build writes that block once, in
 * both languages, with the English): it gets the same block back here.
 */
export const compiledCatalog: Catalog = withSafetyInSpanish(compiled as Catalog);

function withSafetyInSpanish(catalog: Catalog): Catalog {
  if (!catalog.es) return catalog;
  return {
    ...catalog,
    es: { ...catalog.es, messages: { ...catalog.es.messages, safety: catalog.messages.safety } },
  };
}

/** Adds a part of the catalog compiled apart, in the catalog's language; an entry point names the parts it needs. */
export type CatalogPart = (catalog: Catalog, language: Language) => Catalog;

/** The catalog with the given parts added, to it and to its Spanish. */
export const catalogWith = (parts: readonly CatalogPart[], catalog: Catalog = compiledCatalog): Catalog => {
  const add = (one: Catalog, language: Language) => parts.reduce((whole, part) => part(whole, language), one);
  const whole = add(catalog, 'en');
  return catalog.es ? { ...whole, es: add(catalog.es, 'es') } : whole;
};
