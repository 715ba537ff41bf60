/**
 * The day-90 report page in Chromium, at 375 and 1280 px, after a real program run through the local
 * runtime: labelled weekly bars with a table of the same numbers, the participant's notes, "what now"
 * chosen from their answers, Print and the PDF download; then "Share with my therapist": a link made,
 * opened, counted, revoked, and expired on the local clock. Screenshots go to artifacts/report-page.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenQuestion } from '../../functions/program/open-questions';
import type { CheckpointReport } from '../../functions/program/report';
import type { Metric } from '../../functions/program/types';
import type { Runtime } from '../../local/runtime';
import { advance, enrollParticipant, type Participant, text } from '../support/participant';
import { emailsTo, linkIn, startTestRuntime } from '../support/runtime';
import { describeViolations, runAxe } from './axe';
import { ARTIFACTS, type Browser, startChromium } from './chromium';

const SHOTS = path.join(ARTIFACTS, 'report-page');
const WIDTHS = [
  { width: 375, height: 812 },
  { width: 1280, height: 900 },
] as const;

/** The answers this participant gives, by question: weekly scores rise, and on day 60 one "no". */
const WEEKLY: Partial<Record<Metric, string[]>> = {
  'honesty-safety': ['3', '3 - a hard week', '3', '4', '4', '4', '5'],
  'agreements-kept': ['3', '3', '4', '4', '4', '4'],
};
const QUICK: Record<number, Partial<Record<Metric, string>>> = {
  30: { 'behaving-differently': 'Y', 'safe-to-be-honest': 'Y', 'both-showing-up': 'Y' },
  60: { 'behaving-differently': 'Y', 'safe-to-be-honest': 'Y', 'both-showing-up': 'N' },
};
const CHECKPOINT: Partial<Record<Metric, string>> = {
  'behaviour-consistent': '4',
  'feeling-safer': '4',
  'still-willing': 'Y',
};
const JOURNAL = 'Walked by the river and talked about the first year. It felt like us again.';

let runtime: Runtime;
let ana: Participant;
let reportUrl: string;
let numbers: CheckpointReport;
let browser: Browser | undefined;
let opened: Page | undefined;
let startError: unknown;

/** Answers every question open now, oldest first, one text each, as the participant planned to. */
async function answerOpenQuestions(): Promise<void> {
  const enrollment = await runtime.deps.store.getEnrollment(ana.id);
  const now = runtime.clock.now().toISOString();
  const open = (enrollment?.openQuestions ?? [])
    .filter((q: OpenQuestion) => !q.answeredAt && q.closesAt > now)
    .sort((a, b) => a.askedAt.localeCompare(b.askedAt));
  for (const q of open) {
    const body =
      q.kind === 'check-in'
        ? WEEKLY[q.metric]?.shift()
        : q.day === 30 || q.day === 60
          ? QUICK[q.day]?.[q.metric]
          : CHECKPOINT[q.metric];
    if (body) await text(runtime, ana, body);
  }
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  runtime = await startTestRuntime({ startAt: new Date('2026-04-06T14:00:00Z') });
  ana = await enrollParticipant(runtime, { timezone: 'America/Chicago', role: 'hurt' });
  expect(await text(runtime, ana, JOURNAL)).toBeTruthy();
  // A day at a time, mornings at 09:00 in Chicago: every question is answered the morning after it came.
  for (let day = 1; day <= 93; day++) {
    await advance(runtime, 'P1D');
    await answerOpenQuestions();
  }
  const reportEmail = (await emailsTo(runtime, ana.email)).find((e) => e.text?.includes('/report?'));
  reportUrl = linkIn(reportEmail, '/report');
  numbers = (await (
    await fetch(reportUrl, { headers: { accept: 'application/json' } })
  ).json()) as CheckpointReport;
  try {
    browser = await startChromium();
    opened = await browser.context.newPage();
  } catch (error) {
    startError = error;
  }
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

/** The browser tab the tests share; throws why Chromium could not start. */
function tab(): Page {
  if (!opened) throw startError;
  return opened;
}

const shot = (page: Page, name: string, width: number) =>
  page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
const sidewaysScroll = async (page: Page) =>
  Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
/** The smallest computed font size, in px, of the elements `selector` finds. */
const smallestText = async (page: Page, selector: string) =>
  Number(
    await page.evaluate(
      `Math.min(...[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => parseFloat(getComputedStyle(e).fontSize)))`,
    ),
  );

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const violations = await runAxe(page);
  expect(violations, describeViolations(where, violations)).toEqual([]);
}

/** The words of a PDF made by pdf-lib: its content streams inflated, its hex-encoded strings decoded. */
function pdfText(bytes: Buffer): string {
  const words: string[] = [];
  const raw = bytes.toString('latin1');
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1] ?? '', 'latin1')).toString('latin1');
    } catch {
      content = match[1] ?? '';
    }
    for (const hex of content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g))
      words.push(Buffer.from(hex[1] ?? '', 'hex').toString('latin1'));
  }
  return words.join(' ');
}

describe('the report page in headless Chromium', () => {
  it.each(WIDTHS)(
    'at $width px draws each weekly question as labelled bars with the same numbers in a table',
    async (viewport) => {
      const page = tab();
      await page.setViewportSize(viewport);
      await page.goto(reportUrl, { waitUntil: 'load' });
      expect(await page.locator('h1').textContent()).toBe('Your 90-day checkpoint');
      expect(numbers.metrics.map((m) => m.metric).sort()).toEqual(['agreements-kept', 'honesty-safety']);
      for (const metric of numbers.metrics) {
        const section = page.locator(`section[data-metric="${metric.metric}"]`);
        const asked = metric.weekly.filter((w) => w.asked);
        const values = asked.map((w) => (w.score === null ? '–' : String(w.score)));
        // The bars: one per week asked, each with its value above and its week below, visible.
        expect(await section.locator('.bars .v').allTextContents()).toEqual(values);
        expect(await section.locator('.weeks span').allTextContents()).toEqual(
          asked.map((w) => String(w.week)),
        );
        expect(await section.locator('.axis').textContent()).toBe('Program week');
        const bars = await section
          .locator('.bars .bar:not(.none)')
          .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
        expect(bars.length).toBe(asked.filter((w) => w.score !== null).length);
        // Taller for higher answers: the bar of a 5 is more than the bar of a 3.
        const heights = new Map(asked.filter((w) => w.score !== null).map((w, i) => [w.score, bars[i] ?? 0]));
        if (heights.has(3) && heights.has(4)) expect(heights.get(4)).toBeGreaterThan(heights.get(3) ?? 0);
        expect(await section.locator('.chart').isVisible()).toBe(true);
        // The table: the same weeks and numbers, with headers a screen reader announces.
        const table = section.locator('table.numbers');
        expect(await table.locator('caption').textContent()).toBe('Your answers, week by week (out of 5)');
        expect(await table.locator('th[scope="col"]').allTextContents()).toEqual(
          asked.map((w) => String(w.week)),
        );
        expect(await table.locator('td').allTextContents()).toEqual(values);
      }
      expect(
        numbers.metrics.find((m) => m.metric === 'honesty-safety')?.weekly.find((w) => w.week === 13)?.score,
      ).toBe(5);
      // Nothing smaller than 12 px: values, weeks, axis, tables.
      expect(
        await smallestText(
          page,
          '.bars .v, .weeks span, .axis, .chart-title, table.numbers th, table.numbers td',
        ),
      ).toBeGreaterThanOrEqual(12);
      expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
      await shot(page, 'report', viewport.width);
    },
  );

  it.each(WIDTHS)(
    'at $width px lets the participant read their own notes, in their words, with the answers they came with',
    async (viewport) => {
      const page = tab();
      await page.setViewportSize(viewport);
      await page.goto(reportUrl, { waitUntil: 'load' });
      const notes = page.locator('section.notes');
      expect(await notes.locator('.note-list').isVisible()).toBe(false);
      await notes.getByText(/Show your \d+ notes/).click();
      const texts = await notes.locator('.note-list .text').allTextContents();
      expect(texts).toContain(JOURNAL);
      expect(texts).toContain('a hard week');
      expect(await notes.locator('li', { hasText: 'a hard week' }).locator('.when').textContent()).toContain(
        'with the answer 3 of 5',
      );
      expect(await notes.locator('.note-list').isVisible()).toBe(true);
      expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
      await expectNoViolations(page, `report page with notes open at ${viewport.width}`);
      await shot(page, 'report-notes-open', viewport.width);
    },
  );

  it.each(WIDTHS)(
    'at $width px says what now, chosen from the answers: the day-60 "no" leans to outside help',
    async (viewport) => {
      const page = tab();
      await page.setViewportSize(viewport);
      await page.goto(reportUrl, { waitUntil: 'load' });
      const whatNow = page.locator('section.what-now');
      expect(await whatNow.getAttribute('data-chosen')).toBe('outside-help');
      const chosen = whatNow.locator('[data-chosen="true"]');
      expect(await chosen.locator('h3').textContent()).toBe('Keep going, with outside help');
      expect(await chosen.locator('.leans').isVisible()).toBe(true);
      expect(await chosen.locator('[data-field="reasons"] li').allTextContents()).toEqual([
        'On day 60, “Are you both still showing up for this work?” You answered No.',
      ]);
      // The checkpoint answers the rule read are the ones the page shows.
      expect(await page.locator('td[data-metric="still-willing"]').textContent()).toBe('Yes');
      expect(await page.locator('td[data-day="60"][data-metric="both-showing-up"]').textContent()).toBe('No');
      for (const other of ['same-plan', 'reconsider'])
        expect(await whatNow.locator(`[data-pattern="${other}"]`).isVisible()).toBe(true);
      const safety = whatNow.locator('[data-field="safety"]');
      expect(await safety.isVisible()).toBe(true);
      expect(await safety.textContent()).toContain('before any couples step');
      expect(await safety.getByRole('link', { name: '1-800-799-7233' }).getAttribute('href')).toBe(
        'tel:+18007997233',
      );
      await whatNow.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, `what-now-${viewport.width}.png`) });
    },
  );

  it.each(WIDTHS)(
    'at $width px prints from a Print button, leaving out the tools and the share links',
    async (viewport) => {
      const page = tab();
      await page.setViewportSize(viewport);
      await page.goto(reportUrl, { waitUntil: 'load' });
      await page.evaluate('window.printed = 0; window.print = () => { window.printed += 1; }');
      await page.getByRole('button', { name: 'Print' }).click();
      expect(await page.evaluate('window.printed')).toBe(1);
      await page.emulateMedia({ media: 'print' });
      try {
        expect(await page.locator('.tools').isVisible()).toBe(false);
        expect(await page.locator('section.share').isVisible()).toBe(false);
        expect(await page.locator('section.what-now').isVisible()).toBe(true);
        expect(await page.locator('.bars').first().isVisible()).toBe(true);
        // Notes print only while they are open on the page.
        expect(await page.locator('.note-list').isVisible()).toBe(false);
        if (viewport.width === 1280)
          await page.pdf({ path: path.join(SHOTS, 'report-printed.pdf'), format: 'Letter' });
      } finally {
        await page.emulateMedia({ media: 'screen' });
      }
    },
  );

  it.each(WIDTHS)(
    'at $width px downloads the report as a PDF made on the server, with the notes only when ticked',
    async (viewport) => {
      const page = tab();
      await page.setViewportSize(viewport);
      await page.goto(reportUrl, { waitUntil: 'load' });
      const save = async (name: string) => {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: 'Download as PDF' }).click(),
        ]);
        expect(download.suggestedFilename()).toBe('kintsugi-90-day-checkpoint.pdf');
        const file = path.join(SHOTS, `${name}-${viewport.width}.pdf`);
        await download.saveAs(file);
        return readFileSync(file);
      };
      const plain = await save('report');
      expect(plain.subarray(0, 5).toString()).toBe('%PDF-');
      const words = pdfText(plain);
      expect(words).toContain('Your 90-day checkpoint');
      expect(words).toContain('Keep going, with outside help (your answers lean this way)');
      expect(words).toContain('1-800-799-7233');
      expect(words).not.toContain(JOURNAL);
      await page.getByLabel('Include my notes in the PDF').check();
      const withNotes = pdfText(await save('report-with-notes'));
      expect(withNotes).toContain('Walked by the river');
    },
  );
});

describe('sharing the report with a therapist, in headless Chromium', () => {
  it.each(WIDTHS)(
    'at $width px makes a link that opens the report read-only, counts it, and revokes it',
    async (viewport) => {
      const page = tab();
      await page.setViewportSize(viewport);
      await page.goto(reportUrl, { waitUntil: 'load' });
      const share = page.locator('section.share');
      await share.getByLabel('7 days').check();
      if (viewport.width === 1280) await share.getByLabel('Include my notes').check();
      await share.getByRole('button', { name: 'Make a link' }).click();
      await page.waitForLoadState('load');
      const made = page.locator('[data-field="made"]');
      expect(await made.isVisible()).toBe(true);
      const url = await made.getByLabel('Link to your report').inputValue();
      expect(url).toMatch(/\/shared\?token=[A-Za-z0-9_-]{43}$/);
      expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
      await expectNoViolations(page, `report page with a new link at ${viewport.width}`);
      await shot(page, 'share-made', viewport.width);

      // The therapist's view: the report alone, nothing else of the participant's.
      const therapist = await tab().context().newPage();
      await therapist.setViewportSize(viewport);
      await therapist.goto(url, { waitUntil: 'load' });
      expect(await therapist.locator('h1').textContent()).toBe('A shared 90-day checkpoint');
      expect(await therapist.locator('section.metric').count()).toBe(2);
      expect(await therapist.locator('section.what-now').getAttribute('data-chosen')).toBe('outside-help');
      expect(await therapist.locator('section.share, form, .tools form').count()).toBe(0);
      expect(await therapist.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
        ['/', 'tel:+18007997233'],
      );
      expect(await therapist.getByText(JOURNAL).count()).toBe(viewport.width === 1280 ? 1 : 0);
      expect(await sidewaysScroll(therapist)).toBeLessThanOrEqual(0);
      await expectNoViolations(therapist, `shared report at ${viewport.width}`);
      await shot(therapist, 'shared-view', viewport.width);
      await therapist.reload({ waitUntil: 'load' });

      // The participant sees it opened twice, and revokes it.
      await page.goto(reportUrl, { waitUntil: 'load' });
      const item = page.locator('.shares li').first();
      expect(await item.locator('[data-field="opens"]').textContent()).toMatch(/^Opened 2 times, last on /);
      expect(await item.getAttribute('data-state')).toBe('live');
      await item.getByRole('button', { name: /^Revoke/ }).click();
      await page.waitForLoadState('load');
      expect(await page.locator('[data-field="notice"]').textContent()).toBe(
        'Link revoked. It opens nothing from now on.',
      );
      expect(await page.locator('.shares li').first().getAttribute('data-state')).toBe('revoked');
      await shot(page, 'share-revoked', viewport.width);

      const closed = await therapist.goto(url, { waitUntil: 'load' });
      expect(closed?.status()).toBe(404);
      expect(await therapist.title()).toBe('Nothing to show · Kintsugi');
      expect(await therapist.locator('main').textContent()).not.toMatch(/revoked|expired|report/i);
      await expectNoViolations(therapist, `closed link at ${viewport.width}`);
      await shot(therapist, 'shared-closed', viewport.width);
      await therapist.close();
    },
  );

  it('a link stops opening once its days are over, on the local clock', async () => {
    const page = tab();
    await page.setViewportSize(WIDTHS[0]);
    await page.goto(reportUrl, { waitUntil: 'load' });
    await page.locator('section.share').getByLabel('7 days').check();
    await page.getByRole('button', { name: 'Make a link' }).click();
    await page.waitForLoadState('load');
    const url = await page.getByLabel('Link to your report').inputValue();
    const therapist = await tab().context().newPage();
    expect((await therapist.goto(url))?.status()).toBe(200);
    await advance(runtime, 'P7DT1H');
    const expired = await therapist.goto(url, { waitUntil: 'load' });
    expect(expired?.status()).toBe(404);
    expect(await therapist.locator('h1').textContent()).toBe('Nothing to show');
    await page.goto(reportUrl, { waitUntil: 'load' });
    const item = page.locator('.shares li').first();
    expect(await item.getAttribute('data-state')).toBe('expired');
    expect(await item.locator('[data-field="opens"]').textContent()).toMatch(/^Opened once/);
    await therapist.close();
  });
});
