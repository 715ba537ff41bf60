import { closedLinkPage, reportPage, sharedReportPage } from '../pages/report';
import { REPORT_WORDS } from '../pages/words/report';
import { ValidationError } from '../shared/errors';
import {
  browserLanguage,
  download,
  type HttpEvent,
  html,
  json,
  parseBody,
  query,
  respond,
  wantsJson,
} from '../shared/http';
import type { Deps } from '../use-cases/deps';
import { openSharedReport, revokeReportShare, shareReport } from '../use-cases/report/report-shares';
import { viewReport, viewReportPage } from '../use-cases/report/view-report';
import type { LambdaWiring } from '../wiring';
import { type HttpHandle, httpLambda } from './lambda';

const CLOSED = 'There is nothing to see at this link.';

/**
 * GET /report: the checkpoint as a page, or as JSON with `Accept: application/json`; POST /report makes
 * or revokes a share link; GET /report/pdf downloads it as a PDF; GET /shared is what a share link opens.
 */
export const handle: HttpHandle = (deps, event) =>
  respond(event, async () => {
    const token = query(event, 'token');
    if (event.rawPath === '/shared') {
      const view = await openSharedReport(deps, token);
      if (!view)
        return wantsJson(event)
          ? json(404, { error: { code: 'not_found', message: CLOSED } })
          : html(404, closedLinkPage(browserLanguage(event)));
      return wantsJson(event)
        ? json(200, { report: view.report, notes: view.notes, validUntil: view.validUntil })
        : html(200, sharedReportPage(view));
    }
    if (event.rawPath === '/report/pdf') return pdf(deps, token, query(event, 'notes') === 'yes');
    if (event.requestContext.http.method === 'POST') return shareAction(deps, event, token);
    if (wantsJson(event)) return json(200, await viewReport(deps, token));
    return html(200, reportPage(await viewReportPage(deps, token), token ?? ''));
  });

/** POST /report: `action` "share" (with `days` and `includeNotes`) or "revoke" (with `shareId`). */
async function shareAction(deps: Deps, event: HttpEvent, token: string | undefined) {
  const body = parseBody(event) as Record<string, unknown>;
  if (body.action === 'share') {
    const made = await shareReport(deps, token, { days: body.days, includeNotes: body.includeNotes });
    if (wantsJson(event)) return json(201, made);
    return html(200, reportPage(await viewReportPage(deps, token), token ?? '', { made }));
  }
  if (body.action === 'revoke') {
    await revokeReportShare(deps, token, body.shareId);
    if (wantsJson(event)) return json(200, { revoked: body.shareId });
    return html(200, reportPage(await viewReportPage(deps, token), token ?? '', { notice: 'revoked' }));
  }
  throw new ValidationError('invalid_action', 'Choose "share" or "revoke".', 'action');
}

/** The report as a PDF, with the notes only when asked for; pdf-lib loads on this path alone. */
async function pdf(deps: Deps, token: string | undefined, withNotes: boolean) {
  const view = await viewReportPage(deps, token);
  const { reportPdf } = await import('../pages/report-pdf');
  const { report, track, timezone, now, notes, language = 'en' } = view;
  const bytes = await reportPdf({ report, track, timezone, language, now, ...(withNotes ? { notes } : {}) });
  return download(bytes, 'application/pdf', REPORT_WORDS[language].pdf.filename);
}

/** This function's entry point adds no catalog part and names no port (no mail, texts, queue or alerts). */
export const wiring: LambdaWiring = {};

export const handler = httpLambda(handle, wiring);
