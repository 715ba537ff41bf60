/** A link that leads nowhere any more (a deleted program, an unknown enrollment) gives a way forward. */
import { describe, expect, it } from 'vitest';
import { errorPage } from '../../functions/pages/layout';

describe('the page of a link that finds nothing', () => {
  it('says what happened and links the start page, in the person’s language', () => {
    const en = errorPage(404, 'This enrollment no longer exists.');
    expect(en).toContain('This enrollment no longer exists.');
    expect(en).toContain('You can start a new program from <a href="/">the start page</a>');
    const es = errorPage(404, 'Esta inscripción ya no existe.', 'es');
    expect(es).toContain('Puedes empezar un programa nuevo desde <a href="/">la página de inicio</a>');
  });

  it('keeps other errors to their own words', () => {
    expect(errorPage(400, 'Tick the box to confirm.')).not.toContain('the start page');
  });
});
