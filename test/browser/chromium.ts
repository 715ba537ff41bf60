/**
 * Headless Chromium for the screenshot tests: Debian's `chromium` driven by playwright-core, with the
 * flags a closed network needs and a fresh profile per run. No browser is downloaded: a missing
 * Chromium fails the tests with the command that installs it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/** Where Chromium is: CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Without the background-networking flags Chromium keeps dialling Google, which a closed network refuses. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const ARTIFACTS = path.resolve(__dirname, '../../artifacts');

export class ChromiumMissingError extends Error {
  constructor() {
    super(
      [
        `No Chromium at ${CHROMIUM_PATH}. The screenshot tests need Debian's chromium package:`,
        '  as root on Debian/Ubuntu: npm install (local/setup/install-emulators.js installs it), or apt-get install -y chromium',
        '  elsewhere: install Chromium or Chrome and set CHROMIUM_PATH to its executable.',
      ].join('\n'),
    );
    this.name = 'ChromiumMissingError';
  }
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Starts Chromium with a new, empty profile; throws ChromiumMissingError when it is not installed. */
export async function startChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new ChromiumMissingError();
  const profile = mkdtempSync(path.join(tmpdir(), 'kintsugi-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
    viewport: { width: 600, height: 800 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Starts Chromium before a test file's tests and closes it after them. The function returned gives the
 * browser, or throws why it could not start: a missing Chromium fails every test with how to install
 * it, never a silent skip.
 */
export function chromiumForTests(): () => Browser {
  let browser: Browser | undefined;
  let startError: unknown;
  beforeAll(async () => {
    try {
      browser = await startChromium();
    } catch (error) {
      startError = error;
    }
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw startError;
    return browser;
  };
}
