/**
 * The program preview (GET /_local/preview, local runtime only): the whole program as a timeline for
 * each track, day 0 to day 90, every message rendered as it will arrive. Emails are composed by the
 * same functions the send path uses (functions/use-cases/services/compose.ts) for a sample participant and
 * shown in sandboxed iframes; texts are shown as bubbles with their length and segment count.
 * `?track=hurt` or `?track=repairing` shows one track (filtered in the page, so the route needs no
 * query parsing); without script both tracks show, one after the other.
 */
import { DateTime } from 'luxon';
import { SegmentedMessage } from 'sms-segments-calculator';
import type { OutgoingEmail } from '../functions/ports/mailer';
import type { MessageRecord, Reply } from '../functions/program/enrollment';
import { buildReport, type CheckpointReport } from '../functions/program/report';
import { firstDay, programSlots, type Slot } from '../functions/program/schedule';
import { PROGRAM_DAYS, type Step, TRACKS, type Track } from '../functions/program/types';
import { escapeHtml, fillText } from '../functions/render/fill';
import type { Deps } from '../functions/use-cases/deps';
import { confirmationEmail } from '../functions/use-cases/enrollment/enroll';
import {
  composeReportEmail,
  composeStepSms,
  personalValues,
  systemTexts,
} from '../functions/use-cases/services/compose';
import { composeStepEmail } from '../functions/use-cases/services/compose-step-email';
import { link } from '../functions/use-cases/services/links';

type PreviewDeps = Pick<Deps, 'config' | 'tokens' | 'catalog' | 'clock'>;

/** The participant every preview is rendered for. */
export interface SamplePerson {
  id: string;
  email: string;
  track: Track;
  timezone: string;
  checkinDay: 'sunday';
  checkinTime: string;
  day0: string;
}

export const TRACK_TITLES: Record<Track, string> = {
  hurt: 'The person whose trust was broken (hurt)',
  repairing: 'The person who broke the trust (repairing)',
};

/** A sample participant of a track: check-ins on Sunday evenings, day 0 on the next local morning. */
export function samplePerson(track: Track, now: Date): SamplePerson {
  const timezone = 'America/New_York';
  return {
    id: `preview-${track}`,
    email: `sample.${track}@example.org`,
    track,
    timezone,
    checkinDay: 'sunday',
    checkinTime: '19:00',
    day0: firstDay(now, timezone),
  };
}

/**
 * A plausible report for the sample participant: every check-in sent, most answered, scores rising
 * slowly with a dip, so the report email shows bars, gaps and a change.
 */
export function sampleReport(steps: readonly Step[], person: SamplePerson, now: string): CheckpointReport {
  const slots = programSlots(steps, person).filter(
    (s): s is Slot & { step: Step } => (s.kind === 'check-in' || s.kind === 'checkpoint') && !!s.step,
  );
  const messages: MessageRecord[] = slots.map((s) => ({
    enrollmentId: person.id,
    day: s.day,
    slot: s.slot,
    channel: 'sms',
    kind: s.kind as MessageRecord['kind'],
    ...(s.step.metric ? { metric: s.step.metric } : {}),
    status: 'delivered',
    dueAt: s.dueAt,
    claimedAt: s.dueAt,
  }));
  const weekly = [2, 2, 3, null, 3, 2, 3, 4, 3, 4, 4, null, 4];
  let checkins = 0;
  const replies: Reply[] = [];
  for (const s of slots) {
    const score =
      s.kind === 'check-in'
        ? weekly[checkins++ % weekly.length]
        : s.step.scale === 'yes-no'
          ? s.day === 30 && s.step.metric === 'behaving-differently'
            ? 0
            : 1
          : 4;
    if (score === null || score === undefined) continue;
    replies.push({
      enrollmentId: person.id,
      at: s.dueAt,
      sourceId: `preview-${s.slot}-${s.day}`,
      channel: 'sms',
      stepId: s.slot,
      day: s.day,
      ...(s.step.metric ? { metric: s.step.metric } : {}),
      score,
    });
  }
  return buildReport({ enrollmentId: person.id, now, steps, messages, replies });
}

const escapeSrcdoc = (html: string) => escapeHtml(html);

function emailCard(email: OutgoingEmail, meta: string, note = ''): string {
  return `<article class="message email">
<p class="meta">${meta}</p>
<p class="subject"><span class="label">Subject</span> ${escapeHtml(email.subject)}</p>
${note}<iframe class="email-frame" title="Email: ${escapeHtml(email.subject)}" sandbox="allow-same-origin allow-popups" loading="lazy" srcdoc="${escapeSrcdoc(email.html)}"></iframe>
<details class="text-part"><summary>Plain-text part</summary><pre>${escapeHtml(email.text)}</pre></details>
</article>`;
}

function smsCard(text: string, meta: string): string {
  const segmented = new SegmentedMessage(text);
  const size = `${segmented.numberOfCharacters} characters · ${segmented.segmentsCount} segment${segmented.segmentsCount === 1 ? '' : 's'} (${segmented.encodingName})`;
  return `<article class="message sms">
<p class="meta">${meta}</p>
<div class="bubble">${escapeHtml(text)}</div>
<p class="meta size${segmented.segmentsCount > 1 ? ' warn' : ''}">${size}</p>
</article>`;
}

const kindLabel = (slot: Slot) =>
  slot.kind === 'checkpoint' && (slot.step?.day ?? 0) < 88 ? 'quick question' : slot.kind;

/** One slot of the timeline, rendered as it will arrive. */
function renderSlot(deps: PreviewDeps, person: SamplePerson, slot: Slot, report: CheckpointReport): string {
  const time = DateTime.fromISO(slot.dueAt, { zone: person.timezone }).toFormat('HH:mm');
  if (slot.kind === 'report') {
    const reportUrl = link(deps, '/report', 'report', person.id);
    return [
      emailCard(
        composeReportEmail(deps, person, report, reportUrl),
        `${time} · email · the day-90 report (sample answers)`,
      ),
      smsCard(
        fillText(deps.catalog.messages.sms.reportReady, { reportUrl }),
        `${time} · text · to people who said yes to texts`,
      ),
    ].join('\n');
  }
  const step = slot.step as Step;
  const meta = (channel: string) =>
    `${time} · ${channel} · ${kindLabel(slot)} · <code>${escapeHtml(step.id)}</code>`;
  if (step.channel === 'email')
    return emailCard(composeStepEmail(deps, person, step, slot.day), meta('email'));
  if (step.channel === 'sms') return smsCard(composeStepSms(deps, person, step), meta('text'));
  // A check-in goes by text once the person said YES to texts, otherwise by email with one-click answers.
  return `${smsCard(composeStepSms(deps, person, step), meta('text'))}
<details class="as-email"><summary>The same ${kindLabel(slot)} by email, for people without texts</summary>
${emailCard(composeStepEmail(deps, person, step, slot.day), meta('email'))}
</details>`;
}

function renderTrack(deps: PreviewDeps, track: Track, now: Date): string {
  const person = samplePerson(track, now);
  const slots = programSlots(deps.catalog.steps, person);
  const report = sampleReport(deps.catalog.steps, person, now.toISOString());
  const values = personalValues(deps, person);
  const counts = {
    email: slots.filter((s) => s.step?.channel === 'email' || s.kind === 'report').length,
    sms: slots.filter((s) => s.step?.channel === 'sms').length,
    checkin: slots.filter((s) => s.step?.channel === 'checkin').length,
  };
  const confirm = confirmationEmail(deps, person);
  const before = `<li class="day" id="${track}-before">
<h3>Before day 0 <span class="date">on enrolling</span></h3>
${emailCard(confirm, 'on enrolling · email · confirmation')}
${smsCard(messages(deps).optInPrompt, 'on confirming · text · only to people who gave a mobile number')}
${smsCard(fillText(messages(deps).optInConfirmed, values), 'after YES · text')}
</li>`;
  const days: string[] = [];
  for (let day = 0; day <= PROGRAM_DAYS; day++) {
    const today = slots.filter((s) => s.day === day);
    if (!today.length) continue;
    const date = DateTime.fromISO(person.day0, { zone: person.timezone }).plus({ days: day });
    days.push(`<li class="day" id="${track}-day-${day}">
<h3>Day ${day} <span class="date">${date.toFormat('cccc d LLLL')} · week ${Math.min(13, Math.floor(day / 7) + 1)}</span></h3>
${today.map((slot) => renderSlot(deps, person, slot, report)).join('\n')}
</li>`);
  }
  return `<section class="track" id="track-${track}" data-track="${track}">
<h2>${escapeHtml(TRACK_TITLES[track])}</h2>
<p class="summary">${counts.email} emails, ${counts.sms} texts and ${counts.checkin} questions (by text, or by email without texts) for a sample participant with check-ins on Sundays at 19:00, ${escapeHtml(person.timezone)}, day 0 on ${escapeHtml(person.day0)}.</p>
<ol class="timeline">
${before}
${days.join('\n')}
</ol>
</section>`;
}

const messages = (deps: PreviewDeps) => systemTexts(deps);

const STYLE = `
:root { color-scheme: light dark; --bg: #f4f1ec; --panel: #fff; --text: #1f1b16; --muted: #5b5247; --line: #ddd3c6; --bubble: #e5e5ea; --accent: #7a5416; }
@media (prefers-color-scheme: dark) { :root { --bg: #121212; --panel: #1f1b18; --text: #efe7dc; --muted: #b9ae9f; --line: #3a332c; --bubble: #2c2c2e; --accent: #f0d08a; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color: var(--text); }
header.top { position: sticky; top: 0; z-index: 1; background: var(--panel); border-bottom: 1px solid var(--line); padding: .6rem 1rem; }
header.top h1 { font-size: 1.15rem; margin: 0 0 .3rem; }
nav a { margin-right: 1rem; color: var(--accent); font-weight: 600; }
nav a[aria-current="page"] { text-decoration: none; border-bottom: 3px solid var(--accent); }
main { max-width: 52rem; margin: 0 auto; padding: 1rem; }
.summary, .meta { color: var(--muted); font-size: .9rem; }
ol.timeline { list-style: none; margin: 0; padding: 0; border-left: 3px solid var(--line); }
li.day { margin: 0 0 1.5rem; padding: 0 0 0 1rem; }
li.day h3 { margin: 1rem 0 .5rem; font-size: 1.05rem; }
.date { color: var(--muted); font-weight: 400; font-size: .9rem; margin-left: .5rem; }
.message { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: .6rem .8rem; margin: 0 0 .8rem; }
.message .meta { margin: 0 0 .4rem; }
.subject { margin: 0 0 .5rem; font-weight: 600; }
.label { color: var(--muted); font-weight: 400; margin-right: .3rem; }
.email-frame { width: 100%; height: 720px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.bubble { max-width: 22rem; background: var(--bubble); padding: .5rem .75rem; border-radius: 1.1rem 1.1rem 1.1rem .3rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.size.warn { color: #b3261e; font-weight: 600; }
details { margin: .4rem 0; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: .85rem; }
code { font-size: .85em; }
`;

// Sizes each email frame to its content, and shows one track when ?track= names it.
const SCRIPT = `
(function () {
  var fit = function (frame) {
    try { frame.style.height = frame.contentDocument.documentElement.scrollHeight + 'px'; } catch (e) {}
  };
  document.querySelectorAll('iframe.email-frame').forEach(function (frame) {
    frame.addEventListener('load', function () { fit(frame); });
  });
  document.querySelectorAll('details').forEach(function (d) {
    d.addEventListener('toggle', function () { d.querySelectorAll('iframe.email-frame').forEach(fit); });
  });
  var track = new URLSearchParams(location.search).get('track');
  if (track === 'hurt' || track === 'repairing') {
    document.querySelectorAll('section.track').forEach(function (s) { s.hidden = s.dataset.track !== track; });
    var current = document.querySelector('nav a[data-track="' + track + '"]');
    if (current) current.setAttribute('aria-current', 'page');
  }
})();
`;

/** The preview page: both tracks, day 0 to day 90, every message as it will arrive. */
export function renderPreviewPage(deps: PreviewDeps): string {
  const now = deps.clock.now();
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Program preview · Kintsugi local</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top">
<h1>Kintsugi: the whole program, day 0 to day 90</h1>
<nav aria-label="Tracks">${TRACKS.map((t) => `<a href="?track=${t}" data-track="${t}">${escapeHtml(TRACK_TITLES[t])}</a>`).join('')}<a href="?">Both</a></nav>
</header>
<main>
${TRACKS.map((track) => renderTrack(deps, track, now)).join('\n')}
</main>
<script>${SCRIPT}</script>
</body>
</html>`;
}
