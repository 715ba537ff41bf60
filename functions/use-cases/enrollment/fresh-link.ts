import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import type { Enrollment } from '../../program/enrollment';
import { enrollmentEmail } from '../../program/enrollment-emails';
import { FRESH_LINK_KINDS, type FreshLinkKind } from '../../program/fresh-links';
import { inLanguage } from '../../program/in-language';
import { ValidationError } from '../../shared/errors';
import { logger } from '../../shared/logger';
import type { Deps } from '../deps';
import { composeSystemEmail } from '../services/compose';
import type { RequestOrigin } from '../services/consent';
import { limitSource, mayEmailAddress } from '../services/limits';
import { link } from '../services/links';
import { sendConfirmation } from './enroll';

const requestSchema = z.object({
  email: z.pipe(
    z
      .string({ error: 'Enter the email address you signed up with.' })
      .check(z.trim(), z.toLowerCase(), z.maxLength(254, 'That email address is too long.')),
    z.email({ error: 'Enter a valid email address, like name@example.com.' }),
  ),
  for: z.optional(
    z.enum(FRESH_LINK_KINDS, { error: `Name the link you need: one of ${FRESH_LINK_KINDS.join(', ')}.` }),
  ),
});

/** A fresh-link request: the address, and which kind of link it is for (absent: the settings page). */
export function parseFreshLinkRequest(body: unknown): { email: string; kind?: FreshLinkKind } {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  // An empty `for` (a form without it) asks for no kind in particular.
  const parsed = requestSchema.safeParse({ ...fields, for: fields.for === '' ? undefined : fields.for });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'email');
    throw new ValidationError(
      field === 'for' ? 'invalid_link_kind' : 'invalid_email',
      issue?.message ?? 'Enter a valid email address.',
      field,
    );
  }
  return { email: parsed.data.email, ...(parsed.data.for ? { kind: parsed.data.for } : {}) };
}

/**
 * Sends a fresh link to an address in the program, asked for on the page an expired or broken link opens.
 * Whatever the address, the caller learns nothing (the page says a link comes *if* the address is in the
 * program): a pending address gets its confirmation again, a participant's address a new link to the page
 * the old link was for, an unknown, stopped or bounced address nothing. Within the limits of
 * use-cases/services/limits.ts: 10 requests an hour from one network (429), 3 emails a day to one address.
 */
export async function requestFreshLink(
  deps: Deps,
  body: unknown,
  origin: RequestOrigin = {},
  requestId: string = randomUUID(),
): Promise<void> {
  const request = parseFreshLinkRequest(body);
  await limitSource(deps, 'link', origin.ip, requestId);
  const enrollment = await deps.store.findByEmail(request.email);
  if (enrollment?.emailStatus !== 'active') {
    logger.info('fresh link asked for an address that gets no email');
    return;
  }
  if (enrollment.status === 'pending') {
    await sendConfirmation(deps, enrollment, requestId);
    return;
  }
  if (!(await mayEmailAddress(deps, enrollment.email, 'link', requestId))) return;
  const url = await freshUrl(deps, enrollment, request.kind);
  await deps.mailer.send(
    composeSystemEmail(
      deps,
      enrollment,
      enrollmentEmail(inLanguage(deps.catalog, enrollment.language), 'freshLink'),
      url,
    ),
  );
  logger.info('fresh link sent', { enrollmentId: enrollment.id, kind: request.kind ?? 'settings' });
}

/**
 * The new link for a running or ended program. A check-in link has no fresh copy (its question has
 * closed by the time the link expires), nor has a confirmation once confirmed: both get the settings
 * page, as does a report link before a report exists.
 */
async function freshUrl(
  deps: Deps,
  enrollment: Enrollment,
  kind: FreshLinkKind | undefined,
): Promise<string> {
  switch (kind) {
    case 'report':
      if (await deps.store.getReport(enrollment.id)) return link(deps, '/report', 'report', enrollment.id);
      return link(deps, '/settings', 'settings', enrollment.id);
    case 'unsubscribe':
    case 'privacy':
    case 'partner':
      return link(deps, `/${kind}`, kind, enrollment.id);
    default:
      return link(deps, '/settings', 'settings', enrollment.id);
  }
}
