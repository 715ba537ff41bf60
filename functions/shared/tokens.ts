import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidTokenError } from './errors';

/** What a link may do; a token signed for one purpose never opens another. */
export type TokenPurpose = 'confirm' | 'unsubscribe' | 'checkin' | 'report' | 'privacy';

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
};

const b64url = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');

/** Signs and verifies purpose-bound, expiring HMAC-SHA256 link tokens. */
export class TokenSigner {
  constructor(
    private readonly key: string,
    private readonly nowSeconds: () => number,
  ) {
    if (key.length < 32) throw new Error('The token key must be at least 32 characters');
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
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidTokenError();
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

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
