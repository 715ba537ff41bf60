import { inject } from 'vitest';
import { type Runtime, type RuntimeOptions, startRuntime, uniqueTableName } from '../../local/runtime';

/** Starts the local runtime on a free port against the run's shared emulators, with a table of its own. */
export function startTestRuntime(options: Partial<RuntimeOptions> = {}): Promise<Runtime> {
  return startRuntime({
    port: 0,
    dynamodbEndpoint: inject('dynamoDbEndpoint'),
    sesEndpoint: inject('sesEndpoint'),
    tableName: uniqueTableName(),
    tickMs: 0,
    ...options,
    // Every test request comes from 127.0.0.1: the limit per source is tested on its own (enrollment-privacy).
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT', DUE_SHARDS: '4', SOURCE_LIMIT_PER_HOUR: '0', ...options.env },
  });
}

/** A fresh address for each test, since the SES emulator's mailbox is shared by the whole run. */
export const uniqueEmail = (name = 'person') =>
  `${name}-${Math.random().toString(36).slice(2, 10)}@example.com`;
/** A fresh US mobile number in the 555-01xx fictional range, varied per test. */
let phoneSerial = Math.floor(Math.random() * 5_000);
/** A US mobile number no other test in this process has used (random start, then sequential). */
export const uniquePhone = () => `+1415555${String(phoneSerial++ % 10_000).padStart(4, '0')}`;

export interface LocalEmail {
  messageId: string;
  to: string[];
  replyTo: string[];
  subject: string;
  text?: string;
  html?: string;
  headers: Record<string, string>;
  at: string;
}

export interface LocalSms {
  sid: string;
  to: string;
  from: string;
  body: string;
  at: string;
  direction: 'outbound' | 'inbound';
}

export async function api(runtime: Runtime, path: string, init: RequestInit & { json?: unknown } = {}) {
  const { json, ...rest } = init;
  const response = await fetch(`${runtime.url}${path}`, {
    ...rest,
    ...(json !== undefined ? { method: rest.method ?? 'POST', body: JSON.stringify(json) } : {}),
    headers: {
      ...(json !== undefined ? { 'content-type': 'application/json', accept: 'application/json' } : {}),
      ...rest.headers,
    },
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  // biome-ignore lint/suspicious/noExplicitAny: each test reads the JSON shape it asked for
  return { status: response.status, body: body as any, text, headers: response.headers };
}

export const emailsTo = async (runtime: Runtime, address: string): Promise<LocalEmail[]> =>
  ((await api(runtime, '/_local/email')).body as LocalEmail[]).filter((e) => e.to.includes(address));

export const textsWith = async (runtime: Runtime, phone: string): Promise<LocalSms[]> =>
  ((await api(runtime, '/_local/sms')).body as LocalSms[]).filter((m) => m.to === phone || m.from === phone);

/** The first link to `path` in an email's text part. */
export const linkIn = (email: LocalEmail | undefined, path: string): string => {
  const found = email?.text?.match(
    new RegExp(`https?://[^\\s>]+${path.replace('/', '\\/')}\\?[^\\s>]+`),
  )?.[0];
  if (!found) throw new Error(`No ${path} link in email "${email?.subject}"`);
  return found;
};

/** A URL made relative to the runtime, so tests fetch it from the local server. */
export const pathOf = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};
