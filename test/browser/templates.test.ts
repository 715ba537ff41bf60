import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPage } from '../../functions/pages/report';
import type { OutgoingEmail } from '../../functions/ports/mailer';
import type { Catalog, Step } from '../../functions/program/types';
import type { Deps } from '../../functions/use-cases/deps';
import { confirmationEmail } from '../../functions/use-cases/enrollment/enroll';
import { composeReportEmail, personalValues } from '../../functions/use-cases/services/compose';
import { composeStepEmail } from '../../functions/use-cases/services/compose-step-email';
import { link } from '../../functions/use-cases/services/links';
import { renderPreviewPage, samplePerson, sampleReport } from '../../local/preview-page';
import { compileCatalog } from '../../scripts/build';
import { fakeWorld } from '../support/fake-deps';
import { ARTIFACTS, type Browser, startChromium } from './chromium';

const SHOTS = path.join(ARTIFACTS, 'screenshots');
const NOW = '2026-03-02T15:00:00.000Z';

let browser: Browser | undefined;
let catalog: Catalog;
let deps: Deps;
let opened: Page | undefined;
let startError: unknown;

beforeAll(async () => {
  catalog = await compileCatalog();
  deps = { ...fakeWorld(NOW).deps, catalog };
  mkdirSync(SHOTS, { recursive: true });
  // A missing Chromium fails every test here with how to install it (never a silent skip).
  try {
    browser = await startChromium();
    opened = await browser.context.newPage();
  } catch (error) {
    startError = error;
  }
});

/** The browser tab the tests share; throws why Chromium could not start. */
function tab(): Page {
  if (!opened) throw startError;
  return opened;
}

afterAll(async () => {
  await browser?.close();
});

const person = () => samplePerson('hurt', new Date(NOW));
const step = (id: string) => {
  const found = catalog.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
};

/** One real message per template, composed as the send path composes it. */
const TEMPLATES: [name: keyof Catalog['layouts'], compose: () => OutgoingEmail][] = [
  ['message', () => composeStepEmail(deps, person(), step('hurt-d04-dear-man'), 4)],
  ['action', () => confirmationEmail(deps, person())],
  ['rating', () => composeStepEmail(deps, person(), step('hurt-checkin-honesty-safety'), 5)],
  ['yesNo', () => composeStepEmail(deps, person(), step('hurt-d30-acting-differently'), 30)],
  [
    'report',
    () =>
      composeReportEmail(
        deps,
        person(),
        sampleReport(catalog.steps, person(), NOW),
        link(deps, '/report', 'report', 'x'),
      ),
  ],
];

/** Loads HTML at a width and says how far it scrolls sideways (0 when it fits). */
async function overflowAt(html: string, width: number, colorScheme: 'light' | 'dark' = 'light') {
  const page = tab();
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize({ width, height: 800 });
  await page.setContent(html, { waitUntil: 'load' });
  // A string, evaluated in the page: the type-check has no DOM library.
  return Number(
    await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'),
  );
}

describe('the email templates in headless Chromium', () => {
  it('the overflow check notices content wider than the screen', async () => {
    const html = '<html><body><table width="500"><tr><td>wide</td></tr></table></body></html>';
    expect(await overflowAt(html, 375)).toBeGreaterThan(0);
  });

  describe.each(TEMPLATES)('%s', (name, compose) => {
    it.each([375, 600])(
      'fits %i px without scrolling sideways (screenshot in artifacts/screenshots)',
      async (width) => {
        const overflow = await overflowAt(compose().html, width);
        await tab().screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
        expect(overflow, `${name} at ${width} px scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
      },
    );

    it('fits 375 px in dark mode too', async () => {
      const overflow = await overflowAt(compose().html, 375, 'dark');
      await tab().screenshot({ path: path.join(SHOTS, `${name}-375-dark.png`), fullPage: true });
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });

  it('every email of the program, both tracks, fits 375 px', async () => {
    const who = person();
    const emails = catalog.steps
      .filter((s: Step) => s.channel !== 'sms')
      .map((s) => [s.id, composeStepEmail(deps, who, s, s.day ?? 7)] as const);
    const wide: string[] = [];
    for (const [id, email] of emails) {
      const overflow = await overflowAt(email.html, 375);
      if (overflow > 0) wide.push(`${id} (+${overflow} px)`);
    }
    expect(emails.length).toBeGreaterThan(80);
    expect(wide).toEqual([]);
  });

  it('every email of the program in Spanish, both tracks, fits 375 px, written in Spanish', async () => {
    const who = { ...person(), language: 'es' as const };
    const spanish = catalog.es as Catalog;
    const emails = catalog.steps
      .filter((s: Step) => s.channel !== 'sms')
      .map((s) => [s.id, composeStepEmail(deps, who, s, s.day ?? 7)] as const);
    const wide: string[] = [];
    for (const [id, email] of emails) {
      expect(email.html, id).toMatch(/<html[^>]*lang="es"/);
      expect(email.subject, id).toBe(spanish.steps.find((s) => s.id === id)?.subject ?? email.subject);
      const overflow = await overflowAt(email.html, 375);
      if (overflow > 0) wide.push(`${id} (+${overflow} px)`);
    }
    await tab().screenshot({ path: path.join(SHOTS, 'message-es-375.png'), fullPage: true });
    expect(emails.length).toBeGreaterThan(80);
    expect(wide).toEqual([]);
  });

  it('the report email draws its bars with tables: no SVG, no images, numbers as text', async () => {
    const [, compose] = TEMPLATES.find(([name]) => name === 'report') as (typeof TEMPLATES)[number];
    const email = compose();
    expect(email.html).not.toMatch(/<svg|<img|<canvas/i);
    const page = tab();
    await page.setViewportSize({ width: 600, height: 800 });
    await page.setContent(email.html, { waitUntil: 'load' });
    const bars = await page.locator('td.k-bar').count();
    expect(bars).toBeGreaterThan(10);
    expect(email.text).toMatch(/\/report\?token=/);
  });
});

describe('the pages around the emails', () => {
  it('the web report page fits 375 px', async () => {
    const report = sampleReport(catalog.steps, person(), NOW);
    const view = {
      report,
      track: person().track,
      timezone: person().timezone,
      notes: [],
      shares: [],
      now: NOW,
    };
    const html = reportPage(view, 'token');
    const overflow = await overflowAt(html, 375);
    await tab().screenshot({ path: path.join(SHOTS, 'report-page-375.png'), fullPage: true });
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('the preview page shows the program as a timeline (screenshot of its top)', async () => {
    const html = renderPreviewPage(deps);
    const page = tab();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1100, height: 1400 });
    await page.setContent(html, { waitUntil: 'load' });
    await tab().screenshot({ path: path.join(SHOTS, 'preview-1100.png') });
    expect(await page.locator('section.track').count()).toBe(2);
    expect(await page.locator('#hurt-day-90 .message').count()).toBeGreaterThan(1);
    expect(personalValues(deps, person()).checkinDay).toBe('Sunday');
  });
});
