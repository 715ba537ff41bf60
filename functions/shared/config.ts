import * as z from 'zod/mini';

// zod/mini: the same validation as zod, tree-shaken to a few KB in every Lambda bundle instead of ~450 KB.
const text = () => z.string().check(z.minLength(1));
const count = (fallback: number, max = 1_000_000) =>
  z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(max)), fallback);
/** Messages per second: unset means unpaced (the local emulators have no limit). */
const rate = () => z.optional(z.coerce.number().check(z.positive(), z.maximum(100_000)));

/** Every setting the functions read, parsed once from the environment. Nothing else reads `process.env`. */
const schema = z.object({
  TABLE_NAME: z._default(text(), 'kintsugi'),
  PUBLIC_URL: z.optional(z.url()),
  /**
   * The API's own URL (execute-api), when PUBLIC_URL is a custom domain or may become one: Twilio signs
   * a status callback with the URL it was given when the text went out, which may be this one.
   */
  API_URL: z.optional(z.url()),
  PORT: z._default(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(65_535)), 3000),
  EMAIL_FROM: z._default(z.string().check(z.minLength(3)), 'Kintsugi <hello@kintsugi.example>'),
  SUPPORT_EMAIL: z._default(z.email(), 'support@kintsugi.example'),
  /** Where replies to program email go (the address SES receives for email-inbound); unset: the From address. */
  REPLY_TO: z.optional(z.email()),
  SES_CONFIGURATION_SET: z.optional(z.string()),
  SEND_QUEUE_URL: z.optional(z.string()),
  /** The SNS topic operators hear about safety flags on (sms-inbound and email-inbound only). */
  SAFETY_TOPIC_ARN: z.optional(z.string()),
  /** How long a call to SES or Twilio may take before its outcome counts as unknown. */
  PROVIDER_TIMEOUT_MS: count(10_000, 60_000),
  DUE_SHARDS: count(8, 1000),
  /** The SES account's maximum send rate (emails per second); the send function paces itself under it. */
  SES_MAX_SEND_RATE: rate(),
  /** Twilio messages per second for the sender (number or Messaging Service); paced like SES. */
  TWILIO_MESSAGES_PER_SECOND: rate(),
  /** The send function's most concurrent instances (its SQS maxConcurrency): each paces to its share. */
  SEND_CONCURRENCY: count(1, 1000),
  RETENTION_DAYS: count(180),
  /**
   * Enrollment requests, and separately partner invitations, one source (an IP, or an IPv6 /64) may
   * make in any hour; more are answered 429 (use-cases/services/limits.ts, README "What the public form tells").
   * At most 100 (each is kept in one item); 0 turns it off, for simulations that enroll a crowd from
   * one machine.
   */
  SOURCE_LIMIT_PER_HOUR: z._default(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(100)), 10),
  /** "true": once the day-90 report is sent, the words of replies are erased and only scores kept. */
  DROP_REPLY_TEXT_AFTER_REPORT: z._default(z.enum(['true', 'false']), 'false'),
  POSTAL_ADDRESS: z._default(z.string(), 'Kintsugi, 123 Example Street, Springfield, USA'),
  AWS_REGION: z._default(z.string(), 'us-east-1'),
  // Secrets: in AWS they come from Secrets Manager by ARN; locally straight from the environment.
  TWILIO_SECRET_ARN: z.optional(z.string()),
  TOKEN_SECRET_ARN: z.optional(z.string()),
  /** The key erasure tombstones are hashed with (functions that erase, or check for, erased contacts). */
  CONTACT_HASH_SECRET_ARN: z.optional(z.string()),
  TWILIO_ACCOUNT_SID: z.optional(z.string()),
  TWILIO_AUTH_TOKEN: z.optional(z.string()),
  TWILIO_FROM: z.optional(z.string()),
  TOKEN_KEY: z.optional(z.string().check(z.minLength(32))),
  CONTACT_HASH_KEY: z.optional(z.string().check(z.minLength(32))),
  /** Comma-separated keys still accepted during a rotation (local runs; in AWS they live in the secret). */
  TOKEN_KEYS_PREVIOUS: z.optional(z.string()),
  // Emulator endpoints (local runtime and tests only).
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  SES_ENDPOINT: z.optional(z.url()),
  TWILIO_API_URL: z.optional(z.url()),
});

export type Env = z.infer<typeof schema>;

export interface Config {
  tableName: string;
  publicUrl: string;
  /** The API's own URL (no trailing slash), accepted besides `publicUrl` in Twilio status callbacks. */
  apiUrl?: string;
  emailFrom: string;
  supportEmail: string;
  replyTo?: string;
  sesConfigurationSet?: string;
  sendQueueUrl?: string;
  safetyTopicArn?: string;
  providerTimeoutMs: number;
  dueShards: number;
  /**
   * Provider rates (messages per second) for the whole deployment, and how many send instances share
   * them: each instance paces to `rate / instances` (adapters/pacing.ts). Absent rates are not paced.
   */
  pacing: { emailsPerSecond?: number; textsPerSecond?: number; instances: number };
  retentionDays: number;
  /** Enrollment requests (and, counted apart, partner invitations) per source in any hour; 0: no limit. */
  sourceLimitPerHour: number;
  dropReplyTextAfterReport: boolean;
  postalAddress: string;
  region: string;
  secrets: {
    twilioSecretArn?: string;
    tokenSecretArn?: string;
    contactHashSecretArn?: string;
    twilio?: { accountSid: string; authToken: string; from: string };
    tokenKey?: string;
    contactHashKey?: string;
    previousTokenKeys: string[];
  };
  endpoints: { dynamodb?: string; ses?: string; twilioApi?: string };
}

/** A function's environment cannot be used; the message names every bad variable. */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Parses and validates the environment; throws one ConfigurationError naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigurationError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const twilio =
    e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN && e.TWILIO_FROM
      ? { accountSid: e.TWILIO_ACCOUNT_SID, authToken: e.TWILIO_AUTH_TOKEN, from: e.TWILIO_FROM }
      : undefined;
  return {
    tableName: e.TABLE_NAME,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    apiUrl: e.API_URL?.replace(/\/+$/, ''),
    emailFrom: e.EMAIL_FROM,
    supportEmail: e.SUPPORT_EMAIL,
    replyTo: e.REPLY_TO,
    sesConfigurationSet: e.SES_CONFIGURATION_SET,
    sendQueueUrl: e.SEND_QUEUE_URL,
    safetyTopicArn: e.SAFETY_TOPIC_ARN,
    providerTimeoutMs: e.PROVIDER_TIMEOUT_MS,
    dueShards: e.DUE_SHARDS,
    pacing: {
      emailsPerSecond: e.SES_MAX_SEND_RATE,
      textsPerSecond: e.TWILIO_MESSAGES_PER_SECOND,
      instances: e.SEND_CONCURRENCY,
    },
    retentionDays: e.RETENTION_DAYS,
    sourceLimitPerHour: e.SOURCE_LIMIT_PER_HOUR,
    dropReplyTextAfterReport: e.DROP_REPLY_TEXT_AFTER_REPORT === 'true',
    postalAddress: e.POSTAL_ADDRESS,
    region: e.AWS_REGION,
    secrets: {
      twilioSecretArn: e.TWILIO_SECRET_ARN,
      tokenSecretArn: e.TOKEN_SECRET_ARN,
      contactHashSecretArn: e.CONTACT_HASH_SECRET_ARN,
      twilio,
      tokenKey: e.TOKEN_KEY,
      contactHashKey: e.CONTACT_HASH_KEY,
      previousTokenKeys: (e.TOKEN_KEYS_PREVIOUS ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    },
    endpoints: { dynamodb: e.DYNAMODB_ENDPOINT, ses: e.SES_ENDPOINT, twilioApi: e.TWILIO_API_URL },
  };
}
