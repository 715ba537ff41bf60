import type { Language } from '../program/types';

/** One error hierarchy for the whole program; `toHttpResponse` maps it to HTTP in one place. */
export abstract class KintsugiError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  /**
   * The language its message is written in, when that is the person's rather than English (a page then
   * shows it in that language whatever the browser asks for).
   */
  language?: Language;
  /** The person's time zone, when the error is about a known person: its page gives the lines of where they live. */
  zone?: string;
  constructor(
    message: string,
    readonly field?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * Marks an error as about a known person: its page is in their language and its footer gives the crisis lines
 * of where they live, not the US ones.
 */
export function about<E extends KintsugiError>(error: E, who: { language?: Language; timezone?: string }): E {
  if (who.language) error.language = who.language;
  if (who.timezone) error.zone = who.timezone;
  return error;
}

/** One field's problem, as the form shows it beside the field. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/** Input that cannot be accepted; names the field (the first, when `problems` lists several). */
export class ValidationError extends KintsugiError {
  readonly status = 400;
  constructor(
    readonly code: string,
    message: string,
    field?: string,
    /** Every field that is wrong, in the form's order, when the form is checked as a whole. */
    readonly problems?: FieldProblem[],
    language?: Language,
  ) {
    super(message, field);
    if (language) this.language = language;
  }
}

/** A state the request conflicts with (an invitation from a program that is not running…). */
export class ConflictError extends KintsugiError {
  readonly status = 409;
  constructor(
    readonly code: string,
    message: string,
    field?: string,
    language?: Language,
  ) {
    super(message, field);
    if (language) this.language = language;
  }
}

/**
 * A link or token that is forged, expired or meant for something else. `reason` and `purpose` (which
 * kind of link it was meant to be) let the page offer a fresh link of that kind (pages/fresh-link.ts).
 */
export class InvalidTokenError extends KintsugiError {
  readonly status = 403;
  readonly code = 'invalid_token';
  constructor(
    message = 'This link is not valid.',
    readonly reason: 'expired' | 'invalid' = 'invalid',
    readonly purpose?: string,
  ) {
    super(message, 'token');
  }
}

/** A webhook whose signature does not match. */
export class ForbiddenError extends KintsugiError {
  readonly status = 403;
  readonly code = 'forbidden';
}

export class NotFoundError extends KintsugiError {
  readonly status = 404;
  readonly code = 'not_found';
}

/**
 * Too many requests from one source (an IP) in a while. Said only about the caller's own source, so it
 * reveals nothing about anyone else.
 */
export class TooManyRequestsError extends KintsugiError {
  readonly status = 429;
  readonly code = 'too_many_requests';
}

/** A conditional write lost a race; the caller decides whether that is fine. */
export class ConcurrentUpdateError extends KintsugiError {
  readonly status = 409;
  readonly code = 'concurrent_update';
}

/**
 * A provider refused or could not be reached before it took the message (429, 503, connection refused):
 * nothing was sent, so the queue may try again.
 */
export class ProviderUnavailableError extends KintsugiError {
  readonly status = 503;
  readonly code = 'provider_unavailable';
}

/**
 * A provider may have taken the message but did not say so (a timeout, a dropped connection, a 500 after
 * the request reached it). Sending again could send twice, so the message is never retried.
 */
export class DeliveryUnknownError extends KintsugiError {
  readonly status = 502;
  readonly code = 'delivery_unknown';
}

/** Another worker is sending this message now; its job is tried again later. */
export class SendInProgressError extends KintsugiError {
  readonly status = 409;
  readonly code = 'send_in_progress';
}
