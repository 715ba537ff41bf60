import type { Catalog } from './types';

/** Which catalog part carries each layout (functions/catalog/), for the error when a function lacks it. */
const PART_OF: Record<keyof Catalog['layouts'], string> = {
  message: 'withEmailLayouts',
  action: 'withEmailLayouts',
  rating: 'withStepLayouts',
  yesNo: 'withStepLayouts',
  report: 'withStepLayouts',
  invitation: 'withInvitationLayout',
};

/**
 * A compiled layout by name. The layouts are parts of the catalog compiled apart and given only to the
 * functions that send email (functions/catalog/with-*-layout(s).ts): anywhere else, asking for one is a
 * wiring bug, said here rather than sending an empty email.
 */
export function layoutNamed(catalog: Pick<Catalog, 'layouts'>, name: keyof Catalog['layouts']): string {
  const layout = catalog.layouts[name];
  if (layout === undefined)
    throw new Error(
      `The catalog has no ${name} layout: this function was not given it (name ${PART_OF[name]} in its entry point)`,
    );
  return layout;
}

/** The partner invitation's layout: the partner function's catalog alone carries it. */
export const invitationLayout = (catalog: Pick<Catalog, 'layouts'>): string =>
  layoutNamed(catalog, 'invitation');
