import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relationshipWordsIn } from '../../functions/program/discreet';
import type { Runtime } from '../../local/runtime';
import { advance, enrollParticipant, outboundTexts, type Participant, text } from '../support/participant';
import {
  api,
  emailsTo,
  type LocalEmail,
  linkIn,
  pathOf,
  startTestRuntime,
  uniqueEmail,
} from '../support/runtime';

const ZONE = 'Europe/Berlin';
const START = new Date('2026-06-01T10:00:00Z');
const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
/** The lines for a US number no program holds. */
const CRISIS_LINES = ['911', '988', '1-800-799-7233', 'START to 88788'];
/**
 * The lines for the people enrolled here: they live in Berlin (ZONE) with US numbers, and are given the lines
 * of where they live, and none of the US's.
 */
const BERLIN_LINES = ['112', 'findahelpline.com'];
const notInBerlin = (text: string | null | undefined) => {
  for (const line of ['911', '988', '1-800-799-7233', '88788']) expect(text).not.toContain(line);
};

const safetyAlerts = async (runtime: Runtime) =>
  (await api(runtime, '/_local/safety', { headers: { accept: 'application/json' } })).body as {
    enrollmentId: string | null;
    category: string;
    at: string;
  }[];

async function confirmFor(runtime: Runtime, email: string) {
  const confirm = pathOf(linkIn((await emailsTo(runtime, email)).at(-1), '/confirm'));
  return api(runtime, confirm, { method: 'POST', headers: { accept: 'application/json' } });
}

describe('a text that shows signs of danger, through the webhook', () => {
  let runtime: Runtime;
  let ana: Participant;
  let ben: string;
  let benId: string;

  beforeAll(async () => {
    runtime = await startTestRuntime({ startAt: START });
    ana = await enrollParticipant(runtime, { timezone: ZONE, role: 'hurt' });
    // Ana invites Ben from her partner page; he enrolls with his own program and they are linked.
    await advance(runtime, 'P1D');
    const privacy = pathOf(
      linkIn(
        (await emailsTo(runtime, ana.email)).find((m) => m.text?.includes('/privacy?')),
        '/privacy',
      ),
    );
    const page = await api(runtime, privacy, { headers: { accept: 'text/html' } });
    const partnerPage = (page.text.match(/href="(\/partner\?token=[^"]+)"/)?.[1] ?? '').replace(
      /&amp;/g,
      '&',
    );
    ben = uniqueEmail('ben');
    await api(runtime, partnerPage, {
      method: 'POST',
      headers: form,
      body: `action=invite&email=${encodeURIComponent(ben)}&shareParticipation=true`,
    });
    const invite = new URL(linkIn((await emailsTo(runtime, ben))[0], '/')).searchParams.get('invite') ?? '';
    benId = (
      await api(runtime, '/enrollments', {
        json: { email: ben, timezone: ZONE, role: 'repairing', invite, shareParticipation: true },
      })
    ).body.id;
    await confirmFor(runtime, ben);
    expect((await runtime.deps.store.getEnrollment(ana.id))?.partner?.id).toBe(benId);
  });
  afterAll(async () => {
    await runtime?.stop();
  });

  it('is answered in the same TwiML response with the crisis lines, and the program is paused and flagged', async () => {
    const response = await api(runtime, '/_local/sms/reply', {
      json: { from: ana.phone, body: 'he h1t me agian' },
    });
    expect(response.status).toBe(200);
    expect(response.body.twiml).toMatch(/^<\?xml[^>]*><Response><Message>/);
    for (const line of BERLIN_LINES) expect(response.body.reply).toContain(line);
    notInBerlin(response.body.reply);
    expect(response.body.reply).toContain('Reply RESUME');
    const enrollment = await runtime.deps.store.getEnrollment(ana.id);
    expect(enrollment).toMatchObject({ flagReason: 'abuse', safetyPause: true });
    expect(enrollment?.pausedUntil && enrollment.pausedUntil > '2027-01-01').toBe(true);
    // The words are kept nowhere: no reply, no note, nothing in the flag.
    const stored = JSON.stringify([enrollment, await runtime.deps.store.listReplies(ana.id)]);
    expect(stored).not.toMatch(/h1t|agian/);
  });

  it('shows the operator the enrollment id and the category only, on /_local/safety', async () => {
    const alerts = await safetyAlerts(runtime);
    expect(alerts).toEqual([{ enrollmentId: ana.id, category: 'abuse', at: expect.any(String) }]);
    const page = await api(runtime, '/_local/safety', { headers: { accept: 'text/html' } });
    expect(page.text).toContain(ana.id);
    expect(page.text).toContain('abuse');
    for (const secret of [ana.email, ana.phone as string, 'h1t']) expect(page.text).not.toContain(secret);
  });

  it('sends the paused person nothing more, and tells the partner nothing, even in his day-90 report', async () => {
    const since = (await runtime.clock.now()).toISOString();
    const benBefore = (await emailsTo(runtime, ben)).length;
    expect(benBefore).toBeGreaterThan(0);
    await advance(runtime, 'P94D');
    const anaEmails = (await emailsTo(runtime, ana.email)).filter((m) => m.at > since);
    const anaTexts = (await outboundTexts(runtime, ana)).filter((m) => m.at > since);
    expect(anaEmails.map((m) => m.subject)).toEqual([]);
    expect(anaTexts.map((m) => m.body)).toEqual([]);
    // Ben gets his own program's emails and nothing else: no notice, no safety email, no change.
    const benMail = await emailsTo(runtime, ben);
    const { steps, messages } = runtime.deps.catalog;
    const programSubjects = new Set([...steps.map((st) => st.subject), messages.email.report.subject]);
    const after = benMail.filter((m) => m.at > since);
    expect(after.length).toBeGreaterThan(20);
    expect(after.filter((m) => !programSubjects.has(m.subject)).map((m) => m.subject)).toEqual([]);
    expect(benMail).toHaveLength(benBefore + after.length);
    const reportEmail = benMail.find((m) => m.text?.includes('/report?'));
    const report = await api(runtime, pathOf(linkIn(reportEmail, '/report')), {
      headers: { accept: 'application/json' },
    });
    expect(report.status).toBe(200);
    expect(JSON.stringify(report.body)).not.toMatch(/flag|safety|abuse|pause|danger/i);
    const page = await api(runtime, pathOf(linkIn(reportEmail, '/report')), {
      headers: { accept: 'text/html' },
    });
    // (Every page's footer names crisis lines; nothing on it is about Ana.)
    expect(page.text).not.toMatch(/flag|abuse|paused/i);
  });
});

describe('other inbound messages that show signs of danger', () => {
  let runtime: Runtime;
  beforeAll(async () => {
    runtime = await startTestRuntime({ startAt: START });
  });
  afterAll(async () => {
    await runtime?.stop();
  });

  it('from a number that texted STOP are still answered with the lines, and it stays opted out', async () => {
    const cam = await enrollParticipant(runtime, { timezone: ZONE });
    expect(await text(runtime, cam, 'STOP')).toMatch(/won't get more texts/);
    const reply = await text(runtime, cam, 'I want to die');
    for (const line of BERLIN_LINES) expect(reply).toContain(line);
    notInBerlin(reply);
    expect(reply).not.toContain('RESUME');
    expect((await runtime.deps.store.getEnrollment(cam.id))?.smsStatus).toBe('stopped');
    expect((await safetyAlerts(runtime)).at(-1)).toMatchObject({
      enrollmentId: cam.id,
      category: 'self-harm',
    });
  });

  it('from a number nobody enrolled are answered with the lines', async () => {
    const reply = await api(runtime, '/_local/sms/reply', { json: { from: '+14155550199', body: 'sucide' } });
    for (const line of CRISIS_LINES) expect(reply.body.reply).toContain(line);
    expect((await safetyAlerts(runtime)).at(-1)).toMatchObject({ enrollmentId: null, category: 'self-harm' });
  });

  it('in an email reply are answered by email with the lines and how to restart, and the program pauses', async () => {
    const dee = await enrollParticipant(runtime, { timezone: ZONE, phone: false });
    const outcome = await api(runtime, '/_local/email/reply', {
      json: { from: dee.email, subject: 'Re: Day 1', text: 'im scared to go home\n\n> quoted lesson' },
    });
    expect(outcome.body).toEqual({ outcome: 'safety', category: 'abuse' });
    const answer = (await emailsTo(runtime, dee.email)).at(-1);
    expect(answer?.subject).toBe('Kintsugi: people you can reach right now');
    for (const line of [...BERLIN_LINES, 'RESUME']) expect(answer?.text).toContain(line);
    notInBerlin(answer?.text);
    expect((await runtime.deps.store.getEnrollment(dee.id))?.safetyPause).toBe(true);
    expect((await safetyAlerts(runtime)).at(-1)).toMatchObject({ enrollmentId: dee.id, category: 'abuse' });
  });
});

describe('DELETE by text', () => {
  let runtime: Runtime;
  beforeAll(async () => {
    runtime = await startTestRuntime({ startAt: START });
  });
  afterAll(async () => {
    await runtime?.stop();
  });

  it('asks to confirm, erases everything on a second DELETE within 10 minutes, and keeps only hashed tombstones', async () => {
    const eve = await enrollParticipant(runtime, { timezone: ZONE });
    await advance(runtime, 'P2D');
    const privacy = pathOf(
      linkIn(
        (await emailsTo(runtime, eve.email)).find((m) => m.text?.includes('/privacy?')),
        '/privacy',
      ),
    );
    expect(await text(runtime, eve, 'DELETE')).toMatch(/reply DELETE again within 10 minutes/);
    expect(await runtime.deps.store.getEnrollment(eve.id)).toBeDefined();
    await advance(runtime, 'PT5M');
    expect(await text(runtime, eve, 'Delete')).toMatch(/Everything we held about you is erased/);
    expect(await runtime.deps.store.getEnrollment(eve.id)).toBeUndefined();
    expect(await runtime.deps.store.listConsents(eve.id)).toEqual([]);
    expect((await api(runtime, privacy, { headers: { accept: 'application/json' } })).status).toBe(404);
    const emailTombstones = await runtime.deps.store.listErasureTombstones(
      runtime.deps.contactHash(eve.email),
    );
    const phoneTombstones = await runtime.deps.store.listErasureTombstones(
      runtime.deps.contactHash(eve.phone as string),
    );
    expect(emailTombstones).toEqual([
      {
        contactHash: runtime.deps.contactHash(eve.email),
        channel: 'email',
        at: expect.any(String),
        action: 'erased+opted-out',
        source: 'keyword',
      },
    ]);
    expect(phoneTombstones).toHaveLength(1);
    expect(JSON.stringify([emailTombstones, phoneTombstones])).not.toMatch(
      new RegExp([eve.id, eve.email, (eve.phone as string).slice(1)].join('|')),
    );
    // Answered once: the number is unknown now, and opted out with the erasure.
    expect(await text(runtime, eve, 'DELETE')).toBeNull();
    expect(await text(runtime, eve, '4')).toBeNull();
  });

  it('from the privacy page also leaves the tombstones', async () => {
    const fay = await enrollParticipant(runtime, { timezone: ZONE });
    await advance(runtime, 'P1D');
    const privacy = pathOf(
      linkIn(
        (await emailsTo(runtime, fay.email)).find((m) => m.text?.includes('/privacy?')),
        '/privacy',
      ),
    );
    const deleted = await api(runtime, privacy, { method: 'POST', headers: form, body: 'action=delete' });
    expect(deleted.body).toEqual({ deleted: true });
    expect(await runtime.deps.store.listErasureTombstones(runtime.deps.contactHash(fay.email))).toMatchObject(
      [{ channel: 'email', source: 'privacy-page' }],
    );
  });
});

describe('discreet mode, chosen at enrollment', () => {
  let runtime: Runtime;
  beforeAll(async () => {
    runtime = await startTestRuntime({ startAt: START });
  });
  afterAll(async () => {
    await runtime?.stop();
  });

  it('sends email from "K. Program" with neutral subjects and preheaders, and texts without relationship words', async () => {
    const email = uniqueEmail('gil');
    const phone = '+14155550142';
    const enrolled = await api(runtime, '/enrollments', {
      json: { email, timezone: ZONE, role: 'hurt', phone, smsConsent: true, discreet: true },
    });
    expect(enrolled.status).toBe(202);
    await confirmFor(runtime, email);
    await api(runtime, '/_local/sms/reply', { json: { from: phone, body: 'YES' } });
    await advance(runtime, 'P35D');
    const mail = (await emailsTo(runtime, email)) as (LocalEmail & { from: string })[];
    expect(mail.length).toBeGreaterThan(15);
    for (const m of mail) {
      expect(m.from).toMatch(/^"?K\. Program"? <[^>]+@[^>]+>$/);
      const preheader = m.html?.match(/<div style="display:none;[^"]*">([^<]*)/)?.[1] ?? '';
      expect(relationshipWordsIn(`${m.subject} ${preheader}`), m.subject).toEqual([]);
    }
    const texts = ((await api(runtime, '/_local/sms')).body as { to: string; body: string }[]).filter(
      (m) => m.to === phone,
    );
    expect(texts.length).toBeGreaterThan(8);
    for (const t of texts) expect(relationshipWordsIn(t.body), t.body).toEqual([]);
  });

  it('is a checkbox on the form, and the usual sender name stays for everyone else', async () => {
    const email = uniqueEmail('hal');
    const posted = await api(runtime, '/enrollments', {
      method: 'POST',
      headers: form,
      body: `email=${encodeURIComponent(email)}&timezone=${ZONE}&role=repairing&discreet=true`,
    });
    expect(posted.status).toBe(202);
    expect((await runtime.deps.store.getEnrollment(posted.body.id))?.discreet).toBe(true);
    const other = await enrollParticipant(runtime, { timezone: ZONE, phone: false });
    const [confirmation] = (await emailsTo(runtime, other.email)) as (LocalEmail & { from: string })[];
    expect(confirmation?.from).not.toContain('K. Program');
    const formPage = await api(runtime, '/', { headers: { accept: 'text/html' } });
    expect(formPage.text).toContain('name="discreet"');
  });
});
