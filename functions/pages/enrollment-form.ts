import { SMS_CONSENT_TEXT } from '../program/consent';
import { FORM_ORDER } from '../program/enrollment-input';
import { WEEKDAYS } from '../program/types';
import { type FieldProblem, TooManyRequestsError, ValidationError } from '../shared/errors';
import { countryOptions, timeOptions, zoneOptions } from './choices';
import { escapeHtml, page } from './layout';

/** What a form post carried, as strings: sent back into the form (a typo to fix, a mistake to correct). */
export type FormValues = Record<string, string>;

/** The fields a form post may carry (the form's own, and an invitation's token); anything else is dropped before it is written back into a page. */
const FIELDS = [...FORM_ORDER, 'invite'] as const;

/** The form's own fields out of a parsed body (JSON or form): strings only, nothing else kept. */
function formValuesOf(body: unknown): FormValues {
  const values: FormValues = {};
  if (typeof body !== 'object' || body === null) return values;
  for (const name of FIELDS) {
    const value = (body as Record<string, unknown>)[name];
    if (typeof value === 'string' || typeof value === 'boolean') values[name] = String(value);
  }
  return values;
}

/** A post that asks for the form back, filled in (the "Fix a typo" button of the page after sending). */
const asksToEdit = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && (body as Record<string, unknown>).intent === 'edit';

/**
 * The page a form post without JavaScript gets: the form filled in again when it asks to fix a typo or
 * has a mistake (each problem beside its field), else the page that says where the email went. `send`
 * enrolls; its answer is never shown, so the page is the same whoever the address belongs to.
 */
export async function formPostAnswer(
  body: unknown,
  send: () => Promise<unknown>,
): Promise<{ status: number; page: string }> {
  const values = formValuesOf(body);
  if (asksToEdit(body)) return { status: 200, page: enrollmentFormPage(undefined, { values }) };
  try {
    await send();
  } catch (error) {
    if (error instanceof ValidationError) {
      const problems = error.problems ?? [
        { field: error.field ?? 'body', code: error.code, message: error.message },
      ];
      return { status: 400, page: enrollmentFormPage(undefined, { values, problems }) };
    }
    if (error instanceof TooManyRequestsError)
      return { status: 429, page: enrollmentFormPage(undefined, { values, notice: error.message }) };
    throw error;
  }
  return { status: 202, page: checkYourEmailPage(values) };
}

/** The form as it is shown again: what the person wrote, and what is wrong with it. */
export interface FormState {
  values?: FormValues;
  problems?: FieldProblem[];
  /** A problem with no field (too many sign-ups from one network). */
  notice?: string;
}

const YES = ['true', 'on', 'yes', '1'];
const ticked = (value: string | undefined) => value !== undefined && YES.includes(value.toLowerCase());

const STYLE = `<style>
.error-summary{border:3px solid var(--bad);border-radius:8px;padding:.4rem 1rem .6rem;margin:1rem 0}
.error-summary h2{margin:.4rem 0}
.error-summary a{color:var(--bad);font-weight:600}
[aria-invalid=true]{border:2px solid var(--bad)}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin:1rem 0}
.actions form{margin:0}
.actions button{margin-top:0}
button.secondary{background:#fff;color:var(--ink);border:2px solid var(--ink)}
#sent h2:focus{outline:3px solid var(--gold);outline-offset:4px}
</style>`;

/**
 * The enrollment form (GET /). Works without JavaScript (a mistake brings the form back with each
 * problem beside its field); with it, it guesses the time zone, checks inline and posts JSON.
 */
export function enrollmentFormPage(invite?: string, state: FormState = {}): string {
  const v = state.values ?? {};
  const problems = state.problems ?? [];
  const problemOf = (field: string) => problems.find((p) => p.field === field)?.message ?? '';
  const invalid = (field: string) => (problemOf(field) ? ' aria-invalid="true"' : '');
  const error = (field: string) =>
    `<p class="error" id="${field}-error" role="alert">${escapeHtml(problemOf(field))}</p>`;
  const checked = (on: boolean) => (on ? ' checked' : '');
  const inviteToken = invite ?? v.invite;
  const invitation = inviteToken
    ? `<input type="hidden" name="invite" value="${escapeHtml(inviteToken)}">
<p class="note">Your partner invited you. Your program will be your own: they never see your answers, notes or report.</p>
<label class="choice"><input type="checkbox" name="shareParticipation" value="true"${checked(ticked(v.shareParticipation))}>
<span>Let my partner see how many weekly check-ins I answer (never what I answer), if they share theirs too.</span></label>`
    : '';
  const chosenDay = v.checkinDay?.toLowerCase() ?? 'sunday';
  const dayOptions = WEEKDAYS.map(
    (d) =>
      `<option value="${d}"${d === chosenDay ? ' selected' : ''}>${d.charAt(0).toUpperCase()}${d.slice(1)}</option>`,
  ).join('');
  const zone = v.timezone && zoneKnown(v.timezone) ? v.timezone : undefined;
  const fewer = v.nudges === 'false';
  return page(
    problems.length || state.notice ? 'Check your answers' : 'Start the 90-day program',
    `<h1>Rebuild trust, one week at a time</h1>
<p>Kintsugi is a private 90-day program for couples mending trust after it was broken. You get short steps by email,
a weekly check-in, and on day 90 a report built from your own answers. If your partner joins too, each of you has a
separate, private program.</p>
${errorSummary(problems, state.notice)}
<section id="sent" role="status" aria-live="polite"></section>
<form id="enroll" method="post" action="/enrollments" novalidate>
${invitation}
<label for="email">Email address</label>
<input id="email" name="email" type="email" autocomplete="email" required value="${escapeHtml(v.email ?? '')}" aria-describedby="email-error"${invalid('email')}>
${error('email')}
<fieldset><legend>Which describes you?</legend>
<label class="choice"><input type="radio" name="role" value="hurt" required${checked(v.role === 'hurt')}> My trust was broken, and I am deciding whether it can be rebuilt.</label>
<label class="choice"><input type="radio" name="role" value="repairing"${checked(v.role === 'repairing')}> I broke my partner's trust, and I want to repair it.</label>
${error('role')}
</fieldset>
<label for="timezone">Time zone</label>
<p class="hint" id="timezone-hint">Your emails and check-ins come by your clock. In the list, type the first letters to jump: "Central", "Canada".</p>
<select id="timezone" name="timezone" required aria-describedby="timezone-hint timezone-error"${invalid('timezone')}>${zoneOptions(zone ? { zone, label: 'Your choice' } : undefined)}</select>
${error('timezone')}
<fieldset><legend>Weekly check-in</legend>
<label for="checkinDay">Day</label><select id="checkinDay" name="checkinDay" aria-describedby="checkinDay-error"${invalid('checkinDay')}>${dayOptions}</select>
${error('checkinDay')}
<label for="checkinTime">Time</label>
<select id="checkinTime" name="checkinTime" aria-describedby="checkinTime-error"${invalid('checkinTime')}>${timeOptions(v.checkinTime ?? '19:00', zone)}</select>
${error('checkinTime')}
</fieldset>
<fieldset><legend>Texts <span class="hint">(optional)</span></legend>
<label for="phone">Mobile number</label>
<p class="hint" id="phone-hint">For check-ins by text. Write it as you would dial it at home, like (415) 555-0134.</p>
<input id="phone" name="phone" type="tel" autocomplete="tel" value="${escapeHtml(v.phone ?? '')}" aria-describedby="phone-hint phone-error"${invalid('phone')}>
${error('phone')}
<label for="country">Country of the number</label>
<select id="country" name="country" aria-describedby="country-error"${invalid('country')}>${countryOptions(v.country?.toUpperCase())}</select>
${error('country')}
<label class="choice"><input type="checkbox" name="smsConsent" value="true" aria-describedby="smsConsent-error"${checked(ticked(v.smsConsent))}${invalid('smsConsent')}>
<span>${escapeHtml(SMS_CONSENT_TEXT)}</span></label>
${error('smsConsent')}
<fieldset><legend>How many texts?</legend>
<label class="choice"><input type="radio" name="nudges" value="true"${checked(!fewer)}> <span>Check-ins and a short mid-week nudge with one small thing to try: about two texts a week.</span></label>
<label class="choice"><input type="radio" name="nudges" value="false"${checked(fewer)}> <span>Check-ins only: about one text a week.</span></label>
<p class="hint">A few more come in the checkpoint weeks (days 30, 60 and 90). You can change this later in your settings.</p>
${error('nudges')}
</fieldset>
</fieldset>
<label class="choice"><input type="checkbox" name="discreet" value="true"${checked(ticked(v.discreet))}>
<span>Discreet mode: if someone else may see your phone or inbox. Emails come from "K. Program" with plain subject lines, and texts never mention trust, a partner or a relationship.</span></label>
<p class="safety">If you are not safe at home, this program is not the right tool right now. Call 911 in an emergency, or the National Domestic Violence Hotline at 1-800-799-7233. A self-guided program is not enough either when there is abuse, addiction or years of deception: please work with a trained counselor.</p>
<button type="submit">Send my confirmation email</button>
<p id="result" role="status"></p>
</form>
<template id="sent-template">${sentMessage('h2', '<strong data-email></strong>', `<div class="actions"><button type="button" data-resend>Send the email again</button><button type="button" class="secondary" data-fix>Fix a typo</button></div>`)}<p data-again></p></template>
${SCRIPT}`,
    STYLE,
  );
}

const zoneKnown = (timezone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
};

/** At the top of a form sent back: what to fix, each a link to its field. */
function errorSummary(problems: FieldProblem[], notice?: string): string {
  if (!problems.length && !notice) return '';
  const items = problems
    .map((p) => `<li><a href="#${escapeHtml(anchorOf(p.field))}">${escapeHtml(p.message)}</a></li>`)
    .join('');
  // One heading however many: the list under it says what to fix.
  const title = notice ? 'Your sign-up did not go through' : 'Before we send it, please check:';
  return `<div class="error-summary" role="alert" tabindex="-1" autofocus>
<h2>${escapeHtml(title)}</h2>${notice ? `<p>${escapeHtml(notice)}</p>` : ''}${items ? `<ul>${items}</ul>` : ''}</div>`;
}

/** The element a problem's link goes to: the field, or the first of its radio buttons' group. */
const anchorOf = (field: string) => (field === 'role' ? 'role-error' : field === 'body' ? 'email' : field);

/** What the page says after sending, with or without JavaScript: the address, and what to do next. */
function sentMessage(heading: 'h1' | 'h2', address: string, actions: string): string {
  return `<${heading} id="sent-title" tabindex="-1">Check your email</${heading}>
<p>Look for an email from us at ${address}. Nothing starts until you press the link in it, and you can stop at any time.</p>
<p>Nothing after a few minutes? Look in your spam or promotions folder, then send it again. Wrong address? Fix it and send again.</p>
${actions}`;
}

/**
 * After a form post without JavaScript: the same page whatever the address (new, pending or enrolled),
 * built from the form alone. It names the address, sends again, or brings the form back filled in.
 */
export function checkYourEmailPage(values: FormValues = {}): string {
  const hidden = Object.entries(values)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  const address = values.email
    ? `<strong>${escapeHtml(values.email.trim())}</strong>`
    : 'the address you gave';
  const actions = `<div class="actions">
<form method="post" action="/enrollments">${hidden}<button type="submit">Send the email again</button></form>
<form method="post" action="/enrollments">${hidden}<input type="hidden" name="intent" value="edit"><button type="submit" class="secondary">Fix a typo</button></form>
</div>`;
  return page(
    'Check your email',
    `<section id="sent">${sentMessage('h1', address, actions)}</section>`,
    STYLE,
  );
}

/**
 * The form's script: the likely time zone first, the number's country and the times' words following the
 * zone, a search over the zones, inline errors, and the message after sending (focused and announced).
 */
const SCRIPT = `<script>
(function(){
  var form=document.getElementById('enroll'), tz=document.getElementById('timezone'), country=document.getElementById('country'),
      time=document.getElementById('checkinTime'), sent=document.getElementById('sent'), tpl=document.getElementById('sent-template'),
      result=document.getElementById('result'), each=function(list,f){Array.prototype.forEach.call(list,f);};
  var countryChosen=country.value!=='';
  country.addEventListener('change',function(){countryChosen=true;});
  function zoneOption(name){
    for(var i=0;i<tz.options.length;i++){var o=tz.options[i];
      if(o.value===name||(' '+(o.getAttribute('data-also')||'')+' ').indexOf(' '+name+' ')>=0) return o;}
    return null;
  }
  function clockOf(c){
    var l='en-'+c;
    try{var r=new Intl.DateTimeFormat(l,{hour:'numeric'}).resolvedOptions();
      if(r.locale!==l) r=new Intl.DateTimeFormat(new Intl.Locale('und-'+c).maximize().language+'-'+c,{hour:'numeric'}).resolvedOptions();
      return {locale:l,h12:r.hourCycle==='h12'||r.hourCycle==='h11'};
    }catch(e){return {locale:'en-US',h12:true};}
  }
  function followZone(){
    var o=tz.options[tz.selectedIndex], c=(o&&o.getAttribute('data-country'))||'';
    if(!countryChosen) country.value=c&&zoneCountry(c)?c:'';
    var clock=clockOf(c||'US');
    each(time.options,function(t){var p=t.value.split(':'),m=+p[1],whole=clock.h12&&m===0;
      t.textContent=new Intl.DateTimeFormat(clock.locale,{hour:clock.h12?'numeric':'2-digit',minute:whole?undefined:'2-digit',hourCycle:clock.h12?'h12':'h23',timeZone:'UTC'}).format(new Date(Date.UTC(2000,0,1,+p[0],m)));});
  }
  function zoneCountry(c){for(var i=0;i<country.options.length;i++) if(country.options[i].value===c) return true; return false;}
  try{
    var guess=Intl.DateTimeFormat().resolvedOptions().timeZone;
    if(guess&&tz.value===''){
      var known=zoneOption(guess), group=document.createElement('optgroup'), o=document.createElement('option');
      group.label='Likely for you'; o.value=guess; o.textContent=known?known.textContent:guess.replace(/_/g,' ');
      if(known&&known.getAttribute('data-country')) o.setAttribute('data-country',known.getAttribute('data-country'));
      group.appendChild(o); if(tz.options[0]&&tz.options[0].value==='') tz.remove(0);
      tz.insertBefore(group,tz.firstChild); tz.value=guess;
    }
  }catch(e){}
  tz.addEventListener('change',followZone); followZone();
  var find=document.createElement('p'); find.innerHTML='<label for="timezone-find">Find your time zone</label><input id="timezone-find" type="search" autocomplete="off" aria-describedby="timezone-found" placeholder="A city, a country or a zone"><span class="hint" id="timezone-found" role="status"></span>';
  tz.parentNode.insertBefore(find,document.querySelector('label[for="timezone"]'));
  var search=document.getElementById('timezone-find'), found=document.getElementById('timezone-found');
  search.addEventListener('input',function(){
    var words=search.value.trim().toLowerCase(), first=null, count=0;
    each(tz.querySelectorAll('optgroup'),function(g){var shown=0;
      each(g.querySelectorAll('option'),function(o){var hit=!words||(o.textContent+' '+o.value+' '+(o.getAttribute('data-also')||'')).toLowerCase().replace(/_/g,' ').indexOf(words)>=0;
        o.hidden=!hit; if(hit){shown++; count++; if(!first) first=o;}});
      g.hidden=shown===0;});
    if(words&&first){tz.value=first.value; followZone();}
    found.textContent=!words?'':count===0?'No time zone matches "'+search.value.trim()+'".':count===1?'1 time zone matches: it is chosen.':count+' time zones match; the first is chosen.';
  });
  function clear(){each(form.querySelectorAll('.error'),function(e){e.textContent='';}); each(form.querySelectorAll('[aria-invalid]'),function(e){e.removeAttribute('aria-invalid');}); result.textContent='';}
  function showProblems(error){
    var list=(error&&error.problems)||(error&&error.field?[error]:[]), first=null;
    list.forEach(function(p){var slot=document.getElementById(p.field+'-error'), input=form.elements[p.field];
      if(!slot) return; slot.textContent=p.message; var target=input&&(input.focus?input:input[0]);
      if(target){target.setAttribute('aria-invalid','true'); if(!first) first=target;}});
    if(first) first.focus(); else result.textContent=(error&&error.message)||'Something went wrong. Please try again.';
  }
  function dataOf(){
    var data={}; new FormData(form).forEach(function(v,k){data[k]=v;});
    data.smsConsent=!!form.smsConsent.checked; data.discreet=!!form.discreet.checked;
    if(form.shareParticipation) data.shareParticipation=!!form.shareParticipation.checked;
    return data;
  }
  function post(data){
    return fetch('/enrollments',{method:'POST',headers:{'content-type':'application/json','accept':'application/json'},body:JSON.stringify(data)})
      .then(function(r){return r.json().then(function(b){return {status:r.status,body:b};});});
  }
  var offline='We could not reach Kintsugi. Please check your connection and try again.';
  function showSent(data){
    sent.textContent=''; sent.appendChild(tpl.content.cloneNode(true));
    sent.querySelector('[data-email]').textContent=data.email.trim();
    form.hidden=true; sent.querySelector('h2').focus();
    var again=sent.querySelector('[data-again]');
    sent.querySelector('[data-resend]').addEventListener('click',function(){
      again.textContent='Sending…';
      post(data).then(function(r){again.textContent=r.status===202?'Sent again to '+data.email.trim()+'. It can take a minute or two.':((r.body&&r.body.error&&r.body.error.message)||'It did not go through. Please try again.');})
        .catch(function(){again.textContent=offline;});
    });
    sent.querySelector('[data-fix]').addEventListener('click',function(){
      sent.textContent=''; form.hidden=false; form.elements.email.focus(); form.elements.email.select();
    });
  }
  form.addEventListener('submit',function(ev){
    ev.preventDefault(); clear();
    var data=dataOf();
    post(data).then(function(r){if(r.status===202) showSent(data); else showProblems(r.body&&r.body.error);})
      .catch(function(){result.textContent=offline;});
  });
})();
</script>`;
