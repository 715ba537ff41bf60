import { type Enrollment, lastDigits } from '../program/enrollment';
import { timeInZone, weekdayInWords } from '../program/local-words';
import type { Language } from '../program/types';
import { cityOfZone } from '../program/zones';
import { confirmButtonPage, escapeHtml, page } from './layout';
import { CONFIRM_WORDS } from './words/confirm';
import { calendarDay } from './words/dates';

const languageOf = (enrollment: Enrollment): Language => enrollment.language ?? 'en';

/** What a confirmation link opens (GET changes nothing): the button, or "already in". */
export function confirmLinkPage(enrollment: Enrollment, action: string): string {
  const language = languageOf(enrollment);
  const words = CONFIRM_WORDS[language];
  if (enrollment.status !== 'pending')
    return page(
      words.alreadyTitle,
      `<h1>${words.alreadyHeading}</h1><p>${words.alreadyText}</p>`,
      '',
      language,
      enrollment.timezone,
    );
  const digits = enrollment.phone ? lastDigits(enrollment.phone) : undefined;
  const whatStarts = words.whatStarts({
    track: enrollment.track,
    day: weekdayInWords(enrollment.checkinDay, language),
    time: timeInZone(enrollment.checkinTime, enrollment.timezone, language),
    zone: cityOfZone(enrollment.timezone, language),
    ...(digits ? { digits } : {}),
  });
  return confirmButtonPage(
    words.confirmTitle,
    words.confirmIntro,
    words.confirmButton,
    action,
    language,
    enrollment.timezone,
    [whatStarts, ...(enrollment.invitedBy ? [words.linksWithInviter] : []), words.notYours],
  );
}

/** After the button: when the first step comes, what about texts, and the partner invitation. */
export function confirmedPage(enrollment: Enrollment, partnerUrl: string): string {
  const language = languageOf(enrollment);
  const words = CONFIRM_WORDS[language];
  // The same words whether or not the number was free: another program holding it is nobody else's business.
  const sms =
    enrollment.smsStatus === 'awaiting-yes' || enrollment.textsUnavailable ? `<p>${words.replyYes}</p>` : '';
  const first = enrollment.day0
    ? words.firstStepOn(calendarDay(enrollment.day0, enrollment.timezone, language))
    : words.firstStepNext;
  return page(
    words.inTitle,
    `<h1>${words.inTitle}</h1><p>${escapeHtml(first)}</p>${sms}
<p>${
      enrollment.partner
        ? words.linked(`<a href="${escapeHtml(partnerUrl)}">${words.linkedLink}</a>`)
        : words.invite(`<a href="${escapeHtml(partnerUrl)}">${words.inviteLink}</a>`)
    }</p>`,
    '',
    language,
    enrollment.timezone,
  );
}
