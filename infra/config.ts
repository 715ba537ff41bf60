import type { Node } from 'constructs';
import { z } from 'zod';

/** Context keys the app reads (cdk.json `context`, or `cdk synth -c key=value`). */
export const CONTEXT_KEYS = [
  'stage',
  'publicUrl',
  'emailFrom',
  'supportEmail',
  'sesConfigurationSetName',
  'sesIdentityDomain',
  'dueShards',
  'retentionDays',
  'postalAddress',
  'alarmEmail',
  'sendMaxConcurrency',
  'sesMaxSendRate',
  'twilioMessagesPerSecond',
  'logLevel',
  'tracing',
  'inboundEmailAddress',
  'dropReplyTextAfterReport',
] as const;

/** Jobs per send invocation (the SQS event source's batch size). */
export const SEND_BATCH_SIZE = 10;

/** Seconds a batch may spend waiting for its turn; the send function's 30 s timeout leaves the rest to the calls. */
export const MAX_PACED_BATCH_SECONDS = 20;

// `-c key=value` arrives as a string and cdk.json may hold "" for "not set": normalise both.
const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess(blankToUndefined, schema.default(fallback as never));

// "Name <address@domain>" or a bare address.
const FROM_PATTERN = /^(?:[^<>]+<\s*([^<>\s]+@[^<>\s]+)\s*>|([^<>\s]+@[^<>\s]+))$/;

/** The placeholders a `dev` stack may run with and no other stage may (see `requiredOutsideDev`). */
export const PLACEHOLDER_EMAIL_FROM = 'Kintsugi <program@example.com>';
export const PLACEHOLDER_POSTAL_ADDRESS = 'Kintsugi, 1 Example Street, Example City';

/** The bare address inside `emailFrom` ("Name <address>" or an address), lower-cased. */
const bareAddress = (from: string): string => {
  const match = FROM_PATTERN.exec(from);
  return (match?.[1] ?? match?.[2] ?? from).toLowerCase();
};

/**
 * Domains that can never receive or authenticate mail: the bare RFC 2606 example domains and the
 * reserved top-level names. A subdomain of an example domain (kintsugi.example.org, as in the docs) is
 * let through: it is what documentation examples look like, and SES refuses to send from it anyway.
 */
const isPlaceholderDomain = (domain: string): boolean =>
  ['example.com', 'example.net', 'example.org', 'localhost'].includes(domain) ||
  /\.(example|invalid|localhost|test)$/.test(domain);

const contextSchema = z
  .object({
    stage: withDefault(
      z
        .string()
        .regex(/^[a-z][a-z0-9-]{0,19}$/, 'lowercase letters, digits and dashes, starting with a letter'),
      'dev',
    ),
    publicUrl: optional(
      z.url({ protocol: /^https$/, error: 'an https:// URL' }).transform((url) => url.replace(/\/+$/, '')),
    ),
    emailFrom: withDefault(
      z.string().regex(FROM_PATTERN, 'an address, or "Name <address>"'),
      PLACEHOLDER_EMAIL_FROM,
    ),
    supportEmail: optional(z.email()),
    sesConfigurationSetName: optional(
      z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and -, at most 64'),
    ),
    sesIdentityDomain: optional(z.string().regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/i, 'a domain name')),
    dueShards: withDefault(z.coerce.number().int().min(1).max(64), 8),
    retentionDays: withDefault(z.coerce.number().int().min(1).max(3650), 180),
    postalAddress: withDefault(z.string().min(5), PLACEHOLDER_POSTAL_ADDRESS),
    alarmEmail: optional(z.email()),
    sendMaxConcurrency: withDefault(z.coerce.number().int().min(2).max(1000), 5),
    sesMaxSendRate: withDefault(z.coerce.number().positive().max(100_000), 14),
    twilioMessagesPerSecond: withDefault(z.coerce.number().positive().max(100_000), 10),
    logLevel: withDefault(z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']), 'INFO'),
    tracing: withDefault(z.stringbool().or(z.boolean()), false),
    inboundEmailAddress: optional(z.email()),
    dropReplyTextAfterReport: withDefault(z.stringbool().or(z.boolean()), false),
  })
  .superRefine((values, context) => {
    requiredOutsideDev(values, context);
    // Each send instance paces to rate / sendMaxConcurrency: a batch of ten must fit in the send timeout.
    for (const key of ['sesMaxSendRate', 'twilioMessagesPerSecond'] as const) {
      const seconds = (SEND_BATCH_SIZE * values.sendMaxConcurrency) / values[key];
      if (seconds > MAX_PACED_BATCH_SECONDS) {
        context.addIssue({
          code: 'custom',
          path: ['sendMaxConcurrency'],
          message: `${values.sendMaxConcurrency} send instances sharing ${key} ${values[key]}/s would take ${Math.ceil(seconds)} s to pace a batch of ${SEND_BATCH_SIZE}, over ${MAX_PACED_BATCH_SECONDS} s: lower sendMaxConcurrency or raise ${key}`,
        });
      }
    }
  });

/**
 * A stage other than `dev` reaches real people: it must have somebody to tell (alarms and safety alerts go
 * to `alarmEmail`), a From address that can be sent from, and the postal address anti-spam law puts in
 * every email footer. Each one missing is its own issue, so one error names them all.
 */
function requiredOutsideDev(
  values: { stage: string; alarmEmail?: string; emailFrom: string; postalAddress: string },
  context: z.RefinementCtx,
): void {
  if (values.stage === 'dev') return;
  const missing = (key: string, message: string) =>
    context.addIssue({ code: 'custom', path: [key], message: `stage "${values.stage}": ${message}` });
  if (!values.alarmEmail)
    missing(
      'alarmEmail',
      'alarmEmail is not set: alarms and safety alerts (someone may be in danger) would reach nobody. Set the address of whoever answers them',
    );
  const domain = bareAddress(values.emailFrom).split('@')[1] ?? '';
  if (values.emailFrom === PLACEHOLDER_EMAIL_FROM || isPlaceholderDomain(domain))
    missing(
      'emailFrom',
      `emailFrom is the placeholder "${values.emailFrom}": set the program's own From address, on a domain you verify in SES`,
    );
  if (values.postalAddress === PLACEHOLDER_POSTAL_ADDRESS)
    missing(
      'postalAddress',
      "postalAddress is the placeholder: set the sender's real postal address, which every email's footer must carry (CAN-SPAM)",
    );
}

/** The deployment's settings, validated once. */
export interface InfraConfig {
  readonly stage: string;
  /** true for the `dev` stage: data may be destroyed with the stack. */
  readonly isDev: boolean;
  readonly publicUrl: string | undefined;
  readonly emailFrom: string;
  /** The bare address inside `emailFrom`, for the `ses:FromAddress` condition. */
  readonly emailFromAddress: string;
  /** Shown to participants as the address for help; defaults to the From address. */
  readonly supportEmail: string;
  readonly sesConfigurationSetName: string;
  readonly sesIdentityDomain: string | undefined;
  readonly dueShards: number;
  readonly retentionDays: number;
  readonly postalAddress: string;
  readonly alarmEmail: string | undefined;
  readonly sendMaxConcurrency: number;
  /** The SES account's maximum send rate (emails per second), shared by the send instances. */
  readonly sesMaxSendRate: number;
  /** Twilio messages per second of the sender (number or Messaging Service), shared likewise. */
  readonly twilioMessagesPerSecond: number;
  readonly logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  readonly tracing: boolean;
  /** Where replies to check-in emails are received (SES receiving, an MX record on its domain); none when unset. */
  readonly inboundEmailAddress: string | undefined;
  /** Erase the words of replies once the day-90 report is sent, keeping the scores. */
  readonly dropReplyTextAfterReport: boolean;
}

/** Parses the app's context values; throws one error naming every bad key. */
export function parseConfig(context: Partial<Record<(typeof CONTEXT_KEYS)[number], unknown>>): InfraConfig {
  const parsed = contextSchema.safeParse(context);
  if (!parsed.success) {
    throw new Error(`Invalid CDK context (cdk.json or -c):\n${z.prettifyError(parsed.error)}`);
  }
  const values = parsed.data;
  const emailFromAddress = bareAddress(values.emailFrom);
  return {
    ...values,
    publicUrl: values.publicUrl,
    sesIdentityDomain: values.sesIdentityDomain,
    alarmEmail: values.alarmEmail,
    inboundEmailAddress: values.inboundEmailAddress,
    isDev: values.stage === 'dev',
    emailFromAddress,
    supportEmail: values.supportEmail ?? emailFromAddress,
    sesConfigurationSetName: values.sesConfigurationSetName ?? `kintsugi-${values.stage}`,
  };
}

/** Reads every context key from a construct node (normally the App's) and parses them. */
export function readConfig(node: Node): InfraConfig {
  return parseConfig(Object.fromEntries(CONTEXT_KEYS.map((key) => [key, node.tryGetContext(key)])));
}
