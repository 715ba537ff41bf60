import type { Enrollment } from '../program/enrollment';
import { timeInZone } from '../program/local-words';
import { QUIET_FROM, QUIET_UNTIL } from '../program/schedule';
import { WEEKDAYS } from '../program/types';
import { timeOptions, zoneOptions } from './choices';
import { escapeHtml, page } from './layout';

const option = (value: string, label: string, selected: boolean) =>
  `<option value="${escapeHtml(value)}"${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;

const capitalised = (day: string) => day.charAt(0).toUpperCase() + day.slice(1);

/**
 * The settings page: time zone, check-in day and time, and (for those who get texts) check-ins only or
 * check-ins and mid-week nudges, filled in with the current values and written in the zone's words.
 */
export function settingsPage(enrollment: Enrollment, action: string, saved = false): string {
  const zone = enrollment.timezone;
  const dayOptions = WEEKDAYS.map((d) => option(d, capitalised(d), d === enrollment.checkinDay)).join('');
  const when = `${capitalised(enrollment.checkinDay)}s around ${timeInZone(enrollment.checkinTime, zone)}`;
  const note = saved
    ? `<p class="note" role="status">Saved. Your check-in comes on ${escapeHtml(when)}${enrollment.nudges === false ? ', with no mid-week nudges' : ''}. Everything still to come follows these settings; nothing already sent comes again.</p>`
    : '';
  const fewer = enrollment.nudges === false;
  const texts = enrollment.phone
    ? `<fieldset><legend>How many texts?</legend>
<label class="choice"><input type="radio" name="nudges" value="true"${fewer ? '' : ' checked'}> <span>Check-ins and a short mid-week nudge with one small thing to try: about two texts a week.</span></label>
<label class="choice"><input type="radio" name="nudges" value="false"${fewer ? ' checked' : ''}> <span>Check-ins only: about one text a week.</span></label>
<p class="hint">A change applies to the texts still to come.</p>
</fieldset>`
    : '';
  return page(
    'Your settings',
    `<h1>When Kintsugi writes to you</h1>${note}
<p>Moved, travelling for a while, or a different day suits you better? Change it here. Texts never arrive between ${escapeHtml(timeInZone(QUIET_FROM, zone))} and ${escapeHtml(timeInZone(QUIET_UNTIL, zone))} where you are.</p>
<form method="post" action="${escapeHtml(action)}">
<label for="timezone">Time zone</label>
<select id="timezone" name="timezone" required>${zoneOptions({ zone, label: 'Your time zone now' })}</select>
<fieldset><legend>Weekly check-in</legend>
<label for="checkinDay">Day</label><select id="checkinDay" name="checkinDay">${dayOptions}</select>
<label for="checkinTime">Time</label>
<select id="checkinTime" name="checkinTime">${timeOptions(enrollment.checkinTime, zone)}</select>
</fieldset>
${texts}
<button type="submit">Save my settings</button>
</form>`,
  );
}
