/** Which links a fresh copy can be asked for, on the page an expired or broken link opens. */

/** Every link a participant gets by email (the invitation's links are not: no address of theirs is on file). */
export const FRESH_LINK_KINDS = [
  'confirm',
  'unsubscribe',
  'checkin',
  'report',
  'privacy',
  'partner',
  'settings',
] as const;

export type FreshLinkKind = (typeof FRESH_LINK_KINDS)[number];

/** Whether a fresh link of this kind can be asked for. */
export const offersFreshLink = (purpose: string | undefined): purpose is FreshLinkKind =>
  (FRESH_LINK_KINDS as readonly (string | undefined)[]).includes(purpose);
