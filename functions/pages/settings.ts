import type { Enrollment } from '../program/enrollment';
import { WEEKDAYS } from '../program/types';
import { zones } from './enrollment-form';
import { escapeHtml, page } from './layout';

const option = (value: string, label: string, selected: boolean) =>
  `<option value="${escapeHtml(value)}"${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;

/** The settings page: time zone, check-in day and time, filled in with the current values. */
export function settingsPage(enrollment: Enrollment, action: string, saved = false): string {
  const known = zones();
  const zoneList = known.includes(enrollment.timezone) ? known : [enrollment.timezone, ...known];
  const zoneOptions = zoneList
    .map((z) => option(z, z.replace(/_/g, ' '), z === enrollment.timezone))
    .join('');
  const dayOptions = WEEKDAYS.map((d) =>
    option(d, d.charAt(0).toUpperCase() + d.slice(1), d === enrollment.checkinDay),
  ).join('');
  const note = saved
    ? '<p class="note" role="status">Saved. Everything still to come follows these settings; nothing already sent comes again.</p>'
    : '';
  return page(
    'Your settings',
    `<h1>When Kintsugi writes to you</h1>${note}
<p>Moved, travelling for a while, or a different day suits you better? Change it here. Texts never arrive between 21:00 and 08:00 where you are.</p>
<form method="post" action="${escapeHtml(action)}">
<label for="timezone">Time zone</label>
<select id="timezone" name="timezone" required>${zoneOptions}</select>
<fieldset><legend>Weekly check-in</legend>
<label for="checkinDay">Day</label><select id="checkinDay" name="checkinDay">${dayOptions}</select>
<label for="checkinTime">Time <span class="hint">(between 08:00 and 20:00)</span></label>
<input id="checkinTime" name="checkinTime" type="time" value="${escapeHtml(enrollment.checkinTime)}" min="08:00" max="20:00">
</fieldset>
<button type="submit">Save my settings</button>
</form>`,
  );
}
