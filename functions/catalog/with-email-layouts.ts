/**
 * The layouts of the emails most senders compose (a plain message, a message with one button), compiled
 * into their own file: only the functions that send email carry them, never dispatch or the pages.
 */
import compiled from '../../generated/email-layouts.json';
import type { Language } from '../program/types';
import type { CatalogPart } from './compiled';

const layouts = compiled as unknown as Record<Language, { message: string; action: string }>;

export const withEmailLayouts: CatalogPart = (catalog, language) => ({
  ...catalog,
  layouts: { ...catalog.layouts, ...layouts[language] },
});
