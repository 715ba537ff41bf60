/**
 * The page a confirmation link opens says what the button starts, as the form said it: someone else may
 * have typed the address with their own number and choices, and this is where its owner can see that.
 */
import { describe, expect, it } from 'vitest';
import { confirmLinkPage } from '../../functions/pages/confirm';
import type { Enrollment } from '../../functions/program/enrollment';

const pending: Enrollment = {
  id: 'e1',
  email: 'nora@example.org',
  timezone: 'America/New_York',
  track: 'repairing',
  checkinDay: 'friday',
  checkinTime: '20:00',
  status: 'pending',
  emailStatus: 'active',
  smsStatus: 'awaiting-yes',
  phone: '+14152000205',
  createdAt: '2026-12-28T10:00:00.000Z',
  version: 1,
};

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the confirmation link’s page', () => {
  it('says which program, check-in and number the button starts, before it is pressed', () => {
    const text = textOf(confirmLinkPage(pending, '/confirm?token=t'));
    expect(text).toContain(
      'What it starts: the program for the person who broke the trust, with a check-in on Fridays around 8 PM (New York City time), and texts to the mobile number ending in 05.',
    );
    expect(text).toContain('Not what you asked for? Do not press the button: nothing starts without it.');
    // Two digits of the number, never the whole of it.
    expect(text).not.toContain('2000205');
  });

  it('says so when no number was given, and speaks Spanish with the plural of the day', () => {
    const spanish = {
      ...pending,
      language: 'es' as const,
      track: 'hurt' as const,
      checkinDay: 'sunday' as const,
    };
    const { phone: _phone, ...emailOnly } = spanish;
    const text = textOf(confirmLinkPage({ ...emailOnly, smsStatus: 'none' }, '/confirm?token=t'));
    expect(text).toContain(
      'la persona a la que le rompieron la confianza, con un check-in los domingos hacia las',
    );
    expect(text).toContain('solo por correo, sin mensajes de texto.');
  });

  it('says, for a sign-up from an invitation, that the button also links the programs and the inviter is told', () => {
    const invited = textOf(confirmLinkPage({ ...pending, invitedBy: 'e0' }, '/confirm?token=t'));
    expect(invited).toContain(
      'It also links your program with the one of the person who invited you, if theirs is free to link: they get one email saying so',
    );
    expect(textOf(confirmLinkPage(pending, '/confirm?token=t'))).not.toContain('person who invited you');
  });

  it('names the zone by its city as the form does, accents and Spanish names included', () => {
    const page = (timezone: string, language: 'en' | 'es') =>
      textOf(confirmLinkPage({ ...pending, timezone, language }, '/confirm?token=t'));
    expect(page('America/Bogota', 'es')).toContain('(hora de Bogotá)');
    expect(page('America/Bogota', 'en')).toContain('(Bogotá time)');
    expect(page('America/New_York', 'es')).toContain('(hora de Nueva York)');
    expect(page('America/Asuncion', 'es')).toContain('(hora de Asunción)');
  });
});
