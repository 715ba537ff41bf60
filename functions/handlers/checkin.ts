import { confirmButtonPage, escapeHtml, page } from '../pages/layout';
import { html, json, query, respond, wantsJson } from '../shared/http';
import { answerByEmail, readEmailAnswer } from '../use-cases/checkin-by-email';
import { httpLambda, type Route } from './lambda';

/** GET shows the chosen answer with a button (mail scanners never record it); POST records it. */
export const route: Route = (deps, event) =>
  respond(event, async () => {
    const token = query(event, 'token');
    const score = query(event, 'score');
    if (event.requestContext.http.method === 'GET') {
      const answer = readEmailAnswer(deps, token, score);
      const action = `/checkin?token=${encodeURIComponent(token ?? '')}&score=${encodeURIComponent(score ?? '')}`;
      return html(
        200,
        confirmButtonPage(
          'Your check-in',
          `${answer.step.question ?? ''} Your answer: ${answer.label}.`,
          `Record ${answer.label}`,
          action,
        ),
      );
    }
    const answer = await answerByEmail(deps, token, score);
    if (wantsJson(event)) return json(200, { recorded: answer.score, metric: answer.step.metric });
    return html(
      200,
      page(
        'Noted',
        `<h1>Noted: ${escapeHtml(answer.label)}</h1><p>Thank you. Only you will see this in your day-90 report.</p>`,
      ),
    );
  });

export const handler = httpLambda(route);
