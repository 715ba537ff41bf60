import type { Catalog, SystemEmail } from './types';

export type EnrollmentEmail = 'alreadyEnrolled' | 'invitedWhileEnrolled' | 'freshLink';

/**
 * One of the emails only enrollment sends. The compiled catalog carries them only in the functions that
 * send them (functions/catalog/with-enrollment-emails.ts): anywhere else, asking for one is a wiring bug.
 */
export function enrollmentEmail(catalog: Pick<Catalog, 'messages'>, name: EnrollmentEmail): SystemEmail {
  const email = catalog.messages.email[name];
  if (!email)
    throw new Error(`The catalog has no ${name} email: this function was not given enrollment's emails`);
  return email;
}
