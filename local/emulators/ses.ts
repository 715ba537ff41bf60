import type { AddressInfo } from 'node:net';
import sesServer from 'aws-ses-v2-local';

const HOST = '127.0.0.1';

export interface RunningSesEmulator {
  /** The SES v2 API endpoint, for `new SESv2Client({ endpoint, region: 'aws-ses-v2-local', ... })`. */
  endpoint: string;
  /** The emulator's own mailbox web page. */
  mailboxUrl: string;
  stop(): Promise<void>;
}

/** An email as the SES emulator received it, normalised from its `GET /store` JSON. */
export interface ReceivedEmail {
  messageId: string;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string[];
  subject: string;
  text: string | undefined;
  html: string | undefined;
  /** Custom headers (`Content.Simple.Headers`), keyed by lower-case name, as Node's http does. */
  headers: Record<string, string>;
  /** When the emulator received it (ISO 8601, whole seconds: the store keeps epoch seconds). */
  at: string;
}

/** The raw `GET /store` email, as aws-ses-v2-local 2.10 serves it. */
interface StoredEmail {
  messageId: string;
  from: string;
  replyTo?: string[];
  destination?: { to?: string[]; cc?: string[]; bcc?: string[] };
  subject: string;
  body?: { html?: string; text?: string };
  headers?: { name: string; value: string }[];
  /** epoch seconds */
  at: number;
}

/**
 * Starts aws-ses-v2-local on 127.0.0.1 (a free port unless one is given).
 * Its mailbox lives in module state, so every emulator started in one process shares one mailbox.
 */
export async function startSesEmulator(options: { port?: number } = {}): Promise<RunningSesEmulator> {
  const server = await sesServer({ host: HOST, port: options.port ?? 0 });
  // Node closes an idle kept-alive socket after 5 s, and the SDK may reuse it at that very moment: a
  // reset, which the mailer must count as an unknown outcome. SES itself keeps connections far longer.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://${HOST}:${port}`;
  let stopping: Promise<void> | undefined;
  return {
    endpoint,
    mailboxUrl: `${endpoint}/`,
    stop: () => {
      stopping ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return stopping;
    },
  };
}

/** Every email the emulator at `endpoint` holds, oldest first; with `since`, those received from that second on. */
export async function listEmails(endpoint: string, since?: Date): Promise<ReceivedEmail[]> {
  const url = new URL('/store', endpoint);
  if (since) url.searchParams.set('since', String(Math.floor(since.getTime() / 1000)));
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  const store = (await response.json()) as { emails: StoredEmail[] };
  return store.emails.map(toReceivedEmail);
}

/** Empties the emulator's mailbox (and its templates). */
export async function clearEmails(endpoint: string): Promise<void> {
  const response = await fetch(new URL('/clear-store', endpoint), { method: 'POST' });
  if (!response.ok) throw new Error(`POST /clear-store answered ${response.status}`);
}

function toReceivedEmail(email: StoredEmail): ReceivedEmail {
  return {
    messageId: email.messageId,
    from: email.from,
    to: email.destination?.to ?? [],
    cc: email.destination?.cc ?? [],
    bcc: email.destination?.bcc ?? [],
    replyTo: email.replyTo ?? [],
    subject: email.subject,
    text: email.body?.text,
    html: email.body?.html,
    headers: Object.fromEntries((email.headers ?? []).map(({ name, value }) => [name.toLowerCase(), value])),
    at: new Date(email.at * 1000).toISOString(),
  };
}
