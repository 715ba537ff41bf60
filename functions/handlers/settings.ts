import { settingsPage } from '../pages/settings';
import { html, json, parseBody, query, respond, wantsJson } from '../shared/http';
import { changeSettings, lookupSettings } from '../use-cases/enrollment/settings';
import type { LambdaWiring } from '../wiring';
import { type HttpHandle, httpLambda } from './lambda';

/** GET /settings shows the participant's time zone, check-in day and time, and texts choice; POST changes them. */
export const handle: HttpHandle = (deps, event) =>
  respond(event, async () => {
    const token = query(event, 'token');
    const self = `/settings?token=${encodeURIComponent(token ?? '')}`;
    if (event.requestContext.http.method === 'GET')
      return html(200, settingsPage(await lookupSettings(deps, token), self));
    const enrollment = await changeSettings(deps, token, parseBody(event));
    if (wantsJson(event)) {
      const { timezone, checkinDay, checkinTime, nextDueAt } = enrollment;
      const nudges = enrollment.nudges !== false;
      return json(200, { timezone, checkinDay, checkinTime, nudges, nextDueAt: nextDueAt ?? null });
    }
    return html(200, settingsPage(enrollment, self, true));
  });

/** This function's entry point adds no catalog part and names no port (no mail, texts, queue or alerts). */
export const wiring: LambdaWiring = {};

export const handler = httpLambda(handle, wiring);
