import { LogFormatter, Logger, LogItem } from '@aws-lambda-powertools/logger';
import type { LogAttributes, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';
import { correlationId } from './correlation';

const EMAIL = /[^\s@<>"']+@[^\s@<>"']+\.[^\s@<>"']+/g;
// E.164 numbers and other runs of 7+ digits that could be a phone number.
const PHONE = /\+?\d[\d ().-]{6,}\d/g;
// Dates and times the program logs (2026-11-22, 2026-11-22T08:00, 08:00:00.000): kept, they are no one's number.
const DATE_OR_TIME =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}(?::\d{2}){0,2}(?:\.\d+)?)?$|^\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?$/;
const maskNumber = (match: string) => (DATE_OR_TIME.test(match) ? match : '[number]');
/** Attribute names whose values are private text and are never written, whatever they hold. */
const PRIVATE_KEYS = new Set(['email', 'phone', 'body', 'note', 'text', 'to', 'from', 'Body', 'From', 'To']);

/** Replaces anything that looks like an email address or a phone number. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(EMAIL, '[email]').replace(PHONE, maskNumber);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, PRIVATE_KEYS.has(k) ? '[private]' : redact(v, depth + 1)]),
  );
}

/**
 * Powertools' JSON shape, with a last line of defence: the code logs ids and outcomes only, and this
 * formatter still scrubs anything shaped like an email address or phone number, and the values of
 * fields that carry a participant's own words.
 */
class PrivateLogFormatter extends LogFormatter {
  formatAttributes(attributes: UnformattedAttributes, additional: LogAttributes): LogItem {
    return new LogItem({
      attributes: {
        level: attributes.logLevel,
        message: redact(attributes.message) as string,
        timestamp: this.formatTimestamp(attributes.timestamp),
        service: attributes.serviceName,
        function_request_id: attributes.lambdaContext?.awsRequestId,
        xray_trace_id: attributes.xRayTraceId,
        // From the request (or the queued job) this work belongs to: one id from request to send.
        correlation_id: correlationId(),
      },
    }).addAttributes(redact(additional) as LogAttributes);
  }
}

/**
 * The one structured logger. Log enrollment ids and outcomes, never an email address, a phone number
 * or the text of a reply: those are among the most private things a participant types.
 */
export const logger = new Logger({ serviceName: 'kintsugi', logFormatter: new PrivateLogFormatter() });
