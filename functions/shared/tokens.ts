import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { InvalidTokenError } from './errors';

/** What a link may do; a token signed for one purpose never opens another. */
export type TokenPurpose =
  | 'confirm'
  | 'unsubscribe'
  | 'checkin'
  | 'report'
  | 'privacy'
  /** The participant's own partner page: invite, share, unlink. */
  | 'partner'
  /** The link in an invitation email: enrolls the invited person as the inviter's partner. */
  | 'invite'
  /** The participant's settings page: time zone, check-in day and time. */
  | 'settings'
  /**
   * The link in an invitation email that stops further invitations to that address. Its `sub` is the
   * keyed hash of the address (Deps.contactHash), never an enrollment: the invited person has none.
   */
  | 'no-invitations';

export interface TokenClaims {
  purpose: TokenPurpose;
  /** The enrollment id. */
  sub: string;
  /** Extra claim, e.g. the check-in id a one-click answer belongs to. */
  ref?: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

const DAY = 86_400;

/** How long each kind of link stays valid. */
export const TOKEN_LIFETIME_S: Record<TokenPurpose, number> = {
  confirm: 7 * DAY,
  unsubscribe: 365 * DAY,
  checkin: 14 * DAY,
  report: 180 * DAY,
  privacy: 365 * DAY,
  partner: 365 * DAY,
  invite: 30 * DAY,
  settings: 365 * DAY,
  // As long as the longest-lived link: an invitation may sit in an inbox long after its own 30 days.
  'no-invitations': 365 * DAY,
};

const b64url = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');

/**
 * The signing keys: links are signed with `current`; `previous` keys are still accepted, so a key can
 * be rotated without breaking every link already in people's inboxes. Drop a previous key once the
 * longest-lived link signed with it has expired (see TOKEN_LIFETIME_S).
 */
export interface TokenKeys {
  current: string;
  previous?: string[];
}

/**
 * Reads the token secret: a plain string (one key), or JSON `{"current": "…", "previous": ["…"]}`
 * while a rotation is under way.
 */
export function parseTokenKeys(secret: string): TokenKeys {
  const text = secret.trim();
  if (!text.startsWith('{')) return { current: text };
  const parsed = JSON.parse(text) as Partial<TokenKeys>;
  if (typeof parsed.current !== 'string') throw new Error('The token secret JSON needs a "current" key');
  const previous = Array.isArray(parsed.previous) ? parsed.previous.filter((k) => typeof k === 'string') : [];
  return { current: parsed.current, previous };
}

/** Signs and verifies purpose-bound, expiring HMAC-SHA256 link tokens. */
export class TokenSigner {
  private readonly keys: TokenKeys;

  constructor(
    keys: string | TokenKeys,
    private readonly nowSeconds: () => number,
  ) {
    this.keys = typeof keys === 'string' ? { current: keys } : keys;
    for (const key of [this.keys.current, ...(this.keys.previous ?? [])]) {
      if (key.length < 32) throw new Error('Every token key must be at least 32 characters');
    }
  }

  /** A token for `purpose` about enrollment `sub`. */
  sign(purpose: TokenPurpose, sub: string, ref?: string): string {
    const claims: TokenClaims = { purpose, sub, exp: this.nowSeconds() + TOKEN_LIFETIME_S[purpose] };
    if (ref !== undefined) claims.ref = ref;
    const payload = b64url(JSON.stringify(claims));
    return `${payload}.${this.mac(payload)}`;
  }

  /** When a valid token was signed (its expiry less its purpose's lifetime), as an ISO time. */
  static issuedAt(claims: TokenClaims): string {
    return new Date((claims.exp - TOKEN_LIFETIME_S[claims.purpose]) * 1000).toISOString();
  }

  /** The claims of a valid token for `purpose`; throws InvalidTokenError (naming the purpose) otherwise. */
  verify(token: string | undefined, purpose: TokenPurpose): TokenClaims {
    const invalid = () => new InvalidTokenError(undefined, 'invalid', purpose);
    if (!token || token.length > 2048) throw invalid();
    const [payload, mac, extra] = token.split('.');
    if (!payload || !mac || extra !== undefined) throw invalid();
    const given = Buffer.from(mac);
    const signedByUs = [this.keys.current, ...(this.keys.previous ?? [])].some((key) => {
      const expected = Buffer.from(this.mac(payload, key));
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
    if (!signedByUs) throw invalid();
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw invalid();
    }
    if (claims.purpose !== purpose || typeof claims.sub !== 'string') throw invalid();
    if (typeof claims.exp !== 'number' || claims.exp < this.nowSeconds()) {
      throw new InvalidTokenError('This link has expired.', 'expired', purpose);
    }
    return claims;
  }

  /**
   * A keyed hash of a value (an email address, an IP) for a key that must not hold it in clear (the
   * limits' items). A new key after a rotation starts the counts afresh, which is harmless.
   */
  fingerprint(value: string): string {
    // The ":" keeps it apart from a token's MAC, which is over base64url text only.
    return this.mac(`fingerprint:${value}`);
  }

  private mac(payload: string, key = this.keys.current): string {
    return createHmac('sha256', key).update(payload).digest('base64url');
  }
}

/**
 * A new token for a read-only share link of a report: 32 random bytes (256 bits), so it cannot be
 * guessed. It is shown once, to the person who made it; the table keeps only its hash (shareTokenHash).
 */
/** The person's partner page, as a path the pages link to (they link relatively). */
export const partnerPagePath = (tokens: Pick<TokenSigner, 'sign'>, enrollmentId: string): string =>
  `/partner?token=${encodeURIComponent(tokens.sign('partner', enrollmentId))}`;

export function newShareToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether a string has the shape of a share token; anything else is never looked up. */
export const isShareToken = (token: string | undefined): token is string =>
  typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);

/**
 * The SHA-256 of a share token, the key its link is stored under: a copy of the table opens no link.
 * Unkeyed is enough here: the token is random, so there is nothing to try hashes against.
 */
export function shareTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
