/**
 * The operator's outcomes page in Chromium, at 375 and 1280 px, after a simulated cohort has run its 90
 * days through the local runtime (`simulate` kept serving, as `npx kintsugi simulate --keep` does): the
 * funnel's bars, the weekly response curve and the answers' box plots each carry the figures of the table
 * beside them; axe finds 0 violations; screenshots go to artifacts/outcomes-page.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FEWER_THAN, type OutcomesView } from '../../functions/program/outcomes';
import { type SimulationSummary, simulate } from '../../local/simulate';
import { describeViolations, runAxe } from './axe';
import { ARTIFACTS, type Browser, startChromium } from './chromium';

const SHOTS = path.join(ARTIFACTS, 'outcomes-page');
const WIDTHS = [
  { width: 375, height: 812 },
  { width: 1280, height: 900 },
] as const;

let summary: SimulationSummary;
let url: string;
let view: OutcomesView;
let browser: Browser | undefined;
let opened: Page | undefined;
let startError: unknown;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  summary = await simulate({
    participants: 40,
    textingShare: 0.5,
    // Half the check-ins go unanswered: a rate shows only when its answered and unanswered parts are 10 or more.
    answerShare: 0.5,
    seed: 11,
    emulators: { dynamodbEndpoint: inject('dynamoDbEndpoint'), sesEndpoint: inject('sesEndpoint') },
    keepServingOn: 0,
  });
  url = `${summary.served?.url}/_local/outcomes`;
  view = (await (await fetch(url, { headers: { accept: 'application/json' } })).json()) as OutcomesView;
  try {
    browser = await startChromium();
    opened = await browser.context.newPage();
  } catch (error) {
    startError = error;
  }
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await summary?.served?.stop();
});

/** The browser tab the tests share; throws why Chromium could not start. */
function tab(): Page {
  if (!opened) throw startError;
  return opened;
}

const shown = (v: number | string | null) =>
  v === null ? '—' : typeof v === 'number' ? v.toLocaleString('en-US') : v;

describe('the outcomes page in headless Chromium', () => {
  it('rests on a cohort large enough to show figures', () => {
    expect(view.funnel.find((s) => s.step === 'enrolled')?.people).toBe(40);
    expect(view.response.filter((r) => typeof r.rate === 'number').length).toBeGreaterThanOrEqual(10);
  });

  it.each(WIDTHS)(
    'at $width px draws the funnel as bars as long as its figures, with the same figures in a table',
    async (viewport) => {
      const page = tab();
      await page.setViewportSize(viewport);
      await page.goto(url, { waitUntil: 'load' });
      expect(await page.locator('h1').textContent()).toBe('Program outcomes');
      const funnel = page.locator('section[aria-labelledby="funnel"]');
      const rows = funnel.locator('ul.bars li');
      expect(await rows.count()).toBe(view.funnel.length);
      const widths = await funnel
        .locator('ul.bars .bar')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
      const people = view.funnel.map((s) => (typeof s.people === 'number' ? s.people : null));
      const enrolledWidth = widths[0] ?? 0;
      expect(enrolledWidth).toBeGreaterThan(20);
      people.forEach((n, i) => {
        // Each shown figure's bar is its share of the first (enrolled), within a pixel or two of rounding.
        if (n !== null && n > 0)
          expect(widths[i] ?? 0).toBeCloseTo((enrolledWidth * n) / (people[0] ?? 1), -0.5);
      });
      const table = funnel.locator('table').first();
      expect(await table.locator('tbody th').allTextContents()).toEqual(view.funnel.map((s) => s.label));
      expect(await table.locator('tbody tr td:nth-of-type(1)').allTextContents()).toEqual(
        view.funnel.map((s) => shown(s.people)),
      );
      expect(await page.locator('body').textContent()).not.toMatch(/participant-\d+@|\+1415/);
    },
  );

  it.each(WIDTHS)(
    'at $width px draws the weekly response as a line through every week with a rate, and tabulates it',
    async (viewport) => {
      const page = tab();
      await page.setViewportSize(viewport);
      await page.goto(url, { waitUntil: 'load' });
      const section = page.locator('section[aria-labelledby="response"]');
      const rated = view.response.filter((r) => typeof r.rate === 'number');
      expect(await section.locator('svg circle').count()).toBe(rated.length);
      // Higher on the chart for a higher rate: the dot of the best week sits at or above the worst's.
      const ys = await section
        .locator('svg circle')
        .evaluateAll((els) => els.map((e) => Number(e.getAttribute('cy'))));
      const rates = rated.map((r) => r.rate as number);
      const best = rates.indexOf(Math.max(...rates));
      const worst = rates.indexOf(Math.min(...rates));
      expect(ys[best] ?? 0).toBeLessThanOrEqual(ys[worst] ?? 0);
      const label = await section.locator('svg').getAttribute('aria-label');
      expect(label).toContain(`week 1 ${(((rated[0]?.rate as number) ?? 0) * 100).toFixed(1)}%`);
      const table = section.locator('table');
      expect(await table.locator('tbody tr').count()).toBe(13);
      expect(await table.locator('tbody tr td:nth-of-type(1)').allTextContents()).toEqual(
        view.response.map((r) => shown(r.askedByText)),
      );
      expect(await section.locator('svg').isVisible()).toBe(true);
    },
  );

  it.each(WIDTHS)(
    'at $width px shows a small multiple of each question, a box per week whose median is in its table',
    async (viewport) => {
      const page = tab();
      await page.setViewportSize(viewport);
      await page.goto(url, { waitUntil: 'load' });
      const figures = page.locator('section[aria-labelledby="answers"] figure');
      expect(await figures.count()).toBe(view.metrics.length);
      for (const [i, m] of view.metrics.entries()) {
        const figure = figures.nth(i);
        const boxed = m.weeks.filter((d) => d.quartiles && d.quartiles !== FEWER_THAN);
        expect(await figure.locator('svg rect').count()).toBe(boxed.length);
        const rows = new Map(
          await figure
            .locator('tbody tr')
            .evaluateAll((trs) =>
              trs.map((tr) => [
                tr.querySelector('th')?.textContent ?? '',
                tr.querySelector('td')?.textContent ?? '',
              ]),
            ),
        );
        for (const d of boxed) {
          const q = d.quartiles as { median: number; q1: number; q3: number };
          expect(rows.get(`week ${d.week}`)).toBe(`${q.median} (${q.q1}–${q.q3})`);
        }
      }
      expect(view.metrics.some((m) => m.weeks.some((d) => d.quartiles && d.quartiles !== FEWER_THAN))).toBe(
        true,
      );
    },
  );

  it.each(WIDTHS)(
    'at $width px passes axe with 0 violations and fits the screen, its wide tables scrolling in place',
    async (viewport) => {
      const page = tab();
      await page.setViewportSize(viewport);
      await page.goto(url, { waitUntil: 'load' });
      const violations = await runAxe(page);
      expect(violations, describeViolations(`outcomes at ${viewport.width}`, violations)).toEqual([]);
      const sideways = Number(
        await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'),
      );
      // What sticks out, named, when something does.
      const outside = await page.evaluate(
        `[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 && !e.closest('.scroll')).map((e) => e.tagName + '.' + e.className).slice(0, 8)`,
      );
      expect(sideways, JSON.stringify(outside)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SHOTS, `outcomes-${viewport.width}.png`), fullPage: true });
    },
  );
});
