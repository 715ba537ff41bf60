/**
 * A mobile number added on the settings page: someone who signed up by email alone decides, weeks in, to
 * get their check-ins by text. The number gets one "reply YES" text; texts start with the YES, as after a
 * sign-up; a mistyped number, or no consent, saves nothing; and a number another running program already
 * texts is not texted, with the page saying the same as for any other number.
 */
import { describe, expect, it } from 'vitest';
import { settingsPage } from '../../functions/pages/settings';
import { ValidationError } from '../../functions/shared/errors';
import { changeSettings, lookupSettings } from '../../functions/use-cases/enrollment/settings';
import { replyBySms } from '../../functions/use-cases/replies/reply-by-sms';
import { fakeWorld } from '../support/fake-deps';
import { confirmedParticipant, runUntil } from '../support/fake-program';

const SETTINGS = { timezone: 'America/New_York', checkinDay: 'sunday', checkinTime: '19:00' };
const NUMBER = '+14155550134';

async function emailOnly() {
  const world = fakeWorld();
  const id = await confirmedParticipant(world);
  const token = world.deps.tokens.sign('settings', id);
  return { world, id, token };
}

describe('adding a mobile number on the settings page', () => {
  it('offers it to a program without one, and asks the number for YES once it is given with consent', async () => {
    const { world, id, token } = await emailOnly();
    const page = settingsPage(await lookupSettings(world.deps, token), '/settings');
    expect(page).toContain('name="phone"');
    expect(page).toContain('name="smsConsent"');
    // How many texts is asked beside it, and says no texts come until a number is added.
    expect(page).toContain('No texts come for now: this is how many would come to a number you add above.');
    expect(page).not.toContain('A change applies to the texts still to come.');

    const { enrollment, numberAdded } = await changeSettings(
      world.deps,
      token,
      { ...SETTINGS, phone: '(415) 555-0134', smsConsent: 'true' },
      { ip: '203.0.113.9', userAgent: 'test' },
    );
    expect(numberAdded).toBe(true);
    expect(enrollment).toMatchObject({ phone: NUMBER, smsStatus: 'awaiting-yes' });
    expect(world.texts.filter((t) => t.to === NUMBER).map((t) => t.body)).toEqual([
      expect.stringMatching(/reply YES/),
    ]);
    const consents = await world.store.listConsents(id);
    expect(consents.filter((c) => c.channel === 'sms')).toEqual([
      expect.objectContaining({ action: 'opt-in', source: 'web-form', ip: '203.0.113.9' }),
    ]);
    // The page says a text is on its way, and then that it waits for YES, showing only the last two digits.
    const saved = settingsPage(enrollment, '/settings', { saved: true, numberAdded });
    expect(saved).toMatch(/a text is on its way/);
    // Until its YES, another number may replace it (a typo): the fields stay, as "A different number".
    expect(saved).toContain('A different number');
    expect(settingsPage(enrollment, '/settings')).toMatch(/ending in 34 can get/);
    expect(settingsPage(enrollment, '/settings')).toContain('A change applies to the texts still to come.');
    expect(settingsPage(enrollment, '/settings')).not.toMatch(/4155550134|\+1 ?415/);
    expect(settingsPage(enrollment, '/settings')).toContain(
      'name="phone" type="tel" autocomplete="tel" value=""',
    );
  });

  it('starts the check-ins by text with YES from the number, and the texts stop coming by email', async () => {
    const { world, id, token } = await emailOnly();
    await runUntil(world, '2026-03-10T12:00:00.000Z');
    await changeSettings(world.deps, token, { ...SETTINGS, phone: NUMBER, smsConsent: 'on' });
    const answer = await replyBySms(world.deps, { from: NUMBER, body: 'Yes', messageSid: 'SMadd-yes' });
    expect(answer).toMatch(/you are in/i);
    expect((await world.store.getEnrollment(id))?.smsStatus).toBe('active');
    const before = world.texts.length;
    const emailed = world.emails.length;
    await runUntil(world, '2026-03-23T12:00:00.000Z');
    expect(
      world.texts.slice(before).filter((t) => /1-5|1 to 5/.test(t.body) && t.to === NUMBER).length,
    ).toBeGreaterThan(0);
    expect(world.emails.slice(emailed).filter((e) => e.text.includes('/checkin?'))).toEqual([]);
  });

  it('saves nothing when the number is wrong or the consent box is not ticked, and names the problem', async () => {
    const { world, id, token } = await emailOnly();
    const before = await world.store.getEnrollment(id);
    const cases: [Record<string, string>, string][] = [
      [{ phone: '555', smsConsent: 'true' }, 'invalid_phone'],
      [{ phone: '1-800-555-0199', smsConsent: 'true' }, 'phone_toll_free'],
      [{ phone: '(415) 555-0134 ext 2', smsConsent: 'true' }, 'phone_extension'],
      [{ phone: NUMBER }, 'sms_consent_required'],
      [{ phone: '415 555 0134', country: 'ZZ', smsConsent: 'true' }, 'invalid_country'],
    ];
    for (const [fields, code] of cases) {
      // A changed day in the same form is not saved either: the form is taken whole or not at all.
      const error = await changeSettings(world.deps, token, {
        ...SETTINGS,
        checkinDay: 'monday',
        ...fields,
      }).catch((e: unknown) => e);
      expect(error, code).toBeInstanceOf(ValidationError);
      expect(
        (error as ValidationError).problems?.map((p) => p.code) ?? [(error as ValidationError).code],
      ).toContain(code);
    }
    expect(await world.store.getEnrollment(id)).toEqual(before);
    expect(world.texts).toEqual([]);
  });

  it('reads a national number in the chosen country, or in the country of the time zone', async () => {
    const spain = await emailOnly();
    const { enrollment } = await changeSettings(spain.world.deps, spain.token, {
      ...SETTINGS,
      phone: '612 34 56 78',
      country: 'es',
      smsConsent: 'true',
    });
    expect(enrollment.phone).toBe('+34612345678');
    const mexico = await emailOnly();
    const moved = await changeSettings(mexico.world.deps, mexico.token, {
      ...SETTINGS,
      timezone: 'America/Mexico_City',
      phone: '55 1234 5678',
      smsConsent: 'true',
    });
    expect(moved.enrollment).toMatchObject({ phone: '+525512345678', timezone: 'America/Mexico_City' });
    // The page says how it read the number, so one read in another country than meant shows at once.
    expect(settingsPage(moved.enrollment, '/settings', { saved: true, numberAdded: true })).toContain(
      'We read your number as +52 55 1234 5678',
    );
  });

  it('does not text a number another running program holds, and the answer reads the same', async () => {
    const world = fakeWorld();
    await confirmedParticipant(
      world,
      { email: 'sam@example.com', phone: NUMBER, smsConsent: 'true' },
      { textYes: true },
    );
    const id = await confirmedParticipant(world, { email: 'dana@example.com' });
    const token = world.deps.tokens.sign('settings', id);
    const texts = world.texts.length;
    const { enrollment, numberAdded } = await changeSettings(world.deps, token, {
      ...SETTINGS,
      phone: NUMBER,
      smsConsent: 'true',
    });
    expect(numberAdded).toBe(true);
    expect(world.texts.length).toBe(texts);
    expect(enrollment).toMatchObject({ smsStatus: 'none', textsUnavailable: true });
    expect(settingsPage(enrollment, '/settings', { saved: true, numberAdded })).toMatch(
      /a text is on its way/,
    );
  });

  it('a retry after the consent could not be written records it and asks once; a second click asks nothing more', async () => {
    const { world, id, token } = await emailOnly();
    const addConsent = world.store.addConsent.bind(world.store);
    world.store.addConsent = () => Promise.reject(new Error('DynamoDB is throttling'));
    const form = { ...SETTINGS, phone: NUMBER, smsConsent: 'true' };
    await expect(changeSettings(world.deps, token, form)).rejects.toThrow('throttling');
    // The number was named, but neither its consent nor its text went.
    expect((await world.store.getEnrollment(id))?.phone).toBe(NUMBER);
    expect(world.texts).toEqual([]);
    world.store.addConsent = addConsent;
    await changeSettings(world.deps, token, form);
    await changeSettings(world.deps, token, form);
    expect(world.texts.filter((t) => t.to === NUMBER).map((t) => t.body)).toEqual([
      expect.stringMatching(/reply YES/),
    ]);
    expect((await world.store.listConsents(id)).filter((c) => c.source === 'web-form')).toHaveLength(1);
  });

  it('lets a number still waiting for YES be replaced: the new one is asked, the old one is forgotten', async () => {
    const { world, id, token } = await emailOnly();
    const typo = '+14155550143';
    await changeSettings(world.deps, token, { ...SETTINGS, phone: typo, smsConsent: 'true' });
    const { enrollment, numberAdded } = await changeSettings(world.deps, token, {
      ...SETTINGS,
      phone: NUMBER,
      smsConsent: 'true',
    });
    expect(numberAdded).toBe(true);
    expect(enrollment).toMatchObject({ phone: NUMBER, smsStatus: 'awaiting-yes' });
    expect(world.texts.map((t) => t.to)).toEqual([typo, NUMBER]);
    // A YES from the mistyped number (a stranger's phone) opts nobody in.
    const stranger = await replyBySms(world.deps, { from: typo, body: 'YES', messageSid: 'SMtypo-yes' });
    expect(stranger).not.toMatch(/you are in/i);
    expect((await world.store.getEnrollment(id))?.smsStatus).toBe('awaiting-yes');
    expect(await world.store.findNamingPhone(typo)).toEqual([]);
    expect(await replyBySms(world.deps, { from: NUMBER, body: 'YES', messageSid: 'SMright-yes' })).toMatch(
      /you are in/i,
    );
    // The same number again (a second click) sends nothing more.
    await changeSettings(world.deps, token, { ...SETTINGS, phone: NUMBER, smsConsent: 'true' });
    expect(world.texts.filter((t) => t.to === NUMBER && /reply YES/.test(t.body))).toHaveLength(1);
  });

  it('takes a new phone in the place of a number that said YES: texts to the old one stop at once, the new one is asked', async () => {
    const world = fakeWorld();
    const id = await confirmedParticipant(world, { phone: NUMBER, smsConsent: 'true' }, { textYes: true });
    const token = world.deps.tokens.sign('settings', id);
    const page = settingsPage(await lookupSettings(world.deps, token), '/settings');
    expect(page).toContain('<legend>A new number</legend>');
    expect(page).toMatch(/texts to the number ending in 34 stop now/);
    const NEW = '+14155550199';
    const { enrollment, numberAdded } = await changeSettings(world.deps, token, {
      ...SETTINGS,
      phone: NEW,
      smsConsent: 'true',
    });
    expect(numberAdded).toBe(true);
    expect(enrollment).toMatchObject({ phone: NEW, smsStatus: 'awaiting-yes' });
    expect(world.texts.filter((t) => t.to === NEW).map((t) => t.body)).toEqual([
      expect.stringMatching(/reply YES/),
    ]);
    // The old phone is no longer this program's: a text from it finds nothing of it.
    expect(await world.store.findByPhone(NUMBER)).toBeUndefined();
    // The ledger: texts to the old number ended on the page, then the new number's consent.
    const sms = (await world.store.listConsents(id)).filter((c) => c.channel === 'sms');
    expect(sms.slice(-2)).toEqual([
      expect.objectContaining({ action: 'opt-out', source: 'web-form', detail: 'number replaced' }),
      expect.objectContaining({ action: 'opt-in', source: 'web-form' }),
    ]);
    expect(await replyBySms(world.deps, { from: NEW, body: 'YES', messageSid: 'SMnew-yes' })).toMatch(
      /you are in/i,
    );
    expect((await world.store.getEnrollment(id))?.smsStatus).toBe('active');
  });

  it('weeks in, the YES is answered with the next check-in by text, not "your first check-in"', async () => {
    const { world, token } = await emailOnly();
    await runUntil(world, '2026-03-23T12:00:00.000Z');
    await changeSettings(world.deps, token, { ...SETTINGS, phone: NUMBER, smsConsent: 'true' });
    const yes = await replyBySms(world.deps, { from: NUMBER, body: 'YES', messageSid: 'SMlate-yes' });
    expect(yes).toBe('Kintsugi: you are in; next check-in by text on Sunday.');
  });

  it('shows a problem beside its field, in Spanish for a Spanish program, with what was typed', async () => {
    const world = fakeWorld();
    const id = await confirmedParticipant(world, { language: 'es' });
    const token = world.deps.tokens.sign('settings', id);
    const values = { ...SETTINGS, phone: '555', smsConsent: 'true' };
    const error = (await changeSettings(world.deps, token, values).catch(
      (e: unknown) => e,
    )) as ValidationError;
    const page = settingsPage(await lookupSettings(world.deps, token), '/settings', {
      problems: error.problems ?? [],
      values,
    });
    expect(page).toMatch(
      /id="phone-error" role="alert">Este número no parece un número de celular \(móvil\) válido/,
    );
    expect(page).toContain('value="555"');
    expect(page).toMatch(/name="smsConsent" value="true"[^>]* checked/);
    expect(page).toContain('aria-invalid="true"');
  });
});

describe('the settings page after the 90 days', () => {
  it('says no more check-ins will come, offers no number, and refuses one in words', async () => {
    const world = fakeWorld();
    const id = await confirmedParticipant(world);
    const token = world.deps.tokens.sign('settings', id);
    await runUntil(world, '2026-06-10T12:00:00.000Z');
    const { enrollment } = await changeSettings(world.deps, token, { ...SETTINGS, checkinDay: 'monday' });
    expect(enrollment.status).toBe('completed');
    const page = settingsPage(enrollment, '/settings', { saved: true });
    expect(page).toContain('Your 90 days are over, so no more check-ins will come');
    expect(page).not.toContain('Your check-in comes on');
    expect(page).not.toContain('name="phone"');
    const refused = await changeSettings(world.deps, token, {
      ...SETTINGS,
      phone: NUMBER,
      smsConsent: 'true',
    }).catch((e: unknown) => e as ValidationError);
    expect(refused).toMatchObject({ code: 'program_not_running' });
    // The page the handler shows for it lists the problem at the top, though it offers no number field.
    expect(
      settingsPage(enrollment, '/settings', {
        problems: [
          { field: 'phone', code: 'program_not_running', message: (refused as ValidationError).message },
        ],
      }),
    ).toMatch(/error-summary[\s\S]*Texts can be added only while the program runs/);
  });
});
