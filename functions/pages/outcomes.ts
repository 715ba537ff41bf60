/**
 * The operator's outcomes page: funnel bars, the weekly response curve, and a small multiple of each
 * question's answers by week (median and quartiles), each chart followed by a table of the same figures.
 * Plain HTML, CSS and inline SVG, no script. Every figure comes from OutcomesView, already suppressed
 * below ten people: the page shows "fewer than 10" where the view does, and draws nothing for it.
 */
import {
  type Distribution,
  distributionsOf,
  FEWER_THAN,
  type MetricOutcomes,
  type OutcomesView,
  type Shown,
} from '../program/outcomes';
import { escapeHtml, page } from './layout';

const STYLE = `<style>
main{max-width:64rem}
.bars{list-style:none;padding:0;margin:1rem 0}
.bars li{display:grid;grid-template-columns:minmax(8rem,19rem) 1fr 7rem;gap:.6rem;align-items:center;margin:.3rem 0}
.bar{height:1.1rem;background:var(--gold);border-radius:3px;min-width:2px}
.bar.none{background:transparent;border:1px dashed var(--muted)}
@media (max-width:40rem){.bars li{grid-template-columns:1fr 6.5rem;row-gap:.15rem}.bars li>span:first-child{grid-column:1/-1}}
.figure-note{color:var(--muted);font-size:.92rem}
.multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,28rem),1fr));gap:1rem}
.multiples figure{margin:0;border:1px solid var(--line);border-radius:8px;padding:.6rem}
figcaption{font-weight:600;margin-bottom:.3rem}
svg text{font:12px system-ui,sans-serif;fill:var(--ink)}
.scroll{overflow-x:auto}
.scroll:focus-visible{outline:3px solid var(--gold);outline-offset:2px}
td.num,th.num{text-align:right}
caption{text-align:left;font-weight:600;padding:.2rem 0}
.scroll caption{max-width:calc(100vw - 2.5rem)}
</style>`;

const num = (v: Shown | null | undefined) =>
  v === null || v === undefined ? '—' : typeof v === 'number' ? v.toLocaleString('en-US') : v;
const pct = (v: Shown | null) => (v === null ? '—' : typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : v);
const cells = (values: string[], numeric = true) =>
  values.map((v) => `<td${numeric ? ' class="num"' : ''}>${escapeHtml(v)}</td>`).join('');
/** A table that may scroll sideways on a phone: a labelled region the keyboard can reach and scroll. */
const scrollable = (caption: string, table: string) =>
  `<div class="scroll" role="region" tabindex="0" aria-label="${escapeHtml(caption)}"><table><caption>${escapeHtml(caption)}</caption>${table}</table></div>`;
const heads = (values: string[]) => values.map((v) => `<th scope="col">${escapeHtml(v)}</th>`).join('');

function funnelSection(view: OutcomesView): string {
  const top = Math.max(1, ...view.funnel.map((s) => (typeof s.people === 'number' ? s.people : 0)));
  const bars = view.funnel
    .map((s) => {
      const width = typeof s.people === 'number' ? (s.people / top) * 100 : 0;
      return `<li><span>${escapeHtml(s.label)}</span><span class="bar${typeof s.people === 'number' ? '' : ' none'}" style="width:${width.toFixed(1)}%"></span><span>${escapeHtml(num(s.people))}</span></li>`;
    })
    .join('');
  const rows = view.funnel
    .map(
      (s) =>
        `<tr><th scope="row">${escapeHtml(s.label)}</th>${cells([num(s.people), num(s.byTrack.hurt), num(s.byTrack.repairing), num(s.byReach.texts), num(s.byReach.email)])}</tr>`,
    )
    .join('');
  const stops = view.mostStoppedAfter
    ? `<p>Most people stopped (${escapeHtml(view.mostStoppedAfter.reason)}) after week ${view.mostStoppedAfter.week}: ${num(view.mostStoppedAfter.people)}.</p>`
    : '<p class="figure-note">Where people stopped: no figure large enough to show.</p>';
  const stopRows = view.stops
    .map(
      (s) => `<tr><th scope="row">${escapeHtml(s.reason)}</th>${cells([String(s.week), num(s.people)])}</tr>`,
    )
    .join('');
  return `<section aria-labelledby="funnel">
<h2 id="funnel">Funnel</h2>
<ul class="bars" aria-hidden="true">${bars}</ul>
${scrollable('People at each step, by track and by whether they gave a mobile number', `<thead><tr><th scope="col">Step</th>${heads(['All', 'Hurt', 'Repairing', 'Gave a number', 'Email only'])}</tr></thead><tbody>${rows}</tbody>`)}
${stops}
${stopRows ? scrollable('Where people stopped', `<thead><tr><th scope="col">Why</th>${heads(['After week', 'People'])}</tr></thead><tbody>${stopRows}</tbody>`) : ''}
</section>`;
}

/** The weekly response rate as a line over 13 weeks; a week whose rate is withheld leaves a gap. */
function responseCurve(view: OutcomesView): string {
  const w = 520;
  const h = 200;
  const x = (week: number) => 40 + ((week - 1) / 12) * (w - 60);
  const y = (rate: number) => 20 + (1 - rate) * (h - 50);
  const segments: string[][] = [[]];
  for (const r of view.response) {
    if (typeof r.rate === 'number')
      segments[segments.length - 1]?.push(`${x(r.week).toFixed(1)},${y(r.rate).toFixed(1)}`);
    else segments.push([]);
  }
  const lines = segments
    .filter((s) => s.length)
    .map((s) => `<polyline points="${s.join(' ')}" fill="none" stroke="#8a6a12" stroke-width="2.5"/>`)
    .join('');
  const dots = view.response
    .filter((r) => typeof r.rate === 'number')
    .map(
      (r) =>
        `<circle cx="${x(r.week).toFixed(1)}" cy="${y(r.rate as number).toFixed(1)}" r="3.5" fill="#1f1b16"/>`,
    )
    .join('');
  const grid = [0, 0.5, 1]
    .map(
      (g) =>
        `<line x1="40" x2="${w - 20}" y1="${y(g)}" y2="${y(g)}" stroke="#e4dccd"/><text x="4" y="${y(g) + 4}">${g * 100}%</text>`,
    )
    .join('');
  const weeks = view.response
    .map((r) => `<text x="${x(r.week) - 4}" y="${h - 12}">${r.week}</text>`)
    .join('');
  const summary = view.response.map((r) => `week ${r.week} ${pct(r.rate)}`).join(', ');
  const rows = view.response
    .map(
      (r) =>
        `<tr><th scope="row">${r.week}</th>${cells([num(r.askedByText), num(r.askedByEmail), num(r.answered.text), num(r.answered.click), num(r.answered.reply), pct(r.rate), pct(r.textRate), pct(r.emailRate)])}</tr>`,
    )
    .join('');
  return `<section aria-labelledby="response">
<h2 id="response">Weekly check-in response</h2>
<p class="figure-note">Share of weekly check-ins answered, all channels, late answers counted.</p>
<svg viewBox="0 0 ${w} ${h}" width="100%" role="img" aria-label="${escapeHtml(`Response rate by week: ${summary}`)}">${grid}${lines}${dots}${weeks}</svg>
${scrollable('Check-ins asked and answered, by week and channel', `<thead><tr><th scope="col">Week</th>${heads(['Texted', 'Emailed', 'Answered by text', 'By email click', 'By email reply', 'Rate', 'Rate by text', 'Rate by email'])}</tr></thead><tbody>${rows}</tbody>`)}
</section>`;
}

const quartileWords = (d: Distribution) =>
  d.quartiles === null
    ? '—'
    : d.quartiles === FEWER_THAN
      ? FEWER_THAN
      : `${d.quartiles.median} (${d.quartiles.q1}–${d.quartiles.q3})`;

/** One question's answers by week: a box from the lower to the upper quartile, the median a bar across. */
function smallMultiple(m: MetricOutcomes): string {
  const w = 420;
  const h = 190;
  const max = m.weeks.some((d) => d.histogram.length > 2) ? 5 : 1;
  const min = max === 5 ? 1 : 0;
  const x = (week: number) => 30 + ((week - 1) / 12) * (w - 50);
  const y = (v: number) => 14 + (1 - (v - min) / (max - min)) * (h - 44);
  const boxes = m.weeks
    .map((d) => {
      if (!d.week || !d.quartiles || d.quartiles === FEWER_THAN) return '';
      const q = d.quartiles;
      const top = y(q.q3);
      const height = Math.max(2, y(q.q1) - top);
      return `<rect x="${x(d.week) - 9}" y="${top}" width="18" height="${height}" fill="#f3e7c4" stroke="#8a6a12"/><line x1="${x(d.week) - 11}" x2="${x(d.week) + 11}" y1="${y(q.median)}" y2="${y(q.median)}" stroke="#1f1b16" stroke-width="3"/>`;
    })
    .join('');
  const axis = Array.from({ length: max - min + 1 }, (_, i) => min + i)
    .map(
      (v) =>
        `<line x1="24" x2="${w - 10}" y1="${y(v)}" y2="${y(v)}" stroke="#cfc4b1"/><text x="6" y="${y(v) + 4}">${v}</text>`,
    )
    .join('');
  const weeks = m.weeks
    .filter((d) => d.week)
    .map((d) => `<text x="${x(d.week as number) - 4}" y="${h - 8}">${d.week}</text>`)
    .join('');
  const all = distributionsOf(m).filter((d) => d.people !== 0);
  const scores = all[0]?.histogram.map((b) => String(b.score)) ?? [];
  const rows = all
    .map(
      (d) =>
        `<tr><th scope="row">${escapeHtml(d.label)}</th>${cells([quartileWords(d), num(d.people), ...d.histogram.map((b) => num(b.people))])}</tr>`,
    )
    .join('');
  const id = `m-${m.metric}`;
  const summary = m.weeks.map((d) => `week ${d.week} median ${quartileWords(d)}`).join(', ');
  return `<figure aria-labelledby="${id}">
<figcaption id="${id}">${escapeHtml(m.question ?? m.metric)}</figcaption>
${m.weeks.length ? `<svg viewBox="0 0 ${w} ${h}" width="100%" role="img" aria-label="${escapeHtml(`Answers by week, median and quartiles: ${summary}`)}">${axis}${boxes}${weeks}</svg>` : ''}
${scrollable(`${m.question ?? m.metric}: median (quartiles), people, and people by answer (${scores.join(', ')})`, `<thead><tr><th scope="col">When</th>${heads(['Median (quartiles)', 'People', ...scores])}</tr></thead><tbody>${rows}</tbody>`)}
${m.trend ? `<p class="figure-note">From the first 30 to the last 30 days: rose ${num(m.trend.rose)}, held ${num(m.trend.held)}, fell ${num(m.trend.fell)}.</p>` : ''}
</figure>`;
}

function safetySection(view: OutcomesView): string {
  const rows = view.safety.flags
    .map(
      (f) =>
        `<tr><th scope="row">${escapeHtml(`${f.level}: ${f.category}`)}</th>${cells([num(f.people), num(f.per1000)])}</tr>`,
    )
    .join('');
  const waits = view.safety.waits
    .map((w) => `<tr><th scope="row">${escapeHtml(w.bucket)}</th>${cells([num(w.flags)])}</tr>`)
    .join('');
  return `<section aria-labelledby="safety">
<h2 id="safety">Safety</h2>
<p>Of ${num(view.safety.participants)} confirmed participants.</p>
${rows ? scrollable('Danger and concern flags', `<thead><tr><th scope="col">Flag</th>${heads(['People', 'Per 1,000'])}</tr></thead><tbody>${rows}</tbody>`) : '<p>No safety flags.</p>'}
${scrollable('How long flags waited for a human', `<thead><tr><th scope="col">Wait</th>${heads(['Flags'])}</tr></thead><tbody>${waits}</tbody>`)}
</section>`;
}

/** The whole outcomes page. */
export function renderOutcomesPage(view: OutcomesView): string {
  const cohorts = view.cohorts
    .map(
      (c) =>
        `<tr><th scope="row">${escapeHtml(c.cohort)}</th>${cells([num(c.enrolled), num(c.confirmed), num(c.answeredWeek12)])}</tr>`,
    )
    .join('');
  const body = `<h1>Program outcomes${view.cohort === 'all' ? '' : `: cohort ${escapeHtml(view.cohort)}`}</h1>
<p class="note">Aggregates only: no person is named, and any figure resting on fewer than ${view.minCell} people shows as “${FEWER_THAN}”.</p>
${funnelSection(view)}
${responseCurve(view)}
<section aria-labelledby="answers"><h2 id="answers">Answers by week</h2>
<p class="figure-note">Each box runs from the lower to the upper quartile; the dark bar is the median.</p>
<div class="multiples">${view.metrics.map(smallMultiple).join('')}</div></section>
${safetySection(view)}
<section aria-labelledby="cohorts"><h2 id="cohorts">Cohorts</h2>
${scrollable('People by the ISO week they enrolled', `<thead><tr><th scope="col">Cohort</th>${heads(['Enrolled', 'Confirmed', 'Answered in week 12'])}</tr></thead><tbody>${cohorts}</tbody>`)}</section>`;
  return page('Program outcomes', body, STYLE);
}
