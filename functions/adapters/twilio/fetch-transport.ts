import type BaseTwilio from 'twilio/lib/base/BaseTwilio';

type RequestOpts = BaseTwilio.RequestOpts;

const TWILIO_API = /^https:\/\/api\.twilio\.com(?=\/|$)/;

/** Twilio's default request timeout. */
const DEFAULT_TIMEOUT_MS = 30_000;

/** What Twilio's generated Domain and Version classes get back from their client's `request`. */
export interface TwilioResponse {
  statusCode: number;
  /** Text from `fetch`; Twilio's own RequestClient hands over parsed JSON. Version accepts both. */
  body: unknown;
  headers: Record<string, string>;
}

/** The one method Twilio's generated API classes call on their client. */
export interface TwilioTransport {
  request(opts: RequestOpts): Promise<TwilioResponse>;
}

/** A failure before Twilio answered; `code` is Node's (ECONNREFUSED…) or ETIMEDOUT, as Twilio's own client reports it. */
export class TwilioTransportError extends Error {
  override readonly name = 'TwilioTransportError';

  constructor(
    message: string,
    readonly code: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface FetchTransportOptions {
  accountSid: string;
  authToken: string;
  /** Milliseconds a request may take, answer included (default 30 s, Twilio's own). */
  timeoutMs?: number;
  /** Replaces `https://api.twilio.com`: the local Twilio-shaped server. */
  baseUrl?: string;
}

/**
 * Twilio's HTTP layer on Node's own `fetch`, in place of the `twilio` package's axios-based RequestClient
 * (about 330 KB bundled: axios, mime-db, qs…). Same Basic auth, form encoding and headers; Twilio's
 * generated Messages API, its Version and its RestException still do the rest.
 */
export class FetchTwilioTransport implements TwilioTransport {
  private readonly authorization: string;
  private readonly baseUrl: string | undefined;

  constructor(private readonly options: FetchTransportOptions) {
    this.authorization = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
    this.baseUrl = options.baseUrl?.replace(/\/+$/, '');
  }

  async request(opts: RequestOpts): Promise<TwilioResponse> {
    if (!opts.method || !opts.uri) throw new Error('Twilio request without a method or a uri');
    const url = new URL(this.baseUrl ? opts.uri.replace(TWILIO_API, this.baseUrl) : opts.uri);
    for (const [name, value] of formEntries(opts.params)) url.searchParams.append(name, value);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Charset': 'utf-8',
      ...(opts.headers as Record<string, string> | undefined),
      Authorization: this.authorization,
    };
    const body = opts.data ? new URLSearchParams(formEntries(opts.data)).toString() : undefined;
    if (body !== undefined) headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
    const timeoutMs = opts.timeout ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    try {
      const response = await fetch(url, {
        method: opts.method.toUpperCase(),
        headers,
        ...(body !== undefined ? { body } : {}),
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      return {
        statusCode: response.status,
        body: await response.text(),
        headers: Object.fromEntries(response.headers),
      };
    } catch (error) {
      throw transportError(error, timeoutMs);
    }
  }
}

/** Form fields as Twilio's client sends them (`qs`, arrays repeated); unset values left out. */
function formEntries(data: object | undefined): [string, string][] {
  const entries: [string, string][] = [];
  for (const [name, value] of Object.entries(data ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) entries.push([name, String(item)]);
    }
  }
  return entries;
}

function transportError(error: unknown, timeoutMs: number): TwilioTransportError {
  const name = (error as { name?: unknown }).name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return new TwilioTransportError(`Twilio did not answer within ${timeoutMs} ms`, 'ETIMEDOUT', {
      cause: error,
    });
  const cause = (error as { cause?: { code?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : 'ECONNRESET';
  return new TwilioTransportError(`Twilio could not be reached (${code})`, code, { cause: error });
}
