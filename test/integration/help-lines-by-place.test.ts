/**
 * The help lines people read are those of where they live, through the local runtime as they meet them: a
 * Spanish speaker in Mexico City and an English speaker in Madrid sign up, confirm, get their welcome
 * lesson, and open their own pages. Nobody outside the US is sent to 988, the US hotline or its 88788 text
 * line; each gets their country's emergency number and the directory of free helplines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime';
import { advance } from '../support/participant';
import { api, emailsTo, linkIn, pathOf, startTestRuntime, uniqueEmail } from '../support/runtime';

const START = '2027-01-04T15:00:00Z'; // a Monday morning in Mexico City, the afternoon in Madrid
/** What only reaches someone in the US: 988 (the US and Canada), the US hotline and its text line. */
const US_ONLY = /\b988\b|1-800-799-7233|88788|National Domestic Violence Hotline|Línea Nacional/;
const PAGE = { accept: 'text/html' };

/** Each with the country's own free lines to tap (Mexico's Línea de la Vida; Spain's 024 and 016). */
const PEOPLE = [
  { name: 'Lucía', language: 'es', timezone: 'America/Mexico_City', emergency: '911', own: ['8009112000'] },
  { name: 'Hannah', language: 'en', timezone: 'Europe/Madrid', emergency: '112', own: ['024', '016'] },
] as const;

/** The footer of a page: the lines it gives. */
const footerOf = (html: string) => html.slice(html.lastIndexOf('<footer'));

describe('help lines by where the person lives', () => {
  let runtime: Runtime;
  beforeAll(async () => {
    runtime = await startTestRuntime({ startAt: new Date(START) });
  });
  afterAll(async () => {
    await runtime?.twilio.idle();
    await runtime?.stop();
  });

  it.each(PEOPLE)(
    "$name ($timezone): the pages, the confirmation and the welcome lesson give $emergency, the country's own lines and findahelpline.com, never a US-only line",
    async ({ language, timezone, emergency, own }) => {
      const email = uniqueEmail(language);
      const form = new URLSearchParams({ email, timezone, role: 'hurt', language, checkinDay: 'wednesday' });
      // The page after the form (no script): the zone the form chose gives its lines.
      const sent = await api(runtime, '/enrollments', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...PAGE },
        body: form.toString(),
      });
      expect(sent.status).toBe(202);
      expect(footerOf(sent.text)).toContain(emergency);
      expect(footerOf(sent.text)).not.toMatch(US_ONLY);

      const confirmation = (await emailsTo(runtime, email))[0];
      expect(confirmation?.text).not.toMatch(US_ONLY);
      const confirm = pathOf(linkIn(confirmation, '/confirm'));
      const button = await api(runtime, confirm, { headers: PAGE });
      expect(footerOf(button.text)).toContain(emergency);
      expect(footerOf(button.text)).toContain('findahelpline.com');
      expect(footerOf(button.text)).not.toMatch(US_ONLY);
      expect((await api(runtime, confirm, { method: 'POST', headers: PAGE })).status).toBe(200);

      await advance(runtime, 'P1D');
      const welcome = (await emailsTo(runtime, email)).find((e) => !e.text?.includes('/confirm?'));
      expect(welcome, 'the welcome lesson came').toBeDefined();
      const lesson = `${welcome?.text}\n${welcome?.html}`;
      expect(lesson).not.toMatch(US_ONLY);
      expect(welcome?.html).toContain(`href="tel:${emergency}"`);
      for (const line of own) expect(welcome?.html).toContain(`href="tel:${line}"`);
      // The directory, in the lesson where the country lacks a line of its own, and in every footer.
      if (own.length < 2) expect(welcome?.html).toContain('href="https://findahelpline.com"');
      expect(welcome?.text?.slice(welcome.text.lastIndexOf('\n—\n'))).toContain('findahelpline.com');
      expect(welcome?.text).toMatch(
        language === 'es'
          ? new RegExp(`Si estás en peligro, llama al ${emergency}\\.`)
          : new RegExp(`If you are in danger, call ${emergency}\\.`),
      );

      // The person's own pages, from the links in their email: each footer gives the same lines.
      for (const path of ['/privacy', '/unsubscribe', '/settings']) {
        const own = await api(runtime, pathOf(linkIn(welcome, path)), { headers: PAGE });
        expect(own.status, path).toBe(200);
        expect(footerOf(own.text), path).toContain(emergency);
        expect(footerOf(own.text), path).not.toMatch(US_ONLY);
      }

      // Deleting without ticking the box: the page again, saying why beside the box, with the same lines.
      const privacy = pathOf(linkIn(welcome, '/privacy'));
      const unticked = await api(runtime, privacy, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...PAGE },
        body: new URLSearchParams({ action: 'delete', language, zone: timezone }).toString(),
      });
      expect(unticked.status).toBe(400);
      expect(unticked.text).toMatch(/id="confirm-error" role="alert">(Nothing was deleted|No se borró nada)/);
      expect(unticked.text).toContain('name="confirm"');
      expect(footerOf(unticked.text)).toContain(emergency);
      expect(footerOf(unticked.text)).not.toMatch(US_ONLY);
      expect((await api(runtime, privacy, { headers: PAGE })).status).toBe(200);

      // A one-click answer to a check-in that has closed (a newer one was asked): the refusal names the
      // person's own lines.
      await advance(runtime, 'P21D');
      const checkins = (await emailsTo(runtime, email))
        .filter((e) => /\/checkin\?/.test(e.text ?? ''))
        .sort((a, b) => a.at.localeCompare(b.at));
      const click = checkins.at(-2)?.text?.match(/https?:\/\/\S+\/checkin\?\S+/)?.[0];
      expect(click, 'two check-in emails came').toBeDefined();
      const closed = await api(runtime, pathOf(click as string), { method: 'POST', headers: PAGE });
      expect(closed.status).toBe(409);
      expect(footerOf(closed.text)).toContain(emergency);
      expect(footerOf(closed.text)).not.toMatch(US_ONLY);
    },
  );
});
