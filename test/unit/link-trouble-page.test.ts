/** The page a broken or expired link opens says what is true of that link (a forms walkthrough, 2026-12-07). */
import { describe, expect, it } from 'vitest';
import { linkTroublePage } from '../../functions/pages/fresh-link';

describe('the page of a check-in link that does not work', () => {
  it('when broken, does not say the question closed: it may still be open', () => {
    for (const language of ['en', 'es'] as const) {
      const page = linkTroublePage('invalid', 'checkin', {}, language);
      expect(page).not.toMatch(/has closed|ya se cerró/);
      expect(page).toMatch(/may still be open|siga abierta/);
    }
  });

  it('when expired, says the question closed and the next one comes as usual', () => {
    expect(linkTroublePage('expired', 'checkin')).toContain('the question it was for has closed');
  });

  it('for an old confirmation, says a sign-up not confirmed in two weeks is gone and how to start again', () => {
    expect(linkTroublePage('expired', 'confirm')).toContain('sign up again from the start page');
    expect(linkTroublePage('expired', 'confirm', {}, 'es')).toContain('vuelve a inscribirte');
  });
});
