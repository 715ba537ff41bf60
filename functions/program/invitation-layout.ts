/**
 * The partner invitation's layout, built by `npm run build` into its own file so that only the partner
 * function carries it (every other function is spared its bytes).
 */
import compiled from '../../generated/invitation-layout.json';
import type { Catalog } from './types';

/** The catalog's own (one built in memory, as tests build it), else the compiled one. */
export const invitationLayout = (catalog: Pick<Catalog, 'layouts'>): string =>
  catalog.layouts.invitation ?? (compiled as { invitation: string }).invitation;

/** Any layout by name, the invitation's from its own file. */
export const layoutNamed = (catalog: Pick<Catalog, 'layouts'>, name: keyof Catalog['layouts']): string =>
  name === 'invitation' ? invitationLayout(catalog) : catalog.layouts[name];
