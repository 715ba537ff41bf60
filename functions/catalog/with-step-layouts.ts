/**
 * The layouts only the send function fills (the 1–5 and yes/no check-ins, the day-90 report), compiled
 * into their own file: two thirds of the layouts' bytes.
 */
import compiled from '../../generated/step-layouts.json';
import type { Language } from '../program/types';
import type { CatalogPart } from './compiled';

const layouts = compiled as unknown as Record<Language, { rating: string; yesNo: string; report: string }>;

export const withStepLayouts: CatalogPart = (catalog, language) => ({
  ...catalog,
  layouts: { ...catalog.layouts, ...layouts[language] },
});
