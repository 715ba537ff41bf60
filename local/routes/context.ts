/** What every `/_local/*` route module shares: the runtime's parts it reads, and the shape of a route. */
import { ValidationError } from '../../functions/shared/errors';
import type { HttpEvent, HttpResult } from '../../functions/shared/http';
import type { Deps } from '../../functions/use-cases/deps';
import type { LocalClock } from '../clock';
import type { TwilioServer } from '../emulators/twilio-server';
import type { AdvanceResult } from '../fast-forward';
import type { LocalOperatorAlerts } from '../operator-alerts';
import type { SentLog } from '../sent-log';
import type { SmsReplyResult } from '../sms-reply';

/** The running local program, as the local routes see it. */
export interface LocalContext {
  deps: Deps;
  clock: LocalClock;
  alerts: LocalOperatorAlerts;
  twilio: TwilioServer;
  sent: SentLog;
  sesEndpoint: string;
  /** Moves the simulated clock, running every dispatch due on the way (none during an `outage`). */
  advanceTo(target: Date, options?: { outage?: boolean }): Promise<AdvanceResult>;
  /** Posts a correctly signed inbound SMS webhook, as Twilio would. */
  replyBySms(from: string, body: string): Promise<SmsReplyResult>;
}

/** A local route's request: its API Gateway event, and the body as it came (the routes read JSON). */
export interface LocalRequest {
  event: HttpEvent;
  body: string;
}

/** One local-only route. Its errors are answered as the program's are (functions/shared/http.ts `respond`). */
export interface LocalRoute {
  method: 'GET' | 'POST';
  path: string;
  handle(context: LocalContext, request: LocalRequest): Promise<HttpResult>;
}

/** The body as a JSON object, or a 400 that says to send one. */
export function parseJson(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text || '{}');
    if (typeof value === 'object' && value && !Array.isArray(value)) return value;
  } catch {}
  throw new ValidationError('invalid_json', 'Send a JSON object.', 'body');
}

/** A local page: HTML with no more than its content type (the program's pages add security headers). */
export const htmlPage = (body: string): HttpResult => ({
  statusCode: 200,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body,
});
