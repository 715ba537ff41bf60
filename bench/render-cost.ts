/**
 * Render cost: filling a precompiled layout (what the send function does per message) beside compiling its
 * MJML per send (what it would do without the build step), for every layout of the catalog.
 */
import { completeCatalog as catalog } from '../functions/catalog/complete';
import { layoutNamed } from '../functions/program/layouts';
import { stepBodyOf } from '../functions/program/step-bodies';
import { fillHtml } from '../functions/render/fill';
import { compileLayout, LAYOUT_NAMES, LAYOUT_PLACEHOLDERS, type LayoutName } from '../templates/build';
import { log, median, sig } from './measure';

export interface RenderRow {
  layout: LayoutName;
  /** Microseconds per message. */
  fillUs: number;
  compileUs: number;
  ratio: number;
}

export interface RenderCost {
  rows: RenderRow[];
  /** The worst (largest) ratio over the layouts. */
  ratio: number;
}

/** A signed link token as long as the real ones. */
const token = `v1.${'Zm9yLWEtcmVhbGlzdGljLWxlbmd0aC1vZi1hLXNpZ25lZC1saW5rLXRva2Vu'.repeat(2)}`;

/**
 * Values as a real message carries them: the first lesson's subject, preheader and body, the first
 * check-in's question, signed links (with `&score=` where the layout answers), the footer's address.
 */
function valuesFor(layout: LayoutName): Record<string, string> {
  const lesson = catalog.steps.find((step) => step.kind === 'lesson');
  const checkin = catalog.steps.find((step) => step.kind === 'check-in');
  const link = (path: string, extra = '') => `https://kintsugi.example.org/${path}?token=${token}${extra}`;
  const known: Record<string, string> = {
    lang: 'en',
    subject: lesson?.subject ?? '',
    preheader: lesson?.preheader ?? '',
    body: lesson ? stepBodyOf(lesson).html : '',
    charts: lesson ? stepBodyOf(lesson).html : '',
    question: checkin?.question ?? '',
    actionLabel: 'Open my report',
    actionUrl: link('report'),
    unsubscribeUrl: link('unsubscribe'),
    privacyUrl: link('privacy'),
    settingsUrl: link('settings'),
    postalAddress: 'Kintsugi, 1 Example Street, Example City',
    yesUrl: link('checkin', '&score=1'),
    noUrl: link('checkin', '&score=0'),
    details: '',
    stopInvitationsUrl: link('invitations/stop'),
  };
  return Object.fromEntries(
    LAYOUT_PLACEHOLDERS[layout].map((name) => [
      name,
      known[name] ?? link('checkin', `&score=${name.match(/\d/)?.[0] ?? '1'}`),
    ]),
  );
}

export async function renderCost(options: { compiles: number; fills: number }): Promise<RenderCost> {
  const rows: RenderRow[] = [];
  for (const layout of LAYOUT_NAMES) {
    const template = layoutNamed(catalog, layout);
    const values = valuesFor(layout);
    fillHtml(template, values); // the first fill splits the template once; every later one is a join
    await compileLayout(layout); // warm mjml's own caches, as a long-lived process would have them
    // Interleaved rounds, so whatever else the machine does weighs on both sides alike.
    const fills: number[] = [];
    const compiles: number[] = [];
    for (let round = 0; round < options.compiles; round++) {
      let started = performance.now();
      Buffer.byteLength(fillHtml(await compileLayout(layout), values));
      compiles.push((performance.now() - started) * 1000);
      started = performance.now();
      // Encoded as the send encodes it: a filled string is a rope until something reads its bytes.
      for (let i = 0; i < options.fills; i++) Buffer.byteLength(fillHtml(template, values));
      fills.push(((performance.now() - started) * 1000) / options.fills);
    }
    const fillUs = median(fills);
    const compileUs = median(compiles);
    rows.push({ layout, fillUs, compileUs, ratio: fillUs / compileUs });
    log(
      `  ${layout.padEnd(8)} fill ${sig(fillUs)} µs   MJML compile ${sig(compileUs / 1000)} ms   ratio 1/${sig(compileUs / fillUs)}`,
    );
  }
  return { rows, ratio: Math.max(...rows.map((r) => r.ratio)) };
}
