import type { Catalog } from './types';

/**
 * The partner invitation's layout. The compiled catalog carries it only in the partner function
 * (functions/catalog/with-invitation-layout.ts): anywhere else, asking for it is a wiring bug.
 */
export function invitationLayout(catalog: Pick<Catalog, 'layouts'>): string {
  const layout = catalog.layouts.invitation;
  if (layout === undefined)
    throw new Error('The catalog has no invitation layout: this function was not given it');
  return layout;
}

/** Any layout by name. */
export const layoutNamed = (catalog: Pick<Catalog, 'layouts'>, name: keyof Catalog['layouts']): string =>
  name === 'invitation' ? invitationLayout(catalog) : catalog.layouts[name];
