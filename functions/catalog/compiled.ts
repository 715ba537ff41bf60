/**
 * The compiled program (steps, system messages, email layouts) as `npm run build` writes it, loaded by
 * the composition root (functions/wiring.ts) and passed to the use cases as data. The parts kept apart
 * to spare most functions their bytes are added only where they are used (the `with…` files here).
 */
import compiled from '../../generated/catalog.json';
import type { Catalog } from '../program/types';

export const compiledCatalog = compiled as Catalog;

/** Adds a part of the catalog compiled apart; a function's entry point names the parts it needs. */
export type CatalogPart = (catalog: Catalog) => Catalog;

/** The catalog with the given parts added. */
export const catalogWith = (parts: readonly CatalogPart[], catalog: Catalog = compiledCatalog): Catalog =>
  parts.reduce((whole, add) => add(whole), catalog);
