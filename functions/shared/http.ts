import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { linkTroublePage } from '../pages/fresh-link';
import { chooseLanguage } from '../pages/language';
import { errorPage, internalErrorMessage } from '../pages/layout';
import { PAGE_MESSAGES_IN } from '../pages/words/layout';
import type { Language } from '../program/types';
import { acceptCorrelationId, CORRELATION_HEADER, withCorrelationId } from './correlation';
import { InvalidTokenError, KintsugiError, ValidationError } from './errors';
import { logger } from './logger';

export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyStructuredResultV2;

/** Bodies above this are refused before parsing: no form of ours comes close. */
export const MAX_BODY_BYTES = 64 * 1024;

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export const header = (event: HttpEvent, name: string): string | undefined => {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {}))
    if (key.toLowerCase() === wanted) return value;
  return undefined;
};

/** The raw body text, decoded from base64 when API Gateway encoded it. */
export function rawBody(event: HttpEvent): string {
  if (!event.body) return '';
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    throw new ValidationError(
      'body_too_large',
      `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`,
      'body',
    );
  }
  return text;
}

/** Form fields as a flat record (the last value wins for repeated names). */
export const formFields = (text: string): Record<string, string> =>
  Object.fromEntries(new URLSearchParams(text));

/** A JSON or form body as an object; a clear 400 for anything else. */
export function parseBody(event: HttpEvent): unknown {
  const text = rawBody(event);
  const type = (header(event, 'content-type') ?? '').toLowerCase();
  if (type.includes('application/x-www-form-urlencoded')) return formFields(text);
  if (type.includes('application/json') || type === '') {
    if (text.trim() === '') throw new ValidationError('empty_body', 'The request body is empty.', 'body');
    try {
      return JSON.parse(text);
    } catch {
      throw new ValidationError('invalid_json', 'The request body is not valid JSON.', 'body');
    }
  }
  throw new ValidationError(
    'unsupported_media_type',
    'Send JSON (application/json) or a form (application/x-www-form-urlencoded).',
    'body',
  );
}

/** Where a web request came from, for the consent ledger. */
export const requestOrigin = (event: HttpEvent): { ip?: string; userAgent?: string } => ({
  ip: event.requestContext.http.sourceIp,
  userAgent: event.requestContext.http.userAgent,
});

export const query = (event: HttpEvent, name: string): string | undefined =>
  event.queryStringParameters?.[name];

/**
 * The language of a page no enrollment speaks for (the form, a broken link): `?lang=en|es` (the form's
 * switch) wins, else the browser's Accept-Language, else English.
 */
export const browserLanguage = (event: HttpEvent): Language =>
  chooseLanguage(query(event, 'lang'), header(event, 'accept-language'));

/** Whether the caller wants JSON rather than a page. */
export const wantsJson = (event: HttpEvent): boolean => {
  const accept = header(event, 'accept') ?? '';
  const type = header(event, 'content-type') ?? '';
  if (accept.includes('application/json')) return true;
  if (accept.includes('text/html')) return false;
  return type.includes('application/json') || !accept;
};

export const json = (statusCode: number, body: unknown): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS },
  body: JSON.stringify(body),
});

export const html = (statusCode: number, body: string): HttpResult => ({
  statusCode,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy':
      "default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
    ...SECURITY_HEADERS,
  },
  body,
});

export const xml = (statusCode: number, body: string): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'text/xml; charset=utf-8', ...SECURITY_HEADERS },
  body,
});

/** A file to save (the report's PDF): binary, so base64-encoded as API Gateway expects. */
export const download = (body: Uint8Array, type: string, filename: string): HttpResult => ({
  statusCode: 200,
  headers: {
    'content-type': type,
    'content-disposition': `attachment; filename="${filename}"`,
    ...SECURITY_HEADERS,
  },
  body: Buffer.from(body).toString('base64'),
  isBase64Encoded: true,
});

/**
 * The one place errors become HTTP responses. Unknown errors are logged and never leak details. Pages
 * come in `language` (the browser's: an error page knows no enrollment); JSON stays English.
 */
export function errorResponse(error: unknown, asJson: boolean, language: Language = 'en'): HttpResult {
  if (error instanceof KintsugiError) {
    const payload = {
      error: {
        code: error.code,
        message: error.message,
        ...(error.field ? { field: error.field } : {}),
        // Every wrong field, so a form can show each beside its field at once.
        ...(error instanceof ValidationError && error.problems ? { problems: error.problems } : {}),
      },
    };
    if (asJson) return json(error.status, payload);
    // An expired or broken link: the page offers a fresh one and a way home, not a dead end.
    if (error instanceof InvalidTokenError)
      return html(error.status, linkTroublePage(error.reason, error.purpose, {}, language));
    // A message written in the person's language is shown in a page of that language; one written in
    // English only, in the browser's language when it has a translation.
    if (error.language)
      return html(error.status, errorPage(error.status, error.message, error.language, error.zone));
    const message =
      language === 'en' ? error.message : (PAGE_MESSAGES_IN[language][error.message] ?? error.message);
    return html(error.status, errorPage(error.status, message, language, error.zone));
  }
  logger.error('unexpected error', {
    error: error instanceof Error ? { name: error.name, stack: error.stack } : String(error),
  });
  if (asJson) return json(500, { error: { code: 'internal', message: internalErrorMessage() } });
  return html(500, errorPage(500, internalErrorMessage(language), language));
}

/** The request's correlation id: the caller's `x-correlation-id` when plain, else API Gateway's request id. */
export const correlationIdOf = (event: HttpEvent): string =>
  acceptCorrelationId(header(event, CORRELATION_HEADER), event.requestContext.requestId);

/**
 * Runs a route under the request's correlation id (every log line and queued job carries it, and so
 * does the answer's `x-correlation-id` header) and maps any error to a response.
 */
export async function respond(event: HttpEvent, route: () => Promise<HttpResult>): Promise<HttpResult> {
  const id = correlationIdOf(event);
  const result = await withCorrelationId(id, async () => {
    try {
      return await route();
    } catch (error) {
      return errorResponse(error, wantsJson(event), browserLanguage(event));
    }
  });
  return { ...result, headers: { ...result.headers, [CORRELATION_HEADER]: id } };
}
