import { beforeAll, describe, expect, it } from 'vitest';
import { programSlots } from '../../functions/program/schedule';
import { type Catalog, TRACKS } from '../../functions/program/types';
import type { Deps } from '../../functions/use-cases/deps';
import { renderPreviewPage, samplePerson } from '../../local/preview-page';
import { compileCatalog } from '../../scripts/build';
import { fakeWorld } from '../support/fake-deps';

const NOW = '2026-03-02T15:00:00.000Z';
let catalog: Catalog;
let deps: Deps;
let html: string;
beforeAll(async () => {
  catalog = await compileCatalog();
  deps = { ...fakeWorld(NOW).deps, catalog };
  html = renderPreviewPage(deps);
});

/** The HTML of one track's section of the page. */
const section = (track: string) =>
  html.slice(
    html.indexOf(`id="track-${track}"`),
    html.indexOf('</section>', html.indexOf(`id="track-${track}"`)),
  );

describe('the program preview page', () => {
  it.each(TRACKS)('%s: lists every slot of the real schedule, day 0 to day 90, in order', (track) => {
    const part = section(track);
    const slots = programSlots(catalog.steps, samplePerson(track, new Date(NOW)));
    let last = -1;
    for (const slot of slots.filter((s) => s.step)) {
      const at = part.indexOf(`<code>${slot.slot}</code>`, last + 1);
      expect(at, `${slot.slot} on day ${slot.day}`).toBeGreaterThan(last);
      last = at;
    }
    for (const day of [0, 30, 60, 88, 89, 90]) expect(part).toContain(`id="${track}-day-${day}"`);
    expect(part).toContain('the day-90 report (sample answers)');
  });

  it('renders each email as it will arrive, escaped into a sandboxed frame, with its text part', () => {
    const lesson = catalog.steps.find((s) => s.id === 'hurt-d04-dear-man');
    expect(html).toContain(`Subject</span> ${lesson?.subject}`);
    const frames = [...html.matchAll(/<iframe class="email-frame"[^>]*srcdoc="([^"]*)"/g)];
    expect(frames.length).toBeGreaterThan(120);
    for (const [frame, srcdoc] of frames) {
      expect(frame).toContain('sandbox="allow-same-origin allow-popups"');
      expect(srcdoc).toMatch(/^&lt;!doctype html&gt;/i);
    }
    expect(html).toContain('<summary>Plain-text part</summary>');
  });

  it('shows texts as bubbles with their length and segments, and check-ins also as their email', () => {
    const micro = catalog.steps.find((s) => s.id === 'hurt-d03-note');
    expect(html).toContain(`<div class="bubble">${micro?.sms?.replace(/'/g, '&#39;')}</div>`);
    expect(html).not.toContain('class="meta size warn"');
    expect(html).toMatch(/\d+ characters · 1 segment \(GSM-7\)/);
    expect(html).toContain('by email, for people without texts');
  });

  it('fills placeholders with the sample participant’s values', () => {
    expect(html).not.toMatch(/\{\{\w+\}\}/);
    expect(html).toContain('Sundays around 7 PM');
  });
});
