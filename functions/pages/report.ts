import type { CheckpointReport, MetricSummary } from '../program/report';
import { answerWords } from '../program/report-charts';
import { escapeHtml, page } from './layout';

const fmt = (n: number | null, digits = 1) => (n === null ? '—' : n.toFixed(digits));
const pct = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)}%`);

/** A small line chart of one metric's weekly answers (SVG, no script). */
function chart(metric: MetricSummary): string {
  const w = 320;
  const h = 120;
  const x = (week: number) => 20 + ((week - 1) / 12) * (w - 40);
  const y = (score: number) => h - 20 - ((score - 1) / 4) * (h - 40);
  const points = metric.weekly
    .filter((p) => p.score !== null)
    .map((p) => `${x(p.week)},${y(p.score as number)}`);
  const dots = metric.weekly
    .filter((p) => p.score !== null)
    .map(
      (p) =>
        `<circle cx="${x(p.week)}" cy="${y(p.score as number)}" r="4" fill="#8a6a12"><title>Week ${p.week}: ${p.score}</title></circle>`,
    )
    .join('');
  const label = `Weekly answers for ${metric.question}: ${metric.weekly.map((p) => `week ${p.week} ${p.score ?? 'no answer'}`).join(', ')}`;
  return `<svg role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${w} ${h}" width="100%" style="max-width:${w}px">
<line x1="20" y1="${h - 20}" x2="${w - 20}" y2="${h - 20}" stroke="#8c8273"/>
<text x="2" y="${y(5) + 4}" font-size="10" fill="#5b5247">5</text><text x="2" y="${y(1) + 4}" font-size="10" fill="#5b5247">1</text>
${points.length > 1 ? `<polyline fill="none" stroke="#8a6a12" stroke-width="2" points="${points.join(' ')}"/>` : ''}${dots}
</svg>`;
}

/** The web view of a checkpoint report. */
export function reportPage(report: CheckpointReport): string {
  const metrics = report.metrics
    .map(
      (m) => `<section class="metric" data-metric="${escapeHtml(m.metric)}">
<h2 class="question">${escapeHtml(m.question)}</h2>
${chart(m)}
<table>
<tr><th scope="row">Answered</th><td>${m.answered} of ${m.sent} (${pct(m.responseRate)})</td></tr>
<tr><th scope="row">Average, days 0–29</th><td data-field="first30">${fmt(m.first30)}</td></tr>
<tr><th scope="row">Average, days 61–90</th><td data-field="last30">${fmt(m.last30)}</td></tr>
<tr><th scope="row">Change</th><td data-field="change">${m.change === null ? '—' : `${m.change > 0 ? '+' : ''}${fmt(m.change)}`}</td></tr>
</table>
</section>`,
    )
    .join('');
  const answer = (c: CheckpointReport['checkpoint'][number]) =>
    `${answerWords(c.answer, c.scale)}${c.late ? ' (came late)' : ''}`;
  const checkpoint = report.checkpoint.length
    ? `<h2>The three questions</h2><table>${report.checkpoint
        .map(
          (c) => `<tr><th scope="row">${escapeHtml(c.question)}</th><td>${escapeHtml(answer(c))}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  const checks = report.quickChecks ?? [];
  const quickMetrics = [...new Set(checks.flatMap((c) => c.answers.map((a) => a.metric)))];
  const quick = checks.length
    ? `<section class="quick-checks"><h2>Days 30 and 60: three quick questions</h2>
<p>Three yes-or-no questions, asked twice. Three yeses suggest the ground is there to keep building on; a no
shows where to look next.</p>
<table><tr><th scope="col">Question</th>${checks.map((c) => `<th scope="col">Day ${c.day}</th>`).join('')}</tr>
${quickMetrics
  .map((metric) => {
    const first = checks.flatMap((c) => c.answers).find((a) => a.metric === metric);
    const cells = checks
      .map((c) => {
        const a = c.answers.find((x) => x.metric === metric);
        return `<td data-day="${c.day}" data-metric="${escapeHtml(metric)}">${a ? escapeHtml(answer(a)) : '—'}</td>`;
      })
      .join('');
    return `<tr><th scope="row">${escapeHtml(first?.question ?? metric)}</th>${cells}</tr>`;
  })
  .join('\n')}
</table></section>`
    : '';
  return page(
    'Your 90-day checkpoint',
    `<h1>Your 90-day checkpoint</h1>
<p>These numbers come only from your own answers. They are yours: your partner never sees them. A "no" or a dip
is not a failure. It is information for the choice in front of you.</p>
${metrics || '<p>No check-ins were answered, so there is no trend to show.</p>'}
${quick}
${checkpoint}
${lateLine(report)}
${participationLine(report)}
${report.journalNotes ? `<p>You also kept ${report.journalNotes} journal note${report.journalNotes === 1 ? '' : 's'}.</p>` : ''}`,
  );
}

/** Answers that came after the report was first made, within their questions' windows, are in it too. */
function lateLine(report: CheckpointReport): string {
  const late =
    report.checkpoint.some((c) => c.late) ||
    (report.quickChecks ?? []).some((q) => q.answers.some((a) => a.late)) ||
    report.metrics.some((m) => m.weekly.some((w) => w.late));
  if (!late || !report.updatedAt) return '';
  const weeks = report.metrics.flatMap((m) => m.weekly.filter((w) => w.late).map((w) => w.week));
  return `<p class="late" data-field="late">Answers marked "came late" arrived after this report was first made and are counted here${
    weeks.length ? `, as are your late answers for week ${[...new Set(weeks)].join(', ')}` : ''
  }. The report was last brought up to date on ${escapeHtml(report.updatedAt.slice(0, 10))}.</p>`;
}

/** The one thing linked partners may share, when both agreed: how many check-ins each answered. */
function participationLine(report: CheckpointReport): string {
  const p = report.participation;
  if (!p) return '';
  return `<h2>You and your partner</h2>
<p data-field="participation">You answered ${p.you.answered} of ${p.you.sent} check-ins; your partner answered ${p.partner.answered} of ${p.partner.sent}.
You both chose to share this count, and nothing else.</p>`;
}
