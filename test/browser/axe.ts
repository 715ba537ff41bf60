/**
 * axe-core (Deque's accessibility engine, the `axe-core` package) in the pages playwright-core drives:
 * its own source is evaluated in the page (no network, and a page's Content-Security-Policy does not
 * apply to what the test evaluates), then `axe.run` checks the WCAG 2.0, 2.1 and 2.2 A and AA rules.
 * Any browser test can call `auditWidths` on the state its page is in.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** The rule tags checked: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/** Every page and email is checked at a phone's width and a desktop's. */
export const WIDTHS = [375, 1280] as const;

const AXE_SOURCE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');

/** A screenshot shows a page's first 12,000 px, the whole of every page but the local preview. */
const MAX_SHOT_HEIGHT = 12_000;

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; summary: string }[];
}

export interface Audit {
  width: number;
  violations: Violation[];
  screenshot: string;
}

/**
 * Runs axe on the page as it is now. Frames are not entered: the one page with frames is the local
 * preview, whose frames are the program's emails, each checked on its own.
 */
export async function runAxe(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE_SOURCE);
  const options = {
    runOnly: { type: 'tag', values: WCAG_TAGS },
    resultTypes: ['violations'],
    iframes: false,
  };
  return (await page.evaluate(`axe.run(document, ${JSON.stringify(options)}).then((r) => r.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html, summary: n.failureSummary || '' })),
  })))`)) as Violation[];
}

/** A name safe for a file: lower case, words joined by dashes. */
export const fileSlug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 90);

/**
 * Checks the page as it is at each width (375 and 1280 px) and saves a full-page screenshot of each
 * as `<dir>/<name>-<width>.png` (its first 12,000 px). The page is not reloaded, so a form's result page can be checked too.
 */
export async function auditWidths(page: Page, name: string, dir: string): Promise<Audit[]> {
  const audits: Audit[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width < 600 ? 812 : 900 });
    const violations = await runAxe(page);
    const screenshot = path.join(dir, `${fileSlug(name)}-${width}.png`);
    // Chromium cannot capture a page of many screens at once (the local preview is 60,000 px tall).
    const height = Math.min(
      MAX_SHOT_HEIGHT,
      Number(await page.evaluate('document.documentElement.scrollHeight')),
    );
    await page.screenshot({ path: screenshot, fullPage: true, clip: { x: 0, y: 0, width, height } });
    audits.push({ width, violations, screenshot });
  }
  return audits;
}

/** Each violation on its own lines: rule id, impact, what it asks, help URL, and every element it found. */
export function describeViolations(where: string, violations: readonly Violation[]): string {
  return violations
    .map((v) =>
      [
        `${where}: ${v.id} (${v.impact ?? 'no impact given'}): ${v.help}`,
        `    help: ${v.helpUrl}`,
        ...v.nodes.flatMap((n) => [
          `    target: ${n.target.join(' ')}`,
          `      ${n.summary.replace(/\s*\n\s*/g, ' ').slice(0, 300)}`,
          `      ${n.html.replace(/\s+/g, ' ').slice(0, 200)}`,
        ]),
      ].join('\n'),
    )
    .join('\n');
}
