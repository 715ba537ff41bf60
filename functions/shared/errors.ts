/** One error hierarchy for the whole program; `toHttpResponse` maps it to HTTP in one place. */
export abstract class KintsugiError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  constructor(
    message: string,
    readonly field?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Input that cannot be accepted; names the field. */
export class ValidationError extends KintsugiError {
  readonly status = 400;
  constructor(
    readonly code: string,
    message: string,
    field?: string,
  ) {
    super(message, field);
  }
}

/** A state the request conflicts with (already enrolled, number in use). */
export class ConflictError extends KintsugiError {
  readonly status = 409;
  constructor(
    readonly code: string,
    message: string,
    field?: string,
  ) {
    super(message, field);
  }
}

/** A link or token that is forged, expired or meant for something else. */
export class InvalidTokenError extends KintsugiError {
  readonly status = 403;
  readonly code = 'invalid_token';
  constructor(message = 'This link is not valid or has expired.') {
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

/** A conditional write lost a race; the caller decides whether that is fine. */
export class ConcurrentUpdateError extends KintsugiError {
  readonly status = 409;
  readonly code = 'concurrent_update';
}
