import { describe, expect, it } from 'vitest';
import { completeCatalog } from '../../functions/catalog/complete';
import { stepBodiesAtFirstUse } from '../../functions/catalog/step-bodies-at-first-use';
import { enrollmentEmail } from '../../functions/program/enrollment-emails';
import { offersFreshLink } from '../../functions/program/fresh-links';
import { inLanguage, stepIn } from '../../functions/program/in-language';
import { layoutNamed } from '../../functions/program/layouts';
import { stepBodyOf } from '../../functions/program/step-bodies';
import type { Catalog } from '../../functions/program/types';
import { testCatalog } from '../support/fake-deps';

const welcome = testCatalog.steps.find((s) => s.id === 'welcome');
const spanish: Catalog = {
  ...testCatalog,
  steps: testCatalog.steps.map((s) => (s.id === 'welcome' ? { ...s, subject: 'Bienvenida' } : s)),
};
const bilingual: Catalog = { ...testCatalog, es: spanish };

describe('the program in a person’s language', () => {
  it('is the Spanish catalog for a Spanish enrollment, and English otherwise or when there is no translation', () => {
    expect(inLanguage(bilingual, 'es')).toBe(spanish);
    expect(inLanguage(bilingual, 'en')).toBe(bilingual);
    expect(inLanguage(bilingual, undefined)).toBe(bilingual);
    expect(inLanguage(testCatalog, 'es')).toBe(testCatalog);
  });

  it('gives the same step in Spanish words, and the English step when there is no Spanish one', () => {
    if (!welcome) throw new Error('the test catalog has a welcome step');
    expect(stepIn(bilingual, welcome, 'es')).toMatchObject({ id: 'welcome', subject: 'Bienvenida' });
    expect(stepIn(bilingual, welcome, 'en')).toBe(welcome);
    expect(stepIn(testCatalog, welcome, 'es')).toBe(welcome);
    const notTranslated = { id: 'only-in-english' };
    expect(stepIn(bilingual, notTranslated, 'es')).toBe(notTranslated);
  });
});

describe('the page an expired or broken link opens', () => {
  it('offers a fresh copy of a participant’s own links only', () => {
    for (const kind of ['confirm', 'unsubscribe', 'checkin', 'report', 'privacy', 'partner', 'settings'])
      expect(offersFreshLink(kind)).toBe(true);
    for (const other of ['invite', 'no-invitations', '', undefined])
      expect(offersFreshLink(other)).toBe(false);
  });
});

describe('catalog parts a function was not given', () => {
  it('names the missing layout and the part to add, instead of sending an empty email', () => {
    const { rating: _, ...withoutRating } = testCatalog.layouts;
    const catalog = { layouts: withoutRating } as Pick<Catalog, 'layouts'>;
    expect(() => layoutNamed(catalog, 'rating')).toThrow(
      'The catalog has no rating layout: this function was not given it (name withStepLayouts in its entry point)',
    );
    expect(layoutNamed(testCatalog, 'yesNo')).toBe(testCatalog.layouts.yesNo);
  });

  it('names the missing enrollment email', () => {
    const catalog = { messages: { ...testCatalog.messages, email: {} } } as Pick<Catalog, 'messages'>;
    expect(() => enrollmentEmail(catalog, 'freshLink')).toThrow(
      "The catalog has no freshLink email: this function was not given enrollment's emails",
    );
  });

  it('composes a lesson from its body, a question without one, and refuses a lesson with no body', () => {
    expect(stepBodyOf({ id: 'l', kind: 'lesson', bodyHtml: '<p>Hi</p>', bodyText: 'Hi' })).toEqual({
      html: '<p>Hi</p>',
      text: 'Hi',
    });
    expect(stepBodyOf({ id: 'l', kind: 'lesson', bodyHtml: '<p>Hi</p>' })).toEqual({
      html: '<p>Hi</p>',
      text: '',
    });
    expect(stepBodyOf({ id: 'l', kind: 'lesson', bodyText: 'Hi' })).toEqual({ html: '', text: 'Hi' });
    expect(stepBodyOf({ id: 'q', kind: 'check-in' })).toEqual({ html: '', text: '' });
    expect(stepBodyOf({ id: 'c', kind: 'checkpoint' })).toEqual({ html: '', text: '' });
    expect(() => stepBodyOf({ id: 'l', kind: 'lesson' })).toThrow(/Step l has no email body/);
  });
});

describe('step bodies read at their first use (the send function)', () => {
  it('gives each step, in each language, the very body the whole catalog carries, and none for a step without one', async () => {
    for (const [language, steps] of [
      ['en', completeCatalog.steps],
      ['es', completeCatalog.es?.steps ?? []],
    ] as const) {
      expect(steps.length).toBeGreaterThan(50);
      for (const step of steps) {
        const read = await stepBodiesAtFirstUse(language, step.id);
        const carried =
          step.bodyHtml === undefined && step.bodyText === undefined ? undefined : stepBodyOf(step);
        expect(read, `${language} ${step.id}`).toEqual(carried);
      }
    }
    expect(await stepBodiesAtFirstUse('en', 'no-such-step')).toBeUndefined();
  });
});
