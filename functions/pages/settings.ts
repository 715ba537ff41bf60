import type { Enrollment } from '../program/enrollment';
import { QUIET_FROM, QUIET_UNTIL } from '../program/schedule';
import { LANGUAGES, type Language, WEEKDAYS } from '../program/types';
import { timeOptions, zoneOptions } from './choices';
import { escapeHtml, page } from './layout';
import { timeOfDay, weekdayLabel, weekdayName } from './words/dates';
import { LANGUAGE_NAMES, SETTINGS_WORDS } from './words/settings';

const option = (value: string, label: string, selected: boolean, lang = '') =>
  `<option value="${escapeHtml(value)}"${lang ? ` lang="${lang}"` : ''}${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;

/**
 * The settings page: time zone, check-in day and time, language, discreet mode, and (for those who get
 * texts) check-ins only or check-ins and mid-week nudges, filled in with the current values and written in
 * the zone's words and the enrollment's language.
 */
export function settingsPage(enrollment: Enrollment, action: string, saved = false): string {
  const language: Language = enrollment.language ?? 'en';
  const words = SETTINGS_WORDS[language];
  const zone = enrollment.timezone;
  const dayOptions = WEEKDAYS.map((d) =>
    option(d, weekdayLabel(d, language), d === enrollment.checkinDay),
  ).join('');
  const when = words.when(
    weekdayName(enrollment.checkinDay, language),
    timeOfDay(enrollment.checkinTime, zone, language),
  );
  const note = saved
    ? `<p class="note" role="status">${escapeHtml(words.saved(when, enrollment.nudges === false))}</p>`
    : '';
  const fewer = enrollment.nudges === false;
  const texts = enrollment.phone
    ? `<fieldset><legend>${words.howManyTexts}</legend>
<label class="choice"><input type="radio" name="nudges" value="true"${fewer ? '' : ' checked'}> <span>${words.withNudges}</span></label>
<label class="choice"><input type="radio" name="nudges" value="false"${fewer ? ' checked' : ''}> <span>${words.checkinsOnly}</span></label>
<p class="hint">${words.textsHint}</p>
</fieldset>`
    : '';
  const languages = LANGUAGES.map((l) => option(l, LANGUAGE_NAMES[l], l === language, l)).join('');
  const discreet = enrollment.discreet === true;
  const privacy = `<fieldset><legend>${words.discreet}</legend>
<label class="choice"><input type="radio" name="discreet" value="true"${discreet ? ' checked' : ''}> <span>${escapeHtml(words.discreetOn)}</span></label>
<label class="choice"><input type="radio" name="discreet" value="false"${discreet ? '' : ' checked'}> <span>${escapeHtml(words.discreetOff)}</span></label>
</fieldset>`;
  return page(
    words.title,
    `<h1>${words.heading}</h1>${note}
<p>${escapeHtml(words.intro(timeOfDay(QUIET_FROM, zone, language), timeOfDay(QUIET_UNTIL, zone, language)))}</p>
<form method="post" action="${escapeHtml(action)}">
<label for="timezone">${words.timezone}</label>
<select id="timezone" name="timezone" required>${zoneOptions({ zone, label: words.timezoneNow }, language)}</select>
<fieldset><legend>${words.weekly}</legend>
<label for="checkinDay">${words.day}</label><select id="checkinDay" name="checkinDay">${dayOptions}</select>
<label for="checkinTime">${words.time}</label>
<select id="checkinTime" name="checkinTime">${timeOptions(enrollment.checkinTime, zone, language)}</select>
</fieldset>
${texts}
${privacy}
<label for="language">${words.language}</label>
<p class="hint" id="language-hint">${words.languageHint}</p>
<select id="language" name="language" aria-describedby="language-hint">${languages}</select>
<button type="submit">${words.save}</button>
</form>`,
    '',
    language,
  );
}
