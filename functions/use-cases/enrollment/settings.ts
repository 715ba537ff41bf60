import type { EnrollmentStore } from '../../ports/store';
import type { Enrollment } from '../../program/enrollment';
import { parseNumberToAdd, parseScheduleSettings } from '../../program/enrollment-input';
import { openQuestionsOf } from '../../program/open-questions';
import { reschedule } from '../../program/schedule';
import { about, NotFoundError, ValidationError } from '../../shared/errors';
import { logger } from '../../shared/logger';
import type { Deps, UsesStore } from '../deps';
import { channelLedger, type RequestOrigin, recordFormConsent, recordOptOutOnce } from '../services/consent';
import { countStopped } from '../services/outcomes';
import { askForYes, heldByAnother } from '../services/phone-numbers';
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
 * What a settings form changed: the enrollment as saved, whether it gave the program a mobile number, and
 * whether it made the program forget its number (with none in its place).
 */
export interface SettingsChange {
  enrollment: Enrollment;
  numberAdded: boolean;
  numberForgotten: boolean;
}

/**
 * Changes the participant's time zone, check-in day and time, whether mid-week nudges come, the
 * program's language, and discreet mode. The rest of the program is computed anew from the new values;
 * what was already sent stays sent and is never sent again, and nudges turned back on start with the next
 * one still to come (none is sent late). What is still to come is written in the new language.
 *
 * A running program may be given a mobile number, with the consent box ticked: the number is named in the
 * same write, and a "reply YES" text goes to it. Texts start with the YES, as after a sign-up. A number
 * another running program already texts is not texted, and check-ins stay by email; the page says the same
 * either way, so nobody learns from it who holds a number. A new number takes the place of the program's
 * number (a typo, a new phone): the one before is forgotten, and texts to it stop at once.
 *
 * `number: forget` makes the program forget its number, with no other in its place: texts stop, check-ins
 * come by email, and nothing is texted to say so (the phone may be someone else's to read). The person may
 * give a number again later. The consent ledger records the end of texts to a number either way.
 */
export async function changeSettings(
  deps: Deps,
  token: string | undefined,
  body: unknown,
  origin: RequestOrigin = {},
): Promise<SettingsChange> {
  const { sub } = deps.tokens.verify(token, 'settings');
  const { nudges, language, discreet, number: numberChoice, ...schedule } = parseScheduleSettings(body);
  // Both parsed before anything is written: a bad number leaves the other settings unsaved as well.
  const number = parseNumberToAdd(body, schedule.timezone);
  // A new number takes the place of the one before: "forget" then adds nothing to it.
  const forget = numberChoice === 'forget' && number === undefined;
  // The enrollment read to check the number is the first attempt's snapshot: it is not read twice.
  const checked = number === undefined ? undefined : await mayAddNumber(deps, sub, number);
  const held = checked?.held === true;
  const now = deps.clock.now().toISOString();
  let named = false;
  let previous: string | undefined;
  let previousStatus: Enrollment['smsStatus'] | undefined;
  const updated = await updateEnrollment(
    deps,
    sub,
    (e) => {
      named = false;
      previous = undefined;
      previousStatus = e.smsStatus;
      const nudgesChange = nudges !== undefined && nudges !== (e.nudges !== false);
      const languageChange = language !== undefined && language !== (e.language ?? 'en');
      const discreetChange = discreet !== undefined && discreet !== (e.discreet === true);
      const numberChange = number !== undefined && e.status === 'active' && e.phone !== number;
      const forgetChange = forget && e.phone !== undefined;
      if (
        e.timezone === schedule.timezone &&
        e.checkinDay === schedule.checkinDay &&
        e.checkinTime === schedule.checkinTime &&
        !nudgesChange &&
        !languageChange &&
        !discreetChange &&
        !numberChange &&
        !forgetChange
      )
        return false;
      const after: Enrollment = { ...e, ...schedule };
      if (numberChange || forgetChange) {
        previous = e.phone;
        withoutNumber(after);
      }
      if (numberChange) {
        after.phone = number;
        named = true;
        after.numberNamedAt = now;
        if (held) {
          after.smsStatus = 'none';
          after.textsUnavailable = true;
        } else after.smsStatus = 'awaiting-yes';
      }
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
    },
    checked?.current,
    (next) =>
      named
        ? deps.store.nameNumber(next, previous)
        : previous
          ? deps.store.forgetNumber(next, previous)
          : deps.store.saveEnrollment(next),
  );
  // The number before, given up (forgotten, or another in its place): texts to it have stopped, and the ledger
  // says so (once, whatever the form's retries). Nothing is texted to it to say so: the person chose this on
  // a page, and the phone may be read by someone else.
  if (previous) {
    await recordOptOutOnce(deps, {
      enrollmentId: sub,
      retainUntil: updated.retainUntil,
      channel: 'sms',
      source: 'web-form',
      detail: named ? 'number replaced' : 'number forgotten',
      ...origin,
    });
    if (!named && previousStatus === 'active') await countStopped(deps, updated, 'opted-out');
  }
  // The number's consent, then its "reply YES" text. The form sent again with the same number (a second
  // click, or a retry after these failed) finds the number already named: it records and asks only if the
  // ledger has no consent from a form since the number was named, so nothing is lost and nothing sent twice.
  const again = !named && number !== undefined && number === updated.phone;
  if (
    updated.phone &&
    updated.smsStatus === 'awaiting-yes' &&
    (named || (again && !(await formConsentSince(deps, updated))))
  ) {
    await recordFormConsent(deps, updated, origin);
    await askForYes(deps, { ...updated, phone: updated.phone });
  }
  logger.info('settings changed', {
    enrollmentId: sub,
    timezone: updated.timezone,
    nudges: updated.nudges !== false,
    language: updated.language ?? 'en',
    discreet: updated.discreet === true,
    numberAdded: named,
    numberForgotten: previous !== undefined && !named,
  });
  return { enrollment: updated, numberAdded: named, numberForgotten: previous !== undefined && !named };
}

/**
 * The program forgets its number, and all that was about texting it: texts stop, check-ins come by email,
 * and a question texted to it closes (as after STOP: an answer to it would come from a number no longer
 * known). A number given in the same form then takes its place.
 */
function withoutNumber(e: Enrollment): void {
  delete e.phone;
  e.smsStatus = 'none';
  for (const key of [
    'numberNamedAt',
    'textsUnavailable',
    'unansweredSms',
    'checkinsByEmail',
    'smsFailures',
  ] as const)
    delete e[key];
  e.openQuestions = openQuestionsOf(e).filter((q) => q.channel !== 'sms');
  if (!e.openQuestions.length) delete e.openQuestions;
  delete e.openCheckin;
}

/** Whether the form's consent for the number named last is in the SMS ledger. */
async function formConsentSince(deps: Deps, enrollment: Enrollment): Promise<boolean> {
  const since = enrollment.numberNamedAt ?? '';
  return (await channelLedger(deps, enrollment.id, 'sms')).some(
    (event) => event.action === 'opt-in' && event.source === 'web-form' && event.at >= since,
  );
}

/**
 * Whether a number may be given to this program (it is running), and, if so, whether another running program
 * already texts it. It takes the place of the program's number, if it had one (a new phone, a typo).
 */
async function mayAddNumber(
  deps: Deps,
  id: string,
  number: string,
): Promise<{ current: Enrollment; held: boolean }> {
  const current = await deps.store.getEnrollment(id);
  if (!current) throw new NotFoundError('This enrollment no longer exists.');
  const language = current.language ?? 'en';
  if (current.status !== 'active')
    throw about(
      new ValidationError(
        'program_not_running',
        language === 'es'
          ? 'Solo se pueden agregar mensajes de texto mientras el programa está en curso.'
          : 'Texts can be added only while the program runs.',
        'phone',
        undefined,
        language,
      ),
      current,
    );
  return { current, held: await heldByAnother(deps, number, id) };
}
