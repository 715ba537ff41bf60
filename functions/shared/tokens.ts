import { createHmac, timingSafeEqual } from 'node:crypto';
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
  | 'settings';

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

  /** The claims of a valid token for `purpose`; throws InvalidTokenError otherwise. */
  verify(token: string | undefined, purpose: TokenPurpose): TokenClaims {
    if (!token || token.length > 2048) throw new InvalidTokenError();
    const [payload, mac, extra] = token.split('.');
    if (!payload || !mac || extra !== undefined) throw new InvalidTokenError();
    const given = Buffer.from(mac);
    const signedByUs = [this.keys.current, ...(this.keys.previous ?? [])].some((key) => {
      const expected = Buffer.from(this.mac(payload, key));
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
    if (!signedByUs) throw new InvalidTokenError();
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw new InvalidTokenError();
    }
    if (claims.purpose !== purpose || typeof claims.sub !== 'string') throw new InvalidTokenError();
    if (typeof claims.exp !== 'number' || claims.exp < this.nowSeconds()) {
      throw new InvalidTokenError('This link has expired.');
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
