/**
 * Issue 15, "dead ends and small frictions", in headless Chromium at 375 and 1280 px against the local
 * runtime: an expired or broken link offers a fresh one and a way home; the partner page after the
 * program ended says so; "Emails stopped" has an undo and a pause; the invitation has a footer of its
 * own; the one-click check-in lays out question, scale and answer, keeps a note and says what changed;
 * the confirmation email's button shows on the first screen. Each page is checked with axe-core (WCAG
 * 2.0–2.2 A and AA) and photographed into artifacts/dead-ends/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime';
import { enrollParticipant, type Participant } from '../support/participant';
import {
  api,
  emailsTo,
  type LocalEmail,
  linkIn,
  pathOf,
  startTestRuntime,
  uniqueEmail,
} from '../support/runtime';
import { describeViolations, runAxe } from './axe';
import { ARTIFACTS, type Browser, chromiumForTests, startChromium } from './chromium';

const SHOTS = path.join(ARTIFACTS, 'dead-ends');
const ZONE = 'America/Chicago';
const WIDTHS = [375, 1280] as const;

let runtime: Runtime;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  runtime = await startTestRuntime({ startAt: new Date('2026-04-06T14:00:00Z') });
});

afterAll(async () => {
  await runtime?.stop();
});

// Registered after the runtime, so it closes first: its kept-alive connections would hold the server open.
const browser = chromiumForTests();

/** A new tab at a phone's or a desktop's size (in another browser when given). */
async function tabAt(width: number, on: Browser = browser()): Promise<Page> {
  const page = await on.context.newPage();
  await page.setViewportSize({ width, height: width < 600 ? 812 : 900 });
  return page;
}

/** Checks the page with axe (no violation allowed) and saves its screenshot. */
async function checkAndShoot(page: Page, name: string, width: number): Promise<void> {
  const violations = await runAxe(page);
  expect(violations, describeViolations(`${name} at ${width} px`, violations)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
}

const advance = (on: Runtime, duration: string) => api(on, '/_local/clock', { json: { advance: duration } });
const h1 = (page: Page) => page.locator('h1').textContent();

/** The link to `linkPath` in the newest email to `address` that has one, as a browser would open it. */
async function newestLink(on: Runtime, address: string, linkPath: string): Promise<string> {
  const email = (await emailsTo(on, address)).filter((m) => m.text?.includes(`${linkPath}?`)).at(-1);
  return linkIn(email, linkPath);
}

describe.each(WIDTHS)('dead ends at %i px', (width) => {
  it('an expired link says so, sends a fresh one to the address on file, and leads home', async () => {
    const page = await tabAt(width);
    const email = uniqueEmail('expired');
    await api(runtime, '/enrollments', { json: { email, timezone: ZONE, role: 'hurt' } });
    const confirm = await newestLink(runtime, email, '/confirm');
    await advance(runtime, 'P8D'); // a confirmation link lasts 7 days
    await page.goto(confirm);
    expect(await h1(page)).toBe('This link has expired');
    await expect.poll(() => page.getByRole('link', { name: 'Go to the Kintsugi home page' }).count()).toBe(1);
    await checkAndShoot(page, 'link-expired', width);

    const before = (await emailsTo(runtime, email)).length;
    await page.getByLabel('Your email address').fill(email);
    await page.getByRole('button', { name: 'Send me a fresh link' }).click();
    await expect.poll(() => h1(page)).toBe('Check your inbox');
    expect(await page.getByRole('status').textContent()).toContain(
      'If that address is in the program, a fresh link is on its way.',
    );
    await checkAndShoot(page, 'link-fresh-sent', width);
    const fresh = (await emailsTo(runtime, email)).slice(before);
    expect(fresh).toHaveLength(1);
    // The fresh confirmation works where the old one did not.
    await page.goto(linkIn(fresh[0], '/confirm'));
    expect(await h1(page)).toBe('Confirm your place');
    await page.close();
  });

  it('a broken link says it is not valid and offers the same fresh link and way home', async () => {
    const page = await tabAt(width);
    const who = await enrollParticipant(runtime, { timezone: ZONE, phone: false });
    await advance(runtime, 'P1D');
    const settings = await newestLink(runtime, who.email, '/settings');
    await page.goto(`${settings.slice(0, -8)}broken!!`);
    expect(await h1(page)).toBe('This link is not valid');
    expect(await page.getByRole('button', { name: 'Send me a fresh link' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Go to the Kintsugi home page' }).count()).toBe(1);
    await checkAndShoot(page, 'link-not-valid', width);
    // A mistyped address comes back beside its field, the words kept.
    await page.getByLabel('Your email address').fill('ana.at.example');
    await page.getByRole('button', { name: 'Send me a fresh link' }).click();
    await expect
      .poll(() => page.locator('#fresh-email-error').textContent())
      .toBe('Enter a valid email address, like name@example.com.');
    expect(await page.getByLabel('Your email address').inputValue()).toBe('ana.at.example');
    await checkAndShoot(page, 'link-fresh-mistake', width);
    await page.close();
  });

  /** A participant a day into the program who has just pressed "Stop my emails", and the page that says so. */
  async function stoppedEmails(): Promise<{ page: Page; who: Participant }> {
    const page = await tabAt(width);
    const who = await enrollParticipant(runtime, { timezone: ZONE, phone: false });
    await advance(runtime, 'P1D');
    await page.goto(await newestLink(runtime, who.email, '/unsubscribe'));
    await page.getByRole('button', { name: 'Stop my emails' }).click();
    await expect.poll(() => h1(page)).toBe('Emails stopped');
    return { page, who };
  }

  it('"Emails stopped" offers an undo that starts them again with one click', async () => {
    const { page, who } = await stoppedEmails();
    expect((await runtime.deps.store.getEnrollment(who.id))?.emailStatus).toBe('unsubscribed');
    await checkAndShoot(page, 'emails-stopped', width);
    await page.getByRole('button', { name: 'Start my emails again' }).click();
    await expect.poll(() => h1(page)).toBe('Your emails are back on');
    expect((await runtime.deps.store.getEnrollment(who.id))?.emailStatus).toBe('active');
    await checkAndShoot(page, 'emails-back-on', width);
    await page.close();
  });

  it('"Emails stopped" offers a pause instead, which turns emails back on and pauses the program', async () => {
    const { page, who } = await stoppedEmails();
    await page.getByRole('button', { name: 'Pause 7 days instead' }).click();
    await expect.poll(() => h1(page)).toMatch(/^Paused until \w+day, \w+ \d+$/);
    const enrollment = await runtime.deps.store.getEnrollment(who.id);
    expect(enrollment?.emailStatus).toBe('active');
    expect(enrollment?.pausedUntil).toBeDefined();
    await checkAndShoot(page, 'emails-paused-instead', width);
    await page.close();
  });

  it('the partner invitation has a footer of its own, and its stop link works', async () => {
    const page = await tabAt(width);
    const inviter = await enrollParticipant(runtime, { timezone: ZONE, phone: false });
    await advance(runtime, 'P1D');
    await page.goto(await newestLink(runtime, inviter.email, '/privacy'));
    await page.getByRole('link', { name: 'your partner page' }).click();
    const partner = uniqueEmail('partner');
    await page.getByLabel("Your partner's email address").fill(partner);
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await expect.poll(async () => (await emailsTo(runtime, partner)).length).toBe(1);

    const [invitation] = (await emailsTo(runtime, partner)) as [LocalEmail];
    await page.setContent(invitation.html ?? '', { waitUntil: 'load' });
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).not.toContain('you signed up');
    expect(text).toContain('someone you know gave us this address');
    expect(text).toContain('What we keep about you: nothing, unless you enroll.');
    for (const name of ['Unsubscribe', 'Your data: export or delete', 'Time zone and check-in day'])
      expect(await page.getByRole('link', { name }).count()).toBe(0);
    const stop = page.getByRole('link', { name: 'Send no more invitations to this address' });
    expect(await stop.getAttribute('href')).toMatch(/\/invitations\/stop\?token=/);
    await checkAndShoot(page, 'invitation-email', width);

    await page.goto((await stop.getAttribute('href')) as string);
    expect(await h1(page)).toBe('No more invitations');
    await checkAndShoot(page, 'invitations-stop', width);
    await page.getByRole('button', { name: 'Send no more invitations' }).click();
    await expect.poll(() => h1(page)).toBe('No more invitations');
    await checkAndShoot(page, 'invitations-stopped', width);
    await page.close();
  });

  it('the check-in page lays out question, scale and answer, keeps a note, and says what a change replaces', async () => {
    const page = await tabAt(width);
    const who: Participant = await enrollParticipant(runtime, { timezone: ZONE, phone: false });
    // Day by day until the first weekly check-in comes, so its question is open (it falls within 8 days).
    for (
      let day = 0;
      day < 9 && !(await emailsTo(runtime, who.email)).some((m) => m.text?.includes('/checkin?'));
      day++
    )
      await advance(runtime, 'P1D');
    const link = await newestLink(runtime, who.email, '/checkin');
    await page.goto(link.replace(/score=\d/, 'score=4'));
    const question = (await page.locator('#question').textContent()) ?? '';
    expect(question).toMatch(/^How .+\?$/);
    expect(await page.locator('#scale').textContent()).toMatch(/^1 = .+, 5 = .+$/);
    expect(await page.locator('#answer').textContent()).toBe('4 of 5');
    // Three things apart, each on its own line: not one sentence.
    const tops = await Promise.all(
      ['#question', '#scale', '#answer'].map(async (s) => (await page.locator(s).boundingBox())?.y ?? 0),
    );
    expect(tops[0]).toBeLessThan(tops[1] as number);
    expect(tops[1]).toBeLessThan(tops[2] as number);
    await checkAndShoot(page, 'checkin', width);

    await page
      .getByLabel('A private note (optional)')
      .fill('We talked on Sunday without raising our voices.');
    await page.getByRole('button', { name: 'Record 4 of 5' }).click();
    await expect.poll(() => h1(page)).toBe('Noted: 4 of 5');
    expect(await page.getByText('Your note is kept with this answer.').count()).toBe(1);
    await checkAndShoot(page, 'checkin-noted', width);
    expect(await runtime.deps.store.listReplies(who.id)).toEqual([
      expect.objectContaining({ score: 4, note: 'We talked on Sunday without raising our voices.' }),
    ]);

    await page.goto(link.replace(/score=\d/, 'score=2'));
    // That there is an answer, never which: whoever opens the email may not be the one who answered.
    expect(await page.locator('#change').textContent()).toContain('This question already has your answer.');
    expect(await page.locator('main').textContent()).not.toContain('4 of 5');
    await checkAndShoot(page, 'checkin-change', width);
    await page.getByRole('button', { name: 'Record 2 of 5' }).click();
    await expect.poll(() => h1(page)).toBe('Noted: 2 of 5');
    expect(await page.getByText('It takes the place of the answer you gave before.').count()).toBe(1);
    await checkAndShoot(page, 'checkin-changed', width);

    // A note that shows concern is kept, and answered on the page with the lines to call.
    await page.goto(link.replace(/score=\d/, 'score=3'));
    await page.getByLabel('A private note (optional)').fill('I am scared of him');
    await page.getByRole('button', { name: 'Record 3 of 5' }).click();
    await expect.poll(() => h1(page)).toBe('Noted: 3 of 5');
    expect(await page.getByRole('heading', { name: 'People you can reach right now' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: '988' }).count()).toBeGreaterThan(0);
    await checkAndShoot(page, 'checkin-concern', width);
    await page.close();
  });

  it('the confirmation email shows its button on the first screen, the one for a number already taken too', async () => {
    const page = await tabAt(width);
    const email = uniqueEmail('first-screen');
    await api(runtime, '/enrollments', { json: { email, timezone: ZONE, role: 'repairing' } });
    // A number that already gets texts for a running program: the same confirmation, which says nothing of it.
    const holder = await enrollParticipant(runtime, { timezone: ZONE });
    const byEmail = uniqueEmail('first-screen-by-email');
    await api(runtime, '/enrollments', {
      json: { email: byEmail, timezone: ZONE, role: 'hurt', phone: holder.phone, smsConsent: true },
    });
    for (const [name, address] of [
      ['confirmation-email', email],
      ['confirmation-email-by-email', byEmail],
    ] as const) {
      const [confirmation] = (await emailsTo(runtime, address)) as [LocalEmail];
      await page.setContent(confirmation.html ?? '', { waitUntil: 'load' });
      const box = await page.getByRole('link', { name: 'Confirm and start' }).boundingBox();
      expect(box?.y, name).toBeGreaterThan(0);
      expect(box?.y, name).toBeLessThan(600);
      // What the person signed up for still follows, below the button.
      const list = await page.getByText('What you signed up for').boundingBox();
      expect(list?.y).toBeGreaterThan(box?.y ?? 0);
      await checkAndShoot(page, name, width);
    }
    await page.close();
  });
});

describe('the partner page after the program ended', () => {
  let ended: Runtime;
  // A browser of its own, closed before this runtime stops: its kept-alive connections would hold the server open.
  let own: Browser;
  const people = new Map<number, string>();

  beforeAll(async () => {
    ended = await startTestRuntime({ startAt: new Date('2026-04-06T14:00:00Z') });
    browser(); // the shared one started, or this throws why Chromium could not
    own = await startChromium();
    for (const width of WIDTHS) {
      const email = uniqueEmail(`ended-${width}`);
      await api(ended, '/enrollments', { json: { email, timezone: ZONE, role: 'hurt' } });
      const confirm = pathOf(await newestLink(ended, email, '/confirm'));
      await api(ended, confirm, { method: 'POST', headers: { accept: 'application/json' } });
      people.set(width, email);
    }
    await advance(ended, 'P96D');
  }, 120_000);
  afterAll(async () => {
    await own?.close();
    await ended?.stop();
  });

  it.each(WIDTHS)(
    'at %i px says the program has ended and what can still be done, with no invite form',
    async (width) => {
      const page = await tabAt(width, own);
      const email = people.get(width) as string;
      await page.goto(await newestLink(ended, email, '/privacy'));
      await page.getByRole('link', { name: 'your partner page' }).click();
      expect(await h1(page)).toBe('Your program has ended');
      expect(await page.getByRole('button', { name: 'Send the invitation' }).count()).toBe(0);
      expect(await page.locator('input[type="email"]').count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Read your report' }).count()).toBe(1);
      expect(await page.getByRole('link', { name: 'Download or delete your data' }).count()).toBe(1);
      await checkAndShoot(page, 'partner-ended', width);
      await page.close();
    },
  );
});
