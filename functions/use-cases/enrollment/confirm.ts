import { wordingVersion } from '../../program/consent';
import type { Enrollment } from '../../program/enrollment';
import { inLanguage } from '../../program/in-language';
import { firstDay, programSlots } from '../../program/schedule';
import type { SystemEmail } from '../../program/types';
import { NotFoundError } from '../../shared/errors';
import { logger } from '../../shared/logger';
import { countEvent } from '../../shared/metrics';
import type { Deps } from '../deps';
import { channelLedger, type RequestOrigin, recordConsent } from '../services/consent';
import { countConfirmed } from '../services/outcomes';
import { linkInvitedPartner } from '../services/partnership';
import { askForYes, heldByAnother } from '../services/phone-numbers';

export interface ConfirmResult {
  enrollment: Enrollment;
  /** False when the link had already been used: confirming twice changes nothing. */
  changed: boolean;
}

/** The enrollment a confirm link belongs to, without changing anything (link scanners prefetch GETs). */
export async function lookupConfirmation(deps: Deps, token: string | undefined): Promise<Enrollment> {
  const claims = deps.tokens.verify(token, 'confirm');
  const enrollment = await deps.store.getEnrollment(claims.sub);
  if (!enrollment)
    throw new NotFoundError('This enrollment no longer exists. You can enroll again from the start page.');
  return enrollment;
}

/**
 * Activates an enrollment: day 0 is the participant's next local morning. With a phone, the
 * opt-in text goes out at once (it answers what the person just did), asking them to reply YES,
 * unless the number got texts for another running program since the form named it: then check-ins
 * come by email (`textsUnavailable`) and the number is not texted. The page says the same either way
 * (functions/pages/confirm.ts), so nobody learns from it that another program holds the number.
 * A second click changes nothing, unless the first stopped between activating the enrollment and
 * recording the consent (a failed write): then it finishes what the first left undone, once.
 */
export async function confirm(
  deps: Deps,
  token: string | undefined,
  origin: RequestOrigin = {},
): Promise<ConfirmResult> {
  const enrollment = await lookupConfirmation(deps, token);
  if (enrollment.status !== 'pending') {
    const ledger = await channelLedger(deps, enrollment.id, 'email');
    const recorded = ledger.some((event) => event.action === 'opt-in' && event.source === 'email-link');
    if (!recorded && enrollment.confirmedAt) await afterActivation(deps, enrollment, origin);
    return { enrollment, changed: false };
  }
  const now = deps.clock.now();
  const day0 = firstDay(now, enrollment.timezone);
  const active: Enrollment = {
    ...enrollment,
    status: 'active',
    confirmedAt: now.toISOString(),
    day0,
    version: enrollment.version + 1,
  };
  if (
    active.smsStatus === 'awaiting-yes' &&
    active.phone &&
    (await heldByAnother(deps, active.phone, active.id))
  ) {
    active.smsStatus = 'none';
    active.textsUnavailable = true;
  }
  active.nextDueAt = programSlots(deps.catalog.steps, active)[0]?.dueAt;
  await deps.store.activateEnrollment(active);
  logger.info('enrollment confirmed', { enrollmentId: active.id, day0 });
  countEvent('Confirmations');
  await countConfirmed(deps, active);
  // Linked to the partner who invited them: the page after the button says so.
  const linked = await afterActivation(deps, active, origin);
  return { enrollment: linked ?? active, changed: true };
}

/**
 * The confirmation in the consent ledger, the partner link, and the SMS opt-in prompt; the prompt last.
 * Returns the enrollment as linked to the partner who invited this person, if it was.
 */
async function afterActivation(
  deps: Deps,
  active: Enrollment,
  origin: RequestOrigin,
): Promise<Enrollment | undefined> {
  await recordConsent(deps, {
    enrollmentId: active.id,
    channel: 'email',
    action: 'opt-in',
    source: 'email-link',
    wordingVersion: wordingVersion(
      wordingOf(inLanguage(deps.catalog, active.language).messages.email.confirm),
    ),
    ...origin,
  });
  const linked = await linkInvitedPartner(deps, active);
  if (active.phone && active.smsStatus === 'awaiting-yes')
    await askForYes(deps, { ...active, phone: active.phone });
  return linked;
}

/** The words a confirmation email showed: its body and, after the button, its details. */
const wordingOf = (email: SystemEmail): string =>
  email.detailsText ? `${email.bodyText}\n\n${email.detailsText}` : email.bodyText;
