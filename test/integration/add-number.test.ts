/**
 * A mobile number added on the settings page, through the local runtime as a person does it: signed up by
 * email alone, they open the settings link from an email, mistype the number (the form comes back with the
 * problem beside it, nothing saved), fix it, get one "reply YES" text, answer SÍ, and the next check-in
 * comes by text. A second program naming a number the first already holds gets the same page, and no text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime';
import { advance } from '../support/participant';
import {
  api,
  emailsTo,
  linkIn,
  pathOf,
  startTestRuntime,
  textsWith,
  uniqueEmail,
  uniquePhone,
} from '../support/runtime';

let runtime: Runtime;
beforeAll(async () => {
  runtime = await startTestRuntime({ startAt: new Date('2026-04-06T15:00:00Z') });
});
afterAll(async () => {
  await runtime?.twilio.idle();
  await runtime?.stop();
});

/** Signs up by email alone (in the given language) and confirms; returns the settings page's path. */
async function emailOnly(language: 'en' | 'es' = 'en'): Promise<{ email: string; settings: string }> {
  const email = uniqueEmail('add-number');
  const enrolled = await api(runtime, '/enrollments', {
    json: { email, timezone: 'America/Chicago', role: 'hurt', language },
  });
  expect(enrolled.status).toBe(202);
  const confirm = pathOf(linkIn((await emailsTo(runtime, email))[0], '/confirm'));
  expect(
    (await api(runtime, confirm, { method: 'POST', headers: { accept: 'application/json' } })).status,
  ).toBe(200);
  return { email, settings: pathOf(linkIn((await emailsTo(runtime, email)).at(-1), '/settings')) };
}

const postForm = (path: string, fields: Record<string, string>) =>
  api(runtime, path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

const SCHEDULE = { timezone: 'America/Chicago', checkinDay: 'sunday', checkinTime: '19:00' };

describe('adding a mobile number on the settings page, through the local runtime', () => {
  it('in Spanish: a mistyped number comes back beside its field; the right one gets one text, and SÍ starts texts', async () => {
    const { email, settings } = await emailOnly('es');
    const page = await api(runtime, settings);
    expect(page.text).toContain('Preguntas por mensaje de texto');
    expect(page.text).toContain('name="phone"');

    const wrong = await postForm(settings, {
      ...SCHEDULE,
      checkinDay: 'monday',
      phone: '312 555',
      smsConsent: 'true',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toMatch(
      /id="phone-error" role="alert">Este número no parece un número de celular \(móvil\) válido/,
    );
    expect(wrong.text).toContain('value="312 555"');
    const id = (await runtime.deps.store.findByEmail(email))?.id as string;
    expect((await runtime.deps.store.getEnrollment(id))?.checkinDay).toBe('sunday');

    const phone = uniquePhone();
    const national = phone.replace(/^\+1/, '');
    const right = await postForm(settings, { ...SCHEDULE, phone: national, smsConsent: 'true' });
    expect(right.status).toBe(200);
    expect(right.text).toMatch(/ya va uno en camino: respóndele SÍ/);
    const prompts = await textsWith(runtime, phone);
    expect(prompts.map((t) => t.body)).toEqual([expect.stringMatching(/SÍ/)]);

    const yes = await api(runtime, '/_local/sms/reply', { json: { from: phone, body: 'sí' } });
    expect(yes.body.reply).toBeTruthy();
    expect((await runtime.deps.store.getEnrollment(id))?.smsStatus).toBe('active');
    await advance(runtime, 'P8D');
    const later = (await textsWith(runtime, phone)).filter((t) => t.to === phone).slice(1);
    expect(later.some((t) => /1 a 5|1-5/.test(t.body))).toBe(true);
  });

  it('a number another running program holds: the same page, and no text to it', async () => {
    const holder = uniqueEmail('holder');
    const phone = uniquePhone();
    await api(runtime, '/enrollments', {
      json: { email: holder, timezone: 'America/Chicago', role: 'repairing', phone, smsConsent: true },
    });
    const confirm = pathOf(linkIn((await emailsTo(runtime, holder))[0], '/confirm'));
    await api(runtime, confirm, { method: 'POST', headers: { accept: 'application/json' } });
    await api(runtime, '/_local/sms/reply', { json: { from: phone, body: 'YES' } });
    const texted = (await textsWith(runtime, phone)).length;

    const free = await emailOnly();
    const freeNumber = uniquePhone();
    const freeAnswer = await postForm(free.settings, { ...SCHEDULE, phone: freeNumber, smsConsent: 'true' });
    const other = await emailOnly();
    const heldAnswer = await postForm(other.settings, { ...SCHEDULE, phone, smsConsent: 'true' });
    expect(heldAnswer.status).toBe(200);
    // Each page shows the number it was given (as read, and its last two digits); the rest is the same.
    const shown = (number: string) => `+1 ${number.slice(2, 5)} ${number.slice(5, 8)} ${number.slice(8)}`;
    const page = (text: string, number: string) =>
      text
        .replace(/action="[^"]*"/, '')
        .replace(/\/partner\?token=[^"]*/, '/partner?token=T')
        .replace(shown(number), '+1 NNN NNN NNNN')
        .replaceAll(`ending in ${number.slice(-2)}`, 'ending in NN');
    const note = (text: string, number: string) =>
      page(text, number).match(/<p class="note" role="status">([^<]*)<\/p>/)?.[1];
    expect(note(heldAnswer.text, phone)).toContain('We read your number as +1 NNN NNN NNNN');
    expect(note(heldAnswer.text, phone)).toBe(note(freeAnswer.text, freeNumber));
    expect((await textsWith(runtime, phone)).length).toBe(texted);
    expect(page(heldAnswer.text, phone)).toBe(page(freeAnswer.text, freeNumber));
    expect(page((await api(runtime, other.settings)).text, phone)).toBe(
      page((await api(runtime, free.settings)).text, freeNumber),
    );
  });
});

describe('forgetting the number on the settings page, through the local runtime', () => {
  it('stops the texts with nothing texted, gives the number up, and the next check-in comes by email', async () => {
    const email = uniqueEmail('forget-number');
    const phone = uniquePhone();
    await api(runtime, '/enrollments', {
      json: { email, timezone: 'America/Chicago', role: 'hurt', phone, smsConsent: true },
    });
    const confirm = pathOf(linkIn((await emailsTo(runtime, email))[0], '/confirm'));
    await api(runtime, confirm, { method: 'POST', headers: { accept: 'application/json' } });
    await api(runtime, '/_local/sms/reply', { json: { from: phone, body: 'YES' } });
    const id = (await runtime.deps.store.findByEmail(email))?.id as string;
    expect((await runtime.deps.store.getEnrollment(id))?.smsStatus).toBe('active');
    const settings = pathOf(linkIn((await emailsTo(runtime, email)).at(-1), '/settings'));

    const page = await api(runtime, settings);
    expect(page.text).toContain(`<legend>Your number ending in ${phone.slice(-2)}</legend>`);
    // The partner page is a link away from the settings too, not only from the privacy page.
    const partner = page.text.match(/href="(\/partner\?token=[^"]+)">your partner page<\/a>/)?.[1];
    expect(partner).toBeDefined();
    const partnerPage = await api(runtime, (partner as string).replaceAll('&amp;', '&'));
    expect(partnerPage.status).toBe(200);
    expect(partnerPage.text).toContain("Your partner's email address");
    expect(page.text).not.toContain(phone.slice(2));
    const texted = (await textsWith(runtime, phone)).length;
    const forgotten = await postForm(settings, { ...SCHEDULE, number: 'forget' });
    expect(forgotten.status).toBe(200);
    expect(forgotten.text).toMatch(/Your number is forgotten, and no more texts will go to it/);
    expect(forgotten.text).toContain('<legend>Check-ins by text</legend>');
    expect(await runtime.deps.store.findByPhone(phone)).toBeUndefined();
    expect((await runtime.deps.store.getEnrollment(id))?.phone).toBeUndefined();

    // A text from the phone now reaches nothing of the program: no answer is recorded.
    await api(runtime, '/_local/sms/reply', { json: { from: phone, body: '4' } });
    expect(await runtime.deps.store.listReplies(id)).toEqual([]);
    const emailsBefore = (await emailsTo(runtime, email)).length;
    await advance(runtime, 'P8D');
    await runtime.twilio.idle();
    const toPhone = (await textsWith(runtime, phone)).filter((t) => t.to === phone);
    expect(toPhone.length).toBe(texted);
    const later = (await emailsTo(runtime, email)).slice(emailsBefore);
    expect(later.some((e) => /check-in/i.test(e.subject ?? ''))).toBe(true);
  });
});
