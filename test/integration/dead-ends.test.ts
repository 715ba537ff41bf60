/**
 * The dead ends of issue 15, through the HTTP API against DynamoDB Local and the SES emulator: a fresh
 * link from an expired link's page, undo and pause from the "Emails stopped" page, a check-in with a
 * note and a changed answer, invitations that can be stopped by the invited address, and the partner
 * page once the program has ended.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime';
import { enrollParticipant } from '../support/participant';
import { api, emailsTo, linkIn, pathOf, startTestRuntime, uniqueEmail } from '../support/runtime';

const ZONE = 'America/Chicago';
const FORM = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
const FORM_PAGE = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };

let runtime: Runtime;

beforeAll(async () => {
  runtime = await startTestRuntime({ startAt: new Date('2026-04-06T14:00:00Z') });
});
afterAll(async () => {
  await runtime?.stop();
});

const advance = (duration: string) => api(runtime, '/_local/clock', { json: { advance: duration } });
const freshLink = (body: Record<string, string>, headers = FORM) =>
  api(runtime, '/fresh-link', { method: 'POST', headers, body: new URLSearchParams(body).toString() });

/** The link to `path` in the newest email to `address` that has one. */
async function newestLink(address: string, path: string): Promise<string> {
  const email = (await emailsTo(runtime, address)).filter((m) => m.text?.includes(`${path}?`)).at(-1);
  return pathOf(linkIn(email, path));
}

describe('an expired or broken link offers a fresh one', () => {
  it('shows "This link has expired" with a form for a fresh link and a way home, on an expired confirmation', async () => {
    const email = uniqueEmail('expired');
    await api(runtime, '/enrollments', { json: { email, timezone: ZONE, role: 'hurt' } });
    const confirm = await newestLink(email, '/confirm');
    await advance('P8D'); // a confirmation link lasts 7 days; the pending enrollment, 14
    const page = await api(runtime, confirm, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(403);
    expect(page.text).toContain('<h1>This link has expired</h1>');
    expect(page.text).toMatch(/<form method="post" action="\/fresh-link"/);
    expect(page.text).toContain('<input type="hidden" name="for" value="confirm">');
    expect(page.text).toContain('<a href="/">Go to the Kintsugi home page</a>');

    const before = (await emailsTo(runtime, email)).length;
    const asked = await freshLink({ email, for: 'confirm' }, FORM_PAGE);
    expect(asked.status).toBe(202);
    expect(asked.text).toContain('If that address is in the program, a fresh link is on its way.');
    const after = await emailsTo(runtime, email);
    expect(after).toHaveLength(before + 1);
    // Still pending: the confirmation again, whose new link starts the program.
    const fresh = await newestLink(email, '/confirm');
    const confirmed = await api(runtime, fresh, { method: 'POST', headers: { accept: 'application/json' } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('active');
  });

  it('shows "This link is not valid" with the same form for a link that was cut or changed', async () => {
    const who = await enrollParticipant(runtime, { timezone: ZONE, phone: false });
    await advance('P1D');
    const settings = await newestLink(who.email, '/settings');
    const page = await api(runtime, `${settings.slice(0, -6)}xxxxxx`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(403);
    expect(page.text).toContain('<h1>This link is not valid</h1>');
    expect(page.text).toContain('<input type="hidden" name="for" value="settings">');
    expect(page.text).toContain('<a href="/">Go to the Kintsugi home page</a>');
  });

  it('emails an enrolled address a new link to the page it asked for, and the link opens it', async () => {
    const who = await enrollParticipant(runtime, { timezone: ZONE, phone: false });
    await advance('PT2M');
    const before = (await emailsTo(runtime, who.email)).length;
    const asked = await freshLink({ email: who.email.toUpperCase(), for: 'privacy' });
    expect(asked).toMatchObject({ status: 202, body: { status: 'accepted' } });
    const mail = (await emailsTo(runtime, who.email)).slice(before);
    expect(mail.map((m) => m.subject)).toEqual(['Your new Kintsugi link']);
    const button = mail[0]?.text?.match(/Open my page: (\S+)/)?.[1] ?? '';
    expect(button).toMatch(/\/privacy\?token=/);
    expect((await api(runtime, pathOf(button), { headers: { accept: 'text/html' } })).status).toBe(200);
  });

  it('answers an unknown address exactly as a known one, and sends nothing', async () => {
    const stranger = uniqueEmail('nobody');
    const known = await enrollParticipant(runtime, { timezone: ZONE, phone: false });
    await advance('PT2M');
    const [a, b] = [
      await freshLink({ email: stranger, for: 'report' }, FORM_PAGE),
      await freshLink({ email: known.email, for: 'report' }, FORM_PAGE),
    ];
    expect(a.status).toBe(202);
    expect(a.text).toBe(b.text);
    expect(await emailsTo(runtime, stranger)).toEqual([]);
  });

  it('sends at most three emails a stranger can cause to one address in a day, the confirmation included', async () => {
    const who = await enrollParticipant(runtime, { timezone: ZONE, phone: false }); // the confirmation: 1
    const before = (await emailsTo(runtime, who.email)).length;
    for (let i = 0; i < 4; i++) {
      await advance('PT2M');
      expect((await freshLink({ email: who.email, for: 'settings' })).status).toBe(202);
    }
    const fresh = (await emailsTo(runtime, who.email))
      .slice(before)
      .filter((m) => m.subject === 'Your new Kintsugi link');
    expect(fresh).toHaveLength(2);
  });

  it('refuses a malformed address or kind of link with a 400 naming the field, and shows the form again as a page', async () => {
    const bad = await freshLink({ email: 'ana.at.example.com' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_email', field: 'email' });
    const kind = await freshLink({ email: 'ana@example.com', for: 'everything' });
    expect(kind.status).toBe(400);
    expect(kind.body.error).toMatchObject({ code: 'invalid_link_kind', field: 'for' });
    const page = await freshLink({ email: 'ana.at.example', for: 'report' }, FORM_PAGE);
    expect(page.status).toBe(400);
    expect(page.text).toContain('value="ana.at.example"');
    expect(page.text).toContain('Enter a valid email address, like name@example.com.');
    expect(page.text).toContain('<input type="hidden" name="for" value="report">');
  });
});

describe('the "Emails stopped" page undoes, or pauses instead', () => {
  /** A participant who has just stopped their emails with the page's button; answers the stop. */
  async function stopped() {
    const who = await enrollParticipant(runtime, { timezone: ZONE, phone: false });
    await advance('P1D');
    const unsubscribe = await newestLink(who.email, '/unsubscribe');
    const page = await api(runtime, unsubscribe, { method: 'POST', headers: FORM_PAGE, body: '' });
    expect(page.status).toBe(200);
    expect((await runtime.deps.store.getEnrollment(who.id))?.emailStatus).toBe('unsubscribed');
    return { who, unsubscribe, page };
  }

  it('offers one button to start emails again and buttons to pause instead, posting to the same link', async () => {
    const { unsubscribe, page } = await stopped();
    expect(page.text).toContain('<h1>Emails stopped</h1>');
    const action = `action="${unsubscribe.replace(/&/g, '&amp;')}"`;
    expect(page.text).toContain(
      `<form method="post" ${action}><input type="hidden" name="action" value="resubscribe"><button type="submit">Start my emails again</button></form>`,
    );
    expect(page.text).toContain(
      '<input type="hidden" name="days" value="7"><button type="submit">Pause 7 days instead</button>',
    );
  });

  it('starts emails again with one click, records the opt-in, and the program’s emails come again', async () => {
    const { who, unsubscribe } = await stopped();
    const back = await api(runtime, unsubscribe, {
      method: 'POST',
      headers: FORM,
      body: 'action=resubscribe',
    });
    expect(back).toMatchObject({ status: 200, body: { email: 'active' } });
    const enrollment = await runtime.deps.store.getEnrollment(who.id);
    expect(enrollment?.emailStatus).toBe('active');
    expect(enrollment?.emailStopReason).toBeUndefined();
    const ledger = (await runtime.deps.store.listConsents(who.id)).filter((e) => e.channel === 'email');
    expect(ledger.map((e) => `${e.action}/${e.source}`).slice(-2)).toEqual([
      'opt-out/email-link',
      'opt-in/email-link',
    ]);
    const before = (await emailsTo(runtime, who.email)).length;
    await advance('P3D');
    expect((await emailsTo(runtime, who.email)).length).toBeGreaterThan(before);
  });

  it('pauses instead: emails on again, nothing sent for the days chosen, then the program picks up', async () => {
    const { who, unsubscribe } = await stopped();
    const now = (await api(runtime, '/_local/clock')).body.now as string;
    const paused = await api(runtime, unsubscribe, {
      method: 'POST',
      headers: FORM,
      body: 'action=pause&days=7',
    });
    expect(paused.status).toBe(200);
    expect(paused.body.email).toBe('active');
    const until = Date.parse(paused.body.pausedUntil);
    expect(until - Date.parse(now)).toBeGreaterThanOrEqual(7 * 86_400_000 - 3_600_000);
    expect(until - Date.parse(now)).toBeLessThanOrEqual(7 * 86_400_000 + 3_600_000);
    const before = (await emailsTo(runtime, who.email)).length;
    await advance('P6D');
    expect(await emailsTo(runtime, who.email)).toHaveLength(before);
    await advance('P4D');
    expect((await emailsTo(runtime, who.email)).length).toBeGreaterThan(before);
  });

  it('says the paused day on the page, and refuses a pause of more than 30 days naming the field', async () => {
    const { unsubscribe } = await stopped();
    const tooLong = await api(runtime, unsubscribe, {
      method: 'POST',
      headers: FORM,
      body: 'action=pause&days=45',
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error).toMatchObject({ code: 'invalid_days', field: 'days' });
    const page = await api(runtime, unsubscribe, {
      method: 'POST',
      headers: FORM_PAGE,
      body: 'action=pause&days=30',
    });
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<h1>Paused until \w+day, \w+ \d+<\/h1>/);
  });

  it('cannot turn email back on for an address whose mail bounced, and says why', async () => {
    const who = await enrollParticipant(runtime, { timezone: ZONE, phone: false });
    await advance('P1D');
    const unsubscribe = await newestLink(who.email, '/unsubscribe');
    await api(runtime, '/_local/ses-event', {
      json: { type: 'Bounce', email: who.email, bounceType: 'Permanent' },
    });
    // A stop from an old email's link keeps the bounce as the reason.
    expect((await api(runtime, unsubscribe, { method: 'POST', headers: FORM, body: '' })).status).toBe(200);
    expect((await runtime.deps.store.getEnrollment(who.id))?.emailStatus).toBe('bounced');
    const back = await api(runtime, unsubscribe, {
      method: 'POST',
      headers: FORM,
      body: 'action=resubscribe',
    });
    expect(back.status).toBe(409);
    expect(back.body.error.code).toBe('email_bounced');
  });

  it('still stops with a mail client’s RFC 8058 one-click POST, whatever its body', async () => {
    const who = await enrollParticipant(runtime, { timezone: ZONE, phone: false });
    await advance('P1D');
    const unsubscribe = await newestLink(who.email, '/unsubscribe');
    const boundary = 'x-kintsugi';
    const response = await api(runtime, unsubscribe, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
    });
    expect(response.status).toBe(200);
    expect((await runtime.deps.store.getEnrollment(who.id))?.emailStatus).toBe('unsubscribed');
  });
});

describe('the one-click check-in keeps a note and says when an answer changes', () => {
  /** A participant without texts, a week in: their check-in email's link, with `score=` to fill. */
  async function checkinLink() {
    const who = await enrollParticipant(runtime, { timezone: ZONE, phone: false });
    // Day by day until the first weekly check-in comes, so its question is open (it falls within 8 days).
    for (
      let day = 0;
      day < 9 && !(await emailsTo(runtime, who.email)).some((m) => m.text?.includes('/checkin?'));
      day++
    )
      await advance('P1D');
    const link = await newestLink(who.email, '/checkin');
    return { who, at: (score: number) => link.replace(/score=\d/, `score=${score}`) };
  }

  it('records the answer with its private note, as a text’s words are kept', async () => {
    const { who, at } = await checkinLink();
    const recorded = await api(runtime, at(4), {
      method: 'POST',
      headers: FORM,
      body: 'note=A calmer week than the last.',
    });
    expect(recorded.body).toMatchObject({ recorded: 4, previous: null, changed: false, note: 'kept' });
    expect(await runtime.deps.store.listReplies(who.id)).toEqual([
      expect.objectContaining({ score: 4, note: 'A calmer week than the last.', channel: 'email' }),
    ]);
  });

  it('takes a second click as the new answer without showing the first, and the report keeps the new one', async () => {
    const { who, at } = await checkinLink();
    await api(runtime, at(4), { method: 'POST', headers: FORM, body: '' });
    const preview = await api(runtime, at(2), { headers: { accept: 'text/html' } });
    expect(preview.text).toContain('This question already has your answer.');
    expect(preview.text).not.toMatch(/answered 4|from 4|was 4/);
    expect(preview.text).toContain('<strong class="answer" id="answer">2 of 5</strong>');
    // The same words when the link repeats the answer given: nothing tells the two apart.
    const same = await api(runtime, at(4), { headers: { accept: 'text/html' } });
    expect(same.text).toContain('This question already has your answer.');
    const changed = await api(runtime, at(2), { method: 'POST', headers: FORM_PAGE, body: 'note=' });
    expect(changed.status).toBe(200);
    expect(changed.text).toContain('<h1>Noted: 2 of 5</h1>');
    expect(changed.text).not.toMatch(/4 of 5|from 4|was 4/);
    const json = await api(runtime, at(3), { method: 'POST', headers: FORM, body: '' });
    expect(json.body).toMatchObject({ recorded: 3, previous: 2, changed: true, note: 'none' });
    const scores = (await runtime.deps.store.listReplies(who.id)).map((r) => r.score);
    expect(scores).toEqual([4, 2, 3]);
  });

  it('shows the question, the scale and the answer apart on the page, with a labelled box for a note', async () => {
    const { at } = await checkinLink();
    const page = await api(runtime, at(5), { headers: { accept: 'text/html' } });
    expect(page.text).toMatch(/<h2 class="question" id="question">How [^<(]+\?<\/h2>/);
    expect(page.text).toMatch(/<p class="hint" id="scale">1 = [^<]+, 5 = [^<]+<\/p>/);
    // Chosen by the link, not yet recorded: the button records it.
    expect(page.text).toContain('You chose: <strong class="answer" id="answer">5 of 5</strong>');
    expect(page.text).toContain('<label for="note">A private note (optional)</label>');
  });

  it('refuses a note over 1,000 characters naming the field, records nothing, and keeps the words on the page', async () => {
    const { who, at } = await checkinLink();
    const long = 'word '.repeat(250);
    const refused = await api(runtime, at(3), {
      method: 'POST',
      headers: FORM,
      body: new URLSearchParams({ note: long }).toString(),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'note_too_long', field: 'note' });
    const page = await api(runtime, at(3), {
      method: 'POST',
      headers: FORM_PAGE,
      body: new URLSearchParams({ note: long }).toString(),
    });
    expect(page.status).toBe(400);
    expect(page.text).toContain('the most it can hold is 1,000');
    expect(page.text).toContain(`${long.trim().slice(0, 40)}`);
    expect(await runtime.deps.store.listReplies(who.id)).toEqual([]);
  });

  it('answers a note that shows danger with the crisis lines, keeps none of it, and pauses the program', async () => {
    const { who, at } = await checkinLink();
    const page = await api(runtime, at(2), {
      method: 'POST',
      headers: FORM_PAGE,
      body: 'note=he hits me when he is drunk',
    });
    expect(page.status).toBe(200);
    expect(page.text).toContain('People you can reach right now');
    expect(page.text).toContain('988');
    expect(page.text).toContain('We did not keep your note');
    expect(await runtime.deps.store.listReplies(who.id)).toEqual([expect.objectContaining({ score: 2 })]);
    expect((await runtime.deps.store.listReplies(who.id))[0]?.note).toBeUndefined();
    const enrollment = await runtime.deps.store.getEnrollment(who.id);
    expect(enrollment?.flagReason).toBeDefined();
    expect(enrollment?.safetyPause).toBe(true);
  });
});

describe('an invited address can stop further invitations', () => {
  async function invite(inviter: { email: string }, to: string) {
    await advance('PT2M');
    const privacy = await newestLink(inviter.email, '/privacy');
    const page = await api(runtime, privacy, { headers: { accept: 'text/html' } });
    const partner = page.text.match(/href="(\/partner\?token=[^"]+)"/)?.[1]?.replace(/&amp;/g, '&') ?? '';
    return api(runtime, partner, {
      method: 'POST',
      headers: FORM,
      body: `action=invite&email=${encodeURIComponent(to)}`,
    });
  }

  it('gives the invitation an honest footer with a working stop link, and holds back every later invitation', async () => {
    const ana = await enrollParticipant(runtime, { timezone: ZONE, phone: false });
    const cleo = await enrollParticipant(runtime, { timezone: ZONE, phone: false });
    await advance('P1D');
    const ben = uniqueEmail('ben');
    expect((await invite(ana, ben)).status).toBe(200);
    const [invitation] = await emailsTo(runtime, ben);
    expect(invitation?.text).toContain('someone you know gave us this address');
    expect(invitation?.text).toContain('What we keep about you: nothing, unless you enroll.');
    expect(invitation?.text).not.toContain('you signed up');
    expect(invitation?.html).not.toContain('you signed up');
    const stop = invitation?.text?.match(/Send no more invitations to this address: (\S+)/)?.[1] ?? '';
    expect(stop).toMatch(/\/invitations\/stop\?token=/);
    expect(invitation?.headers['list-unsubscribe']).toBe(`<${stop}>`);
    expect(invitation?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

    const page = await api(runtime, pathOf(stop), { headers: { accept: 'text/html' } });
    expect(page.text).toContain('Send no more invitations</button>');
    expect(await invite(cleo, ben)).toMatchObject({ status: 200 });
    expect(await emailsTo(runtime, ben)).toHaveLength(2); // the GET changed nothing
    const stopped = await api(runtime, pathOf(stop), {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    expect(stopped.body).toEqual({ invitations: 'stopped' });
    await advance('P1D');
    // The inviter hears what they always hear; the address gets nothing.
    expect(await invite(ana, ben.toUpperCase())).toMatchObject({ status: 200, body: { done: 'invite' } });
    expect(await emailsTo(runtime, ben)).toHaveLength(2);
  });
});

describe('the partner page once the program has ended', () => {
  it('says the program has ended and what the person can still do, instead of a form that would fail', async () => {
    const ended = await startTestRuntime({ startAt: new Date('2026-04-06T14:00:00Z') });
    try {
      const email = uniqueEmail('ended');
      await api(ended, '/enrollments', { json: { email, timezone: ZONE, role: 'hurt' } });
      const confirm = pathOf(linkIn((await emailsTo(ended, email))[0], '/confirm'));
      const { body } = await api(ended, confirm, { method: 'POST', headers: { accept: 'application/json' } });
      await api(ended, '/_local/clock', { json: { advance: 'P96D' } });
      expect((await ended.deps.store.getEnrollment(body.id))?.status).toBe('completed');
      const privacy = pathOf(
        linkIn(
          (await emailsTo(ended, email)).filter((m) => m.text?.includes('/privacy?')).at(-1),
          '/privacy',
        ),
      );
      const partner = (await api(ended, privacy, { headers: { accept: 'text/html' } })).text
        .match(/href="(\/partner\?token=[^"]+)"/)?.[1]
        ?.replace(/&amp;/g, '&') as string;
      const page = await api(ended, partner, { headers: { accept: 'text/html' } });
      expect(page.text).toContain('<h1>Your program has ended</h1>');
      expect(page.text).not.toContain('name="email"');
      expect(page.text).toMatch(/<a href="[^"]+\/report\?token=[^"]+">Read your report<\/a>/);
      expect(page.text).toMatch(
        /<a href="[^"]+\/privacy\?token=[^"]+">Download or delete your data<\/a>\. Kintsugi deletes it by itself on/,
      );
      // The action itself is refused as before, with a reason.
      const refused = await api(ended, partner, {
        method: 'POST',
        headers: FORM,
        body: 'action=invite&email=ben%40example.com',
      });
      expect(refused.status).toBe(409);
    } finally {
      await ended.stop();
    }
  });
});
