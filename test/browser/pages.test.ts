/**
 * The participant's pages in a real browser (Debian's Chromium, driven by playwright-core), against
 * the local runtime: the enrollment form by keyboard alone at 375 px, the confirm page, the local
 * phone, the web report, the unsubscribe and privacy pages. Screenshots go to artifacts/pages.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckpointReport } from '../../functions/program/report';
import type { Runtime } from '../../local/runtime';
import { emailsTo, linkIn, startTestRuntime, uniqueEmail, uniquePhone } from '../support/runtime';
import { ARTIFACTS, type Browser, startChromium } from './chromium';

const SHOTS = path.join(ARTIFACTS, 'pages');
const NARROW = { width: 375, height: 812 };

let runtime: Runtime;
let browser: Browser | undefined;
let opened: Page | undefined;
let startError: unknown;

const email = uniqueEmail('browser');
const phone = uniquePhone();

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  runtime = await startTestRuntime({ startAt: new Date('2026-04-06T14:00:00Z') });
  // A missing Chromium fails every test here with how to install it (never a silent skip).
  try {
    browser = await startChromium();
    opened = await browser.context.newPage();
    await opened.setViewportSize(NARROW);
  } catch (error) {
    startError = error;
  }
});

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

/** The browser tab the tests share; throws why Chromium could not start. */
function tab(): Page {
  if (!opened) throw startError;
  return opened;
}

const shot = (name: string) => tab().screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

/** How far the page scrolls sideways (0 when it fits the screen). */
const sidewaysScroll = async () =>
  Number(await tab().evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`, as a keyboard user would. */
async function tabTo(selector: string, { backwards = false } = {}): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    if (await tab().evaluate(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`)) return;
    await tab().keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

const focusedId = () => tab().evaluate('document.activeElement?.id ?? ""');
const errorText = (field: string) => tab().locator(`#${field}-error`).textContent();

/** Replaces the focused field's text by typing, as a person would. */
async function retype(text: string): Promise<void> {
  await tab().keyboard.press('ControlOrMeta+A');
  await tab().keyboard.press('Backspace');
  await tab().keyboard.type(text);
}

describe('the participant pages in headless Chromium', () => {
  it('the enrollment form shows each mistake beside its field and enrolls, by keyboard alone at 375 px', async () => {
    const page = tab();
    await page.goto(`${runtime.url}/`);
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);

    await tabTo('#email');
    await page.keyboard.press('Enter');
    await expect.poll(() => errorText('email')).toBe('Enter your email address.');
    expect(await focusedId()).toBe('email');

    await page.keyboard.type('ana.at.example.com');
    await page.keyboard.press('Enter');
    await expect.poll(() => errorText('email')).toBe('Enter a valid email address, like name@example.com.');

    await retype(email);
    await page.keyboard.press('Enter');
    await expect.poll(() => errorText('role')).toContain('Choose whether your trust was broken');
    expect(await errorText('email')).toBe('');

    await tabTo('input[name="role"]');
    await page.keyboard.press('Space');
    await tabTo('#phone');
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    await expect.poll(() => errorText('phone')).toContain('Enter a mobile number with its country code');
    expect(await focusedId()).toBe('phone');

    await retype(phone);
    await page.keyboard.press('Enter');
    await expect.poll(() => errorText('smsConsent')).toContain('tick the box');
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await shot('enroll-375-errors');

    await tabTo('input[name="smsConsent"]');
    await page.keyboard.press('Space');
    await tabTo('button[type="submit"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h2').first().textContent()).toBe('Check your email');
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await shot('enroll-375-done');
    expect((await emailsTo(runtime, email)).length).toBe(1);
  });

  it('the confirm page changes nothing until its button is pressed, then starts the program', async () => {
    const page = tab();
    const [confirmation] = await emailsTo(runtime, email);
    await page.goto(linkIn(confirmation, '/confirm'));
    expect(await page.locator('h1').textContent()).toBe('Confirm your place');
    expect((await runtime.deps.store.findByEmail(email))?.status).toBe('pending');
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await shot('confirm-375');

    await tabTo('button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/confirm\?token=/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('You are in');
    expect(await page.locator('main').textContent()).toContain(
      'reply YES to it to get your weekly check-ins by text',
    );
    expect((await runtime.deps.store.findByEmail(email))?.status).toBe('active');
    await shot('confirmed-375');
  });

  it('the local phone shows the opt-in text, sends a reply and shows it acknowledged', async () => {
    const page = tab();
    await page.goto(`${runtime.url}/_local/phone`);
    await page.locator('#new-number').fill(phone);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.bubble.program').last().textContent()).toContain('Reply YES');

    await page.locator('#reply-text').fill('YES');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.bubble.participant').last().textContent()).toContain('YES');
    await expect.poll(() => page.locator('.bubble.program').last().textContent()).toContain("you're in");
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await shot('phone-375');
    expect((await runtime.deps.store.findByEmail(email))?.smsStatus).toBe('active');
  });

  it('the web report shows a visible chart and the same numbers as its JSON', async () => {
    // Ninety-one days, answering each weekly check-in by text with a score that rises.
    let score = 2;
    for (let week = 1; week <= 13; week++) {
      await runtime.advanceTo(new Date(runtime.clock.now().getTime() + 7 * 86_400_000));
      await runtime.replyBySms(phone, String(Math.min(5, Math.floor(score))));
      score += 0.25;
    }
    await runtime.advanceTo(new Date(runtime.clock.now().getTime() + 2 * 86_400_000));
    const reportEmail = (await emailsTo(runtime, email)).find((e) => e.text?.includes('/report?'));
    const url = linkIn(reportEmail, '/report');
    const numbers = (await (
      await fetch(url, { headers: { accept: 'application/json' } })
    ).json()) as CheckpointReport;
    const answered = numbers.metrics.filter((m) => m.answered > 0);
    expect(answered.length).toBeGreaterThan(0);

    const page = tab();
    for (const viewport of [{ width: 1024, height: 900 }, NARROW]) {
      await page.setViewportSize(viewport);
      await page.goto(url, { waitUntil: 'load' });
      expect(await page.locator('h1').textContent()).toBe('Your 90-day checkpoint');
      const chart = page.locator(`section[data-metric="${answered[0]?.metric}"] .chart`);
      expect(await chart.isVisible()).toBe(true);
      const box = await chart.boundingBox();
      expect(box?.width).toBeGreaterThan(200);
      expect(box?.height).toBeGreaterThan(50);
      expect(await chart.locator('.bar:not(.none)').count()).toBe(
        answered[0]?.weekly.filter((w) => w.score !== null).length,
      );
      expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
      await shot(`report-${viewport.width}`);
    }

    const fmt = (n: number | null) => (n === null ? '—' : n.toFixed(1));
    for (const metric of numbers.metrics) {
      const section = page.locator(`section[data-metric="${metric.metric}"]`);
      expect(await section.locator('td').first().textContent()).toContain(
        `${metric.answered} of ${metric.sent}`,
      );
      expect(await section.locator('[data-field="first30"]').textContent()).toBe(fmt(metric.first30));
      expect(await section.locator('[data-field="last30"]').textContent()).toBe(fmt(metric.last30));
      const change = metric.change === null ? '—' : `${metric.change > 0 ? '+' : ''}${fmt(metric.change)}`;
      expect(await section.locator('[data-field="change"]').textContent()).toBe(change);
    }
  });

  it('the unsubscribe page stops emails only when its button is pressed', async () => {
    const page = tab();
    const [confirmation] = await emailsTo(runtime, email);
    await page.goto(linkIn(confirmation, '/unsubscribe'));
    expect(await page.locator('h1').textContent()).toBe('Stop emails');
    expect((await runtime.deps.store.findByEmail(email))?.emailStatus).toBe('active');
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await shot('unsubscribe-375');

    await tabTo('button[type="submit"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Emails stopped');
    expect((await runtime.deps.store.findByEmail(email))?.emailStatus).toBe('unsubscribed');
  });

  it('the privacy page downloads everything as JSON, then deletes it all', async () => {
    const page = tab();
    const [confirmation] = await emailsTo(runtime, email);
    await page.goto(linkIn(confirmation, '/privacy'));
    expect(await page.locator('h1').textContent()).toBe('Your data');
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await shot('privacy-375');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download all my data (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('kintsugi-my-data.json');
    const saved = path.join(SHOTS, '..', 'kintsugi-my-data.json');
    await download.saveAs(saved);
    const data = JSON.parse(readFileSync(saved, 'utf8'));
    expect(data.enrollment.email).toBe(email);
    expect(data.report).not.toBeNull();
    rmSync(saved);

    // One click on a page left open erases nothing: the box must be ticked first (the browser says so).
    await page.getByRole('button', { name: 'Delete all my data' }).click();
    expect(await page.locator('h1').textContent()).toBe('Your data');
    expect(await runtime.deps.store.findByEmail(email)).toBeDefined();
    await page.getByLabel('I understand: this erases everything, and it cannot be undone.').check();
    await page.getByRole('button', { name: 'Delete all my data' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Your data is deleted');
    expect(await runtime.deps.store.findByEmail(email)).toBeUndefined();
    await shot('privacy-deleted-375');
  });
});
