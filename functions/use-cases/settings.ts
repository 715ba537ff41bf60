import type { Enrollment } from '../program/enrollment';
import { parseScheduleSettings } from '../program/enrollment-input';
import { reschedule } from '../program/schedule';
import { NotFoundError } from '../shared/errors';
import { logger } from '../shared/logger';
import type { Deps } from './deps';
import { updateEnrollment } from './update-enrollment';

/** The enrollment a settings link belongs to, changing nothing. */
export async function lookupSettings(deps: Deps, token: string | undefined): Promise<Enrollment> {
  const claims = deps.tokens.verify(token, 'settings');
  const enrollment = await deps.store.getEnrollment(claims.sub);
  if (!enrollment) throw new NotFoundError('This enrollment no longer exists.');
  return enrollment;
}

/**
 * Changes the participant's time zone, check-in day and time. The rest of the program is computed anew
 * from the new values; what was already sent stays sent and is never sent again.
 */
export async function changeSettings(
  deps: Deps,
  token: string | undefined,
  body: unknown,
): Promise<Enrollment> {
  const { sub } = deps.tokens.verify(token, 'settings');
  const settings = parseScheduleSettings(body);
  const updated = await updateEnrollment(deps, sub, (e) => {
    if (
      e.timezone === settings.timezone &&
      e.checkinDay === settings.checkinDay &&
      e.checkinTime === settings.checkinTime
    )
      return false;
    const after = { ...e, ...settings };
    if (e.status === 'active' && e.day0) {
      const { progress, nextDueAt } = reschedule(deps.catalog.steps, e, after);
      e.progress = progress;
      if (nextDueAt) e.nextDueAt = nextDueAt;
    }
    Object.assign(e, settings);
  });
  logger.info('settings changed', { enrollmentId: sub, timezone: updated.timezone });
  return updated;
}
