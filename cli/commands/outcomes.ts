import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { renderOutcomesPage } from '../../functions/pages/outcomes';
import {
  type Distribution,
  distributionsOf,
  FEWER_THAN,
  type OutcomesView,
  type Shown,
} from '../../functions/program/outcomes';
import { contextOf } from '../context';
import { table } from '../format';

/** A figure as printed: thousands separated, or the suppression's words. */
const n = (value: Shown | null | undefined): string =>
  value === null || value === undefined
    ? '—'
    : typeof value === 'number'
      ? value.toLocaleString('en-US')
      : value;
/** A rate (0–1) as a percentage. */
const pct = (value: Shown | null): string =>
  value === null ? '—' : typeof value === 'number' ? `${(value * 100).toFixed(1)}%` : value;

const quartileText = (d: Distribution) =>
  d.quartiles === null
    ? '—'
    : d.quartiles === FEWER_THAN
      ? FEWER_THAN
      : `${d.quartiles.median} [${d.quartiles.q1}–${d.quartiles.q3}]`;

/** The outcomes as an operator reads them in a terminal. */
export function outcomesText(view: OutcomesView): string {
  const lines = [
    `Program outcomes, ${view.cohort === 'all' ? 'every cohort' : `cohort ${view.cohort}`} (a figure resting on fewer than ${view.minCell} people shows as "${FEWER_THAN}")`,
    '',
    'Funnel (people)',
    table(
      ['STEP', 'ALL', 'HURT', 'REPAIRING', 'GAVE A NUMBER', 'EMAIL ONLY'],
      view.funnel.map((s) => [
        s.label,
        n(s.people),
        n(s.byTrack.hurt),
        n(s.byTrack.repairing),
        n(s.byReach.texts),
        n(s.byReach.email),
      ]),
    ),
    '',
    view.mostStoppedAfter
      ? `Most people stopped (${view.mostStoppedAfter.reason}) after week ${view.mostStoppedAfter.week}: ${n(view.mostStoppedAfter.people)}.`
      : 'Where people stopped: no figure large enough to show.',
    ...(view.stops.length
      ? [
          table(
            ['STOPPED', 'AFTER WEEK', 'PEOPLE'],
            view.stops.map((s) => [s.reason, String(s.week), n(s.people)]),
          ),
        ]
      : []),
    '',
    'Weekly check-in response (late answers counted)',
    table(
      ['WEEK', 'TEXTED', 'EMAILED', 'TEXT', 'CLICK', 'REPLY', 'RATE', 'BY TEXT', 'BY EMAIL'],
      view.response.map((r) => [
        String(r.week),
        n(r.askedByText),
        n(r.askedByEmail),
        n(r.answered.text),
        n(r.answered.click),
        n(r.answered.reply),
        pct(r.rate),
        pct(r.textRate),
        pct(r.emailRate),
      ]),
    ),
  ];
  for (const m of view.metrics) {
    lines.push(
      '',
      `Answers: ${m.question ? `${m.question} (${m.metric})` : m.metric}, median [quartiles], people`,
    );
    const rows = distributionsOf(m)
      .filter((d) => d.people !== 0)
      .map((d) => [
        d.label,
        quartileText(d),
        n(d.people),
        d.histogram.map((h) => `${h.score}: ${n(h.people)}`).join(', '),
      ]);
    if (rows.length) lines.push(table(['WHEN', 'MEDIAN', 'PEOPLE', 'BY ANSWER'], rows));
    if (m.trend)
      lines.push(
        `From the first 30 to the last 30 days: rose ${n(m.trend.rose)}, held ${n(m.trend.held)}, fell ${n(m.trend.fell)}.`,
      );
  }
  lines.push('', `Safety (of ${n(view.safety.participants)} confirmed participants)`);
  lines.push(
    view.safety.flags.length
      ? table(
          ['LEVEL', 'CATEGORY', 'PEOPLE', 'PER 1,000'],
          view.safety.flags.map((f) => [f.level, f.category, n(f.people), n(f.per1000)]),
        )
      : 'No safety flags.',
  );
  lines.push(`Waited for a human: ${view.safety.waits.map((w) => `${w.bucket} ${n(w.flags)}`).join(', ')}.`);
  return lines.join('\n');
}

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The outcomes as CSV: one figure a row (section, what, breakdown, value). */
export function outcomesCsv(view: OutcomesView): string {
  const rows: string[][] = [['section', 'what', 'breakdown', 'value']];
  const add = (section: string, what: string, breakdown: string, value: Shown | null) =>
    rows.push([section, what, breakdown, value === null ? '' : String(value)]);
  for (const s of view.funnel) {
    add('funnel', s.step, 'all', s.people);
    for (const [k, v] of Object.entries(s.byTrack)) add('funnel', s.step, `track:${k}`, v);
    for (const [k, v] of Object.entries(s.byReach)) add('funnel', s.step, `reach:${k}`, v);
  }
  for (const s of view.stops) add('stopped', s.reason, `after week ${s.week}`, s.people);
  for (const r of view.response) {
    const w = `week ${r.week}`;
    add('response', 'texted', w, r.askedByText);
    add('response', 'emailed', w, r.askedByEmail);
    for (const [k, v] of Object.entries(r.answered)) add('response', `answered by ${k}`, w, v);
    add('response', 'rate', w, r.rate);
  }
  for (const m of view.metrics) {
    for (const d of distributionsOf(m)) {
      add(`answers:${m.metric}`, 'people', d.label, d.people);
      if (d.quartiles && d.quartiles !== FEWER_THAN) {
        add(`answers:${m.metric}`, 'median', d.label, d.quartiles.median);
        add(`answers:${m.metric}`, 'q1', d.label, d.quartiles.q1);
        add(`answers:${m.metric}`, 'q3', d.label, d.quartiles.q3);
      }
      for (const h of d.histogram) add(`answers:${m.metric}`, `answer ${h.score}`, d.label, h.people);
    }
    for (const [k, v] of Object.entries(m.trend ?? {}))
      add(`answers:${m.metric}`, `trend ${k}`, 'first vs last 30 days', v);
  }
  for (const f of view.safety.flags) {
    add('safety', `${f.level}:${f.category}`, 'people', f.people);
    add('safety', `${f.level}:${f.category}`, 'per 1,000', f.per1000);
  }
  for (const w of view.safety.waits) add('safety', 'waited', w.bucket, w.flags);
  return rows.map((r) => r.map(csvCell).join(',')).join('\n');
}

/** `kintsugi outcomes`: the program's outcomes, aggregates only, every small figure suppressed. */
export function register(program: Command): void {
  program
    .command('outcomes')
    .description(
      "The program's outcomes: funnel, weekly response, answer distributions, safety; aggregates only, figures under 10 people suppressed",
    )
    .option('--cohort <cohort>', 'people who enrolled in a month (2027-01) or an ISO week (2027-W03)')
    .option('--csv', 'print CSV, one figure a row')
    .option('--html <file>', 'write the outcomes page (charts and tables) to a file as well')
    .addHelpText(
      'after',
      '\nExamples:\n  npx kintsugi outcomes\n  npx kintsugi outcomes --cohort 2027-01 --csv > outcomes.csv\n  npx kintsugi --stack kintsugi-prod outcomes --html outcomes.html',
    )
    .action(async (options: { cohort?: string; csv?: boolean; html?: string }, command: Command) => {
      const context = contextOf(command);
      const view = await (await context.target()).admin(
        'outcomes',
        options.cohort ? { cohort: options.cohort } : {},
      );
      if (options.html) writeFileSync(options.html, renderOutcomesPage(view));
      if (options.csv) context.io.out(outcomesCsv(view));
      else context.print(view, outcomesText);
    });
}
