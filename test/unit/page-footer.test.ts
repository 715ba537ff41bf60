/**
 * Every page's footer names crisis lines. Someone in Madrid, Toronto or Mexico City who opens their
 * settings or their report needs the number that works where they are, not only the US ones; a page that
 * does not know where its reader is (the sign-up form, an error) names the US lines and says what to do
 * anywhere else.
 */
import { describe, expect, it } from 'vitest';
import { page } from '../../functions/pages/layout';
import { settingsPage } from '../../functions/pages/settings';
import type { Enrollment } from '../../functions/program/enrollment';

const footerOf = (html: string) => html.match(/<footer>([\s\S]*?)<\/footer>/)?.[1] ?? '';

describe('the crisis lines in a page’s footer', () => {
  it('names the US lines where the time zone is in the US, and nothing about elsewhere', () => {
    const footer = footerOf(page('t', '', '', 'en', 'America/Chicago'));
    expect(footer).toContain('call 911');
    expect(footer).toContain('988');
    expect(footer).toContain('1-800-799-7233');
    expect(footer).not.toContain('findahelpline.com');
  });

  it('names Canada’s lines, without the US-only hotline', () => {
    const footer = footerOf(page('t', '', '', 'en', 'America/Toronto'));
    expect(footer).toContain('call 911');
    expect(footer).toContain('988');
    expect(footer).not.toContain('1-800-799-7233');
  });

  it('names the country’s emergency number elsewhere, and a directory of free helplines, in the page’s language', () => {
    const madrid = footerOf(page('t', '', '', 'es', 'Europe/Madrid'));
    expect(madrid).toContain('llama al 112');
    expect(madrid).toContain('findahelpline.com');
    expect(madrid).not.toMatch(/911|988|1-800/);
    const london = footerOf(page('t', '', '', 'en', 'Europe/London'));
    expect(london).toContain('call 999');
    const mexico = footerOf(page('t', '', '', 'es', 'America/Mexico_City'));
    expect(mexico).toContain('llama al 911');
    expect(mexico).not.toContain('1-800-799-7233');
    // A country the table has no number for: the local emergency number, in words.
    expect(footerOf(page('t', '', '', 'en', 'Asia/Manila'))).toContain('call your local emergency number');
  });

  it('without a time zone, names the US lines and what to do outside the US', () => {
    for (const [language, outside] of [
      ['en', 'Outside the US'],
      ['es', 'Fuera de Estados Unidos'],
    ] as const) {
      const footer = footerOf(page('t', '', '', language));
      expect(footer).toContain('911');
      expect(footer).toContain(outside);
      expect(footer).toContain('findahelpline.com');
    }
  });

  it('follows the participant’s own time zone on their pages', () => {
    const person = {
      id: 'e1',
      email: 'ana@example.com',
      timezone: 'Europe/Berlin',
      track: 'hurt',
      checkinDay: 'sunday',
      checkinTime: '19:00',
      status: 'active',
      emailStatus: 'active',
      smsStatus: 'none',
      createdAt: '2026-03-01T10:00:00.000Z',
      version: 2,
    } as Enrollment;
    expect(footerOf(settingsPage(person, '/settings'))).toContain('call 112');
  });
});
