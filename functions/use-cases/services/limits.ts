import type { RateLimitStore } from '../../ports/store';
import { TooManyRequestsError } from '../../shared/errors';
import { logger } from '../../shared/logger';
import type { UsesStore } from '../deps';

/**
 * Emails a stranger can cause to be sent to one address (a confirmation, the "already in the program"
 * notice, a partner invitation, a fresh link asked for on an expired link's page): at most 3 in any 24 hours. A person who lost or mistyped something
 * asks again once or twice, and an invitation may come the same day; more than that is nobody's need,
 * and 3 a day is all a stranger can send to someone's inbox from our domain, or add to our complaints.
 */
export const EMAILS_PER_ADDRESS = { limit: 3, windowSeconds: 86_400 } as const;

/**
 * Two emails of one kind to one address are at least this far apart: a form sent twice in a row (a
 * double click, a reload) sends one email, and the answer is the same 202.
 */
export const EMAIL_SPACING_SECONDS = 60;

/** What an email a stranger can cause is: each kind is spaced on its own, all count toward the 3. */
export type StrangerEmail = 'confirm' | 'notice' | 'invite' | 'link';

/** What a request from one source asks for: each is counted on its own. */
export type SourceRequest = 'enroll' | 'invite' | 'link';

/**
 * The part of an IP a limit counts: the address for IPv4 (an IPv4-mapped IPv6 address too), the /64
 * for IPv6, since one subscriber is handed a whole /64.
 */
export function sourceOf(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = ip.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i);
  if (mapped) return mapped[1] as string;
  if (!ip.includes(':')) return ip;
  const [head = '', tail] = ip.toLowerCase().split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const groups = [...front, ...Array(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * Counts a request from its source (IP) and refuses it with 429 past `SOURCE_LIMIT_PER_HOUR` in any
 * hour (0: not counted). The 429 speaks only of the caller's own requests, never of an address. `requestId`: a repeat of
 * the same request is not counted twice.
 */
export async function limitSource(
  deps: UsesStore<RateLimitStore, 'clock' | 'tokens' | 'config'>,
  what: SourceRequest,
  ip: string | undefined,
  requestId: string,
): Promise<void> {
  if (deps.config.sourceLimitPerHour === 0) return;
  const outcome = await deps.store.takeQuota({
    subject: `source#${what}#${deps.tokens.fingerprint(sourceOf(ip))}`,
    limit: deps.config.sourceLimitPerHour,
    windowSeconds: 3600,
    kind: what,
    now: deps.clock.now().toISOString(),
    holder: requestId,
  });
  if (outcome !== 'refused') return;
  logger.info('source limit reached', { request: what });
  throw new TooManyRequestsError(
    'Too many requests have come from your network in the last hour. Please try again later.',
  );
}

/**
 * Whether an email a stranger can cause may go to `address` now (EMAILS_PER_ADDRESS, spaced by
 * EMAIL_SPACING_SECONDS), taking one of its uses if so. Past the limit the caller sends nothing and
 * answers exactly as it would have: the limit of an address is never told to anyone.
 */
export async function mayEmailAddress(
  deps: UsesStore<RateLimitStore, 'clock' | 'tokens'>,
  address: string,
  kind: StrangerEmail,
  requestId: string,
): Promise<boolean> {
  const outcome = await deps.store.takeQuota({
    subject: `email#${deps.tokens.fingerprint(address.trim().toLowerCase())}`,
    ...EMAILS_PER_ADDRESS,
    kind,
    spacingSeconds: EMAIL_SPACING_SECONDS,
    now: deps.clock.now().toISOString(),
    holder: requestId,
  });
  if (outcome !== 'taken') logger.info('email to an address held back', { kind, outcome });
  return outcome === 'taken';
}
