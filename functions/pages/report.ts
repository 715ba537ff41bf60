import { clockOfZone, dateInZone } from '../program/local-words';
import {
  answerWords,
  type CheckpointReport,
  type MetricSummary,
  type QuestionAnswer,
} from '../program/report';
import { type ReportShare, SHARE_DAYS, shareState } from '../program/report-share';
import type { Scale, Track } from '../program/types';
import { WHAT_NOW_ORDER, WHAT_NOW_WORDS, whatNow } from '../program/what-now';
import type { MadeShare, SharedReportView } from '../use-cases/report/report-shares';
import type { ReportNote, ReportPageView } from '../use-cases/report/view-report';
import { escapeHtml, page } from './layout';

const fmt = (n: number | null, digits = 1) => (n === null ? '—' : n.toFixed(digits));
const pct = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)}%`);
const top = (scale: Scale) => (scale === 'yes-no' ? 1 : 5);
/** One week's answer as the chart and the table write it: "4.0", "50% yes", or "–" for none. */
const weekValue = (score: number | null, scale: Scale) =>
  score === null ? '–' : scale === 'yes-no' ? `${pct(score)} yes` : fmt(score);

/** The report pages' own styles: the bar charts, the tools, and what printing leaves out. */
const REPORT_STYLE = `<style>
.sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.tools{display:flex;flex-wrap:wrap;gap:.75rem 1.25rem;align-items:center;margin:1rem 0 1.5rem}
.tools form{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1rem;margin:0}
.tools .choice{margin:0}.tools button{margin:0}
.share button{margin-top:.4rem}
.chart{margin:1rem 0 .25rem}
.chart-title{font-size:.95rem;color:var(--muted);margin:0 0 .5rem}
.bars{display:flex;align-items:flex-end;gap:6px;height:150px;border-bottom:2px solid #6f665a;padding:0 2px}
.bars .col{flex:1 1 0;min-width:0;height:100%;display:flex;flex-direction:column;justify-content:flex-end;align-items:center}
.bars .v{font-size:14px;line-height:1.2;font-weight:600;margin-bottom:3px;white-space:nowrap}
.bars .bar{width:72%;max-width:56px;background:var(--gold);border-radius:3px 3px 0 0;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.bars .none{background:transparent;border:1px dashed #6f665a;border-bottom:0;height:6px}
.weeks{display:flex;gap:6px;padding:0 2px}
.weeks span{flex:1 1 0;min-width:0;text-align:center;font-size:14px;line-height:1.2;padding-top:4px;color:var(--muted)}
.axis{text-align:center;font-size:14px;color:var(--muted);margin:.2rem 0 0}
table.numbers{table-layout:fixed;font-size:15px}
table.numbers caption{text-align:left;font-weight:600;font-size:.95rem;padding:.3rem 0}
table.numbers th,table.numbers td{text-align:center;padding:.3rem .1rem}
table.numbers th[scope=row]{text-align:left;width:5.2rem}
.what-now .pattern{border:1px solid var(--line);border-radius:8px;padding:.6rem 1rem;margin:.8rem 0}
.what-now .pattern.chosen{border:3px solid var(--gold);background:#fff}
.what-now h3{font-size:1.05rem;margin:.3rem 0}
.what-now .safety-first a{color:var(--ink);font-weight:600}
.what-now .leans{font-weight:700;color:var(--gold);margin:.2rem 0;font-size:.95rem}
.notes ol{padding-left:1.2rem}.notes li{margin:.8rem 0}
.notes .when{color:var(--muted);font-size:.95rem;margin:0}.notes .text{margin:.2rem 0 0;white-space:pre-wrap;overflow-wrap:anywhere}
summary{cursor:pointer;font-weight:600;padding:.4rem 0;min-height:44px}
.shares{list-style:none;padding:0}.shares li{border:1px solid var(--line);border-radius:8px;padding:.6rem 1rem;margin:.6rem 0}
.shares p{margin:.2rem 0}
.made input{font-size:.95rem}
@media print{
body{background:#fff;font-size:11pt}
main{max-width:none;padding:0}
header,.tools,.share,.no-print{display:none!important}
.metric,.what-now .pattern,.safety-first,table,.notes li{break-inside:avoid}
h2{break-after:avoid}
a{color:inherit}
}
</style>`;

/** A metric's weekly answers as labelled bars (hidden from screen readers: the table after it holds the same numbers). */
function chart(metric: MetricSummary, weeks: MetricSummary['weekly']): string {
  const max = top(metric.scale);
  const cols = weeks
    .map(({ score }) => {
      const height = score === null ? 0 : Math.max(4, Math.round((score / max) * 100));
      const bar =
        score === null
          ? '<span class="bar none"></span>'
          : `<span class="bar" style="height:${height}%"></span>`;
      return `<span class="col"><span class="v">${weekValue(score, metric.scale)}</span>${bar}</span>`;
    })
    .join('');
  const labels = weeks.map(({ week }) => `<span>${week}</span>`).join('');
  return `<div class="chart" aria-hidden="true">
<p class="chart-title">Week by week${metric.scale === 'yes-no' ? '' : ', out of 5'}. The number under each bar is the program week; – means no answer.</p>
<div class="bars">${cols}</div><div class="weeks">${labels}</div><p class="axis">Program week</p>
</div>`;
}

/** The same numbers as the chart, as a table: one column per week the question was asked. */
function numbersTable(metric: MetricSummary, weeks: MetricSummary['weekly']): string {
  return `<table class="numbers" data-table="weekly">
<caption>Your answers, week by week${metric.scale === 'yes-no' ? '' : ' (out of 5)'}</caption>
<tr><th scope="row">Week</th>${weeks.map((w) => `<th scope="col">${w.week}</th>`).join('')}</tr>
<tr><th scope="row">Answer</th>${weeks
    .map((w) => `<td data-week="${w.week}">${weekValue(w.score, metric.scale)}${w.late ? '*' : ''}</td>`)
    .join('')}</tr>
</table>`;
}

/** The weeks a metric was asked in (every week for reports saved before `asked` existed). */
const askedWeeks = (metric: MetricSummary) =>
  metric.weekly.some((w) => w.asked !== undefined) ? metric.weekly.filter((w) => w.asked) : metric.weekly;

function metricSection(m: MetricSummary): string {
  const weeks = askedWeeks(m);
  return `<section class="metric" data-metric="${escapeHtml(m.metric)}">
<h2 class="question">${escapeHtml(m.question)}</h2>
<table class="summary">
<tr><th scope="row">Answered</th><td>${m.answered} of ${m.sent} (${pct(m.responseRate)})</td></tr>
<tr><th scope="row">Average, days 0–29</th><td data-field="first30">${fmt(m.first30)}</td></tr>
<tr><th scope="row">Average, days 61–90</th><td data-field="last30">${fmt(m.last30)}</td></tr>
<tr><th scope="row">Change</th><td data-field="change">${m.change === null ? '—' : `${m.change > 0 ? '+' : ''}${fmt(m.change)}`}</td></tr>
</table>
${chart(m, weeks)}
${numbersTable(m, weeks)}
</section>`;
}

const answerText = (c: QuestionAnswer) => `${answerWords(c.answer, c.scale)}${c.late ? ' (came late)' : ''}`;

function quickChecks(report: CheckpointReport): string {
  const checks = report.quickChecks ?? [];
  if (!checks.length) return '';
  const metrics = [...new Set(checks.flatMap((c) => c.answers.map((a) => a.metric)))];
  const rows = metrics
    .map((metric) => {
      const first = checks.flatMap((c) => c.answers).find((a) => a.metric === metric);
      const cells = checks
        .map((c) => {
          const a = c.answers.find((x) => x.metric === metric);
          return `<td data-day="${c.day}" data-metric="${escapeHtml(metric)}">${a ? escapeHtml(answerText(a)) : '—'}</td>`;
        })
        .join('');
      return `<tr><th scope="row">${escapeHtml(first?.question ?? metric)}</th>${cells}</tr>`;
    })
    .join('\n');
  return `<section class="quick-checks"><h2>Days 30 and 60: three quick questions</h2>
<p>Three yes-or-no questions, asked twice. Three yeses suggest the ground is there to keep building on; a no
shows where to look next.</p>
<table><tr><th scope="col">Question</th>${checks.map((c) => `<th scope="col">Day ${c.day}</th>`).join('')}</tr>
${rows}
</table></section>`;
}

function checkpoint(report: CheckpointReport): string {
  if (!report.checkpoint.length) return '';
  return `<section class="checkpoint"><h2>The three questions</h2><table>${report.checkpoint
    .map(
      (c) =>
        `<tr><th scope="row">${escapeHtml(c.question)}</th><td data-metric="${escapeHtml(c.metric)}">${escapeHtml(answerText(c))}</td></tr>`,
    )
    .join('')}</table></section>`;
}

/** Answers that came after the report was first made, within their questions' windows, are in it too. */
function lateLine(report: CheckpointReport, timezone: string): string {
  const late =
    report.checkpoint.some((c) => c.late) ||
    (report.quickChecks ?? []).some((q) => q.answers.some((a) => a.late)) ||
    report.metrics.some((m) => m.weekly.some((w) => w.late));
  if (!late || !report.updatedAt) return '';
  const weeks = report.metrics.flatMap((m) => m.weekly.filter((w) => w.late).map((w) => w.week));
  return `<p class="late" data-field="late">Answers marked "came late" (or * in a table) arrived after this report was first made and are counted here${
    weeks.length ? `, as are the late answers for week ${[...new Set(weeks)].join(', ')}` : ''
  }. The report was last brought up to date on ${escapeHtml(dateInZone(report.updatedAt, timezone))}.</p>`;
}

/** The one thing linked partners may share, when both agreed: how many check-ins each answered. */
function participationLine(report: CheckpointReport): string {
  const p = report.participation;
  if (!p) return '';
  return `<h2>You and your partner</h2>
<p data-field="participation">You answered ${p.you.answered} of ${p.you.sent} check-ins; your partner answered ${p.partner.answered} of ${p.partner.sent}.
You both chose to share this count, and nothing else.</p>`;
}

/** "What now": the pattern the answers lean towards, why, the other two, and the safety caveat. */
export function whatNowSection(report: CheckpointReport, track: Track): string {
  const words = WHAT_NOW_WORDS;
  const verdict = whatNow(report, track);
  const safety = `<div class="note safety-first" data-field="safety">
<h3>${words.safety.title}</h3>
<p>${escapeHtml(words.safety.text).replace('1-800-799-7233', '<a href="tel:+18007997233">1-800-799-7233</a>')}</p>
<p>${escapeHtml(words.safety.emergency)}</p>
</div>`;
  const patterns = WHAT_NOW_ORDER.map((key) => {
    const chosen = verdict.pattern === key;
    const why =
      chosen && verdict.reasons.length
        ? `<p>${words.why}</p><ul data-field="reasons">${verdict.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>`
        : '';
    return `<div class="pattern${chosen ? ' chosen' : ''}" data-pattern="${key}"${chosen ? ' data-chosen="true"' : ''}>
${chosen ? `<p class="leans">${words.leansHere}</p>` : ''}<h3>${words.patterns[key].title}</h3>
<p>${escapeHtml(words.patterns[key].text)}</p>${why}
</div>`;
  }).join('\n');
  return `<section class="what-now" data-chosen="${verdict.pattern ?? 'none'}">
<h2>${words.heading}</h2>
${verdict.safetyFirst ? safety : ''}
<p>${escapeHtml(verdict.pattern ? words.intro : words.notEnough)}</p>
${patterns}
${verdict.safetyFirst ? '' : safety}
</section>`;
}

/** A moment in the participant's time zone, in words: "Sunday, March 8, 7:42 PM". */
function momentInZone(at: string, timezone: string): string {
  const { locale, hourCycle } = clockOfZone(timezone);
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hourCycle,
    timeZone: timezone,
  }).format(new Date(at));
}

function noteList(notes: readonly ReportNote[], timezone: string): string {
  return `<ol class="note-list">${notes
    .map(
      (n) =>
        `<li><p class="when"><time datetime="${escapeHtml(n.at)}">${escapeHtml(momentInZone(n.at, timezone))}</time>${
          n.withAnswer ? ` · with the answer ${escapeHtml(n.withAnswer)}` : ''
        }</p><p class="text">${escapeHtml(n.text)}</p></li>`,
    )
    .join('\n')}</ol>`;
}

/** The participant's own notes: folded, so they print only when opened. */
function ownNotes(report: CheckpointReport, notes: readonly ReportNote[], timezone: string): string {
  if (!notes.length) {
    const gone = report.journalNotes > 0;
    return `<section class="notes" id="notes"><h2>Your notes</h2><p>${
      gone
        ? 'The words of your notes were removed after your report was made, as this service is set up to do. The report still counts them.'
        : 'You kept no notes by text or email during the program.'
    }</p></section>`;
  }
  const count = `${notes.length} note${notes.length === 1 ? '' : 's'}`;
  return `<section class="notes" id="notes"><h2>Your notes</h2>
<p>Everything you wrote to Kintsugi, in your own words. Only you can read them here, until your data is deleted. They print only while they are open.</p>
<details data-field="notes"><summary>Show your ${count}</summary>
${noteList(notes, timezone)}
</details></section>`;
}

/** A Print button (shown only where scripts run) and the PDF download, with or without notes. */
function tools(token: string, hasNotes: boolean): string {
  return `<div class="tools">
<button type="button" class="print" hidden>Print</button>
<form method="get" action="/report/pdf">
<input type="hidden" name="token" value="${escapeHtml(token)}">
${hasNotes ? '<label class="choice"><input type="checkbox" name="notes" value="yes"><span>Include my notes in the PDF</span></label>' : ''}
<button type="submit">Download as PDF</button>
</form>
</div>`;
}

const PRINT_SCRIPT = `<script>for(const b of document.querySelectorAll('button.print')){b.hidden=false;b.addEventListener('click',()=>window.print())}
for(const b of document.querySelectorAll('button.copy')){b.hidden=false;b.addEventListener('click',async()=>{const i=document.getElementById(b.dataset.for);i.select();try{await navigator.clipboard.writeText(i.value)}catch{document.execCommand('copy')}b.textContent='Copied'})}</script>`;

function shareItem(share: ReportShare, now: string, timezone: string, action: string): string {
  const state = shareState(share, now);
  const made = dateInZone(share.createdAt, timezone);
  const until = dateInZone(share.validUntil, timezone);
  const status =
    state === 'live'
      ? `Works until ${until}`
      : state === 'expired'
        ? `Expired on ${until}`
        : `Revoked on ${dateInZone(share.revokedAt as string, timezone)}`;
  const opened =
    share.opens === 0
      ? 'Not opened yet'
      : `Opened ${share.opens === 1 ? 'once' : `${share.opens} times`}, last on ${dateInZone(share.lastOpenedAt ?? share.createdAt, timezone)}`;
  const revoke =
    state === 'live'
      ? `<form method="post" action="${action}#share"><input type="hidden" name="action" value="revoke"><input type="hidden" name="shareId" value="${escapeHtml(share.id)}">
<button type="submit">Revoke<span class="sr"> the link made ${escapeHtml(made)}</span></button></form>`
      : '';
  return `<li data-share="${escapeHtml(share.id)}" data-state="${state}">
<p><strong>Made ${escapeHtml(made)}</strong> · ${share.days} days · ${share.includeNotes ? 'with your notes' : 'without your notes'}</p>
<p data-field="status">${escapeHtml(status)}</p>
<p data-field="opens">${escapeHtml(opened)}</p>
${revoke}</li>`;
}

/** "Share with my therapist": make a read-only link, see each link's openings, revoke any of them. */
function shareSection(view: ReportPageView, action: string, made?: MadeShare, notice?: string): string {
  const madeBox = made
    ? `<div class="note made" role="status" id="made" data-field="made">
<h3>Your new link</h3>
<p>Copy it now and send it to your therapist: Kintsugi keeps only a fingerprint of it, so it cannot be shown again. It works until ${escapeHtml(dateInZone(made.share.validUntil, view.timezone))}${made.share.includeNotes ? ', with your notes' : ', without your notes'}.</p>
<label for="made-url">Link to your report</label>
<input id="made-url" readonly value="${escapeHtml(made.url)}">
<button type="button" class="copy" data-for="made-url" hidden>Copy link</button>
</div>`
    : '';
  const list = view.shares.length
    ? `<h3>Your links</h3><ul class="shares">${view.shares.map((s) => shareItem(s, view.now, view.timezone, action)).join('\n')}</ul>`
    : '';
  return `<section class="share" id="share">
<h2>Share with your therapist</h2>
<p>Make a read-only link to this report for a therapist or counselor. It shows the report, with your notes only if you tick the box, and nothing else of yours. You can see how often it was opened, and revoke it at any time.</p>
${notice ? `<p class="note" role="status" data-field="notice">${escapeHtml(notice)}</p>` : ''}
${madeBox}
<form method="post" action="${action}#made">
<input type="hidden" name="action" value="share">
<fieldset><legend>How long should the link work?</legend>
${SHARE_DAYS.map((d) => `<label class="choice"><input type="radio" name="days" value="${d}"${d === 30 ? ' checked' : ''}><span>${d} days</span></label>`).join('\n')}
</fieldset>
<label class="choice"><input type="checkbox" name="includeNotes" value="yes"><span>Include my notes</span></label>
<button type="submit">Make a link</button>
</form>
${list}
</section>`;
}

/** The body both views of a report share: the numbers, the answers and "what now". */
function reportBody(report: CheckpointReport, track: Track, timezone: string): string {
  const metrics = report.metrics.map(metricSection).join('\n');
  return `${metrics || '<p>No check-ins were answered, so there is no trend to show.</p>'}
${quickChecks(report)}
${checkpoint(report)}
${lateLine(report, timezone)}
${participationLine(report)}
${whatNowSection(report, track)}`;
}

/** The participant's own report page: the report, their notes, print and PDF, and their share links. */
export function reportPage(
  view: ReportPageView,
  token: string,
  options: { made?: MadeShare; notice?: string } = {},
): string {
  const action = escapeHtml(`/report?token=${encodeURIComponent(token)}`);
  return page(
    'Your 90-day checkpoint',
    `<h1>Your 90-day checkpoint</h1>
<p>These numbers come only from your own answers. They are yours: your partner never sees them. A "no" or a dip
is not a failure. It is information for the choice in front of you.</p>
${tools(token, view.notes.length > 0)}
${reportBody(view.report, view.track, view.timezone)}
${ownNotes(view.report, view.notes, view.timezone)}
${shareSection(view, action, options.made, options.notice)}
${PRINT_SCRIPT}`,
    REPORT_STYLE,
  );
}

/** What a shared link shows: the report alone, and the notes only if the participant included them. */
export function sharedReportPage(view: SharedReportView): string {
  const notes = view.notes
    ? `<section class="notes" id="notes"><h2>Their notes</h2>${
        view.notes.length
          ? `<p>The person who shared this report chose to include their notes, in their own words.</p>${noteList(view.notes, view.timezone)}`
          : '<p>The person who shared this report chose to include their notes, but there are none to show.</p>'
      }</section>`
    : '';
  return page(
    'A shared 90-day checkpoint',
    `<h1>A shared 90-day checkpoint</h1>
<p>Someone taking part in Kintsugi shared this read-only copy of their day-90 report with you. It is built only
from their own answers. This link works until ${escapeHtml(dateInZone(view.validUntil, view.timezone))}, unless they revoke it sooner.</p>
<div class="tools"><button type="button" class="print" hidden>Print</button></div>
${reportBody(view.report, view.track, view.timezone)}
${notes}
${PRINT_SCRIPT}`,
    REPORT_STYLE,
  );
}

/** The page for a link that opens nothing: the same whether it was revoked, expired or never made. */
export function closedLinkPage(): string {
  return page(
    'Nothing to show',
    `<h1>Nothing to show</h1>
<p>There is nothing to see at this link. If someone meant to share something with you, ask them for a new link.</p>`,
  );
}
