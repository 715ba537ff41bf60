import { SMS_CONSENT_TEXT } from '../program/consent';
import { WEEKDAYS } from '../program/types';
import { escapeHtml, page } from './layout';

export const zones = (): string[] => {
  try {
    return [...Intl.supportedValuesOf('timeZone'), 'UTC'];
  } catch {
    return ['UTC'];
  }
};

/** The enrollment form (GET /). Works without JavaScript; with it, validates inline and posts JSON. */
export function enrollmentFormPage(invite?: string): string {
  const invitation = invite
    ? `<input type="hidden" name="invite" value="${escapeHtml(invite)}">
<p class="note">Your partner invited you. Your program will be your own: they never see your answers, notes or report.</p>
<label class="choice"><input type="checkbox" name="shareParticipation" value="true">
<span>Let my partner see how many weekly check-ins I answer (never what I answer), if they share theirs too.</span></label>`
    : '';
  const zoneOptions = zones()
    .map((z) => `<option value="${escapeHtml(z)}">${escapeHtml(z.replace(/_/g, ' '))}</option>`)
    .join('');
  const dayOptions = WEEKDAYS.map(
    (d) =>
      `<option value="${d}"${d === 'sunday' ? ' selected' : ''}>${d.charAt(0).toUpperCase()}${d.slice(1)}</option>`,
  ).join('');
  return page(
    'Start the 90-day program',
    `<h1>Rebuild trust, one week at a time</h1>
<p>Kintsugi is a private 90-day program for couples mending trust after it was broken. You get short steps by email,
a weekly check-in, and on day 90 a report built from your own answers. If your partner joins too, each of you has a
separate, private program.</p>
<form id="enroll" method="post" action="/enrollments" novalidate>
${invitation}
<label for="email">Email address</label>
<input id="email" name="email" type="email" autocomplete="email" required aria-describedby="email-error">
<p class="error" id="email-error" role="alert"></p>
<fieldset><legend>Which describes you?</legend>
<label class="choice"><input type="radio" name="role" value="hurt" required> My trust was broken, and I am deciding whether it can be rebuilt.</label>
<label class="choice"><input type="radio" name="role" value="repairing"> I broke my partner's trust, and I want to repair it.</label>
<p class="error" id="role-error" role="alert"></p>
</fieldset>
<label for="timezone">Time zone</label>
<select id="timezone" name="timezone" required aria-describedby="timezone-error">${zoneOptions}</select>
<p class="error" id="timezone-error" role="alert"></p>
<fieldset><legend>Weekly check-in</legend>
<label for="checkinDay">Day</label><select id="checkinDay" name="checkinDay">${dayOptions}</select>
<label for="checkinTime">Time <span class="hint">(between 08:00 and 20:00)</span></label>
<input id="checkinTime" name="checkinTime" type="time" value="19:00" min="08:00" max="20:00" aria-describedby="checkinTime-error">
<p class="error" id="checkinTime-error" role="alert"></p>
</fieldset>
<label for="phone">Mobile number <span class="hint">(optional: for check-ins by text)</span></label>
<input id="phone" name="phone" type="tel" autocomplete="tel" placeholder="+1 415 555 0100" aria-describedby="phone-error">
<p class="error" id="phone-error" role="alert"></p>
<label class="choice"><input type="checkbox" name="smsConsent" value="true" aria-describedby="smsConsent-error">
<span>${escapeHtml(SMS_CONSENT_TEXT)}</span></label>
<p class="error" id="smsConsent-error" role="alert"></p>
<label class="choice"><input type="checkbox" name="discreet" value="true">
<span>Discreet mode: if someone else may see your phone or inbox. Emails come from "K. Program" with plain subject lines, and texts never mention trust, a partner or a relationship.</span></label>
<p class="safety">If you are not safe at home, this program is not the right tool right now. Call 911 in an emergency, or the National Domestic Violence Hotline at 1-800-799-7233. A self-guided program is not enough either when there is abuse, addiction or years of deception: please work with a trained counselor.</p>
<button type="submit">Send my confirmation email</button>
<p id="result" role="status"></p>
</form>
<script>
(function(){
  var form=document.getElementById('enroll'), tz=document.getElementById('timezone');
  try{
    var guess=Intl.DateTimeFormat().resolvedOptions().timeZone;
    if(guess){
      if(!Array.prototype.some.call(tz.options,function(o){return o.value===guess;})){var o=document.createElement('option');o.value=o.textContent=guess;tz.appendChild(o);}
      tz.value=guess;
    }
  }catch(e){}
  form.addEventListener('submit',function(ev){
    ev.preventDefault();
    document.querySelectorAll('.error').forEach(function(e){e.textContent='';});
    var data={}; new FormData(form).forEach(function(v,k){data[k]=v;});
    data.smsConsent=!!form.smsConsent.checked;
    data.discreet=!!form.discreet.checked;
    if(form.shareParticipation) data.shareParticipation=!!form.shareParticipation.checked;
    fetch('/enrollments',{method:'POST',headers:{'content-type':'application/json','accept':'application/json'},body:JSON.stringify(data)})
      .then(function(r){return r.json().then(function(b){return {status:r.status,body:b};});})
      .then(function(r){
        var out=document.getElementById('result');
        if(r.status===202){form.innerHTML='<h2>Check your email</h2><p>Look for an email from us at that address. Nothing starts until you press the link in it.</p>';return;}
        var e=r.body&&r.body.error; var slot=e&&e.field&&document.getElementById(e.field+'-error');
        if(slot){slot.textContent=e.message; var input=form.elements[e.field]; if(input&&input.focus) input.focus();}
        else out.textContent=(e&&e.message)||'Something went wrong. Please try again.';
      })
      .catch(function(){document.getElementById('result').textContent='We could not reach Kintsugi. Please try again.';});
  });
})();
</script>`,
  );
}

/**
 * After a form post without JavaScript: the same page whatever the address (new, pending or enrolled),
 * so it says only where to look, not what was sent.
 */
export function checkYourEmailPage(): string {
  return page(
    'Check your email',
    '<h1>Check your email</h1><p>Look for an email from us at the address you gave. Nothing starts until you press the link in it, and you can stop at any time.</p>',
  );
}
