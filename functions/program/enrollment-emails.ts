/**
 * The emails only enrollment sends, built by `npm run build` into their own file so that no other
 * function (the text webhook least of all, at the edge of its size budget) carries them.
 */
import compiled from '../../generated/enrollment-emails.json';
import type { Catalog, SystemEmail } from './types';

const emails = compiled as Record<EnrollmentEmail, SystemEmail>;

export type EnrollmentEmail = 'confirmByEmail' | 'alreadyEnrolled' | 'freshLink';

/** One of them: the catalog's own (one built in memory, as tests build it), else the compiled one. */
export const enrollmentEmail = (catalog: Pick<Catalog, 'messages'>, name: EnrollmentEmail): SystemEmail =>
  catalog.messages.email[name] ?? emails[name];
