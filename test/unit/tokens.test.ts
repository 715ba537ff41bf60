import { describe, expect, it } from 'vitest';
import { InvalidTokenError } from '../../functions/shared/errors';
import { parseTokenKeys, TokenSigner } from '../../functions/shared/tokens';

describe('signed link tokens', () => {
  let now = 1_800_000_000;
  const signer = new TokenSigner('k'.repeat(40), () => now);

  it('open only what they were signed for', () => {
    const token = signer.sign('confirm', 'enr-1');
    expect(signer.verify(token, 'confirm').sub).toBe('enr-1');
    expect(() => signer.verify(token, 'report')).toThrow(InvalidTokenError);
  });

  it('are refused once expired', () => {
    const token = signer.sign('confirm', 'enr-1');
    now += 8 * 86_400;
    expect(() => signer.verify(token, 'confirm')).toThrow(/expired/);
  });

  it('are refused when changed or signed with another key', () => {
    const token = signer.sign('report', 'enr-1');
    const [payload, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ purpose: 'report', sub: 'enr-2', exp: now + 100 })).toString(
      'base64url',
    );
    expect(() => signer.verify(`${forged}.${mac}`, 'report')).toThrow(InvalidTokenError);
    expect(() => new TokenSigner('z'.repeat(40), () => now).verify(token, 'report')).toThrow(
      InvalidTokenError,
    );
    expect(() => signer.verify(`${payload}`, 'report')).toThrow(InvalidTokenError);
    expect(() => signer.verify(undefined, 'report')).toThrow(InvalidTokenError);
  });
});

describe('rotating the token key', () => {
  const now = () => 1_800_000_000;
  const oldKey = 'o'.repeat(40);
  const newKey = 'n'.repeat(40);

  it('still accepts links signed with the previous key, and signs new ones with the current key', () => {
    const before = new TokenSigner(oldKey, now).sign('unsubscribe', 'enr-1');
    const during = new TokenSigner({ current: newKey, previous: [oldKey] }, now);
    expect(during.verify(before, 'unsubscribe').sub).toBe('enr-1');
    const fresh = during.sign('unsubscribe', 'enr-1');
    expect(new TokenSigner(newKey, now).verify(fresh, 'unsubscribe').sub).toBe('enr-1');
  });

  it('refuses links signed with a key that was dropped from the secret', () => {
    const before = new TokenSigner(oldKey, now).sign('unsubscribe', 'enr-1');
    expect(() => new TokenSigner(newKey, now).verify(before, 'unsubscribe')).toThrow(InvalidTokenError);
  });

  it('reads the secret as one key or as JSON with previous keys', () => {
    expect(parseTokenKeys(` ${newKey} `)).toEqual({ current: newKey });
    expect(parseTokenKeys(JSON.stringify({ current: newKey, previous: [oldKey] }))).toEqual({
      current: newKey,
      previous: [oldKey],
    });
    expect(() => parseTokenKeys('{"previous":[]}')).toThrow(/current/);
  });
});
