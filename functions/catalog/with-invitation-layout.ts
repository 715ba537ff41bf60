/** The partner invitation's layout, compiled into its own file: only the partner function sends it. */
import compiled from '../../generated/invitation-layout.json';
import type { CatalogPart } from './compiled';

const { invitation } = compiled as { invitation: string };

export const withInvitationLayout: CatalogPart = (catalog) => ({
  ...catalog,
  layouts: { ...catalog.layouts, invitation },
});
