/**
 * The emails only enrollment sends (and confirmation reads), compiled into their own file so that no
 * other function (the text webhook least of all, at the edge of its size budget) carries them.
 */
import compiled from '../../generated/enrollment-emails.json';
import type { EnrollmentEmail } from '../program/enrollment-emails';
import type { Language, SystemEmail } from '../program/types';
import type { CatalogPart } from './compiled';

const emails = compiled as unknown as Record<Language, Record<EnrollmentEmail, SystemEmail>>;

export const withEnrollmentEmails: CatalogPart = (catalog, language) => ({
  ...catalog,
  messages: { ...catalog.messages, email: { ...catalog.messages.email, ...emails[language] } },
});
