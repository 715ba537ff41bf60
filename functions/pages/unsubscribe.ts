import { EMAIL_RESTART_WORDS } from '../program/consent';
import type { Enrollment } from '../program/enrollment';
import { dateInZone } from '../program/local-words';
import { escapeHtml, page } from './layout';

/** The pauses offered instead of stopping, in days (PAUSE by text allows 1 to 30). */
export const PAUSE_CHOICES = [7, 30] as const;

const oneButton = (action: string, fields: Record<string, string>, label: string) =>
  `<form method="post" action="${escapeHtml(action)}">${Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('')}<button type="submit">${escapeHtml(label)}</button></form>`;

const texts = (enrollment: Enrollment) =>
  enrollment.smsStatus === 'active'
    ? ' Texts go on as before: reply STOP to any of them to end those too.'
    : '';

/**
 * What the stop did, with its undo and, while the program runs, a pause instead: each one button (one
 * POST back to the same link), saying exactly what it will do (the words their opt-in records).
 */
export function emailsStoppedPage(enrollment: Enrollment, action: string): string {
  if (enrollment.emailStatus === 'bounced')
    return page(
      'Emails stopped',
      `<h1>Emails stopped</h1>
<p>You will get no more emails from Kintsugi. Mail to this address had already come back undeliverable, so we had stopped sending to it.${escapeHtml(texts(enrollment))}</p>`,
    );
  const running = enrollment.status === 'active';
  const pauseSection = running
    ? `<h2>Need a break rather than an end?</h2>
<p>${escapeHtml(EMAIL_RESTART_WORDS.pause)}</p>
${PAUSE_CHOICES.map((days) => oneButton(action, { action: 'pause', days: String(days) }, `Pause ${days} days instead`)).join('\n')}`
    : '';
  return page(
    'Emails stopped',
    `<h1>Emails stopped</h1>
<p>You will get no more emails from Kintsugi.${escapeHtml(texts(enrollment))}</p>
<h2>Changed your mind?</h2>
<p>${escapeHtml(EMAIL_RESTART_WORDS.restart)}</p>
${oneButton(action, { action: 'resubscribe' }, 'Start my emails again')}
${pauseSection}`,
  );
}

/** After "Start my emails again". */
export function emailsBackPage(): string {
  return page(
    'Emails back on',
    `<h1>Your emails are back on</h1>
<p>Your program carries on where it is: the next step comes on its usual day. Every email still has a link at the bottom to stop them.</p>`,
  );
}

/** After "Pause instead": until when, and how to come back sooner. */
export function pausedInsteadPage(enrollment: Enrollment, until: string): string {
  const day = dateInZone(until, enrollment.timezone);
  return page(
    'Paused',
    `<h1>Paused until ${escapeHtml(day)}</h1>
<p>Your emails are on again, but nothing at all will come until ${escapeHtml(day)}, texts included. Then your program picks up where it left off.</p>
<p>To come back sooner, reply RESUME to any of our emails${enrollment.smsStatus === 'active' ? ', or text RESUME' : ''}.</p>`,
  );
}
