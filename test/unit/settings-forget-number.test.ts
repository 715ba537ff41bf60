/**
 * Forgetting the program's number on the settings page: someone whose phone another person may read, or who
 * changed phones, stops the texts from the page their email links to, without texting STOP from the phone.
 * Texts stop at once and nothing is texted to say so; check-ins come by email; the number is given up, so a
 * text from it finds nothing of the program; and a number may be given again later.
 */
import { describe, expect, it } from 'vitest';
import { settingsPage } from '../../functions/pages/settings';
import { changeSettings, lookupSettings } from '../../functions/use-cases/enrollment/settings';
import { replyBySms } from '../../functions/use-cases/replies/reply-by-sms';
import { fakeWorld } from '../support/fake-deps';
import { confirmedParticipant, runUntil } from '../support/fake-program';

const SETTINGS = { timezone: 'America/New_York', checkinDay: 'sunday', checkinTime: '19:00' };
const NUMBER = '+14155550134';

async function textingParticipant(form: Record<string, unknown> = {}) {
  const world = fakeWorld();
  const id = await confirmedParticipant(
    world,
    { phone: NUMBER, smsConsent: 'true', ...form },
    { textYes: true },
  );
  const token = world.deps.tokens.sign('settings', id);
  return { world, id, token };
}

describe('forgetting the number on the settings page', () => {
  it('offers it beside the last two digits only, with "keep" chosen', async () => {
    const { world, token } = await textingParticipant();
    const page = settingsPage(await lookupSettings(world.deps, token), '/settings');
    expect(page).toContain('<legend>Your number ending in 34</legend>');
    expect(page).toContain('Your check-in texts go to it.');
    expect(page).toMatch(/name="number" value="keep" checked/);
    expect(page).toMatch(/name="number" value="forget">/);
    expect(page).not.toMatch(/4155550134|555.?0134/);
  });

  it('stops the texts at once, texts nothing to say so, and sends the check-ins by email', async () => {
    const { world, id, token } = await textingParticipant();
    const textsBefore = world.texts.length;
    const { enrollment, numberForgotten } = await changeSettings(
      world.deps,
      token,
      { ...SETTINGS, number: 'forget' },
      { ip: '203.0.113.9', userAgent: 'test' },
    );
    expect(numberForgotten).toBe(true);
    expect(enrollment.phone).toBeUndefined();
    expect(enrollment.smsStatus).toBe('none');
    expect(world.texts).toHaveLength(textsBefore);
    const consents = (await world.store.listConsents(id)).filter((c) => c.channel === 'sms');
    expect(consents.at(-1)).toMatchObject({
      action: 'opt-out',
      source: 'web-form',
      detail: 'number forgotten',
      ip: '203.0.113.9',
    });
    const page = settingsPage(enrollment, '/settings', { saved: true, numberForgotten });
    expect(page).toMatch(/Your number is forgotten, and no more texts will go to it/);
    // Three weeks on: every check-in came by email, and no text went anywhere.
    const emailsBefore = world.emails.length;
    await runUntil(world, '2026-03-24T12:00:00.000Z');
    expect(world.texts).toHaveLength(textsBefore);
    const checkins = world.emails.slice(emailsBefore).filter((e) => e.subject === 'Your weekly check-in');
    expect(checkins).toHaveLength(3);
    expect(checkins[0]?.text).toMatch(/How safe did it feel to be honest this week\?\s+1: https/);
  });

  it('gives the number up: a text from it reaches nothing of the program, and the next form may use it', async () => {
    const { world, id, token } = await textingParticipant();
    await changeSettings(world.deps, token, { ...SETTINGS, number: 'forget' });
    expect(await world.store.findByPhone(NUMBER)).toBeUndefined();
    expect(await world.store.findNamingPhone(NUMBER)).toEqual([]);
    const before = (await world.store.listReplies(id)).length;
    const answer = await replyBySms(world.deps, { from: NUMBER, body: '4', messageSid: 'SMafter-forget' });
    expect(await world.store.listReplies(id)).toHaveLength(before);
    // Whoever holds the phone now learns nothing of the program from what it answers (the support address
    // it names is the operator's to choose: test/support's is on a kintsugi domain).
    for (const body of ['who is this?', 'HELP', 'STOP'])
      expect(await replyBySms(world.deps, { from: NUMBER, body, messageSid: `SM-${body}` })).not.toMatch(
        /Kintsugi|trust/,
      );
    expect(answer).not.toMatch(/Kintsugi|trust/);
  });

  it('closes a question texted to the number: its answer would come from a number the program no longer knows', async () => {
    const { world, id, token } = await textingParticipant();
    await runUntil(world, '2026-03-09T12:00:00.000Z');
    const asked = await world.store.getEnrollment(id);
    expect(asked?.openQuestions?.some((q) => q.channel === 'sms')).toBe(true);
    const { enrollment } = await changeSettings(world.deps, token, { ...SETTINGS, number: 'forget' });
    expect((enrollment.openQuestions ?? []).filter((q) => q.channel === 'sms')).toEqual([]);
  });

  it('lets a number be given again afterwards, which starts texts with its YES', async () => {
    const { world, id, token } = await textingParticipant();
    const { enrollment } = await changeSettings(world.deps, token, { ...SETTINGS, number: 'forget' });
    const page = settingsPage(enrollment, '/settings');
    expect(page).not.toContain('name="number"');
    expect(page).toContain('<legend>Check-ins by text</legend>');
    await changeSettings(world.deps, token, { ...SETTINGS, phone: NUMBER, smsConsent: 'true' });
    expect(world.texts.at(-1)).toMatchObject({ to: NUMBER, body: expect.stringMatching(/reply YES/) });
    await replyBySms(world.deps, { from: NUMBER, body: 'YES', messageSid: 'SMagain-yes' });
    expect((await world.store.getEnrollment(id))?.smsStatus).toBe('active');
  });

  it('a second click, or a retry, changes nothing more and records the end of texts once', async () => {
    const { world, id, token } = await textingParticipant();
    await changeSettings(world.deps, token, { ...SETTINGS, number: 'forget' });
    const again = await changeSettings(world.deps, token, { ...SETTINGS, number: 'forget' });
    expect(again.numberForgotten).toBe(false);
    const optOuts = (await world.store.listConsents(id)).filter(
      (c) => c.channel === 'sms' && c.action === 'opt-out',
    );
    expect(optOuts).toHaveLength(1);
  });

  it('keeps the number when "keep" is chosen, or the choice is left out', async () => {
    const { world, id, token } = await textingParticipant();
    await changeSettings(world.deps, token, { ...SETTINGS, number: 'keep', checkinDay: 'monday' });
    await changeSettings(world.deps, token, { ...SETTINGS, checkinDay: 'tuesday' });
    expect(await world.store.getEnrollment(id)).toMatchObject({ phone: NUMBER, smsStatus: 'active' });
  });

  it('refuses a choice it does not know, saving nothing, and names the field', async () => {
    const { world, id, token } = await textingParticipant();
    await expect(
      changeSettings(world.deps, token, { ...SETTINGS, checkinDay: 'monday', number: 'delete' }),
    ).rejects.toMatchObject({ field: 'number', message: 'number must be keep or forget.' });
    expect(await world.store.getEnrollment(id)).toMatchObject({ phone: NUMBER, checkinDay: 'sunday' });
  });

  it('says where texts stand after STOP, and lets that number be forgotten too', async () => {
    const { world, id, token } = await textingParticipant();
    await replyBySms(world.deps, { from: NUMBER, body: 'STOP', messageSid: 'SMstop' });
    const page = settingsPage(await lookupSettings(world.deps, token), '/settings');
    expect(page).toContain(
      'You texted STOP, so nothing is sent to it. Text START from it to get texts again.',
    );
    await changeSettings(world.deps, token, { ...SETTINGS, number: 'forget' });
    expect((await world.store.getEnrollment(id))?.phone).toBeUndefined();
    // STOP already recorded the end of texts: the ledger is not told twice.
    const optOuts = (await world.store.listConsents(id)).filter(
      (c) => c.channel === 'sms' && c.action === 'opt-out',
    );
    expect(optOuts).toHaveLength(1);
  });

  it('is offered in Spanish to a Spanish program, and after the 90 days too', async () => {
    const { world, id, token } = await textingParticipant({ language: 'es' });
    const page = settingsPage(await lookupSettings(world.deps, token), '/settings');
    expect(page).toContain('<legend>Tu número terminado en 34</legend>');
    expect(page).toContain('Olvidarlo: no le llegarán más mensajes de texto');
    await runUntil(world, '2026-06-10T12:00:00.000Z');
    const ended = await lookupSettings(world.deps, token);
    expect(ended.status).toBe('completed');
    expect(settingsPage(ended, '/settings')).toMatch(/name="number" value="forget"/);
    expect(settingsPage(ended, '/settings')).not.toContain('name="phone"');
    const { enrollment, numberForgotten } = await changeSettings(world.deps, token, {
      ...SETTINGS,
      number: 'forget',
    });
    expect(numberForgotten).toBe(true);
    expect(enrollment.phone).toBeUndefined();
    expect(await world.store.findByPhone(NUMBER)).toBeUndefined();
    expect(settingsPage(enrollment, '/settings', { saved: true, numberForgotten })).toContain(
      'Olvidamos tu número',
    );
    expect(id).toBeTruthy();
  });
});
