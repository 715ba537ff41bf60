/**
 * The report email's charts, built per person at send time from the report's numbers: bar charts made
 * of tables (Gmail and Outlook render them; no SVG, no images) and the same numbers as plain text.
 * Inline styles and palette colours only; the layout's dark-mode rules recolour `k-bar` and `k-track`.
 */
import type { CrisisLines } from '../program/crisis-lines';
import { decimalWriter } from '../program/local-words';
import { answerWords, type CheckpointReport, type MetricSummary, weekScoreText } from '../program/report';
import type { Language, Scale } from '../program/types';
import { WHAT_NOW_WORDS } from '../program/what-now';
import { escapeHtml } from './fill';
import { PALETTE } from './palette';

/** Height in px of a weekly bar at the top of the scale. */
const WEEK_BAR_MAX = 60;
const PRESENTATION = 'role="presentation" cellpadding="0" cellspacing="0" border="0"';
const SOLID = 'font-size:1px;line-height:1px;mso-line-height-rule:exactly;';
const TEXT = `font-family:-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif;color:${PALETTE.ink};`;
const MUTED = `font-family:-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif;color:${PALETTE.muted};`;

/** The charts' words, in each language the program speaks. */
const CHART_WORDS = {
  en: {
    noAnswers: 'no answers',
    yes: (pct: string) => `${pct} yes`,
    average: (n: string) => `average <strong>${n}</strong> of 5`,
    of5: (n: string) => `${n} of 5`,
    notAsked: 'Not asked yet.',
    answered: (a: number, s: number, pct: string) => `Answered ${a} of ${s} (${pct}).`,
    noChange: 'Change: not enough answers to compare.',
    change: (n: string) => `Change from the first 30 days to the last 30: <strong>${n}</strong>`,
    changeText: (n: string) => ` Change: ${n}.`,
    first: 'Days 0–29',
    last: 'Days 61–90',
    weekByWeek: 'Week by week (the number under each bar is the program week; – means no answer):',
    weekByWeekText: 'Week by week',
    week: 'week',
    day: (d: number) => `Day ${d}`,
    question: 'Question',
    quick: 'Days 30 and 60: three quick questions',
    checkpoint: 'Days 88–90: the checkpoint',
    weekly: 'Your weekly check-ins',
    noneAnswered: 'No weekly check-in was answered, so there is no line to show.',
    noneAnsweredText: 'No weekly check-in was answered.',
  },
  es: {
    noAnswers: 'sin respuestas',
    yes: (pct: string) => `${pct} sí`,
    average: (n: string) => `promedio <strong>${n}</strong> de 5`,
    of5: (n: string) => `${n} de 5`,
    notAsked: 'Todavía no se preguntó.',
    answered: (a: number, s: number, pct: string) => `Respondiste ${a} de ${s} (${pct}).`,
    noChange: 'Cambio: no hay respuestas suficientes para comparar.',
    change: (n: string) => `Cambio de los primeros 30 días a los últimos 30: <strong>${n}</strong>`,
    changeText: (n: string) => ` Cambio: ${n}.`,
    first: 'Días 0–29',
    last: 'Días 61–90',
    weekByWeek:
      'Semana a semana (el número bajo cada barra es la semana del programa; – quiere decir sin respuesta):',
    weekByWeekText: 'Semana a semana',
    week: 'semana',
    day: (d: number) => `Día ${d}`,
    question: 'Pregunta',
    quick: 'Días 30 y 60: tres preguntas rápidas',
    checkpoint: 'Días 88–90: el punto de control',
    weekly: 'Tus preguntas semanales',
    noneAnswered: 'No respondiste ninguna pregunta semanal, así que no hay línea que mostrar.',
    noneAnsweredText: 'No respondiste ninguna pregunta semanal.',
  },
} satisfies Record<Language, Record<string, unknown>>;
type Words = (typeof CHART_WORDS)['en'] & {
  /** A number with one decimal as written where the person lives ("2.5", "2,5"). */
  decimal: (n: number) => string;
};
const wordsFor = (language: Language, timezone?: string): Words => ({
  ...CHART_WORDS[language],
  decimal: decimalWriter(language, timezone),
});

const top = (scale: Scale) => (scale === 'yes-no' ? 1 : 5);
const signed = (n: number, w: Words) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${w.decimal(Math.abs(n))}`;
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
function average(label: string, value: number | null, scale: Scale, w: Words): string {
  const words =
    value === null ? w.noAnswers : scale === 'yes-no' ? w.yes(pct(value)) : w.average(w.decimal(value));
  return `<tr><td style="${TEXT}padding:0 0 4px;font-size:15px;line-height:1.4;">${label}: ${words}</td></tr>
<tr><td style="padding:0 0 12px;">${value === null ? hbar(0, 1) : hbar(value, top(scale))}</td></tr>`;
}

/** The weeks a metric was asked in (every week for reports saved before `asked` existed). */
const askedWeeks = (metric: MetricSummary) =>
  metric.weekly.some((w) => w.asked !== undefined) ? metric.weekly.filter((w) => w.asked) : metric.weekly;

/** One vertical bar per week the question was asked, its number above it and its week below. */
function weeklyBars(metric: MetricSummary, w: Words): string {
  const max = top(metric.scale);
  const weeks = askedWeeks(metric);
  const width = (100 / Math.max(1, weeks.length)).toFixed(2);
  const columns = weeks
    .map(({ score }) => {
      const height = score === null ? 2 : Math.max(3, Math.round((score / max) * WEEK_BAR_MAX));
      const [cls, colour] = score === null ? ['k-track', PALETTE.todo] : ['k-bar', PALETTE.link];
      return `<td width="${width}%" align="center" valign="bottom" style="width:${width}%;vertical-align:bottom;padding:0 1px;">
<p style="${MUTED}margin:0 0 3px;font-size:11px;line-height:1.2;">${score === null ? '–' : weekScoreText(score, w.decimal)}</p>
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

function metricChart(metric: MetricSummary, w: Words): string {
  const answered =
    metric.responseRate === null
      ? w.notAsked
      : w.answered(metric.answered, metric.sent, pct(metric.responseRate));
  const change = metric.change === null ? w.noChange : w.change(signed(metric.change, w));
  return `<table ${PRESENTATION} class="k-chart" width="100%" style="border-collapse:collapse;margin:0 0 32px;">
<tr><td style="${TEXT}padding:0 0 4px;font-size:17px;line-height:1.45;font-weight:bold;">${escapeHtml(metric.question)}</td></tr>
<tr><td style="${MUTED}padding:0 0 12px;font-size:14px;line-height:1.5;">${answered}</td></tr>
${average(w.first, metric.first30, metric.scale, w)}
${average(w.last, metric.last30, metric.scale, w)}
<tr><td style="${TEXT}padding:0 0 16px;font-size:15px;line-height:1.4;">${change}</td></tr>
<tr><td style="${MUTED}padding:0 0 6px;font-size:14px;line-height:1.4;">${w.weekByWeek}</td></tr>
<tr><td>${weeklyBars(metric, w)}</td></tr>
</table>`;
}

const heading = (text: string) =>
  `<p style="${TEXT}margin:8px 0 12px;font-size:19px;line-height:1.4;font-weight:bold;">${text}</p>`;
const cellStyle = `padding:8px 6px;border-bottom:1px solid ${PALETTE.todo};font-size:15px;line-height:1.4;`;

function quickTable(report: CheckpointReport, w: Words, language: Language): string {
  const checks = report.quickChecks ?? [];
  if (!checks.length) return '';
  const questions = new Map<string, { question: string; scale: Scale }>();
  for (const check of checks)
    for (const a of check.answers)
      if (!questions.has(a.metric)) questions.set(a.metric, { question: a.question, scale: a.scale });
  const head = checks
    .map((c) => `<th scope="col" align="center" style="${TEXT}${cellStyle}width:64px;">${w.day(c.day)}</th>`)
    .join('');
  const rows = [...questions]
    .map(([metric, { question, scale }]) => {
      const cells = checks
        .map((c) => {
          const a = c.answers.find((x) => x.metric === metric);
          return `<td align="center" style="${TEXT}${cellStyle}">${a ? answerWords(a.answer, scale, language) : '–'}</td>`;
        })
        .join('');
      return `<tr><th scope="row" align="left" style="${TEXT}${cellStyle}font-weight:normal;text-align:left;">${escapeHtml(question)}</th>${cells}</tr>`;
    })
    .join('');
  return `${heading(w.quick)}
<table class="k-answers" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:0 0 32px;">
<tr><th scope="col" align="left" style="${TEXT}${cellStyle}text-align:left;">${w.question}</th>${head}</tr>${rows}</table>`;
}

function checkpointTable(report: CheckpointReport, w: Words, language: Language): string {
  if (!report.checkpoint.length) return '';
  const rows = report.checkpoint
    .map(
      (c) =>
        `<tr><th scope="row" align="left" style="${TEXT}${cellStyle}font-weight:normal;text-align:left;">${escapeHtml(c.question)}</th><td align="center" style="${TEXT}${cellStyle}width:96px;">${answerWords(c.answer, c.scale, language)}</td></tr>`,
    )
    .join('');
  return `${heading(w.checkpoint)}
<table class="k-answers" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:0 0 16px;">${rows}</table>`;
}

/**
 * When the person's own messages showed harm or fear during the program, the report email opens with what
 * its page opens with: their own safety first, and whom to call (program/what-now.ts).
 */
export function safetyFirstHtml(report: CheckpointReport, language: Language, lines: CrisisLines): string {
  if (report.harmDisclosed !== true) return '';
  const words = WHAT_NOW_WORDS[language].safety;
  return `<p style="${TEXT}margin:0 0 8px;font-weight:bold;">${escapeHtml(words.title)}</p>
<p style="${TEXT}margin:0 0 8px;">${escapeHtml(words.text(lines))}</p>
<p style="${TEXT}margin:0 0 24px;">${escapeHtml(words.emergency(lines))}</p>`;
}

/** The same, for the email's text part: nothing when no harm was disclosed. */
export function safetyFirstText(report: CheckpointReport, language: Language, lines: CrisisLines): string[] {
  if (report.harmDisclosed !== true) return [];
  const words = WHAT_NOW_WORDS[language].safety;
  return [`${words.title}\n${words.text(lines)}\n${words.emergency(lines)}`];
}

/** The charts and answer tables of a report, as an HTML fragment for the report layout's {{{charts}}}. */
export function reportChartsHtml(
  report: CheckpointReport,
  language: Language = 'en',
  /** The person's time zone: numbers are written as where they live ("2,5" in Spain). */
  timezone?: string,
): string {
  const w = wordsFor(language, timezone);
  const metrics = report.metrics.length
    ? report.metrics.map((metric) => metricChart(metric, w)).join('\n')
    : `<p style="${TEXT}margin:0 0 24px;">${w.noneAnswered}</p>`;
  return `${heading(w.weekly)}\n${metrics}\n${quickTable(report, w, language)}\n${checkpointTable(report, w, language)}`;
}

/** The same numbers as plain text, for the email's text part. */
export function reportChartsText(
  report: CheckpointReport,
  language: Language = 'en',
  timezone?: string,
): string {
  const w = wordsFor(language, timezone);
  const upper = (text: string) => text.toLocaleUpperCase(language);
  const lines: string[] = [upper(w.weekly), ''];
  if (!report.metrics.length) lines.push(w.noneAnsweredText, '');
  for (const m of report.metrics) {
    const avg = (v: number | null) =>
      v === null ? w.noAnswers : m.scale === 'yes-no' ? w.yes(pct(v)) : w.of5(w.decimal(v));
    lines.push(
      m.question,
      m.responseRate === null ? w.notAsked : w.answered(m.answered, m.sent, pct(m.responseRate)),
      `${w.first}: ${avg(m.first30)}. ${w.last}: ${avg(m.last30)}.${m.change === null ? '' : w.changeText(signed(m.change, w))}`,
      `${w.weekByWeekText}: ${askedWeeks(m)
        .map(
          (week) =>
            `${w.week} ${week.week}: ${week.score === null ? '–' : weekScoreText(week.score, w.decimal)}`,
        )
        .join(', ')}`,
      '',
    );
  }
  const checks = report.quickChecks ?? [];
  if (checks.length) {
    lines.push(upper(w.quick), '');
    for (const check of checks) {
      lines.push(`${w.day(check.day)}:`);
      for (const a of check.answers)
        lines.push(`- ${a.question} ${answerWords(a.answer, a.scale, language)}`);
      lines.push('');
    }
  }
  if (report.checkpoint.length) {
    lines.push(upper(w.checkpoint), '');
    for (const c of report.checkpoint)
      lines.push(`- ${c.question} ${answerWords(c.answer, c.scale, language)}`);
    lines.push('');
  }
  return lines.join('\n').trim();
}
