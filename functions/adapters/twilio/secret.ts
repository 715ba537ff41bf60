import type { SmsSender, WebhookVerifier } from '../../ports/sms';
import { ProviderUnavailableError } from '../../shared/errors';
import { logger } from '../../shared/logger';
import { countEvent } from '../../shared/metrics';
import { TwilioWebhookVerifier } from './webhooks';

/** What the Twilio secret holds: `{"accountSid":"AC…","authToken":"…","from":"+1…" or "MG…"}`. */
export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
  from: string;
}

/** The Twilio secret read: usable, or why not (in words that never repeat what it holds). */
export type TwilioSecret =
  | { usable: true; credentials: TwilioCredentials }
  | {
      usable: false;
      /** Still the stack's placeholder (accountSid and from empty): texts were never set up. */
      placeholder: boolean;
      problem: string;
      /** The auth token, when there is one: Twilio's webhooks can still be checked with it. */
      authToken?: string;
    };

const ACCOUNT_SID = /^AC[0-9a-f]{32}$/i;
/** A number in E.164, a Messaging Service SID, or an alphanumeric sender id (up to 11, one letter at least). */
const SENDER = /^(?:\+[1-9]\d{6,14}|MG[0-9a-f]{32}|(?=[^A-Za-z]*[A-Za-z])[A-Za-z0-9 ]{1,11})$/;

/** Reads the Twilio secret's text without ever throwing: a bad secret must stop texts only, not the function. */
export function parseTwilioSecret(text: string): TwilioSecret {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { usable: false, placeholder: false, problem: 'it is not JSON' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { usable: false, placeholder: false, problem: 'it is not a JSON object' };
  const { accountSid, authToken, from } = value as Record<string, unknown>;
  const token = typeof authToken === 'string' && authToken !== '' ? authToken : undefined;
  const withToken = token ? { authToken: token } : {};
  if (accountSid === '' && from === '')
    return {
      usable: false,
      placeholder: true,
      problem: 'it still holds the placeholder the stack made (accountSid and from are empty)',
      ...withToken,
    };
  const problems: string[] = [];
  if (typeof accountSid !== 'string' || !ACCOUNT_SID.test(accountSid))
    problems.push('accountSid is not "AC" and 32 hexadecimal characters');
  if (!token) problems.push('authToken is missing or empty');
  if (typeof from !== 'string' || !SENDER.test(from))
    problems.push(
      'from is not a number in E.164 (+1…), a Messaging Service SID (MG…) or an alphanumeric sender id',
    );
  if (problems.length > 0 || typeof accountSid !== 'string' || typeof from !== 'string' || !token)
    return { usable: false, placeholder: false, problem: problems.join('; '), ...withToken };
  return { usable: true, credentials: { accountSid, authToken: token, from } };
}

/**
 * Says once, at a function's start, that the Twilio secret cannot be used: an error and the
 * `TwilioSecretInvalid` metric (its alarm calls the operator). The untouched placeholder is only a
 * warning: a deployment may run without texts, and the alarm fires once a text is due.
 */
export function reportUnusableTwilioSecret(secret: Extract<TwilioSecret, { usable: false }>): void {
  if (secret.placeholder) {
    logger.warn(
      'the Twilio secret is not filled in: no text can be sent until it is (docs/DEPLOY.md, step 6)',
      {
        problem: secret.problem,
      },
    );
    return;
  }
  logger.error('the Twilio secret cannot be used: texts are stopped until it is fixed; email goes on', {
    problem: secret.problem,
  });
  countEvent('TwilioSecretInvalid');
}

/**
 * The SMS adapters when the Twilio secret cannot be used. Each text is refused as the provider being
 * unavailable (nothing was sent, so the send queue retries it, and it ends in the dead-letter queue if
 * the secret stays broken), loudly; webhooks are checked with the auth token when there is one, and
 * refused (403) when there is none. Nothing else in the function depends on it: email goes on.
 */
export function unusableTwilioAdapters(secret: Extract<TwilioSecret, { usable: false }>): {
  sms: SmsSender;
  webhooks: WebhookVerifier;
} {
  const refuse = (what: string) => {
    logger.error(`${what}: the Twilio secret cannot be used`, { problem: secret.problem });
    countEvent('TwilioSecretInvalid');
  };
  const verifier = secret.authToken ? new TwilioWebhookVerifier(secret.authToken) : undefined;
  return {
    sms: {
      send: async () => {
        refuse('text not sent');
        throw new ProviderUnavailableError(
          `Texts are stopped: the Twilio secret cannot be used (${secret.problem}).`,
        );
      },
    },
    webhooks: {
      isValid: (url, signature, params) => {
        if (verifier) return verifier.isValid(url, signature, params);
        refuse('Twilio webhook refused');
        return false;
      },
    },
  };
}
