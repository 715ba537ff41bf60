/** Plain-text tables and labels for the CLI's human output (--json prints the data as it is). */
import type { ParticipantSummary, TimelineEntry } from '../functions/use-cases/operator/views';

/** Columns padded to their widest cell; the last one is left unpadded. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

/** "2026-03-02 15:04Z" for an ISO instant. */
export const when = (iso: string | undefined): string =>
  iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}Z` : '—';

/** Status with its pause, e.g. "active (paused until 2026-03-09)". */
export function statusOf(p: ParticipantSummary): string {
  if (!p.paused) return p.status;
  return `${p.status}, paused${p.safetyPause ? ' (safety)' : ''} until ${p.pausedUntil?.slice(0, 10)}`;
}

/** The flag column: a danger flag in capitals when it waits; a concern beside it, in lower case. */
export const flagOf = (p: ParticipantSummary): string =>
  [
    p.flag ? `${p.flag.reason ?? 'flag'} ${p.flag.waiting ? 'WAITING' : 'handled'}` : '',
    p.concern ? `concern: ${p.concern.reason ?? 'concern'} ${p.concern.waiting ? 'waiting' : 'handled'}` : '',
  ]
    .filter(Boolean)
    .join('; ');

/** The lines that describe one participant. */
export function participantLines(p: ParticipantSummary): string {
  const rows: [string, string][] = [
    ['id', p.id],
    ['email', `${p.email} (${p.emailStatus})`],
    ['phone', p.phone ? `${p.phone} (${p.smsStatus})` : '—'],
    ['track', p.track],
    ['status', statusOf(p)],
    ['day', p.day === null ? '— (not confirmed)' : String(p.day)],
    ['enrolled', when(p.createdAt)],
    ['confirmed', when(p.confirmedAt)],
    ['next step', when(p.nextDueAt)],
  ];
  if (p.discreet) rows.push(['discreet', 'yes']);
  if (p.flag)
    rows.push([
      'safety flag',
      `${p.flag.reason ?? 'flag'} at ${when(p.flag.at)}${p.flag.handledAt ? `, handled ${when(p.flag.handledAt)}` : ''}${p.flag.waiting ? ' (waiting for a human)' : ''}`,
    ]);
  if (p.concern)
    rows.push([
      'concern',
      `${p.concern.reason ?? 'concern'} at ${when(p.concern.at)}${p.concern.handledAt ? `, handled ${when(p.concern.handledAt)}` : ''}${p.concern.waiting ? ' (waiting for a human; not paused)' : ''}`,
    ]);
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

/** One timeline entry as a line: what happened, without the reply's words unless they were asked for. */
export function timelineLine(entry: TimelineEntry): string {
  const at = when(entry.at);
  switch (entry.type) {
    case 'enrolled':
      return `${at}  enrolled`;
    case 'confirmed':
      return `${at}  confirmed${entry.day0 ? ` (day 0 = ${entry.day0})` : ''}`;
    case 'message':
      return `${at}  sent      day ${String(entry.day).padStart(2)}  ${entry.channel.padEnd(5)}  ${entry.kind} ${entry.slot}: ${entry.status}${entry.error ? ` (${entry.error})` : ''}`;
    case 'reply': {
      const what = entry.score !== undefined ? `answer ${entry.score}` : 'note';
      const about = entry.stepId ? ` to ${entry.stepId}` : '';
      const words =
        entry.note !== undefined ? `: "${entry.note}"` : entry.hasNote ? ' (with words: --with-text)' : '';
      return `${at}  answered  ${entry.day !== undefined ? `day ${String(entry.day).padStart(2)}` : '      '}  ${entry.channel.padEnd(5)}  ${what}${about}${words}`;
    }
    case 'consent':
      return `${at}  consent   ${entry.channel} ${entry.action} (${entry.source})`;
    case 'report':
      return `${at}  report    day-90 checkpoint report built`;
    case 'safety-flag':
      return `${at}  SAFETY    flagged: ${entry.reason ?? 'signs of danger'}`;
    case 'safety-concern':
      return `${at}  concern   signs of concern: ${entry.reason ?? 'unspecified'} (answered with resources, not paused)`;
    case 'flag-handled':
      return `${at}  safety    flag marked handled`;
    default: {
      const unknown: never = entry;
      return String(unknown);
    }
  }
}
