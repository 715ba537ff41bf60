import { EMAIL_RESTART_WORDS_IN } from '../program/consent';
import type { Enrollment } from '../program/enrollment';
import type { Language } from '../program/types';
import { confirmButtonPage, escapeHtml, page } from './layout';
import { dayOn } from './words/dates';
import { UNSUBSCRIBE_WORDS } from './words/unsubscribe';

/** The pauses offered instead of stopping, in days (PAUSE by text allows 1 to 30). */
export const PAUSE_CHOICES = [7, 30] as const;

const oneButton = (action: string, fields: Record<string, string>, label: string) =>
  `<form method="post" action="${escapeHtml(action)}">${Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('')}<button type="submit">${escapeHtml(label)}</button></form>`;

const languageOf = (enrollment: Enrollment): Language => enrollment.language ?? 'en';

const texts = (enrollment: Enrollment) =>
  enrollment.smsStatus === 'active' ? UNSUBSCRIBE_WORDS[languageOf(enrollment)].textsGoOn : '';

/** What a stop link opens (GET changes nothing): one button that stops every email. */
export function stopEmailsPage(enrollment: Enrollment, action: string): string {
  const language = languageOf(enrollment);
  const words = UNSUBSCRIBE_WORDS[language];
  return confirmButtonPage(
    words.stopTitle,
    words.stopIntro,
    words.stopButton,
    action,
    language,
    enrollment.timezone,
  );
}

/**
 * What the stop did, with its undo and, while the program runs, a pause instead: each one button (one
 * POST back to the same link), saying exactly what it will do (the words their opt-in records), in the
 * enrollment's language.
 */
export function emailsStoppedPage(enrollment: Enrollment, action: string): string {
  const language = languageOf(enrollment);
  const words = UNSUBSCRIBE_WORDS[language];
  const restart = EMAIL_RESTART_WORDS_IN[language];
  if (enrollment.emailStatus === 'bounced')
    return page(
      words.stoppedTitle,
      `<h1>${words.stoppedTitle}</h1>
<p>${words.bounced}${escapeHtml(texts(enrollment))}</p>`,
      '',
      language,
      enrollment.timezone,
    );
  const running = enrollment.status === 'active';
  const pauseSection = running
    ? `<h2>${words.breakInstead}</h2>
<p>${escapeHtml(restart.pause)}</p>
${PAUSE_CHOICES.map((days) => oneButton(action, { action: 'pause', days: String(days) }, words.pauseDays(days))).join('\n')}`
    : '';
  return page(
    words.stoppedTitle,
    `<h1>${words.stoppedTitle}</h1>
<p>${words.noMore}${escapeHtml(texts(enrollment))}</p>
<h2>${words.changedMind}</h2>
<p>${escapeHtml(restart.restart)}</p>
${oneButton(action, { action: 'resubscribe' }, words.startAgain)}
${pauseSection}`,
    '',
    language,
    enrollment.timezone,
  );
}

/** After "Start my emails again". */
export function emailsBackPage(language: Language = 'en', zone?: string): string {
  const words = UNSUBSCRIBE_WORDS[language];
  return page(words.backTitle, `<h1>${words.backHeading}</h1>\n<p>${words.backText}</p>`, '', language, zone);
}

/** After "Pause instead": until when, and how to come back sooner. */
export function pausedInsteadPage(enrollment: Enrollment, until: string): string {
  const language = languageOf(enrollment);
  const words = UNSUBSCRIBE_WORDS[language];
  const day = dayOn(until, enrollment.timezone, language);
  return page(
    words.pausedTitle,
    `<h1>${escapeHtml(words.pausedUntil(day))}</h1>
<p>${escapeHtml(words.pausedText(day))}</p>
<p>${words.comeBackSooner(enrollment.smsStatus === 'active')}</p>`,
    '',
    language,
    enrollment.timezone,
  );
}
