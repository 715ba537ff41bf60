import { z } from 'zod';

/** Every setting the functions read, parsed once from the environment. Nothing else reads `process.env`. */
const schema = z.object({
  TABLE_NAME: z.string().min(1).default('kintsugi'),
  PUBLIC_URL: z.url().optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  EMAIL_FROM: z.string().min(3).default('Kintsugi <hello@kintsugi.example>'),
  SUPPORT_EMAIL: z.email().default('support@kintsugi.example'),
  SES_CONFIGURATION_SET: z.string().optional(),
  SEND_QUEUE_URL: z.string().optional(),
  DUE_SHARDS: z.coerce.number().int().min(1).max(1000).default(8),
  RETENTION_DAYS: z.coerce.number().int().min(1).default(180),
  POSTAL_ADDRESS: z.string().default('Kintsugi, 123 Example Street, Springfield, USA'),
  AWS_REGION: z.string().default('us-east-1'),
  // Secrets: in AWS they come from Secrets Manager by ARN; locally straight from the environment.
  TWILIO_SECRET_ARN: z.string().optional(),
  TOKEN_SECRET_ARN: z.string().optional(),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TWILIO_FROM: z.string().optional(),
  TOKEN_KEY: z.string().min(32).optional(),
  // Emulator endpoints (local runtime and tests only).
  DYNAMODB_ENDPOINT: z.url().optional(),
  SES_ENDPOINT: z.url().optional(),
  TWILIO_API_URL: z.url().optional(),
});

export type Env = z.infer<typeof schema>;

export interface Config {
  tableName: string;
  publicUrl: string;
  emailFrom: string;
  supportEmail: string;
  sesConfigurationSet?: string;
  sendQueueUrl?: string;
  dueShards: number;
  retentionDays: number;
  postalAddress: string;
  region: string;
  secrets: {
    twilioSecretArn?: string;
    tokenSecretArn?: string;
    twilio?: { accountSid: string; authToken: string; from: string };
    tokenKey?: string;
  };
  endpoints: { dynamodb?: string; ses?: string; twilioApi?: string };
}

/** Parses and validates the environment; throws one error naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const twilio =
    e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN && e.TWILIO_FROM
      ? { accountSid: e.TWILIO_ACCOUNT_SID, authToken: e.TWILIO_AUTH_TOKEN, from: e.TWILIO_FROM }
      : undefined;
  return {
    tableName: e.TABLE_NAME,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    emailFrom: e.EMAIL_FROM,
    supportEmail: e.SUPPORT_EMAIL,
    sesConfigurationSet: e.SES_CONFIGURATION_SET,
    sendQueueUrl: e.SEND_QUEUE_URL,
    dueShards: e.DUE_SHARDS,
    retentionDays: e.RETENTION_DAYS,
    postalAddress: e.POSTAL_ADDRESS,
    region: e.AWS_REGION,
    secrets: {
      twilioSecretArn: e.TWILIO_SECRET_ARN,
      tokenSecretArn: e.TOKEN_SECRET_ARN,
      twilio,
      tokenKey: e.TOKEN_KEY,
    },
    endpoints: { dynamodb: e.DYNAMODB_ENDPOINT, ses: e.SES_ENDPOINT, twilioApi: e.TWILIO_API_URL },
  };
}
