import { settingsPage } from '../pages/settings';
import type { Enrollment } from '../program/enrollment';
import { parseScheduleSettings } from '../program/enrollment-input';
import { ValidationError } from '../shared/errors';
import { html, json, parseBody, query, requestOrigin, respond, wantsJson } from '../shared/http';
import { partnerPagePath } from '../shared/tokens';
import { changeSettings, lookupSettings } from '../use-cases/enrollment/settings';
import type { LambdaWiring } from '../wiring';
import { twilioSmsAtFirstText } from '../wiring/twilio-sms-at-first-text';
import { type HttpHandle, httpLambda } from './lambda';

/** The fields of the program's mobile number (keep or forget it, give one): their problems are shown beside them. */
const NUMBER_FIELDS = new Set(['phone', 'country', 'smsConsent', 'number']);

/**
 * GET /settings shows the participant's time zone, check-in day and time, texts choice and language, and
 * their mobile number's part (keep or forget it, give one or another); POST changes them.
 */
export const handle: HttpHandle = (deps, event) =>
  respond(event, async () => {
    const token = query(event, 'token');
    const self = `/settings?token=${encodeURIComponent(token ?? '')}`;
    const partnerUrl = (id: string) => partnerPagePath(deps.tokens, id);
    if (event.requestContext.http.method === 'GET') {
      const enrollment = await lookupSettings(deps, token);
      return html(200, settingsPage(enrollment, self, { partnerUrl: partnerUrl(enrollment.id) }));
    }
    const body = parseBody(event);
    try {
      const { enrollment, numberAdded, numberForgotten } = await changeSettings(
        deps,
        token,
        body,
        requestOrigin(event),
      );
      if (wantsJson(event)) {
        const { timezone, checkinDay, checkinTime, nextDueAt } = enrollment;
        const nudges = enrollment.nudges !== false;
        return json(200, {
          timezone,
          checkinDay,
          checkinTime,
          nudges,
          nextDueAt: nextDueAt ?? null,
          numberAdded,
          numberForgotten,
        });
      }
      return html(
        200,
        settingsPage(enrollment, self, {
          saved: true,
          numberAdded,
          numberForgotten,
          partnerUrl: partnerUrl(enrollment.id),
        }),
      );
    } catch (error) {
      // A mistake in the number brings the form back with the problem beside its field, as the sign-up form does.
      if (!(error instanceof ValidationError) || wantsJson(event) || !NUMBER_FIELDS.has(error.field ?? ''))
        throw error;
      const problems = error.problems ?? [
        { field: error.field as string, code: error.code, message: error.message },
      ];
      const values = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
      const shown = asChosen(await lookupSettings(deps, token), body);
      return html(400, settingsPage(shown, self, { problems, values, partnerUrl: partnerUrl(shown.id) }));
    }
  });

/**
 * The enrollment as the form chose it, for the page that shows a number's problem: nothing was saved, and the
 * day, time, zone and choices the person picked stay picked. The language stays the page's own.
 */
function asChosen(enrollment: Enrollment, body: unknown): Enrollment {
  let chosen: ReturnType<typeof parseScheduleSettings>;
  try {
    chosen = parseScheduleSettings(body);
  } catch {
    return enrollment;
  }
  const { nudges, discreet, language: _language, ...schedule } = chosen;
  const shown: Enrollment = { ...enrollment, ...schedule };
  if (nudges !== undefined) {
    if (nudges) delete shown.nudges;
    else shown.nudges = false;
  }
  if (discreet !== undefined) {
    if (discreet) shown.discreet = true;
    else delete shown.discreet;
  }
  return shown;
}

/**
 * This function's entry point adds no catalog part; it names Twilio's Messages API, loaded at the first text
 * (a number added asks for YES).
 */
export const wiring: LambdaWiring = { ports: [twilioSmsAtFirstText] };

export const handler = httpLambda(handle, wiring);
