/**
 * The report email's charts, built per person at send time from the report's numbers: bar charts made
 * of tables (Gmail and Outlook render them; no SVG, no images) and the same numbers as plain text.
 * Inline styles and palette colours only; the layout's dark-mode rules recolour `k-bar` and `k-track`.
 */
import { answerWords, type CheckpointReport, type MetricSummary, weekScoreText } from '../program/report';
import type { Scale } from '../program/types';
import { escapeHtml } from './fill';
import { PALETTE } from './palette';

/** Height in px of a weekly bar at the top of the scale. */
const WEEK_BAR_MAX = 60;
const PRESENTATION = 'role="presentation" cellpadding="0" cellspacing="0" border="0"';
const SOLID = 'font-size:1px;line-height:1px;mso-line-height-rule:exactly;';
const TEXT = `font-family:-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif;color:${PALETTE.ink};`;
const MUTED = `font-family:-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif;color:${PALETTE.muted};`;

const top = (scale: Scale) => (scale === 'yes-no' ? 1 : 5);
const fmt = (n: number) => n.toFixed(1);
const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${fmt(Math.abs(n))}`;
const pct = (n: number) => `${Math.round(n * 100)}%`;

/** A horizontal bar filling `value / max` of the width. */
function hbar(value: number, max: number): string {
  const filled = Math.max(0, Math.min(100, Math.round((value / max) * 100)));
  const cell = (cls: string, colour: string, width: number) =>
    `<td class="${cls}" width="${width}%" height="14" style="width:${width}%;height:14px;background-color:${colour};${SOLID}">&nbsp;</td>`;
  return `<table ${PRESENTATION} width="100%" style="border-collapse:collapse;"><tr>${
    filled > 0 ? cell('k-bar', PALETTE.link, filled) : ''
  }${filled < 100 ? cell('k-track', PALETTE.todo, 100 - filled) : ''}</tr></table>`;
}

/** One metric's average for a stretch of days, with its bar. */
function average(label: string, value: number | null, scale: Scale): string {
  const words =
    value === null
      ? 'no answers'
      : scale === 'yes-no'
        ? `${pct(value)} yes`
        : `average <strong>${fmt(value)}</strong> of 5`;
  return `<tr><td style="${TEXT}padding:0 0 4px;font-size:15px;line-height:1.4;">${label}: ${words}</td></tr>
<tr><td style="padding:0 0 12px;">${value === null ? hbar(0, 1) : hbar(value, top(scale))}</td></tr>`;
}

/** The weeks a metric was asked in (every week for reports saved before `asked` existed). */
const askedWeeks = (metric: MetricSummary) =>
  metric.weekly.some((w) => w.asked !== undefined) ? metric.weekly.filter((w) => w.asked) : metric.weekly;

/** One vertical bar per week the question was asked, its number above it and its week below. */
function weeklyBars(metric: MetricSummary): string {
  const max = top(metric.scale);
  const weeks = askedWeeks(metric);
  const width = (100 / Math.max(1, weeks.length)).toFixed(2);
  const columns = weeks
    .map(({ score }) => {
      const height = score === null ? 2 : Math.max(3, Math.round((score / max) * WEEK_BAR_MAX));
      const [cls, colour] = score === null ? ['k-track', PALETTE.todo] : ['k-bar', PALETTE.link];
      return `<td width="${width}%" align="center" valign="bottom" style="width:${width}%;vertical-align:bottom;padding:0 1px;">
<p style="${MUTED}margin:0 0 3px;font-size:11px;line-height:1.2;">${score === null ? '–' : weekScoreText(score)}</p>
<table ${PRESENTATION} width="70%" align="center" style="border-collapse:collapse;"><tr><td class="${cls}" height="${height}" style="height:${height}px;background-color:${colour};${SOLID}">&nbsp;</td></tr></table>
</td>`;
    })
    .join('');
  const labels = weeks
    .map(
      ({ week }) =>
        `<td align="center" style="${MUTED}padding:4px 0 0;font-size:11px;line-height:1.2;">${week}</td>`,
    )
    .join('');
  return `<table ${PRESENTATION} width="100%" style="border-collapse:collapse;table-layout:fixed;"><tr>${columns}</tr><tr>${labels}</tr></table>`;
}

function metricChart(metric: MetricSummary): string {
  const answered =
    metric.responseRate === null
      ? 'Not asked yet.'
      : `Answered ${metric.answered} of ${metric.sent} (${pct(metric.responseRate)}).`;
  const change =
    metric.change === null
      ? 'Change: not enough answers to compare.'
      : `Change from the first 30 days to the last 30: <strong>${signed(metric.change)}</strong>`;
  return `<table ${PRESENTATION} class="k-chart" width="100%" style="border-collapse:collapse;margin:0 0 32px;">
<tr><td style="${TEXT}padding:0 0 4px;font-size:17px;line-height:1.45;font-weight:bold;">${escapeHtml(metric.question)}</td></tr>
<tr><td style="${MUTED}padding:0 0 12px;font-size:14px;line-height:1.5;">${answered}</td></tr>
${average('Days 0–29', metric.first30, metric.scale)}
${average('Days 61–90', metric.last30, metric.scale)}
<tr><td style="${TEXT}padding:0 0 16px;font-size:15px;line-height:1.4;">${change}</td></tr>
<tr><td style="${MUTED}padding:0 0 6px;font-size:14px;line-height:1.4;">Week by week (the number under each bar is the program week; – means no answer):</td></tr>
<tr><td>${weeklyBars(metric)}</td></tr>
</table>`;
}

const heading = (text: string) =>
  `<p style="${TEXT}margin:8px 0 12px;font-size:19px;line-height:1.4;font-weight:bold;">${text}</p>`;
const cellStyle = `padding:8px 6px;border-bottom:1px solid ${PALETTE.todo};font-size:15px;line-height:1.4;`;

function quickTable(report: CheckpointReport): string {
  const checks = report.quickChecks ?? [];
  if (!checks.length) return '';
  const questions = new Map<string, { question: string; scale: Scale }>();
  for (const check of checks)
    for (const a of check.answers)
      if (!questions.has(a.metric)) questions.set(a.metric, { question: a.question, scale: a.scale });
  const head = checks
    .map((c) => `<th scope="col" align="center" style="${TEXT}${cellStyle}width:64px;">Day ${c.day}</th>`)
    .join('');
  const rows = [...questions]
    .map(([metric, { question, scale }]) => {
      const cells = checks
        .map((c) => {
          const a = c.answers.find((x) => x.metric === metric);
          return `<td align="center" style="${TEXT}${cellStyle}">${a ? answerWords(a.answer, scale) : '–'}</td>`;
        })
        .join('');
      return `<tr><th scope="row" align="left" style="${TEXT}${cellStyle}font-weight:normal;text-align:left;">${escapeHtml(question)}</th>${cells}</tr>`;
    })
    .join('');
  return `${heading('Days 30 and 60: three quick questions')}
<table class="k-answers" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:0 0 32px;">
<tr><th scope="col" align="left" style="${TEXT}${cellStyle}text-align:left;">Question</th>${head}</tr>${rows}</table>`;
}

function checkpointTable(report: CheckpointReport): string {
  if (!report.checkpoint.length) return '';
  const rows = report.checkpoint
    .map(
      (c) =>
        `<tr><th scope="row" align="left" style="${TEXT}${cellStyle}font-weight:normal;text-align:left;">${escapeHtml(c.question)}</th><td align="center" style="${TEXT}${cellStyle}width:96px;">${answerWords(c.answer, c.scale)}</td></tr>`,
    )
    .join('');
  return `${heading('Days 88–90: the checkpoint')}
<table class="k-answers" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:0 0 16px;">${rows}</table>`;
}

/** The charts and answer tables of a report, as an HTML fragment for the report layout's {{{charts}}}. */
export function reportChartsHtml(report: CheckpointReport): string {
  const metrics = report.metrics.length
    ? report.metrics.map(metricChart).join('\n')
    : `<p style="${TEXT}margin:0 0 24px;">No weekly check-in was answered, so there is no line to show.</p>`;
  return `${heading('Your weekly check-ins')}\n${metrics}\n${quickTable(report)}\n${checkpointTable(report)}`;
}

/** The same numbers as plain text, for the email's text part. */
export function reportChartsText(report: CheckpointReport): string {
  const lines: string[] = ['YOUR WEEKLY CHECK-INS', ''];
  if (!report.metrics.length) lines.push('No weekly check-in was answered.', '');
  for (const m of report.metrics) {
    const avg = (v: number | null) =>
      v === null ? 'no answers' : m.scale === 'yes-no' ? `${pct(v)} yes` : `${fmt(v)} of 5`;
    lines.push(
      m.question,
      m.responseRate === null
        ? 'Not asked yet.'
        : `Answered ${m.answered} of ${m.sent} (${pct(m.responseRate)}).`,
      `Days 0–29: ${avg(m.first30)}. Days 61–90: ${avg(m.last30)}.${m.change === null ? '' : ` Change: ${signed(m.change)}.`}`,
      `Week by week: ${askedWeeks(m)
        .map((w) => `week ${w.week} ${w.score === null ? '–' : weekScoreText(w.score)}`)
        .join(', ')}`,
      '',
    );
  }
  const checks = report.quickChecks ?? [];
  if (checks.length) {
    lines.push('DAYS 30 AND 60: THREE QUICK QUESTIONS', '');
    for (const check of checks) {
      lines.push(`Day ${check.day}:`);
      for (const a of check.answers) lines.push(`- ${a.question} ${answerWords(a.answer, a.scale)}`);
      lines.push('');
    }
  }
  if (report.checkpoint.length) {
    lines.push('DAYS 88–90: THE CHECKPOINT', '');
    for (const c of report.checkpoint) lines.push(`- ${c.question} ${answerWords(c.answer, c.scale)}`);
    lines.push('');
  }
  return lines.join('\n').trim();
}
