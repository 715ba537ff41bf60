import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relationshipWordsIn } from '../../functions/program/discreet';
import { enrollmentEmail } from '../../functions/program/enrollment-emails';
import { systemTexts } from '../../functions/use-cases/services/compose';
import type { Runtime } from '../../local/runtime';
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

const ZONE = 'America/Chicago';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Answer {
  status: number;
  contentType: string | undefined;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: each test reads the JSON shape it asked for
  body: any;
}

/**
 * A request to the local runtime from a source address of our choosing on the loopback network
 * (127.0.0.0/8), as API Gateway would see different callers: the runtime passes the socket's address
 * on as `requestContext.http.sourceIp`.
 */
function from(runtime: Runtime, source: string, path: string, body: string, headers: Record<string, string>) {
  const url = new URL(path, runtime.url);
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        localAddress: source,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => {
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {}
          resolve({
            status: res.statusCode ?? 0,
            contentType: res.headers['content-type'],
            text,
            body: parsed,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** POST /enrollments as JSON from `source`. */
const enrollFrom = (runtime: Runtime, source: string, form: Record<string, unknown>) =>
  from(runtime, source, '/enrollments', JSON.stringify(form), {
    'content-type': 'application/json',
    accept: 'application/json',
  });

/** POST /enrollments as the form does without JavaScript, from `source`. */
const enrollByFormFrom = (runtime: Runtime, source: string, form: Record<string, string>) =>
  from(runtime, source, '/enrollments', new URLSearchParams(form).toString(), {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'text/html',
  });

const advance = (runtime: Runtime, duration: string) =>
  api(runtime, '/_local/clock', { json: { advance: duration } });

const formFor = (email: string, phone?: string) => ({
  email,
  timezone: ZONE,
  role: 'hurt',
  ...(phone ? { phone, smsConsent: true } : {}),
});

/** Enrolls from the test's own source, and confirms through the emailed link; returns the enrollment id. */
async function confirmed(runtime: Runtime, source: string, email: string, phone?: string): Promise<string> {
  const answer = await enrollFrom(runtime, source, formFor(email, phone));
  expect(answer.status).toBe(202);
  const link = pathOf(linkIn((await emailsTo(runtime, email)).at(-1), '/confirm'));
  const page = await api(runtime, link, { method: 'POST', headers: { accept: 'application/json' } });
  expect(page.body).toMatchObject({ status: 'active' });
  return answer.body.id;
}

const enrollmentOf = async (runtime: Runtime, email: string) => runtime.deps.store.findByEmail(email);

describe('what the public form tells a stranger, through the HTTP API', () => {
  let runtime: Runtime;

  beforeAll(async () => {
    // The limit per source as deployed (10 enrollment requests an hour): each test sends from its own address.
    runtime = await startTestRuntime({
      startAt: new Date('2026-03-02T15:00:00Z'), // a Monday, 09:00 in Chicago
      env: { SOURCE_LIMIT_PER_HOUR: undefined },
    });
  });
  afterAll(async () => {
    await runtime?.stop();
  });

  it('answers a new, a pending and an enrolled address, and any number, with the same 202 and the same body', async () => {
    const setup = '127.0.0.11';
    const pending = uniqueEmail('pending');
    const enrolled = uniqueEmail('enrolled');
    const heldPhone = uniquePhone();
    const namedPhone = uniquePhone();
    expect((await enrollFrom(runtime, setup, formFor(pending, namedPhone))).status).toBe(202);
    await confirmed(runtime, setup, enrolled, heldPhone);
    await api(runtime, '/_local/sms/reply', { json: { from: heldPhone, body: 'YES' } });
    await advance(runtime, 'PT2M');

    const stranger = '127.0.0.12';
    const cases = {
      newAddress: formFor(uniqueEmail('new')),
      pendingAddress: formFor(pending),
      enrolledAddress: formFor(enrolled),
      numberHeld: formFor(uniqueEmail('held'), heldPhone),
      numberNamed: formFor(uniqueEmail('named'), namedPhone),
    };
    const answers = [];
    for (const form of Object.values(cases)) answers.push(await enrollFrom(runtime, stranger, form));
    for (const answer of answers) {
      expect(answer.status).toBe(202);
      expect(answer.contentType).toBe(answers[0]?.contentType);
      expect(Object.keys(answer.body).sort()).toEqual(['id', 'status']);
      expect(answer.body.status).toBe('pending');
      expect(answer.body.id).toMatch(UUID);
    }
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(answers.length);
    // The same id is never handed out twice, nor an existing enrollment's.
    expect(answers[1]?.body.id).not.toBe((await enrollmentOf(runtime, pending))?.id);
    expect(answers[2]?.body.id).not.toBe((await enrollmentOf(runtime, enrolled))?.id);

    // Without JavaScript, the page is the same to the byte.
    const pages = [];
    for (const form of Object.values(cases)) {
      const { smsConsent, ...fields } = form as Record<string, unknown>;
      const text = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)]));
      pages.push(
        await enrollByFormFrom(runtime, '127.0.0.13', smsConsent ? { ...text, smsConsent: 'true' } : text),
      );
    }
    // The page repeats what the person typed (so they can resend it or spot a typo), and nothing else
    // differs: with what they typed taken out, a new, pending or enrolled address, and a free, held or
    // merely named number, all give the same page to the byte.
    const forms = Object.values(cases) as { email: string; phone?: string }[];
    const withoutTyped = pages.map((page, i) => {
      const { email, phone } = forms[i] as { email: string; phone?: string };
      expect(page.status).toBe(202);
      expect(page.text).toContain(email);
      const blanked = page.text.replaceAll(email, '<typed address>');
      return phone ? blanked.replaceAll(phone, '<typed number>') : blanked;
    });
    const byAddress = withoutTyped.filter((_, i) => !forms[i]?.phone);
    const byNumber = withoutTyped.filter((_, i) => forms[i]?.phone);
    expect(byAddress.length).toBe(3);
    expect(byNumber.length).toBe(2);
    for (const page of byAddress) expect(page).toBe(byAddress[0]);
    for (const page of byNumber) expect(page).toBe(byNumber[0]);
  });

  it('keeps a malformed form a 400 that depends on the form alone', async () => {
    const answer = await enrollFrom(runtime, '127.0.0.14', {
      email: 'not-an-address',
      timezone: ZONE,
      role: 'hurt',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ field: 'email' });
  });

  it('emails what differs to the address’s owner: the link again while pending, a plain notice once enrolled', async () => {
    const source = '127.0.0.15';
    const pending = uniqueEmail('waiting');
    const enrolled = uniqueEmail('running');
    await enrollFrom(runtime, source, formFor(pending));
    const enrolledId = await confirmed(runtime, source, enrolled);
    await advance(runtime, 'PT2M');
    const before = (await emailsTo(runtime, enrolled)).length;

    await enrollFrom(runtime, source, { ...formFor(pending), timezone: 'Europe/Paris' });
    const [first, again] = await emailsTo(runtime, pending);
    expect(again?.subject).toBe(first?.subject);
    // The link in the second confirms the enrollment the first one made: nothing new was stored.
    expect(new URL(linkIn(again, '/confirm')).searchParams.get('token')).toBeTruthy();
    expect((await enrollmentOf(runtime, pending))?.timezone).toBe(ZONE);

    await enrollFrom(runtime, source, { ...formFor(enrolled), role: 'repairing' });
    const received = await emailsTo(runtime, enrolled);
    expect(received).toHaveLength(before + 1);
    const notice = received.at(-1);
    expect(notice?.subject).toBe(enrollmentEmail(runtime.deps.catalog, 'alreadyEnrolled').subject);
    expect(
      relationshipWordsIn(`${notice?.subject} ${notice?.html?.match(/<title>([^<]*)/)?.[1] ?? ''}`),
    ).toEqual([]);
    expect(notice?.text).toMatch(/someone just entered this email address/i);
    const settings = await api(runtime, pathOf(linkIn(notice, '/settings')), {
      headers: { accept: 'text/html' },
    });
    expect(settings.status).toBe(200);
    // In the text part the body's link reads "privacy page (<url>)".
    const privacyUrl = notice?.text?.match(/privacy page \((https?:\/\/[^\s)]+)\)/)?.[1] ?? '';
    const privacy = await api(runtime, pathOf(privacyUrl), {
      headers: { accept: 'text/html' },
    });
    expect(privacy.status).toBe(200);
    // Nothing about the running program changed.
    expect(await runtime.deps.store.getEnrollment(enrolledId)).toMatchObject({
      track: 'hurt',
      status: 'active',
    });
  });

  it('sends an address at most 3 of these emails in any 24 hours, one for a double submit, and answers every request the same', async () => {
    const source = '127.0.0.16';
    const email = uniqueEmail('often');
    const answers = [await enrollFrom(runtime, source, formFor(email))];
    answers.push(await enrollFrom(runtime, source, formFor(email))); // a double submit: no second email
    expect(await emailsTo(runtime, email)).toHaveLength(1);
    for (let i = 0; i < 4; i++) {
      await advance(runtime, 'PT2M');
      answers.push(await enrollFrom(runtime, source, formFor(email)));
    }
    expect(await emailsTo(runtime, email)).toHaveLength(3);
    for (const answer of answers) {
      expect(answer.status).toBe(202);
      expect(Object.keys(answer.body).sort()).toEqual(['id', 'status']);
    }
    await advance(runtime, 'PT24H');
    expect((await enrollFrom(runtime, source, formFor(email))).status).toBe(202);
    expect(await emailsTo(runtime, email)).toHaveLength(4);
  });

  it('answers 429 to a source past 10 enrollment requests in an hour, and only to that source', async () => {
    const busy = '127.0.0.17';
    for (let i = 0; i < 10; i++)
      expect((await enrollFrom(runtime, busy, formFor(uniqueEmail('busy')))).status).toBe(202);
    const refused = await enrollFrom(runtime, busy, formFor(uniqueEmail('busy')));
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'too_many_requests' });
    const page = await enrollByFormFrom(runtime, busy, {
      email: uniqueEmail('busy'),
      timezone: ZONE,
      role: 'hurt',
    });
    expect(page.status).toBe(429);
    expect((await enrollFrom(runtime, '127.0.0.18', formFor(uniqueEmail('other')))).status).toBe(202);
    await advance(runtime, 'PT1H');
    expect((await enrollFrom(runtime, busy, formFor(uniqueEmail('busy')))).status).toBe(202);
  });

  describe('a number belongs to whoever texts YES from it', () => {
    const phone = uniquePhone();
    const owner = uniqueEmail('owner');
    let ownerId: string;

    it('lets the real owner of a number others named enroll, confirm and text YES', async () => {
      // A stranger's sign-up with the number, never confirmed, and another one confirmed by its own address.
      expect((await enrollFrom(runtime, '127.0.0.19', formFor(uniqueEmail('stranger'), phone))).status).toBe(
        202,
      );
      const other = uniqueEmail('other-owner');
      await confirmed(runtime, '127.0.0.19', other, phone);
      await advance(runtime, 'PT10M');

      ownerId = await confirmed(runtime, '127.0.0.20', owner, phone);
      const prompts = (await textsWith(runtime, phone)).filter((t) => t.direction === 'outbound');
      expect(prompts.map((t) => t.body)).toEqual([
        systemTexts(runtime.deps).optInPrompt,
        systemTexts(runtime.deps).optInPrompt,
      ]);
      // Two running sign-ups wait for this number: a bare YES must say which one it is for.
      const bare = await api(runtime, '/_local/sms/reply', { json: { from: phone, body: 'YES' } });
      expect(bare.body.reply).toBe(systemTexts(runtime.deps).whichSignUp);
      expect(await runtime.deps.store.findByPhone(phone)).toBeUndefined();
      const yes = await api(runtime, '/_local/sms/reply', { json: { from: phone, body: 'yes owner' } });
      expect(yes.body.reply).toMatch(/you're in/i);
      expect((await runtime.deps.store.findByPhone(phone))?.id).toBe(ownerId);
      expect(await runtime.deps.store.getEnrollment(ownerId)).toMatchObject({ smsStatus: 'active' });
      expect(await enrollmentOf(runtime, other)).toMatchObject({ smsStatus: 'awaiting-yes' });
    });

    it('gives a later enrollment naming that number check-ins by email, with the words a free number gets', async () => {
      const second = uniqueEmail('second');
      const free = uniqueEmail('free');
      const textsBefore = (await textsWith(runtime, phone)).length;
      const answer = await enrollFrom(runtime, '127.0.0.21', formFor(second, phone));
      expect(answer.status).toBe(202);
      expect(Object.keys(answer.body).sort()).toEqual(['id', 'status']);
      expect((await enrollFrom(runtime, '127.0.0.21', formFor(free, uniquePhone()))).status).toBe(202);
      // Whoever typed the number in (a partner, perhaps) learns nothing: the email and the page read
      // word for word as a free number's do.
      const [confirmation] = await emailsTo(runtime, second);
      const [freeConfirmation] = await emailsTo(runtime, free);
      const withoutLinks = (text = '') => text.replace(/https?:\/\/\S+/g, '<link>');
      expect(confirmation?.subject).toBe(freeConfirmation?.subject);
      expect(withoutLinks(confirmation?.text)).toBe(withoutLinks(freeConfirmation?.text));
      expect(confirmation?.text).not.toMatch(/another (one|program)/);
      const pageOf = async (email: string) => {
        const [mail] = await emailsTo(runtime, email);
        const page = await api(runtime, pathOf(linkIn(mail, '/confirm')), {
          method: 'POST',
          headers: { accept: 'text/html' },
        });
        expect(page.status).toBe(200);
        return page.text.replace(/(href|action)="[^"]*"/g, '$1=""');
      };
      expect(await pageOf(second)).toBe(await pageOf(free));
      expect(await textsWith(runtime, phone)).toHaveLength(textsBefore); // nothing texted to the number
      expect(await enrollmentOf(runtime, second)).toMatchObject({
        smsStatus: 'none',
        textsUnavailable: true,
      });
      expect((await runtime.deps.store.findByPhone(phone))?.id).toBe(ownerId);

      // The first weekly check-in (Sunday 19:00): by email for the second, by text only for the owner.
      await advance(runtime, 'P7D');
      const emailed = (await emailsTo(runtime, second)).filter((m) => m.text?.includes('/checkin?'));
      expect(emailed).toHaveLength(1);
      const checkinTexts = (await textsWith(runtime, phone)).filter(
        (t) => t.direction === 'outbound' && /1-5|1 to 5/.test(t.body),
      );
      expect(checkinTexts).toHaveLength(1);
    });
  });

  it('holds back a partner invitation to an address past its limit, and tells the inviter the same as ever', async () => {
    const source = '127.0.0.22';
    const invitee = uniqueEmail('invitee');
    const inviters = [];
    for (const name of ['first-inviter', 'second-inviter']) {
      const email = uniqueEmail(name);
      inviters.push(await confirmed(runtime, source, email));
    }
    // Two sign-ups with the address, a few minutes apart: two confirmations.
    await enrollFrom(runtime, source, formFor(invitee));
    await advance(runtime, 'PT5M');
    await enrollFrom(runtime, source, formFor(invitee));
    expect(await emailsTo(runtime, invitee)).toHaveLength(2);

    const invite = (id: string) =>
      from(
        runtime,
        source,
        `/partner?token=${encodeURIComponent(runtime.deps.tokens.sign('partner', id))}`,
        JSON.stringify({ action: 'invite', email: invitee }),
        { 'content-type': 'application/json', accept: 'application/json' },
      );
    const sent = await invite(inviters[0] as string);
    expect(await emailsTo(runtime, invitee)).toHaveLength(3);
    await advance(runtime, 'PT5M');
    const heldBack = await invite(inviters[1] as string);
    expect(await emailsTo(runtime, invitee)).toHaveLength(3);
    expect(heldBack.status).toBe(sent.status);
    expect(heldBack.body).toEqual(sent.body);
    expect(sent.body).toEqual({ done: 'invite' });
  });
});
