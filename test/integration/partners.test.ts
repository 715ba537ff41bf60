import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime';
import { api, emailsTo, linkIn, pathOf, startTestRuntime, uniqueEmail } from '../support/runtime';

const ZONE = 'Europe/Berlin';
const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };

async function confirmFor(runtime: Runtime, email: string) {
  const confirm = pathOf(linkIn((await emailsTo(runtime, email)).at(-1), '/confirm'));
  return api(runtime, confirm, { method: 'POST', headers: { accept: 'application/json' } });
}

/** The partner page link, as a participant finds it from the privacy page in any email's footer. */
async function partnerPageOf(runtime: Runtime, email: string): Promise<string> {
  await api(runtime, '/_local/clock', { json: { advance: 'P1D' } });
  const privacy = pathOf(
    linkIn(
      (await emailsTo(runtime, email)).find((m) => m.text?.includes('/privacy?')),
      '/privacy',
    ),
  );
  const page = await api(runtime, privacy, { headers: { accept: 'text/html' } });
  const href = page.text.match(/href="(\/partner\?token=[^"]+)"/)?.[1];
  if (!href) throw new Error('No partner link on the privacy page');
  return href.replace(/&amp;/g, '&');
}

describe('partners, each with a private program, through HTTP', () => {
  let runtime: Runtime;
  const ana = uniqueEmail('ana');
  const ben = uniqueEmail('ben');
  let anaId: string;
  let benId: string;
  let anaPartnerPage: string;

  beforeAll(async () => {
    runtime = await startTestRuntime({ startAt: new Date('2026-06-01T10:00:00Z') });
    anaId = (await api(runtime, '/enrollments', { json: { email: ana, timezone: ZONE, role: 'hurt' } })).body
      .id;
    await confirmFor(runtime, ana);
    anaPartnerPage = await partnerPageOf(runtime, ana);
  });
  afterAll(async () => {
    await runtime?.stop();
  });

  it('refuses to invite the participant’s own address', async () => {
    const response = await api(runtime, anaPartnerPage, {
      method: 'POST',
      headers: form,
      body: `action=invite&email=${encodeURIComponent(ana)}`,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('email');
  });

  it('emails the partner an invitation that says nothing about the inviter’s program', async () => {
    const response = await api(runtime, anaPartnerPage, {
      method: 'POST',
      headers: form,
      body: `action=invite&email=${encodeURIComponent(ben)}&shareParticipation=true`,
    });
    expect(response.status).toBe(200);
    const [invitation] = await emailsTo(runtime, ben);
    expect(invitation?.text).toMatch(/\/\?invite=/);
    expect(invitation?.text).not.toContain(ana);
    expect(invitation?.html).not.toContain(ana);
    // No signed link of the inviter's: the invitee must not reach the inviter's privacy or report pages.
    expect(invitation?.text).not.toMatch(/\/(privacy|unsubscribe|report|partner)\?token=/);
    expect(invitation?.html).not.toMatch(/\/(privacy|unsubscribe|report|partner)\?token=/);
  });

  it('links the two programs when the invited partner enrolls with their own role and confirms', async () => {
    const invite = new URL(linkIn((await emailsTo(runtime, ben))[0], '/')).searchParams.get('invite') ?? '';
    const formPage = await api(runtime, `/?invite=${encodeURIComponent(invite)}`, {
      headers: { accept: 'text/html' },
    });
    expect(formPage.text).toContain('name="invite"');
    // The form tells Ben what Ana will learn if he joins.
    expect(formPage.text).toContain('If you join and your programs are linked, they get one email saying so');
    const anaBefore = (await emailsTo(runtime, ana)).length;
    const enrolled = await api(runtime, '/enrollments', {
      json: { email: ben, timezone: ZONE, role: 'repairing', invite, shareParticipation: true },
    });
    expect(enrolled.status).toBe(202);
    benId = enrolled.body.id;
    // Confirmed with the page's button: the page after it says the programs are linked, not "invite them".
    const confirmLink = pathOf(linkIn((await emailsTo(runtime, ben)).at(-1), '/confirm'));
    const confirmed = await api(runtime, confirmLink, { method: 'POST' });
    expect(confirmed.text).toContain('Your program is linked with the one of the partner who invited you.');
    expect(confirmed.text).not.toContain('invite them');
    const [a, b] = [
      await runtime.deps.store.getEnrollment(anaId),
      await runtime.deps.store.getEnrollment(benId),
    ];
    expect(a?.partner?.id).toBe(benId);
    expect(b?.partner?.id).toBe(anaId);
    expect(b?.track).toBe('repairing');
    // Ana is told once that the link is made, with her partner page, and nothing of Ben's program.
    const told = (await emailsTo(runtime, ana)).slice(anaBefore);
    expect(told.map((m) => m.subject)).toEqual(['Your Kintsugi programs are now linked']);
    expect(told[0]?.text).toContain('The person you invited has started a Kintsugi program of their own');
    expect(told[0]?.text).toMatch(/\/partner\?token=/);
    expect(told[0]?.text).not.toContain(ben);
    expect(told[0]?.text).not.toContain('repairing');
  });

  it('shows both partners only how many check-ins each answered, in the day-90 report', async () => {
    const emailCheckins = async (email: string) =>
      (await emailsTo(runtime, email)).filter((m) => m.text?.includes('/checkin?'));
    await api(runtime, '/_local/clock', { json: { advance: 'P14D' } });
    // Ana answers her latest emailed check-in with one click (still within its week); Ben answers none.
    const latest = (await emailCheckins(ana)).at(-1);
    const clicked = await api(runtime, pathOf(linkIn(latest, '/checkin')), {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    expect(clicked.status).toBe(200);
    await api(runtime, '/_local/clock', { json: { advance: 'P82D' } });
    const reportEmail = (await emailsTo(runtime, ana)).find((m) => m.text?.includes('/report?'));
    const report = await api(runtime, pathOf(linkIn(reportEmail, '/report')), {
      headers: { accept: 'application/json' },
    });
    expect(report.body.participation).toEqual({
      you: { answered: 1, sent: expect.any(Number) },
      partner: { answered: 0, sent: expect.any(Number) },
    });
    expect(report.body.participation.partner.sent).toBeGreaterThanOrEqual(12);
  });

  it('refuses a forged invitation, naming the field', async () => {
    const response = await api(runtime, '/enrollments', {
      json: { email: uniqueEmail(), timezone: ZONE, role: 'repairing', invite: 'forged.token' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('invite');
  });

  it('asks again before the page ends the link: a press by mistake ends nothing', async () => {
    const benPartnerPage = await partnerPageOf(runtime, ben);
    const before = (await emailsTo(runtime, ana)).length;
    const pressed = await api(runtime, benPartnerPage, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=unlink&language=en',
    });
    expect(pressed.status).toBe(200);
    expect(pressed.text).toContain('<h1>End the link with your partner?</h1>');
    expect(pressed.text).toContain('Your partner gets one email saying the link between your programs ended');
    expect(pressed.text).toMatch(/name="confirmed" value="true"[\s\S]*Yes, end the link/);
    expect(pressed.text).toContain(`href="${benPartnerPage.replaceAll('&', '&amp;')}">Keep the link</a>`);
    // Nothing ended, and nobody was told anything.
    expect((await runtime.deps.store.getEnrollment(benId))?.partner?.id).toBe(anaId);
    expect(await emailsTo(runtime, ana)).toHaveLength(before);
  });

  it('ends the link from either side and tells the other only that it ended', async () => {
    const benPartnerPage = await partnerPageOf(runtime, ben);
    const before = (await emailsTo(runtime, ana)).length;
    const response = await api(runtime, benPartnerPage, {
      method: 'POST',
      headers: form,
      body: 'action=unlink',
    });
    expect(response.body).toEqual({ done: 'unlink' });
    expect((await runtime.deps.store.getEnrollment(anaId))?.partner).toBeUndefined();
    expect((await runtime.deps.store.getEnrollment(benId))?.partner).toBeUndefined();
    // Sharing was chosen for this link: a link made again asks again, on both sides.
    expect((await runtime.deps.store.getEnrollment(anaId))?.sharesParticipation).toBeUndefined();
    expect((await runtime.deps.store.getEnrollment(benId))?.sharesParticipation).toBeUndefined();
    const notice = (await emailsTo(runtime, ana)).slice(before);
    expect(notice).toHaveLength(1);
    expect(notice[0]?.subject).toMatch(/ended/i);
    expect(notice[0]?.text).not.toContain(ben);
    // Its button opens Ana's partner page, which says the link ended and when, with no sharing choice left.
    const page = await api(runtime, pathOf(linkIn(notice[0], '/partner')), {
      headers: { accept: 'text/html' },
    });
    expect(page.text).toMatch(
      /The link between your programs ended on [^.<]*\d{4}\. Nothing else about your program changed\./,
    );
    expect(page.text).not.toContain('name="action" value="share"');
  });
});

describe('an invitation followed by someone already in the program', () => {
  let runtime: Runtime;
  const dana = uniqueEmail('dana');
  const sam = uniqueEmail('sam');
  let danaId: string;
  let samId: string;
  let invite: string;

  beforeAll(async () => {
    runtime = await startTestRuntime({ startAt: new Date('2026-06-01T10:00:00Z') });
    danaId = (await api(runtime, '/enrollments', { json: { email: dana, timezone: ZONE, role: 'hurt' } }))
      .body.id;
    await confirmFor(runtime, dana);
    // Sam signed up on his own, before Dana invited him.
    samId = (await api(runtime, '/enrollments', { json: { email: sam, timezone: ZONE, role: 'repairing' } }))
      .body.id;
    await confirmFor(runtime, sam);
    const danaPage = await partnerPageOf(runtime, dana);
    await api(runtime, danaPage, {
      method: 'POST',
      headers: form,
      body: `action=invite&email=${encodeURIComponent(sam)}`,
    });
    invite =
      new URL(
        linkIn(
          (await emailsTo(runtime, sam)).find((m) => m.text?.includes('/?invite=')),
          '/',
        ),
      ).searchParams.get('invite') ?? '';
  });
  afterAll(async () => {
    await runtime?.stop();
  });

  const linkedIds = async () => [
    (await runtime.deps.store.getEnrollment(danaId))?.partner?.id,
    (await runtime.deps.store.getEnrollment(samId))?.partner?.id,
  ];

  it('answers the form as ever, and emails the address a way to link that only its owner can press', async () => {
    const before = (await emailsTo(runtime, sam)).length;
    // Anyone holding the invitation could type Sam's address: the answer is the one everyone gets.
    const posted = await api(runtime, '/enrollments', {
      json: { email: sam, timezone: ZONE, role: 'repairing', invite },
    });
    expect(posted.status).toBe(202);
    expect(posted.body.status).toBe('pending');
    const notice = (await emailsTo(runtime, sam)).slice(before).at(-1);
    expect(notice?.subject).toBe('A sign-up request for this address');
    expect(notice?.text).toContain('want your program linked with the one of the person who invited you');
    expect(notice?.text).toMatch(/\/partner\?token=[^\s]+&invite=/);
    // Nothing is linked until Sam presses the button himself.
    expect(await linkedIds()).toEqual([undefined, undefined]);
  });

  it('links the two programs when Sam presses the button on his own partner page, and says so', async () => {
    const notice = (await emailsTo(runtime, sam)).at(-1);
    const page = pathOf(linkIn(notice, '/partner'));
    const shown = await api(runtime, page, { headers: { accept: 'text/html' } });
    expect(shown.text).toContain('Link with the person who invited you');
    expect(shown.text).toContain(
      'The person who invited you gets one email saying your programs are linked.',
    );
    expect(shown.text).toContain('name="invite"');
    const token = new URL(`http://x${page}`).searchParams.get('token') ?? '';
    const pressed = await api(runtime, `/partner?token=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: `action=accept&invite=${encodeURIComponent(invite)}&language=en`,
    });
    expect(pressed.status).toBe(200);
    expect(pressed.text).toContain('Your programs are linked');
    expect(await linkedIds()).toEqual([samId, danaId]);
    expect((await emailsTo(runtime, dana)).at(-1)?.subject).toBe('Your Kintsugi programs are now linked');
    const danaTold = (await emailsTo(runtime, dana)).length;
    // A second press is told they are linked already; nothing changes.
    const again = await api(runtime, `/partner?token=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: form,
      body: `action=accept&invite=${encodeURIComponent(invite)}`,
    });
    expect(again.status).toBe(409);
    expect(await linkedIds()).toEqual([samId, danaId]);
    expect(await emailsTo(runtime, dana)).toHaveLength(danaTold);
  });

  it('shows each partner both counts once both share, and until then only that the partner does not', async () => {
    const danaPage = await partnerPageOf(runtime, dana);
    const samPage = await partnerPageOf(runtime, sam);
    const share = (page: string) =>
      api(runtime, page, { method: 'POST', headers: form, body: 'action=share' });
    const seen = async (page: string) =>
      (await api(runtime, page, { headers: { accept: 'text/html' } })).text;
    await share(danaPage);
    expect(await seen(danaPage)).toContain('Your partner is not sharing their count');
    expect(await seen(danaPage)).not.toContain('data-field="participation"');
    await share(samPage);
    expect(await seen(danaPage)).toMatch(
      /So far you answered \d+ of \d+ weekly check-ins; your partner answered \d+ of \d+\./,
    );
    expect(await seen(samPage)).toContain('data-field="participation"');
  });

  it('after the link ends, the old invitation links nothing again: only a new one does', async () => {
    const danaPage = await partnerPageOf(runtime, dana);
    const samPage = await partnerPageOf(runtime, sam);
    // Dana ends the link; Sam, from the old invitation, signs up again and presses "Link our programs".
    await api(runtime, danaPage, { method: 'POST', headers: form, body: 'action=unlink&confirmed=true' });
    expect(await linkedIds()).toEqual([undefined, undefined]);
    const danaBefore = (await emailsTo(runtime, dana)).length;
    await api(runtime, '/enrollments', { json: { email: sam, timezone: ZONE, role: 'repairing', invite } });
    const pressed = await api(runtime, samPage, {
      method: 'POST',
      headers: form,
      body: `action=accept&invite=${encodeURIComponent(invite)}`,
    });
    expect(pressed.status).toBe(409);
    expect(pressed.body.error.message).toBe(
      'This invitation can no longer be accepted. Your own program carries on as before.',
    );
    expect(await linkedIds()).toEqual([undefined, undefined]);
    expect(await emailsTo(runtime, dana)).toHaveLength(danaBefore);
    // A new invitation from Dana links them again, and Dana is told.
    await api(runtime, '/_local/clock', { json: { advance: 'PT1M' } });
    await api(runtime, danaPage, {
      method: 'POST',
      headers: form,
      body: `action=invite&email=${encodeURIComponent(sam)}`,
    });
    const fresh =
      new URL(
        linkIn((await emailsTo(runtime, sam)).filter((m) => m.text?.includes('/?invite=')).at(-1), '/'),
      ).searchParams.get('invite') ?? '';
    expect(fresh).not.toBe(invite);
    const again = await api(runtime, samPage, {
      method: 'POST',
      headers: form,
      body: `action=accept&invite=${encodeURIComponent(fresh)}`,
    });
    expect(again.status).toBe(200);
    expect(await linkedIds()).toEqual([samId, danaId]);
    expect((await emailsTo(runtime, dana)).at(-1)?.subject).toBe('Your Kintsugi programs are now linked');
  });

  it('refuses a forged invitation with words, linking nothing', async () => {
    const other = uniqueEmail('other');
    await api(runtime, '/enrollments', { json: { email: other, timezone: ZONE, role: 'hurt' } });
    await confirmFor(runtime, other);
    const page = await partnerPageOf(runtime, other);
    const refused = await api(runtime, page, {
      method: 'POST',
      headers: form,
      body: 'action=accept&invite=forged',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      'This invitation can no longer be accepted. Your own program carries on as before.',
    );
  });
});
