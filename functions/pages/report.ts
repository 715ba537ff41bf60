import { type CrisisLines, crisisLinesOfZone, telOf } from '../program/crisis-lines';
import { decimalWriter } from '../program/local-words';
import {
  answerWords,
  type CheckpointReport,
  type MetricSummary,
  type QuestionAnswer,
  weekScoreText,
} from '../program/report';
import { type ReportShare, SHARE_DAYS, shareState } from '../program/report-share';
import type { Language, Scale, Track } from '../program/types';
import { patternWords, WHAT_NOW_ORDER, WHAT_NOW_WORDS, whatNow } from '../program/what-now';
import type { MadeShare, SharedReportView } from '../use-cases/report/report-shares';
import type { ReportNote, ReportPageView } from '../use-cases/report/view-report';
import { escapeHtml, page } from './layout';
import { dayOn, momentOn } from './words/dates';
import { REPORT_WORDS, type ReportWords } from './words/report';

const pct = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)}%`);
const top = (scale: Scale) => (scale === 'yes-no' ? 1 : 5);
/** One week's answer as the chart and the table write it: "4", "3.5", "50% yes" ("50% sí"), or "–" for none. */
const weekValue = (score: number | null, scale: Scale, words: ReportWords) =>
  score === null
    ? '–'
    : scale === 'yes-no'
      ? words.percentYes(pct(score))
      : weekScoreText(score, words.decimal);

/** What one report page is written in: its words, its language and the participant's time zone. */
interface Speech {
  words: ReportWords;
  language: Language;
  timezone: string;
}

const speechOf = (view: { language?: Language; timezone: string }): Speech => {
  const language = view.language ?? 'en';
  return {
    words: { ...REPORT_WORDS[language], decimal: decimalWriter(language, view.timezone) },
    language,
    timezone: view.timezone,
  };
};

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
.checkpoint td{white-space:nowrap;padding-left:.75rem}
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
function chart(metric: MetricSummary, weeks: MetricSummary['weekly'], words: ReportWords): string {
  const max = top(metric.scale);
  const cols = weeks
    .map(({ score }) => {
      const height = score === null ? 0 : Math.max(4, Math.round((score / max) * 100));
      const bar =
        score === null
          ? '<span class="bar none"></span>'
          : `<span class="bar" style="height:${height}%"></span>`;
      return `<span class="col"><span class="v">${weekValue(score, metric.scale, words)}</span>${bar}</span>`;
    })
    .join('');
  const labels = weeks.map(({ week }) => `<span>${week}</span>`).join('');
  return `<div class="chart" aria-hidden="true">
<p class="chart-title">${words.chartTitle(metric.scale !== 'yes-no')}</p>
<div class="bars">${cols}</div><div class="weeks">${labels}</div><p class="axis">${words.programWeek}</p>
</div>`;
}

/** The same numbers as the chart, as a table: one column per week the question was asked. */
function numbersTable(metric: MetricSummary, weeks: MetricSummary['weekly'], words: ReportWords): string {
  return `<table class="numbers" data-table="weekly">
<caption>${words.tableCaption(metric.scale !== 'yes-no')}</caption>
<tr><th scope="row">${words.week}</th>${weeks.map((w) => `<th scope="col">${w.week}</th>`).join('')}</tr>
<tr><th scope="row">${words.answer}</th>${weeks
    .map(
      (w) => `<td data-week="${w.week}">${weekValue(w.score, metric.scale, words)}${w.late ? '*' : ''}</td>`,
    )
    .join('')}</tr>
</table>`;
}

/** The weeks a metric was asked in (every week for reports saved before `asked` existed). */
const askedWeeks = (metric: MetricSummary) =>
  metric.weekly.some((w) => w.asked !== undefined) ? metric.weekly.filter((w) => w.asked) : metric.weekly;

function metricSection(m: MetricSummary, words: ReportWords): string {
  const fmt = (n: number | null) => (n === null ? '—' : words.decimal(n));
  const weeks = askedWeeks(m);
  return `<section class="metric" data-metric="${escapeHtml(m.metric)}">
<h2 class="question">${escapeHtml(m.question)}</h2>
<table class="summary">
<tr><th scope="row">${words.answered}</th><td>${words.answeredOf(m.answered, m.sent, pct(m.responseRate))}</td></tr>
<tr><th scope="row">${words.averageFirst}</th><td data-field="first30">${fmt(m.first30)}</td></tr>
<tr><th scope="row">${words.averageLast}</th><td data-field="last30">${fmt(m.last30)}</td></tr>
<tr><th scope="row">${words.change}</th><td data-field="change">${m.change === null ? '—' : `${m.change > 0 ? '+' : ''}${fmt(m.change)}`}</td></tr>
</table>
${chart(m, weeks, words)}
${numbersTable(m, weeks, words)}
</section>`;
}

const answerText = (c: QuestionAnswer, speech: Speech) =>
  `${answerWords(c.answer, c.scale, speech.language)}${c.late ? speech.words.cameLate : ''}`;

function quickChecks(report: CheckpointReport, speech: Speech): string {
  const { words } = speech;
  const checks = report.quickChecks ?? [];
  if (!checks.length) return '';
  const metrics = [...new Set(checks.flatMap((c) => c.answers.map((a) => a.metric)))];
  const rows = metrics
    .map((metric) => {
      const first = checks.flatMap((c) => c.answers).find((a) => a.metric === metric);
      const cells = checks
        .map((c) => {
          const a = c.answers.find((x) => x.metric === metric);
          return `<td data-day="${c.day}" data-metric="${escapeHtml(metric)}">${a ? escapeHtml(answerText(a, speech)) : '—'}</td>`;
        })
        .join('');
      return `<tr><th scope="row">${escapeHtml(first?.question ?? metric)}</th>${cells}</tr>`;
    })
    .join('\n');
  return `<section class="quick-checks"><h2>${words.quickHeading}</h2>
<p>${words.quickText}</p>
<table><tr><th scope="col">${words.question}</th>${checks.map((c) => `<th scope="col">${words.day(c.day)}</th>`).join('')}</tr>
${rows}
</table></section>`;
}

function checkpoint(report: CheckpointReport, speech: Speech): string {
  if (!report.checkpoint.length) return '';
  return `<section class="checkpoint"><h2>${speech.words.checkpointHeading}</h2><table>${report.checkpoint
    .map(
      (c) =>
        `<tr><th scope="row">${escapeHtml(c.question)}</th><td data-metric="${escapeHtml(c.metric)}">${escapeHtml(answerText(c, speech))}</td></tr>`,
    )
    .join('')}</table></section>`;
}

/** Answers that came after the report was first made, within their questions' windows, are in it too. */
function lateLine(report: CheckpointReport, speech: Speech): string {
  const late =
    report.checkpoint.some((c) => c.late) ||
    (report.quickChecks ?? []).some((q) => q.answers.some((a) => a.late)) ||
    report.metrics.some((m) => m.weekly.some((w) => w.late));
  if (!late || !report.updatedAt) return '';
  const weeks = report.metrics.flatMap((m) => m.weekly.filter((w) => w.late).map((w) => w.week));
  const updated = dayOn(report.updatedAt, speech.timezone, speech.language);
  // The words are the page's own (their quotes stay as written); the date is Intl's or luxon's.
  return `<p class="late" data-field="late">${speech.words.late([...new Set(weeks)].join(', '), escapeHtml(updated))}</p>`;
}

/** The one thing linked partners may share, when both agreed: how many check-ins each answered. */
function participationLine(report: CheckpointReport, words: ReportWords): string {
  const p = report.participation;
  if (!p) return '';
  return `<h2>${words.partnerHeading}</h2>
<p data-field="participation">${words.participation(p.you.answered, p.you.sent, p.partner.answered, p.partner.sent)}</p>`;
}

/** "What now": the pattern the answers lean towards, why, the other two, and the safety caveat, in `language`. */
export function whatNowSection(
  report: CheckpointReport,
  track: Track,
  language: Language,
  lines: CrisisLines,
  decimal?: (n: number) => string,
): string {
  const words = WHAT_NOW_WORDS[language];
  const verdict = whatNow(report, track, language, decimal);
  // The helpline to tap: the US hotline, or the country's own (program/crisis-lines.ts).
  const [number, tel] = lines.abuse ? [lines.abuse, telOf(lines.abuse)] : ['1-800-799-7233', '+18007997233'];
  const safety = `<div class="note safety-first" data-field="safety">
<h3>${words.safety.title}</h3>
<p>${escapeHtml(words.safety.text(lines)).replace(number, `<a href="tel:${tel}">${number}</a>`)}</p>
<p>${escapeHtml(words.safety.emergency(lines))}</p>
</div>`;
  const patterns = WHAT_NOW_ORDER.map((key) => {
    const chosen = verdict.pattern === key;
    const shown = patternWords(words, key, verdict.safetyFirst);
    const why =
      chosen && verdict.reasons.length
        ? `<p>${words.why}</p><ul data-field="reasons">${verdict.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>`
        : '';
    return `<div class="pattern${chosen ? ' chosen' : ''}" data-pattern="${key}"${chosen ? ' data-chosen="true"' : ''}>
${chosen ? `<p class="leans">${words.leansHere}</p>` : ''}<h3>${shown.title}</h3>
<p>${escapeHtml(shown.text)}</p>${why}
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

function noteList(notes: readonly ReportNote[], speech: Speech): string {
  return `<ol class="note-list">${notes
    .map(
      (n) =>
        `<li><p class="when"><time datetime="${escapeHtml(n.at)}">${escapeHtml(momentOn(n.at, speech.timezone, speech.language))}</time>${
          n.withAnswer ? escapeHtml(speech.words.withAnswer(n.withAnswer, n.changedTo)) : ''
        }</p><p class="text">${escapeHtml(n.text)}</p></li>`,
    )
    .join('\n')}</ol>`;
}

/** The participant's own notes: folded, so they print only when opened. */
function ownNotes(report: CheckpointReport, notes: readonly ReportNote[], speech: Speech): string {
  const { words } = speech;
  if (!notes.length) {
    const gone = report.journalNotes > 0;
    return `<section class="notes" id="notes"><h2>${words.notesHeading}</h2><p>${
      gone ? words.notesRemoved : words.notesNone
    }</p></section>`;
  }
  return `<section class="notes" id="notes"><h2>${words.notesHeading}</h2>
<p>${words.notesIntro}</p>
<details data-field="notes"><summary>${words.showNotes(notes.length)}</summary>
${noteList(notes, speech)}
</details></section>`;
}

/** A Print button (shown only where scripts run) and the PDF download, with or without notes. */
function tools(token: string, hasNotes: boolean, words: ReportWords): string {
  return `<div class="tools">
<button type="button" class="print" hidden>${words.print}</button>
<form method="get" action="/report/pdf">
<input type="hidden" name="token" value="${escapeHtml(token)}">
${hasNotes ? `<label class="choice"><input type="checkbox" name="notes" value="yes"><span>${words.includeNotesPdf}</span></label>` : ''}
<button type="submit">${words.downloadPdf}</button>
</form>
</div>`;
}

const printScript = (
  words: ReportWords,
) => `<script>for(const b of document.querySelectorAll('button.print')){b.hidden=false;b.addEventListener('click',()=>window.print())}
for(const b of document.querySelectorAll('button.copy')){b.hidden=false;b.addEventListener('click',async()=>{const i=document.getElementById(b.dataset.for);i.select();try{await navigator.clipboard.writeText(i.value)}catch{document.execCommand('copy')}b.textContent=${JSON.stringify(words.copied)}})}</script>`;

function shareItem(share: ReportShare, now: string, speech: Speech, action: string): string {
  const { words } = speech;
  const day = (at: string) => dayOn(at, speech.timezone, speech.language);
  const state = shareState(share, now);
  const made = day(share.createdAt);
  const until = day(share.validUntil);
  const status =
    state === 'live'
      ? words.worksUntil(until)
      : state === 'expired'
        ? words.expiredOn(until)
        : words.revokedOn(day(share.revokedAt as string));
  const opened =
    share.opens === 0
      ? words.notOpened
      : words.opened(share.opens, day(share.lastOpenedAt ?? share.createdAt));
  const revoke =
    state === 'live'
      ? `<form method="post" action="${action}#share"><input type="hidden" name="action" value="revoke"><input type="hidden" name="shareId" value="${escapeHtml(share.id)}">
<button type="submit">${words.revoke}<span class="sr">${escapeHtml(words.theLinkMade(made))}</span></button></form>`
      : '';
  return `<li data-share="${escapeHtml(share.id)}" data-state="${state}">
<p><strong>${escapeHtml(words.made(made))}</strong> · ${words.days(share.days)} · ${share.includeNotes ? words.withNotes : words.withoutNotes}</p>
<p data-field="status">${escapeHtml(status)}</p>
<p data-field="opens">${escapeHtml(opened)}</p>
${revoke}</li>`;
}

/** "Share with my therapist": make a read-only link, see each link's openings, revoke any of them. */
function shareSection(
  view: ReportPageView,
  speech: Speech,
  action: string,
  made?: MadeShare,
  notice?: string,
): string {
  const { words } = speech;
  const madeBox = made
    ? `<div class="note made" role="status" id="made" data-field="made">
<h3>${words.newLink}</h3>
<p>${escapeHtml(words.copyNow(dayOn(made.share.validUntil, speech.timezone, speech.language), made.share.includeNotes))}</p>
<label for="made-url">${words.linkLabel}</label>
<input id="made-url" readonly value="${escapeHtml(made.url)}">
<button type="button" class="copy" data-for="made-url" hidden>${words.copyLink}</button>
</div>`
    : '';
  const list = view.shares.length
    ? `<h3>${words.yourLinks}</h3><ul class="shares">${view.shares.map((s) => shareItem(s, view.now, speech, action)).join('\n')}</ul>`
    : '';
  return `<section class="share" id="share">
<h2>${words.shareHeading}</h2>
<p>${words.shareText}</p>
${notice ? `<p class="note" role="status" data-field="notice">${escapeHtml(notice)}</p>` : ''}
${madeBox}
<form method="post" action="${action}#made">
<input type="hidden" name="action" value="share">
<fieldset><legend>${words.howLong}</legend>
${SHARE_DAYS.map((d) => `<label class="choice"><input type="radio" name="days" value="${d}"${d === 30 ? ' checked' : ''}><span>${words.days(d)}</span></label>`).join('\n')}
</fieldset>
<label class="choice"><input type="checkbox" name="includeNotes" value="yes"><span>${words.includeNotes}</span></label>
<button type="submit">${words.makeLink}</button>
</form>
${list}
</section>`;
}

/** The body both views of a report share: the numbers, the answers and "what now". */
function reportBody(report: CheckpointReport, track: Track, speech: Speech): string {
  const metrics = report.metrics.map((m) => metricSection(m, speech.words)).join('\n');
  return `${metrics || `<p>${speech.words.noTrend}</p>`}
${quickChecks(report, speech)}
${checkpoint(report, speech)}
${lateLine(report, speech)}
${participationLine(report, speech.words)}
${whatNowSection(report, track, speech.language, crisisLinesOfZone(speech.timezone), speech.words.decimal)}`;
}

/**
 * The participant's own report page, in their language: the report, their notes, print and PDF, and
 * their share links; `notice` "revoked" says a link was just revoked.
 */
export function reportPage(
  view: ReportPageView,
  token: string,
  options: { made?: MadeShare; notice?: 'revoked' } = {},
): string {
  const speech = speechOf(view);
  const { words } = speech;
  const action = escapeHtml(`/report?token=${encodeURIComponent(token)}`);
  const notice = options.notice === 'revoked' ? words.revoked : undefined;
  return page(
    words.title,
    `<h1>${words.title}</h1>
<p>${words.intro}</p>
${tools(token, view.notes.length > 0, words)}
${reportBody(view.report, view.track, speech)}
${ownNotes(view.report, view.notes, speech)}
${shareSection(view, speech, action, options.made, notice)}
${printScript(words)}`,
    REPORT_STYLE,
    speech.language,
    view.timezone,
  );
}

/** What a shared link shows, in the participant's language: the report alone, and the notes only if included. */
export function sharedReportPage(view: SharedReportView): string {
  const speech = speechOf(view);
  const { words } = speech;
  const notes = view.notes
    ? `<section class="notes" id="notes"><h2>${words.theirNotes}</h2>${
        view.notes.length
          ? `<p>${words.theirNotesIncluded}</p>${noteList(view.notes, speech)}`
          : `<p>${words.theirNotesNone}</p>`
      }</section>`
    : '';
  return page(
    words.sharedTitle,
    `<h1>${words.sharedTitle}</h1>
<p>${escapeHtml(words.sharedIntro(dayOn(view.validUntil, view.timezone, speech.language)))}</p>
<div class="tools"><button type="button" class="print" hidden>${words.print}</button></div>
${reportBody(view.report, view.track, speech)}
${notes}
${printScript(words)}`,
    REPORT_STYLE,
    speech.language,
  );
}

/** The page for a link that opens nothing: the same whether it was revoked, expired or never made. */
export function closedLinkPage(language: Language = 'en'): string {
  const words = REPORT_WORDS[language];
  return page(
    words.nothingTitle,
    `<h1>${words.nothingTitle}</h1>\n<p>${words.nothingText}</p>`,
    '',
    language,
  );
}
