import type { EnrollmentStore } from '../../ports/store';
import type { Enrollment } from '../../program/enrollment';
import { parseScheduleSettings } from '../../program/enrollment-input';
import { reschedule } from '../../program/schedule';
import { NotFoundError } from '../../shared/errors';
import { logger } from '../../shared/logger';
import type { Deps, UsesStore } from '../deps';
import { updateEnrollment } from '../services/update-enrollment';

/** The enrollment a settings link belongs to, changing nothing. */
export async function lookupSettings(
  deps: UsesStore<EnrollmentStore, 'tokens'>,
  token: string | undefined,
): Promise<Enrollment> {
  const claims = deps.tokens.verify(token, 'settings');
  const enrollment = await deps.store.getEnrollment(claims.sub);
  if (!enrollment) throw new NotFoundError('This enrollment no longer exists.');
  return enrollment;
}

/**
 * Changes the participant's time zone, check-in day and time, whether mid-week nudges come, the
 * program's language, and discreet mode. The rest of the program is computed anew from the new values;
 * what was already sent stays sent and is never sent again, and nudges turned back on start with the next
 * one still to come (none is sent late). What is still to come is written in the new language.
 */
export async function changeSettings(
  deps: Deps,
  token: string | undefined,
  body: unknown,
): Promise<Enrollment> {
  const { sub } = deps.tokens.verify(token, 'settings');
  const { nudges, language, discreet, ...schedule } = parseScheduleSettings(body);
  const now = deps.clock.now().toISOString();
  const updated = await updateEnrollment(deps, sub, (e) => {
    const nudgesChange = nudges !== undefined && nudges !== (e.nudges !== false);
    const languageChange = language !== undefined && language !== (e.language ?? 'en');
    const discreetChange = discreet !== undefined && discreet !== (e.discreet === true);
    if (
      e.timezone === schedule.timezone &&
      e.checkinDay === schedule.checkinDay &&
      e.checkinTime === schedule.checkinTime &&
      !nudgesChange &&
      !languageChange &&
      !discreetChange
    )
      return false;
    const after: Enrollment = { ...e, ...schedule };
    // Discreet mode from the next message on: the sender's name, subjects and texts that say nothing.
    if (discreetChange) {
      if (discreet) after.discreet = true;
      else delete after.discreet;
    }
    if (languageChange) {
      if (language === 'en') delete after.language;
      else after.language = language;
    }
    if (nudgesChange) {
      delete after.nudges;
      delete after.nudgesFrom;
      if (nudges) after.nudgesFrom = now;
      else after.nudges = false;
    }
    if (e.status === 'active' && e.day0) {
      const { progress, nextDueAt } = reschedule(deps.catalog.steps, e, after);
      after.progress = progress;
      if (nextDueAt) after.nextDueAt = nextDueAt;
    }
    for (const key of Object.keys(e) as (keyof Enrollment)[]) if (!(key in after)) delete e[key];
    Object.assign(e, after);
  });
  logger.info('settings changed', {
    enrollmentId: sub,
    timezone: updated.timezone,
    nudges: updated.nudges !== false,
    language: updated.language ?? 'en',
    discreet: updated.discreet === true,
  });
  return updated;
}
