import { SMS_CONSENT_WORDS } from '../program/consent';
import { FORM_ORDER } from '../program/enrollment-input';
import { zoneKnown } from '../program/local-words';
import { LANGUAGES, type Language, WEEKDAYS } from '../program/types';
import { type FieldProblem, TooManyRequestsError, ValidationError } from '../shared/errors';
import { countryOptions, timeOptions, zoneOptions } from './choices';
import { escapeHtml, page } from './layout';
import { weekdayLabel } from './words/dates';
import { ENROLLMENT_FORM_WORDS, type EnrollmentFormWords, type FormField } from './words/enrollment-form';
import { LANGUAGE_NAMES } from './words/settings';

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

/** The language a form post was written in: its `language` field, else `fallback` (the browser's). */
export function languageOfForm(values: FormValues, fallback: Language = 'en'): Language {
  const named = values.language?.trim().toLowerCase();
  return (LANGUAGES as readonly string[]).includes(named ?? '') ? (named as Language) : fallback;
}

/**
 * The page a form post without JavaScript gets, in the form's language: the form filled in again when it
 * asks to fix a typo or has a mistake (each problem beside its field), else the page that says where the
 * email went. `send` enrolls; its answer is never shown, so the page is the same whoever the address
 * belongs to.
 */
export async function formPostAnswer(
  body: unknown,
  send: () => Promise<unknown>,
  fallback: Language = 'en',
): Promise<{ status: number; page: string }> {
  const values = formValuesOf(body);
  const language = languageOfForm(values, fallback);
  if (asksToEdit(body)) return { status: 200, page: enrollmentFormPage(undefined, { values }, language) };
  try {
    await send();
  } catch (error) {
    if (error instanceof ValidationError) {
      const problems = error.problems ?? [
        { field: error.field ?? 'body', code: error.code, message: error.message },
      ];
      return { status: 400, page: enrollmentFormPage(undefined, { values, problems }, language) };
    }
    if (error instanceof TooManyRequestsError) {
      const notice = language === 'en' ? error.message : ENROLLMENT_FORM_WORDS[language].tooMany;
      return { status: 429, page: enrollmentFormPage(undefined, { values, notice }, language) };
    }
    throw error;
  }
  return { status: 202, page: checkYourEmailPage(values, language) };
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
.languages{margin:0 0 .5rem;text-align:right}
.languages a{display:inline-block;padding:.6rem .25rem;min-height:44px}
.languages [aria-current]{color:var(--ink);font-weight:700;text-decoration:none}
</style>`;

/**
 * What to show for a field's problem: in English the problem's own message (it names the country, the
 * limit…); in another language the field's message from the word set (the API's JSON stays English).
 */
const problemMessage = (problem: FieldProblem, language: Language): string =>
  language === 'en'
    ? problem.message
    : (ENROLLMENT_FORM_WORDS[language].problems[problem.field as FormField] ??
      ENROLLMENT_FORM_WORDS[language].problems.body);

/** "English · Español": each a link to the form in that language (`?lang=`, which wins over the browser's). */
function languageSwitch(language: Language, invite?: string): string {
  const links = LANGUAGES.map((l) => {
    const href = `/?lang=${l}${invite ? `&invite=${encodeURIComponent(invite)}` : ''}`;
    return l === language
      ? `<a href="${escapeHtml(href)}" lang="${l}" hreflang="${l}" aria-current="page">${LANGUAGE_NAMES[l]}</a>`
      : `<a href="${escapeHtml(href)}" lang="${l}" hreflang="${l}">${LANGUAGE_NAMES[l]}</a>`;
  }).join(' · ');
  return `<nav class="languages" aria-label="${ENROLLMENT_FORM_WORDS[language].switchLabel}">${links}</nav>`;
}

/**
 * The enrollment form (GET /), in English or Spanish, with a switch between them; the language goes with
 * the form as its `language` field. Works without JavaScript (a mistake brings the form back with each
 * problem beside its field); with it, it guesses the time zone, checks inline and posts JSON.
 */
export function enrollmentFormPage(
  invite?: string,
  state: FormState = {},
  language: Language = 'en',
): string {
  const words = ENROLLMENT_FORM_WORDS[language];
  const v = state.values ?? {};
  const problems = (state.problems ?? []).map((p) => ({ ...p, message: problemMessage(p, language) }));
  const problemOf = (field: string) => problems.find((p) => p.field === field)?.message ?? '';
  const invalid = (field: string) => (problemOf(field) ? ' aria-invalid="true"' : '');
  const error = (field: string) =>
    `<p class="error" id="${field}-error" role="alert">${escapeHtml(problemOf(field))}</p>`;
  const checked = (on: boolean) => (on ? ' checked' : '');
  const inviteToken = invite ?? v.invite;
  const invitation = inviteToken
    ? `<input type="hidden" name="invite" value="${escapeHtml(inviteToken)}">
<p class="note">${words.invited}</p>
<label class="choice"><input type="checkbox" name="shareParticipation" value="true"${checked(ticked(v.shareParticipation))}>
<span>${words.shareParticipation}</span></label>`
    : '';
  const chosenDay = v.checkinDay?.toLowerCase() ?? 'sunday';
  const dayOptions = WEEKDAYS.map(
    (d) => `<option value="${d}"${d === chosenDay ? ' selected' : ''}>${weekdayLabel(d, language)}</option>`,
  ).join('');
  const zone = v.timezone && zoneKnown(v.timezone) ? v.timezone : undefined;
  const fewer = v.nudges === 'false';
  return page(
    problems.length || state.notice ? words.titleWithProblems : words.title,
    `${languageSwitch(language, inviteToken)}
<h1>${words.heading}</h1>
<p>${words.intro}</p>
${errorSummary(problems, words, state.notice)}
<section id="sent" role="status" aria-live="polite"></section>
<form id="enroll" method="post" action="/enrollments" novalidate>
<input type="hidden" name="language" value="${language}">
${invitation}
<label for="email">${words.email}</label>
<input id="email" name="email" type="email" autocomplete="email" required value="${escapeHtml(v.email ?? '')}" aria-describedby="email-error"${invalid('email')}>
${error('email')}
<fieldset><legend>${words.whichDescribesYou}</legend>
<label class="choice"><input type="radio" name="role" value="hurt" required${checked(v.role === 'hurt')}> ${escapeHtml(words.hurt)}</label>
<label class="choice"><input type="radio" name="role" value="repairing"${checked(v.role === 'repairing')}> ${escapeHtml(words.repairing)}</label>
${error('role')}
</fieldset>
<label for="timezone">${words.timezone}</label>
<p class="hint" id="timezone-hint">${escapeHtml(words.timezoneHint)}</p>
<select id="timezone" name="timezone" required aria-describedby="timezone-hint timezone-error"${invalid('timezone')}>${zoneOptions(zone ? { zone, label: words.yourChoice } : undefined, language)}</select>
${error('timezone')}
<fieldset><legend>${words.weekly}</legend>
<label for="checkinDay">${words.day}</label><select id="checkinDay" name="checkinDay" aria-describedby="checkinDay-error"${invalid('checkinDay')}>${dayOptions}</select>
${error('checkinDay')}
<label for="checkinTime">${words.time}</label>
<select id="checkinTime" name="checkinTime" aria-describedby="checkinTime-error"${invalid('checkinTime')}>${timeOptions(v.checkinTime ?? '19:00', zone, language)}</select>
${error('checkinTime')}
</fieldset>
<fieldset><legend>${words.texts} <span class="hint">${words.optional}</span></legend>
<label for="phone">${words.phone}</label>
<p class="hint" id="phone-hint">${words.phoneHint}</p>
<input id="phone" name="phone" type="tel" autocomplete="tel" value="${escapeHtml(v.phone ?? '')}" aria-describedby="phone-hint phone-error"${invalid('phone')}>
${error('phone')}
<label for="country">${words.country}</label>
<select id="country" name="country" aria-describedby="country-error"${invalid('country')}>${countryOptions(v.country?.toUpperCase(), language)}</select>
${error('country')}
<label class="choice"><input type="checkbox" name="smsConsent" value="true" aria-describedby="smsConsent-error"${checked(ticked(v.smsConsent))}${invalid('smsConsent')}>
<span>${escapeHtml(SMS_CONSENT_WORDS[language])}</span></label>
${error('smsConsent')}
<fieldset><legend>${words.howManyTexts}</legend>
<label class="choice"><input type="radio" name="nudges" value="true"${checked(!fewer)}> <span>${words.withNudges}</span></label>
<label class="choice"><input type="radio" name="nudges" value="false"${checked(fewer)}> <span>${words.checkinsOnly}</span></label>
<p class="hint">${words.textsHint}</p>
${error('nudges')}
</fieldset>
</fieldset>
<label class="choice"><input type="checkbox" name="discreet" value="true"${checked(ticked(v.discreet))}>
<span>${escapeHtml(words.discreet)}</span></label>
<p class="safety">${words.safety}</p>
<button type="submit">${words.submit}</button>
<p id="result" role="status"></p>
</form>
<template id="sent-template">${sentMessage(words, 'h2', '<strong data-email></strong>', `<div class="actions"><button type="button" data-resend>${words.sendAgain}</button><button type="button" class="secondary" data-fix>${words.fixTypo}</button></div>`)}<p data-again></p></template>
${script(language)}`,
    STYLE,
    language,
    zone,
  );
}

/** At the top of a form sent back: what to fix, each a link to its field. */
function errorSummary(problems: FieldProblem[], words: EnrollmentFormWords, notice?: string): string {
  if (!problems.length && !notice) return '';
  const items = problems
    .map((p) => `<li><a href="#${escapeHtml(anchorOf(p.field))}">${escapeHtml(p.message)}</a></li>`)
    .join('');
  // One heading however many: the list under it says what to fix.
  const title = notice ? words.didNotGoThrough : words.pleaseCheck;
  return `<div class="error-summary" role="alert" tabindex="-1" autofocus>
<h2>${escapeHtml(title)}</h2>${notice ? `<p>${escapeHtml(notice)}</p>` : ''}${items ? `<ul>${items}</ul>` : ''}</div>`;
}

/** The element a problem's link goes to: the field, or the first of its radio buttons' group. */
const anchorOf = (field: string) => (field === 'role' ? 'role-error' : field === 'body' ? 'email' : field);

/** What the page says after sending, with or without JavaScript: the address, and what to do next. */
function sentMessage(
  words: EnrollmentFormWords,
  heading: 'h1' | 'h2',
  address: string,
  actions: string,
): string {
  return `<${heading} id="sent-title" tabindex="-1">${words.checkYourEmail}</${heading}>
<p>${words.lookFor(address)}</p>
<p>${words.nothingYet}</p>
${actions}`;
}

/**
 * After a form post without JavaScript: the same page whatever the address (new, pending or enrolled),
 * built from the form alone. It names the address, sends again, or brings the form back filled in.
 */
export function checkYourEmailPage(values: FormValues = {}, language: Language = 'en'): string {
  const words = ENROLLMENT_FORM_WORDS[language];
  const hidden = Object.entries(values)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  const address = values.email
    ? `<strong>${escapeHtml(values.email.trim())}</strong>`
    : words.theAddressYouGave;
  const actions = `<div class="actions">
<form method="post" action="/enrollments">${hidden}<button type="submit">${words.sendAgain}</button></form>
<form method="post" action="/enrollments">${hidden}<input type="hidden" name="intent" value="edit"><button type="submit" class="secondary">${words.fixTypo}</button></form>
</div>`;
  return page(
    words.checkYourEmail,
    `<section id="sent">${sentMessage(words, 'h1', address, actions)}</section>`,
    STYLE,
    language,
    // The zone the form chose, not a stored one: this page says the same whether or not the address is in.
    values.timezone && zoneKnown(values.timezone) ? values.timezone : undefined,
  );
}

/** A value written into a script: JSON, with "<" escaped so no text can close the script element. */
const inScript = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The form's script, in the page's language: the likely time zone first, the number's country and the
 * times' words following the zone, a search over the zones, inline errors (in Spanish, each field's
 * Spanish message in place of the API's English one), and the message after sending (focused and announced).
 */
const script = (language: Language) => `<script>
(function(){
  var W=${inScript(ENROLLMENT_FORM_WORDS[language].script)}, P=${inScript(language === 'en' ? {} : ENROLLMENT_FORM_WORDS[language].problems)}, lang=${inScript(language)};
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
      return {locale:lang==='en'?l:lang,h12:r.hourCycle==='h12'||r.hourCycle==='h11'};
    }catch(e){return {locale:lang==='en'?'en-US':lang,h12:true};}
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
      group.label=W.likely; o.value=guess; o.textContent=known?known.textContent:guess.replace(/_/g,' ');
      if(known&&known.getAttribute('data-country')) o.setAttribute('data-country',known.getAttribute('data-country'));
      group.appendChild(o); if(tz.options[0]&&tz.options[0].value==='') tz.remove(0);
      tz.insertBefore(group,tz.firstChild); tz.value=guess;
    }
  }catch(e){}
  tz.addEventListener('change',followZone); followZone();
  var find=document.createElement('p'); find.innerHTML='<label for="timezone-find"></label><input id="timezone-find" type="search" autocomplete="off" aria-describedby="timezone-found"><span class="hint" id="timezone-found" role="status"></span>';
  find.querySelector('label').textContent=W.find; find.querySelector('input').placeholder=W.findPlaceholder;
  tz.parentNode.insertBefore(find,document.querySelector('label[for="timezone"]'));
  var search=document.getElementById('timezone-find'), found=document.getElementById('timezone-found');
  // Accents and case aside ("Mexico" finds "México"); the zone chosen before a search is kept, and put
  // back when the search matches nothing or is cleared: a failed search never leaves another zone chosen.
  function fold(t){t=t.toLowerCase().replace(/_/g,' ');return t.normalize?t.normalize('NFD').replace(/[\u0300-\u036f]/g,''):t;}
  var before=null;
  search.addEventListener('input',function(){
    var words=fold(search.value.trim()), first=null, count=0;
    if(words&&before===null) before=tz.value;
    each(tz.querySelectorAll('optgroup'),function(g){var shown=0;
      each(g.querySelectorAll('option'),function(o){var hit=!words||fold(o.textContent+' '+o.value+' '+(o.getAttribute('data-also')||'')+' '+(o.getAttribute('data-es')||'')).indexOf(words)>=0;
        o.hidden=!hit; if(hit){shown++; count++; if(!first) first=o;}});
      g.hidden=shown===0;});
    if(words&&first){tz.value=first.value; followZone();}
    else if(before!==null){tz.value=before; followZone(); if(!words) before=null;}
    found.textContent=!words?'':count===0?W.noMatch.replace('{q}',search.value.trim()):count===1?W.oneMatch:W.manyMatch.replace('{n}',count);
  });
  function clear(){each(form.querySelectorAll('.error'),function(e){e.textContent='';}); each(form.querySelectorAll('[aria-invalid]'),function(e){e.removeAttribute('aria-invalid');}); result.textContent='';}
  function showProblems(error){
    var list=(error&&error.problems)||(error&&error.field?[error]:[]), first=null;
    list.forEach(function(p){var slot=document.getElementById(p.field+'-error'), input=form.elements[p.field];
      if(!slot) return; slot.textContent=P[p.field]||p.message; var target=input&&(input.focus?input:input[0]);
      if(target){target.setAttribute('aria-invalid','true'); if(!first) first=target;}});
    if(first) first.focus(); else result.textContent=(lang==='en'&&error&&error.message)||W.wentWrong;
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
  var offline=W.offline;
  function showSent(data){
    sent.textContent=''; sent.appendChild(tpl.content.cloneNode(true));
    sent.querySelector('[data-email]').textContent=data.email.trim();
    form.hidden=true; sent.querySelector('h2').focus();
    var again=sent.querySelector('[data-again]');
    sent.querySelector('[data-resend]').addEventListener('click',function(){
      again.textContent=W.sending;
      post(data).then(function(r){again.textContent=r.status===202?W.sentAgain.replace('{email}',data.email.trim()):((lang==='en'&&r.body&&r.body.error&&r.body.error.message)||W.tryAgain);})
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
