/** The partner invitation's layout, compiled into its own file: only the partner function sends it. */
import compiled from '../../generated/invitation-layout.json';
import type { Language } from '../program/types';
import type { CatalogPart } from './compiled';

const layouts = compiled as unknown as Record<Language, { invitation: string }>;

export const withInvitationLayout: CatalogPart = (catalog, language) => ({
  ...catalog,
  layouts: { ...catalog.layouts, invitation: layouts[language].invitation },
});
