/**
 * The enrollment form and the settings page as a participant meets them, in headless Chromium at 375 and
 * 1280 px, against the local runtime: a national number with its country, the time zone list in names
 * people know with the likely zone first, times in words, the message after sending (named address,
 * focus, announced; resend, fix a typo), and the form without JavaScript. Every state is checked with
 * axe-core (WCAG 2.0/2.1/2.2 A and AA) and leaves screenshots in artifacts/enrollment/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime';
import { api, emailsTo, linkIn, startTestRuntime, textsWith, uniqueEmail } from '../support/runtime';
import { auditWidths, describeViolations } from './axe';
import { ARTIFACTS, chromiumForTests } from './chromium';

const SHOTS = path.join(ARTIFACTS, 'enrollment');
const WIDTHS = [375, 1280] as const;
/** Where the browser says it is: the form's likely time zone. */
const BROWSER_ZONE = 'America/Chicago';

let runtime: Runtime;
let serial = 100;
/** A fictional US number written as Americans write it at home: (415) 555-01xx. */
const nationalNumber = () => {
  const n = String(serial++ % 100).padStart(2, '0');
  return { national: `(415) 555-01${n}`, e164: `+1415555${Math.floor(Math.random() * 90 + 10)}${n}` };
};

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  runtime = await startTestRuntime({ startAt: new Date('2026-04-06T14:00:00Z') });
});

afterAll(async () => {
  await runtime?.stop();
});

// Registered after the runtime, so it closes first: its kept-alive connections would hold the server open.
const browser = chromiumForTests();

/** Tabs whose page scripts are off, and the DevTools session that turned them off. */
const withoutScripts = new Map<Page, CDPSession>();

/** A fresh tab at `width`, whose clock is in Chicago; without JavaScript when asked. */
async function openTab(width: number, { javaScript = true } = {}): Promise<Page> {
  const { context } = browser();
  const page = await context.newPage();
  await page.setViewportSize({ width, height: width < 600 ? 812 : 900 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setTimezoneOverride', { timezoneId: BROWSER_ZONE });
  if (!javaScript) {
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    withoutScripts.set(page, cdp);
  }
  return page;
}

/**
 * axe finds nothing on the page as it is now, at both widths; screenshots saved as `<name>-<width>.png`.
 * axe needs timers, so a tab without JavaScript gets them back for the audit only: the page is not
 * reloaded, and its own script, which ran never, does not run now.
 */
async function accessible(page: Page, name: string): Promise<void> {
  const cdp = withoutScripts.get(page);
  await cdp?.send('Emulation.setScriptExecutionDisabled', { value: false });
  const audits = await auditWidths(page, name, SHOTS);
  await cdp?.send('Emulation.setScriptExecutionDisabled', { value: true });
  const found = audits.flatMap((a) =>
    a.violations.length ? [describeViolations(`${name} at ${a.width}`, a.violations)] : [],
  );
  expect(found.join('\n')).toBe('');
}

const sidewaysScroll = async (page: Page) =>
  Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));

const selectedText = (page: Page, selector: string) =>
  page.evaluate(
    `(() => { const s = document.querySelector(${JSON.stringify(selector)}); return s.options[s.selectedIndex].textContent; })()`,
  );

const optionTexts = (page: Page, selector: string) => page.locator(`${selector} option`).allTextContents();

const advanceClock = (duration: string) => api(runtime, '/_local/clock', { json: { advance: duration } });

describe.each(WIDTHS)('the enrollment form at %i px', (width) => {
  it('offers the likely time zone first, then zones by names people know, searchable', async () => {
    const page = await openTab(width);
    await page.goto(`${runtime.url}/`);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    const groups = await page
      .locator('#timezone optgroup')
      .evaluateAll((els) => els.map((g) => g.getAttribute('label')));
    expect(groups.slice(0, 3)).toEqual(['Likely for you', 'United States', 'North America']);
    expect(await page.locator('#timezone').inputValue()).toBe(BROWSER_ZONE);
    expect(await selectedText(page, '#timezone')).toBe('Central Time – Chicago');
    expect(await page.locator('#timezone optgroup[label="United States"] option').allTextContents()).toEqual(
      expect.arrayContaining([
        'Eastern Time – New York City',
        'Central Time – Chicago',
        'Pacific Time – Los Angeles',
      ]),
    );
    // No raw IANA names ("America/Chicago") in what people read.
    expect((await optionTexts(page, '#timezone')).filter((t) => /^[A-Z][a-z]+\/[A-Za-z_]/.test(t))).toEqual(
      [],
    );
    // The number's country follows the zone.
    expect(await page.locator('#country').inputValue()).toBe('US');

    await page.locator('#timezone-find').fill('berlin');
    expect(await page.locator('#timezone').inputValue()).toBe('Europe/Berlin');
    expect(await selectedText(page, '#timezone')).toBe('Germany – Berlin (Central European Time)');
    expect(await page.locator('#timezone-found').textContent()).toContain('1 time zone matches');
    expect(await selectedText(page, '#checkinTime')).toBe('19:00');
    expect(await page.locator('#country').inputValue()).toBe('DE');
    await page.locator('#timezone-find').fill('chicago');
    expect(await page.locator('#timezone').inputValue()).toBe(BROWSER_ZONE);
    // A search that matches nothing, on the way or at the end, leaves the zone chosen before it.
    await page.locator('#timezone-find').fill('');
    await page.locator('#timezone-find').pressSequentially('Ciudad de Narnia');
    expect(await page.locator('#timezone-found').textContent()).toContain('Ciudad de Narnia');
    expect(await page.locator('#timezone').inputValue()).toBe(BROWSER_ZONE);
    await page.locator('#timezone-find').fill('');
    expect(await page.locator('#timezone').inputValue()).toBe(BROWSER_ZONE);
    await accessible(page, 'form-zone-search');
    await page.close();
  });

  it('finds zones by their Spanish names on the Spanish form, accents or not', async () => {
    const page = await openTab(width);
    await page.goto(`${runtime.url}/?lang=es`);
    for (const [typed, zone] of [
      ['Ciudad de México', 'America/Mexico_City'],
      ['ciudad de mexico', 'America/Mexico_City'],
      ['Nueva York', 'America/New_York'],
      ['Perú', 'America/Lima'],
    ] as const) {
      await page.locator('#timezone-find').fill(typed);
      expect(await page.locator('#timezone').inputValue(), typed).toBe(zone);
    }
    // A country with several zones: one of its own is chosen, and the rest are left to pick from.
    await page.locator('#timezone-find').fill('España');
    expect(['Europe/Madrid', 'Atlantic/Canary', 'Africa/Ceuta']).toContain(
      await page.locator('#timezone').inputValue(),
    );
    await page.close();
  });

  it('writes check-in times on a 12-hour clock in words, in the form and in the emails', async () => {
    const page = await openTab(width);
    await page.goto(`${runtime.url}/`);
    expect(await selectedText(page, '#checkinTime')).toBe('7 PM');
    const times = await optionTexts(page, '#checkinTime');
    expect(times[0]).toBe('8 AM');
    expect(times).toContain('12:30 PM');
    expect(times.at(-1)).toBe('8 PM');
    expect(times.filter((t) => /^\d\d:\d\d$/.test(t))).toEqual([]);
    expect(await page.locator('main').textContent()).not.toMatch(/\b(08|20):00\b/);
    await page.close();
  });

  it('enrolls a national number with the chosen country, then names the address, focused and announced', async () => {
    const page = await openTab(width);
    const email = uniqueEmail(`form-${width}`);
    const { national } = nationalNumber();
    await page.goto(`${runtime.url}/`);
    await page.locator('#email').fill(email);
    await page.locator('input[name="role"][value="hurt"]').check();
    await page.locator('#checkinDay').selectOption('sunday');
    await page.locator('#phone').fill(national);
    await page.locator('#country').selectOption('US');
    await page.locator('input[name="smsConsent"]').check();
    await page.locator('input[name="nudges"][value="false"]').check();
    await accessible(page, 'form-filled');
    await page.getByRole('button', { name: 'Send my confirmation email' }).click();

    await expect.poll(() => page.locator('#sent h2').textContent()).toBe('Check your email');
    expect(await page.locator('#sent').getAttribute('role')).toBe('status');
    expect(await page.locator('#sent').getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('#sent strong').textContent()).toBe(email);
    expect(await page.evaluate('document.activeElement?.id')).toBe('sent-title');
    expect(await page.evaluate('document.activeElement?.closest("[role=status]")?.id')).toBe('sent');
    expect(await page.locator('#enroll').isHidden()).toBe(true);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await accessible(page, 'form-sent');

    const enrollment = await runtime.deps.store.findByEmail(email);
    expect(enrollment).toMatchObject({
      phone: expect.stringMatching(/^\+1415555\d{4}$/),
      timezone: BROWSER_ZONE,
      checkinDay: 'sunday',
      checkinTime: '19:00',
      nudges: false,
    });
    expect(enrollment?.phone?.slice(-4)).toBe(national.slice(-4));
    const [confirmation] = await emailsTo(runtime, email);
    expect(confirmation?.text).toContain('on Sundays around 7 PM');
    expect(confirmation?.text).not.toContain('19:00');
    await page.close();
  });

  it('sends the email again, and brings the form back with every answer kept to fix a typo', async () => {
    const page = await openTab(width);
    const typo = uniqueEmail(`typo-${width}`).replace('@example.com', '@exmaple.com');
    const { national } = nationalNumber();
    await page.goto(`${runtime.url}/`);
    await page.locator('#email').fill(typo);
    await page.locator('input[name="role"][value="repairing"]').check();
    await page.locator('#checkinDay').selectOption('wednesday');
    await page.locator('#checkinTime').selectOption('18:30');
    await page.locator('#phone').fill(national);
    await page.locator('input[name="smsConsent"]').check();
    await page.getByRole('button', { name: 'Send my confirmation email' }).click();
    await expect.poll(() => page.locator('#sent strong').textContent()).toBe(typo);
    expect(await emailsTo(runtime, typo)).toHaveLength(1);

    // A second email to the same address waits a minute (a double click sends one).
    await advanceClock('PT2M');
    await page.getByRole('button', { name: 'Send the email again' }).click();
    await expect
      .poll(() => page.locator('#sent [data-again]').textContent())
      .toContain(`Sent again to ${typo}`);
    expect(await emailsTo(runtime, typo)).toHaveLength(2);

    await page.getByRole('button', { name: 'Fix a typo' }).click();
    expect(await page.locator('#enroll').isVisible()).toBe(true);
    expect(await page.evaluate('document.activeElement?.id')).toBe('email');
    expect(await page.locator('#email').inputValue()).toBe(typo);
    expect(await page.locator('input[name="role"][value="repairing"]').isChecked()).toBe(true);
    expect(await page.locator('#checkinDay').inputValue()).toBe('wednesday');
    expect(await selectedText(page, '#checkinTime')).toBe('6:30 PM');
    expect(await page.locator('#phone').inputValue()).toBe(national);
    expect(await page.locator('input[name="smsConsent"]').isChecked()).toBe(true);
    const fixed = typo.replace('@exmaple.com', '@example.com');
    await page.keyboard.type(fixed);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#sent strong').textContent()).toBe(fixed);
    expect(await emailsTo(runtime, fixed)).toHaveLength(1);
    expect(await runtime.deps.store.findByEmail(fixed)).toMatchObject({
      track: 'repairing',
      checkinDay: 'wednesday',
      checkinTime: '18:30',
    });
    await page.close();
  });

  it('shows every mistake beside its field at once, and moves focus to the first', async () => {
    const page = await openTab(width);
    await page.goto(`${runtime.url}/`);
    await page.locator('#phone').fill('12');
    await page.getByRole('button', { name: 'Send my confirmation email' }).click();
    await expect.poll(() => page.locator('#email-error').textContent()).toBe('Enter your email address.');
    expect(await page.locator('#role-error').textContent()).toContain('Choose whether your trust was broken');
    expect(await page.locator('#phone-error').textContent()).toContain(
      'does not look like a mobile number in the United States',
    );
    expect(await page.locator('#smsConsent-error').textContent()).toContain('tick the box');
    expect(await page.evaluate('document.activeElement?.id')).toBe('email');
    expect(await page.locator('#email').getAttribute('aria-invalid')).toBe('true');
    await accessible(page, 'form-errors');
    await page.close();
  });
});

describe.each(WIDTHS)('the enrollment form without JavaScript at %i px', (width) => {
  it('brings an empty form back with each error beside its field, never a dead end', async () => {
    const page = await openTab(width, { javaScript: false });
    await page.goto(`${runtime.url}/`);
    expect(await page.locator('#timezone').inputValue()).toBe('');
    const [answer] = await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Send my confirmation email' }).click(),
    ]);
    expect(answer?.status()).toBe(400);
    expect(page.url()).toBe(`${runtime.url}/enrollments`);
    expect(await page.locator('h1').textContent()).toBe('Rebuild trust, one week at a time');
    expect(await page.locator('.error-summary h2').textContent()).toBe('Before we send it, please check:');
    expect(await page.locator('.error-summary li').allTextContents()).toEqual([
      'Enter your email address.',
      expect.stringContaining('Choose whether your trust was broken'),
      'Choose your time zone.',
    ]);
    expect(await page.locator('#email-error').textContent()).toBe('Enter your email address.');
    expect(await page.locator('#timezone-error').textContent()).toBe('Choose your time zone.');
    expect(await page.locator('#email').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#enroll button[type="submit"]').isVisible()).toBe(true);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await accessible(page, 'no-js-errors');
    await page.close();
  });

  it('keeps what was written when one field is wrong, then sends, resends and fixes a typo', async () => {
    const page = await openTab(width, { javaScript: false });
    const typo = uniqueEmail(`nojs-${width}`).replace('@example.com', '@exmaple.com');
    const { national } = nationalNumber();
    await page.goto(`${runtime.url}/`);
    await page.locator('#email').fill(typo);
    await page.locator('input[name="role"][value="hurt"]').check();
    await page.locator('#timezone').selectOption(BROWSER_ZONE);
    await page.locator('#checkinTime').selectOption('20:00');
    await page.locator('#phone').fill(national);
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Send my confirmation email' }).click(),
    ]);
    // The consent box was left empty: the form comes back with everything else as it was.
    expect(await page.locator('#smsConsent-error').textContent()).toContain('tick the box');
    expect(await page.locator('#email').inputValue()).toBe(typo);
    expect(await page.locator('#phone').inputValue()).toBe(national);
    expect(await page.locator('#timezone').inputValue()).toBe(BROWSER_ZONE);
    expect(await selectedText(page, '#timezone')).toBe('Central Time – Chicago');
    expect(await selectedText(page, '#checkinTime')).toBe('8 PM');
    expect(await page.locator('input[name="role"][value="hurt"]').isChecked()).toBe(true);

    await page.locator('input[name="smsConsent"]').check();
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Send my confirmation email' }).click(),
    ]);
    expect(await page.locator('h1').textContent()).toBe('Check your email');
    expect(await page.locator('main strong').textContent()).toBe(typo);
    await accessible(page, 'no-js-sent');
    expect(await emailsTo(runtime, typo)).toHaveLength(1);

    await advanceClock('PT2M');
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Send the email again' }).click(),
    ]);
    expect(await page.locator('main strong').textContent()).toBe(typo);
    expect(await emailsTo(runtime, typo)).toHaveLength(2);

    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Fix a typo' }).click()]);
    expect(await page.locator('#email').inputValue()).toBe(typo);
    expect(await page.locator('#phone').inputValue()).toBe(national);
    expect(await page.locator('input[name="smsConsent"]').isChecked()).toBe(true);
    expect(await selectedText(page, '#checkinTime')).toBe('8 PM');
    expect(await page.locator('.error-summary').count()).toBe(0);
    const fixed = typo.replace('@exmaple.com', '@example.com');
    await page.locator('#email').fill(fixed);
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Send my confirmation email' }).click(),
    ]);
    expect(await page.locator('main strong').textContent()).toBe(fixed);
    expect(await runtime.deps.store.findByEmail(fixed)).toMatchObject({
      timezone: BROWSER_ZONE,
      checkinTime: '20:00',
    });
    await page.close();
  });
});

describe.each(WIDTHS)('after enrolling, at %i px', (width) => {
  it('the confirmed page says the first day in words, and the settings page offers fewer texts', async () => {
    const page = await openTab(width);
    const email = uniqueEmail(`settings-${width}`);
    const { e164 } = nationalNumber();
    const enrolled = await api(runtime, '/enrollments', {
      json: { email, timezone: BROWSER_ZONE, role: 'hurt', phone: e164, smsConsent: true },
    });
    expect(enrolled.status).toBe(202);
    const [confirmation] = await emailsTo(runtime, email);
    await page.goto(linkIn(confirmation, '/confirm'));
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Start my program' }).click(),
    ]);
    const day0 = (await runtime.deps.store.findByEmail(email))?.day0 as string;
    const inWords = new Intl.DateTimeFormat('en-US', {
      weekday: 'long',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${day0}T12:00:00Z`));
    expect(await page.locator('main').textContent()).toContain(
      `Your first step arrives on ${inWords}, in the morning.`,
    );
    expect(await page.locator('main').textContent()).not.toContain(day0);
    await accessible(page, 'confirmed');

    await page.goto(linkIn(confirmation, '/settings'));
    expect(await selectedText(page, '#timezone')).toBe('Central Time – Chicago');
    expect(await selectedText(page, '#checkinTime')).toBe('7 PM');
    expect(await page.locator('main').textContent()).toContain('between 9 PM and 8 AM');
    expect(await page.locator('input[name="nudges"][value="true"]').isChecked()).toBe(true);
    await page.locator('input[name="nudges"][value="false"]').check();
    expect(await page.locator('input[name="discreet"][value="false"]').isChecked()).toBe(true);
    await page.locator('input[name="discreet"][value="true"]').check();
    await page.locator('#checkinTime').selectOption('18:00');
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Save my settings' }).click(),
    ]);
    expect(await page.locator('.note[role="status"]').textContent()).toContain(
      'Your check-in comes on Sundays around 6 PM, with no mid-week nudges.',
    );
    expect(await page.locator('input[name="nudges"][value="false"]').isChecked()).toBe(true);
    expect(await page.locator('input[name="discreet"][value="true"]').isChecked()).toBe(true);
    expect(await runtime.deps.store.findByEmail(email)).toMatchObject({
      nudges: false,
      discreet: true,
      checkinTime: '18:00',
    });
    await accessible(page, 'settings-saved');
    await page.close();
  });
});

describe.each(WIDTHS)('signed up by email alone, at %i px', (width) => {
  it('the settings page adds a mobile number: a mistyped one comes back beside its field, the right one is asked for YES', async () => {
    const page = await openTab(width);
    const email = uniqueEmail(`add-number-${width}`);
    const enrolled = await api(runtime, '/enrollments', {
      json: { email, timezone: BROWSER_ZONE, role: 'hurt' },
    });
    expect(enrolled.status).toBe(202);
    const [confirmation] = await emailsTo(runtime, email);
    await page.goto(linkIn(confirmation, '/confirm'));
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Start my program' }).click(),
    ]);
    await page.goto(linkIn(confirmation, '/settings'));
    await accessible(page, 'settings-add-number');

    const { national } = nationalNumber();
    const e164 = `+1${national.replace(/\D/g, '')}`;
    await page.getByLabel('Mobile number').fill(national.slice(0, 6));
    await page.getByLabel(/I agree to get Kintsugi check-in texts/).check();
    await page.locator('#checkinTime').selectOption('18:00');
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Save my settings' }).click(),
    ]);
    expect(await page.locator('#phone-error').textContent()).toMatch(/does not look like a mobile number/);
    expect(await page.locator('#phone').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.error-summary').textContent()).toMatch(/Nothing was saved yet/);
    expect((await runtime.deps.store.findByEmail(email))?.checkinTime).toBe('19:00');
    // Nothing saved, and nothing the person chose lost: the time they picked is still picked.
    expect(await selectedText(page, '#checkinTime')).toBe('6 PM');
    expect(await page.getByLabel(/I agree to get Kintsugi check-in texts/).isChecked()).toBe(true);
    await accessible(page, 'settings-add-number-problem');

    await page.getByLabel('Mobile number').fill(national);
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Save my settings' }).click(),
    ]);
    expect(await page.locator('.note[role="status"]').textContent()).toContain(
      'a text is on its way: reply YES',
    );
    expect(await page.locator('main').textContent()).toContain(
      `If your number ending in ${e164.slice(-2)} can get`,
    );
    // Until the YES, a wrong number may still be replaced: the field stays, empty, as "A different number".
    expect(await page.locator('#phone').inputValue()).toBe('');
    expect(await page.locator('legend', { hasText: 'A different number' }).count()).toBe(1);
    expect(await runtime.deps.store.findByEmail(email)).toMatchObject({
      phone: e164,
      smsStatus: 'awaiting-yes',
      checkinTime: '18:00',
    });
    await accessible(page, 'settings-number-added');
    await page.close();
  });
});

describe.each(WIDTHS)('texts on, at %i px', (width) => {
  it('the settings page forgets the number: texts stop, nothing is texted, and a number may be given again', async () => {
    const page = await openTab(width);
    const email = uniqueEmail(`forget-number-${width}`);
    const { e164 } = nationalNumber();
    await api(runtime, '/enrollments', {
      json: { email, timezone: BROWSER_ZONE, role: 'repairing', phone: e164, smsConsent: true },
    });
    const [confirmation] = await emailsTo(runtime, email);
    await page.goto(linkIn(confirmation, '/confirm'));
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Start my program' }).click(),
    ]);
    await api(runtime, '/_local/sms/reply', { json: { from: e164, body: 'YES' } });
    await page.goto(linkIn(confirmation, '/settings'));
    const part = page.getByRole('group', { name: `Your number ending in ${e164.slice(-2)}` });
    expect(await part.getByLabel('Keep it').isChecked()).toBe(true);
    await accessible(page, 'settings-number');
    const texted = (await textsWith(runtime, e164)).length;
    await part.getByLabel(/Forget it/).check();
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Save my settings' }).click(),
    ]);
    expect(await page.locator('.note[role="status"]').textContent()).toContain(
      'Your number is forgotten, and no more texts will go to it.',
    );
    expect(await page.locator('legend', { hasText: 'Check-ins by text' }).count()).toBe(1);
    expect(await page.locator('input[name="number"]').count()).toBe(0);
    expect((await runtime.deps.store.findByEmail(email))?.phone).toBeUndefined();
    expect((await textsWith(runtime, e164)).length).toBe(texted);
    await accessible(page, 'settings-number-forgotten');
    await page.close();
  });
});
