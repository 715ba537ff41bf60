import { SMS_CONSENT_WORDS } from '../program/consent';
import { type Enrollment, lastDigits, numberProven } from '../program/enrollment';
import { QUIET_FROM, QUIET_UNTIL } from '../program/schedule';
import { LANGUAGES, type Language, WEEKDAYS } from '../program/types';
import type { FieldProblem } from '../shared/errors';
import { countryOptions, international, timeOptions, zoneOptions } from './choices';
import { escapeHtml, page } from './layout';
import { timeOfDay, weekdayLabel, weekdayName } from './words/dates';
import { PRIVACY_WORDS } from './words/privacy';
import { LANGUAGE_NAMES, SETTINGS_WORDS, type SettingsWords } from './words/settings';

const option = (value: string, label: string, selected: boolean, lang = '') =>
  `<option value="${escapeHtml(value)}"${lang ? ` lang="${lang}"` : ''}${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;

/** What the page shows beyond the current values: that they were saved, or what was wrong with a number. */
export interface SettingsState {
  saved?: boolean;
  /** A mobile number was added: a "reply YES" text may be on its way. */
  numberAdded?: boolean;
  /** The program's number was forgotten, with none in its place. */
  numberForgotten?: boolean;
  problems?: readonly FieldProblem[];
  /** The form as it was sent, to show a mistyped number again. */
  values?: Record<string, unknown>;
  /** The person's partner page (invite a partner, what they may see, the link), linked below the form. */
  partnerUrl?: string;
}

/**
 * The settings page: time zone, check-in day and time, language, discreet mode, and (for those who get
 * texts) check-ins only or check-ins and mid-week nudges, filled in with the current values and written in
 * the zone's words and the enrollment's language. Its number may be forgotten, and a running program may
 * be given one (a first, or another in its place).
 */
export function settingsPage(enrollment: Enrollment, action: string, state: SettingsState = {}): string {
  const language: Language = enrollment.language ?? 'en';
  const words = SETTINGS_WORDS[language];
  const { saved = false } = state;
  const zone = enrollment.timezone;
  const dayOptions = WEEKDAYS.map((d) =>
    option(d, weekdayLabel(d, language), d === enrollment.checkinDay),
  ).join('');
  const when = words.when(
    weekdayName(enrollment.checkinDay, language),
    timeOfDay(enrollment.checkinTime, zone, language),
  );
  // Right after it was given, the number as it was read (a national number read in another country than
  // meant shows at once); the person has just typed it, so it tells nothing new to whoever sees the screen.
  const added =
    state.numberAdded && enrollment.phone
      ? ` ${words.numberAdded} ${words.readAs(international(enrollment.phone))}`
      : '';
  const said =
    enrollment.status === 'active' ? words.saved(when, enrollment.nudges === false) : words.savedEnded;
  const forgotten = state.numberForgotten ? ` ${words.numberForgotten}` : '';
  const note = saved ? `<p class="note" role="status">${escapeHtml(said + added + forgotten)}</p>` : '';
  const fewer = enrollment.nudges === false;
  // Shown too where a number may be given: its consent box says "as I choose below".
  const texts =
    enrollment.phone || enrollment.status === 'active'
      ? `<fieldset><legend>${words.howManyTexts}</legend>
<label class="choice"><input type="radio" name="nudges" value="true"${fewer ? '' : ' checked'}> <span>${words.withNudges}</span></label>
<label class="choice"><input type="radio" name="nudges" value="false"${fewer ? ' checked' : ''}> <span>${words.checkinsOnly}</span></label>
<p class="hint">${enrollment.phone ? words.textsHint : words.textsHintNoNumber}</p>
</fieldset>`
      : '';
  const number = addNumber(enrollment, state, language);
  const languages = LANGUAGES.map((l) => option(l, LANGUAGE_NAMES[l], l === language, l)).join('');
  const discreet = enrollment.discreet === true;
  const privacy = `<fieldset><legend>${words.discreet}</legend>
<label class="choice"><input type="radio" name="discreet" value="true"${discreet ? ' checked' : ''}> <span>${escapeHtml(words.discreetOn)}</span></label>
<label class="choice"><input type="radio" name="discreet" value="false"${discreet ? '' : ' checked'}> <span>${escapeHtml(words.discreetOff)}</span></label>
</fieldset>`;
  return page(
    words.title,
    `<h1>${words.heading}</h1>${note}${number.summary}
<p>${escapeHtml(words.intro(timeOfDay(QUIET_FROM, zone, language), timeOfDay(QUIET_UNTIL, zone, language)))}</p>
<form method="post" action="${escapeHtml(action)}">
<label for="timezone">${words.timezone}</label>
<select id="timezone" name="timezone" required>${zoneOptions({ zone, label: words.timezoneNow }, language)}</select>
<fieldset><legend>${words.weekly}</legend>
<label for="checkinDay">${words.day}</label><select id="checkinDay" name="checkinDay">${dayOptions}</select>
<label for="checkinTime">${words.time}</label>
<select id="checkinTime" name="checkinTime">${timeOptions(enrollment.checkinTime, zone, language)}</select>
</fieldset>
${number.fields}${texts}
${privacy}
<label for="language">${words.language}</label>
<p class="hint" id="language-hint">${words.languageHint}</p>
<select id="language" name="language" aria-describedby="language-hint">${languages}</select>
<button type="submit">${words.save}</button>
</form>${partnerPart(state.partnerUrl, language)}`,
    '',
    language,
    zone,
  );
}

/**
 * The number part of the page. A program with a number shows where its texts stand and offers to forget it
 * (texts stop, check-ins come by email), in words that do not tell apart a number waiting for YES and one
 * another program holds. A running program also shows the fields that give a number (number, its country,
 * the consent box the sign-up form has): a first number, or another in the place of the one it has. Any
 * problem shows beside its field, and all are listed at the top.
 */
function addNumber(
  enrollment: Enrollment,
  state: SettingsState,
  language: Language,
): { fields: string; summary: string } {
  const words = SETTINGS_WORDS[language];
  const problems = (state.problems ?? []).map((p) => ({
    ...p,
    message: language === 'en' ? p.message : (words.problems[p.code] ?? words.problems.fallback ?? p.message),
  }));
  const summary = problems.length
    ? `<div class="error-summary" role="alert" tabindex="-1" autofocus>
<h2>${escapeHtml(words.pleaseCheck)}</h2><ul>${problems
        .map((p) => `<li><a href="#${escapeHtml(p.field)}">${escapeHtml(p.message)}</a></li>`)
        .join('')}</ul></div>`
    : '';
  const value = (field: string) => {
    const v = state.values?.[field];
    return typeof v === 'string' ? v : '';
  };
  const last = enrollment.phone ? lastDigits(enrollment.phone) : '';
  const current = enrollment.phone ? currentNumber(enrollment, words, value('number') === 'forget') : '';
  if (enrollment.status !== 'active') return { fields: current, summary };
  const problemOf = (field: string) => problems.find((p) => p.field === field)?.message ?? '';
  const invalid = (field: string) => (problemOf(field) ? ' aria-invalid="true"' : '');
  const error = (field: string) =>
    `<p class="error" id="${field}-error" role="alert">${escapeHtml(problemOf(field))}</p>`;
  const ticked = ['true', 'on', 'yes'].includes(value('smsConsent').toLowerCase());
  const [legend, hint] = !enrollment.phone
    ? [words.addTexts, words.addTextsHint]
    : numberProven(enrollment)
      ? [words.newNumber, words.newNumberHint(last)]
      : [words.otherNumber, words.otherNumberHint];
  const fields = `${current}<fieldset><legend>${legend}</legend>
<p class="hint" id="add-texts-hint">${escapeHtml(hint)}</p>
<label for="phone">${words.phone}</label>
<p class="hint" id="phone-hint">${escapeHtml(words.phoneHint)}</p>
<input id="phone" name="phone" type="tel" autocomplete="tel" value="${escapeHtml(value('phone'))}" aria-describedby="add-texts-hint phone-hint phone-error"${invalid('phone')}>
${error('phone')}
<label for="country">${words.country}</label>
<select id="country" name="country" aria-describedby="country-error"${invalid('country')}>${countryOptions(value('country').toUpperCase() || undefined, language)}</select>
${error('country')}
<label class="choice"><input id="smsConsent" type="checkbox" name="smsConsent" value="true" aria-describedby="smsConsent-error"${ticked ? ' checked' : ''}${invalid('smsConsent')}>
<span>${escapeHtml(SMS_CONSENT_WORDS[language])}</span></label>
${error('smsConsent')}
</fieldset>
`;
  return { fields, summary };
}

/**
 * The program's number, by its last two digits only: where its texts stand, and the choice to keep or forget
 * it. A number still waiting for YES and one another program holds read the same.
 */
function currentNumber(enrollment: Enrollment, words: SettingsWords, forget: boolean): string {
  const last = lastDigits(enrollment.phone ?? '');
  const standing = !numberProven(enrollment)
    ? words.awaitingYes(last)
    : enrollment.smsStatus === 'stopped'
      ? words.stoppedByText
      : enrollment.smsStatus === 'unreachable'
        ? words.unreachable
        : enrollment.checkinsByEmail
          ? words.byEmailForNow
          : words.textsOn;
  const id = numberProven(enrollment) ? 'number-standing' : 'waiting-for-yes';
  return `<fieldset aria-describedby="${id}"><legend>${escapeHtml(words.yourNumber(last))}</legend>
<p class="hint" id="${id}">${escapeHtml(standing)}</p>
<label class="choice"><input type="radio" name="number" value="keep"${forget ? '' : ' checked'}> <span>${escapeHtml(words.keepNumber)}</span></label>
<label class="choice"><input type="radio" name="number" value="forget"${forget ? ' checked' : ''}> <span>${escapeHtml(words.forgetNumber)}</span></label>
</fieldset>
`;
}

/** Where the partner page is: the same words as on the privacy page. */
function partnerPart(partnerUrl: string | undefined, language: Language): string {
  if (!partnerUrl) return '';
  const words = PRIVACY_WORDS[language];
  return `
<h2>${words.partner}</h2>
<p>${words.partnerText(`<a href="${escapeHtml(partnerUrl)}">${words.partnerLink}</a>`)}</p>`;
}
