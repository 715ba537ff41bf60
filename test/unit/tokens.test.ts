import { describe, expect, it } from 'vitest';
import { InvalidTokenError } from '../../functions/shared/errors';
import { TokenSigner } from '../../functions/shared/tokens';

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
