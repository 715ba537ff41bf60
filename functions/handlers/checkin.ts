import { checkinPage, checkinRecordedPage } from '../pages/checkin';
import { ValidationError } from '../shared/errors';
import {
  formFields,
  header,
  html,
  json,
  parseBody,
  query,
  rawBody,
  respond,
  wantsJson,
} from '../shared/http';
import { answerByEmail, viewEmailAnswer } from '../use-cases/replies/checkin-by-email';
import type { LambdaWiring } from '../wiring';
import { snsAlerts } from '../wiring/sns-alerts';
import { type HttpHandle, httpLambda } from './lambda';

/** GET shows the chosen answer with a button (mail scanners never record it); POST records it, with a note. */
export const handle: HttpHandle = (deps, event) =>
  respond(event, async () => {
    const token = query(event, 'token');
    const score = query(event, 'score');
    const link = (s: string) =>
      `/checkin?token=${encodeURIComponent(token ?? '')}&score=${encodeURIComponent(s)}`;
    const links = { action: link(score ?? ''), pick: (s: number) => link(String(s)) };
    if (event.requestContext.http.method === 'GET')
      return html(200, checkinPage(await viewEmailAnswer(deps, token, score), links));
    // The page's form sends the note; a bare POST (older pages, scripts) records the answer alone.
    const type = (header(event, 'content-type') ?? '').toLowerCase();
    const note = type.includes('application/x-www-form-urlencoded')
      ? formFields(rawBody(event)).note
      : type.includes('application/json') && rawBody(event).trim()
        ? (parseBody(event) as { note?: unknown }).note
        : undefined;
    let answer: Awaited<ReturnType<typeof answerByEmail>>;
    try {
      answer = await answerByEmail(deps, token, score, note);
    } catch (error) {
      // A note too long comes back on the page with what was typed, not on a dead end.
      if (!(error instanceof ValidationError) || error.field !== 'note' || wantsJson(event)) throw error;
      const view = await viewEmailAnswer(deps, token, score);
      return html(400, checkinPage(view, links, { note: String(note ?? ''), error: error.message }));
    }
    if (wantsJson(event))
      return json(200, {
        recorded: answer.score,
        metric: answer.step.metric,
        previous: answer.previous ?? null,
        changed: answer.previous !== undefined && answer.previous !== answer.score,
        note: answer.note,
        ...(answer.safety ? { safety: answer.safety.level } : {}),
      });
    return html(200, checkinRecordedPage(answer, answer.safety));
  });

/** The catalog parts and ports this function's entry point is built with (and the only ones bundled into it). */
export const wiring: LambdaWiring = { ports: [snsAlerts] };

export const handler = httpLambda(handle, wiring);
