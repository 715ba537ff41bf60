/**
 * Discreet mode changed on the settings page: someone who learns mid-program that a partner reads their
 * phone or inbox turns it on, and from the next message on nothing at a glance says what it is about.
 */
import { describe, expect, it } from 'vitest';
import { settingsPage } from '../../functions/pages/settings';
import { relationshipWordsIn } from '../../functions/program/discreet';
import { changeSettings, lookupSettings } from '../../functions/use-cases/enrollment/settings';
import { fakeWorld } from '../support/fake-deps';
import { confirmedParticipant, runUntil } from '../support/fake-program';

const SETTINGS = { timezone: 'America/New_York', checkinDay: 'sunday', checkinTime: '19:00' };

describe('discreet mode on the settings page', () => {
  it('shows the current choice, and turned on, every email after it comes from the neutral name with a plain subject', async () => {
    const world = fakeWorld();
    const id = await confirmedParticipant(world);
    const token = world.deps.tokens.sign('settings', id);
    const before = settingsPage(await lookupSettings(world.deps, token), '/settings');
    expect(before).toMatch(/name="discreet" value="false" checked/);
    await runUntil(world, '2026-03-04T12:00:00.000Z');
    expect(world.emails.at(-1)?.fromName).toBeUndefined();

    const { enrollment: changed } = await changeSettings(world.deps, token, {
      ...SETTINGS,
      discreet: 'true',
    });
    expect(changed.discreet).toBe(true);
    expect(settingsPage(changed, '/settings')).toMatch(/name="discreet" value="true" checked/);
    const sent = world.emails.length;
    await runUntil(world, '2026-03-20T12:00:00.000Z');
    const after = world.emails.slice(sent);
    expect(after.length).toBeGreaterThan(0);
    for (const email of after) {
      expect(email.fromName).toBe('K. Program');
      expect(relationshipWordsIn(email.subject), email.subject).toEqual([]);
      expect(email.subject).not.toMatch(/kintsugi/i);
    }
  });

  it('turned off again, gives back the usual sender and subjects; left out of the form, keeps the choice', async () => {
    const world = fakeWorld();
    const id = await confirmedParticipant(world, { discreet: true });
    const token = world.deps.tokens.sign('settings', id);
    expect(
      (await changeSettings(world.deps, token, { ...SETTINGS, checkinDay: 'monday' })).enrollment.discreet,
    ).toBe(true);
    expect(
      (await changeSettings(world.deps, token, { ...SETTINGS, discreet: 'false' })).enrollment.discreet,
    ).toBeUndefined();
    const sent = world.emails.length;
    await runUntil(world, '2026-03-20T12:00:00.000Z');
    expect(world.emails.slice(sent).every((email) => email.fromName === undefined)).toBe(true);
  });

  it('refuses a value that is neither, naming the field, and changes nothing', async () => {
    const world = fakeWorld();
    const id = await confirmedParticipant(world);
    const token = world.deps.tokens.sign('settings', id);
    await expect(changeSettings(world.deps, token, { ...SETTINGS, discreet: 'maybe' })).rejects.toMatchObject(
      {
        field: 'discreet',
      },
    );
    expect((await world.store.getEnrollment(id))?.discreet).toBeUndefined();
  });
});
