/**
 * Every Lambda handler, run with only what its entry point names: the ports and catalog parts of its
 * exported `wiring`, the very object its `handler` is built with (functions/wiring/, `asWired`). A port
 * it does not name refuses, naming itself, and a catalog part it does not name is missing, as in its
 * Lambda; so a handler that reaches for one fails here instead of only in AWS (the local runtime and the
 * other tests build every port and the whole catalog, which hides such a gap).
 *
 * One program, run through the handlers alone: enroll, confirm, YES by text, dispatch and send ticks to the
 * end of the 90 days, answers by link, text and email, the partner, settings, privacy and report pages,
 * the providers' callbacks, and last the stops (a danger text, a bounce, unsubscribing, erasure). The
 * catalog is the real compiled one; the store, mailer, SMS sender, queue and alerts are the in-memory
 * fakes; Twilio's signatures are checked by the real verifier.
 */
import path from 'node:path';
import type { SNSEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SesReceivedNotification } from '../../functions/adapters/ses/inbound-mail';
import { sesMailer } from '../../functions/adapters/ses/ses-mailer';
import { TwilioWebhookVerifier } from '../../functions/adapters/twilio/webhooks';
import { compiledCatalog } from '../../functions/catalog/compiled';
import { completeCatalog } from '../../functions/catalog/complete';
import * as checkin from '../../functions/handlers/checkin';
import * as confirm from '../../functions/handlers/confirm';
import * as dispatch from '../../functions/handlers/dispatch';
import * as emailInbound from '../../functions/handlers/email-inbound';
import * as enroll from '../../functions/handlers/enroll';
import * as partner from '../../functions/handlers/partner';
import * as privacy from '../../functions/handlers/privacy';
import * as report from '../../functions/handlers/report';
import * as send from '../../functions/handlers/send';
import * as sesEvents from '../../functions/handlers/ses-events';
import * as settings from '../../functions/handlers/settings';
import * as smsInbound from '../../functions/handlers/sms-inbound';
import * as smsStatus from '../../functions/handlers/sms-status';
import * as unsubscribe from '../../functions/handlers/unsubscribe';
import type { OutgoingEmail } from '../../functions/ports/mailer';
import type { SendJob } from '../../functions/ports/queue';
import { ProviderUnavailableError } from '../../functions/shared/errors';
import type { HttpEvent, HttpResult } from '../../functions/shared/http';
import type { Deps } from '../../functions/use-cases/deps';
import type { EmailReplyOutcome } from '../../functions/use-cases/replies/reply-by-email';
import type { DispatchResult } from '../../functions/use-cases/sending/dispatch';
import { asWired, type LambdaWiring } from '../../functions/wiring';
import { sesMailerOnFirstEmail } from '../../functions/wiring/ses-at-first-email';
import { snsAlerts } from '../../functions/wiring/sns-alerts';
import { sqsQueue } from '../../functions/wiring/sqs-queue';
import { twilioSms } from '../../functions/wiring/twilio-sms';
import { twilioWebhooks } from '../../functions/wiring/twilio-webhooks';
import { PROGRAM_LAMBDAS } from '../../infra/kintsugi-stack';
import { lambdaHandlers } from '../../infra/lambda-bundling';
import { type FakeWorld, fakeWorld } from '../support/fake-deps';

const ROOT = path.resolve(__dirname, '../..');
const PUBLIC_URL = 'https://kintsugi.test';
const TWILIO_TOKEN = 'twilio-auth-token-for-the-wiring-test';
const ZONE = 'America/New_York';

interface HandlerModule<Event, Result> {
  wiring: LambdaWiring;
  handle: (deps: Deps, event: Event) => Promise<Result>;
}

/** Each Lambda entry point (infra/lambda-bundling.ts lists them from functions/handlers/), by file name. */
const HANDLERS = {
  checkin,
  confirm,
  dispatch,
  'email-inbound': emailInbound,
  enroll,
  partner,
  privacy,
  report,
  send,
  'ses-events': sesEvents,
  settings,
  'sms-inbound': smsInbound,
  'sms-status': smsStatus,
  unsubscribe,
} as const;

type Name = keyof typeof HANDLERS;

let w: FakeWorld;
/** The jobs dispatch queued, not yet given to send. */
const queued: SendJob[] = [];
/** The backoffs (seconds) the send function asked the queue for. */
const backoffs: number[] = [];
const ran = new Set<Name>();
/** The page confirming Bea's place, with the link to her partner page. */
let beaConfirmed = '';
let requests = 0;

/** Runs a handler as its Lambda would: over the fakes, with only the ports and catalog parts it names. */
function run<Event, Result>(name: Name, event: Event): Promise<Result> {
  const module = HANDLERS[name] as unknown as HandlerModule<Event, Result>;
  ran.add(name);
  return module.handle(asWired(w.deps, module.wiring), event);
}

/** An API Gateway (payload 2.0) request to the public URL. */
function request(
  method: 'GET' | 'POST',
  url: string,
  options: { json?: unknown; form?: Record<string, string>; headers?: Record<string, string> } = {},
): HttpEvent {
  const { pathname, search, searchParams } = new URL(url, PUBLIC_URL);
  // A browser's request, unless JSON is asked for.
  const headers: Record<string, string> = { accept: 'text/html', ...options.headers };
  let body: string | undefined;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] = 'application/json';
  }
  if (options.form) {
    body = new URLSearchParams(options.form).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  return {
    version: '2.0',
    routeKey: `${method} ${pathname}`,
    rawPath: pathname,
    rawQueryString: search.slice(1),
    headers,
    ...(search ? { queryStringParameters: Object.fromEntries(searchParams) } : {}),
    requestContext: {
      requestId: `req-${++requests}`,
      http: { method, path: pathname, sourceIp: '203.0.113.7', userAgent: 'handler-wiring-test' },
    },
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: false,
  } as unknown as HttpEvent;
}

const http = (name: Name, ...args: Parameters<typeof request>) =>
  run<HttpEvent, HttpResult>(name, request(...args));

const JSON_ACCEPT = { accept: 'application/json' };

/** Twilio's webhook to `path`, signed as Twilio signs it (for the public URL). */
function twilioWebhook(path: '/sms/inbound' | '/sms/status', params: Record<string, string>): HttpEvent {
  const signature = getExpectedTwilioSignature(TWILIO_TOKEN, `${PUBLIC_URL}${path}`, params);
  return request('POST', path, { form: params, headers: { 'x-twilio-signature': signature } });
}

/** A text from `from`, through the inbound webhook: the TwiML answer. */
async function textFrom(from: string, body: string): Promise<HttpResult> {
  const sid = `SM${String(++requests).padStart(32, '0')}`;
  return run('sms-inbound', twilioWebhook('/sms/inbound', { From: from, Body: body, MessageSid: sid }));
}

/** An email reply, as an SES receipt rule publishes it to SNS. */
function emailReply(from: string, text: string): SNSEvent {
  const messageId = `inbound-${++requests}`;
  const pass = { status: 'PASS' } as const;
  const notification: SesReceivedNotification = {
    notificationType: 'Received',
    mail: { messageId, source: from, timestamp: w.clock.now().toISOString() },
    receipt: {
      spamVerdict: pass,
      virusVerdict: pass,
      spfVerdict: pass,
      dkimVerdict: pass,
      dmarcVerdict: pass,
    },
    content: [
      `From: ${from}`,
      `To: ${w.deps.config.emailFrom}`,
      'Subject: Re: Your weekly check-in',
      `Message-ID: <${messageId}@mail.example>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      text,
    ].join('\r\n'),
  };
  return {
    Records: [{ Sns: { MessageId: `sns-${messageId}`, Message: JSON.stringify(notification) } }],
  } as unknown as SNSEvent;
}

/** The send queue's delivery of these jobs to the send function. */
const sqsEvent = (jobs: SendJob[]): SQSEvent =>
  ({
    Records: jobs.map((job) => ({
      messageId: `sqs-${++requests}`,
      receiptHandle: `receipt-${requests}`,
      body: JSON.stringify(job),
      attributes: { ApproximateReceiveCount: '1' },
      messageAttributes: {},
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:kintsugi-send',
      awsRegion: 'us-east-1',
    })),
  }) as unknown as SQSEvent;

/** Moves the clock an hour at a time to `iso`, with a dispatch tick each hour and the send of what it queued. */
async function runProgramTo(iso: string): Promise<{ queued: number }> {
  let total = 0;
  while (w.clock.now() < new Date(iso)) {
    w.clock.current = new Date(Math.min(w.clock.now().getTime() + 3_600_000, Date.parse(iso)));
    await run<unknown, DispatchResult>('dispatch', {});
    while (queued.length) {
      const jobs = queued.splice(0);
      total += jobs.length;
      const sent = await run<SQSEvent, SQSBatchResponse>('send', sqsEvent(jobs));
      expect(sent.batchItemFailures).toEqual([]);
    }
  }
  return { queued: total };
}

const emailsTo = (to: string) => w.emails.filter((e) => e.to === to);
const textsTo = (to: string) => w.texts.filter((t) => t.to === to);

/** The path and query of the first link to `path` in an email's text. */
function linkIn(email: OutgoingEmail | undefined, path: string): string {
  const found = email?.text.match(new RegExp(`${PUBLIC_URL}(${path}\\?[^\\s<>"')\\]]+)`));
  if (!found?.[1]) throw new Error(`no ${path} link in "${email?.subject}"`);
  return found[1];
}

/** Ana gets texts; Bea and Cy emails only; Dee names Ana's number; Sam is the partner Bea invites. */
const ana = { email: 'ana@example.com', phone: '+12025550143' };
const bea = { email: 'bea@example.com' };
const cy = { email: 'cy@example.com' };
const dee = { email: 'dee@example.com' };
const sam = { email: 'sam@example.com' };

/** The enrollment form posted as JSON. */
const enrollmentOf = (email: string, extra: Record<string, unknown> = {}) =>
  request('POST', '/enrollments', {
    json: { email, timezone: ZONE, role: 'hurt', checkinDay: 'sunday', checkinTime: '19:00', ...extra },
    headers: JSON_ACCEPT,
  });

/** The last email to `to` whose text has a link to `path`. */
const lastWithLink = (to: string, path: string) =>
  emailsTo(to)
    .filter((e) => e.text.includes(`${PUBLIC_URL}${path}?`))
    .at(-1);

describe('every handler, with only the ports and catalog parts its entry point names', () => {
  beforeAll(() => {
    w = fakeWorld('2026-03-02T15:00:00.000Z'); // a Monday, 10:00 in New York
    w.deps.config = { ...w.deps.config, publicUrl: PUBLIC_URL };
    w.deps.webhooks = new TwilioWebhookVerifier(TWILIO_TOKEN);
    w.deps.queue = {
      async enqueue(jobs) {
        queued.push(...jobs);
      },
      async retryAfter(_receipt, delaySeconds) {
        backoffs.push(delaySeconds);
      },
    };
  });

  it('names a wiring for every Lambda entry point, and this test runs each one', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual(lambdaHandlers(ROOT));
    for (const module of Object.values(HANDLERS)) expect(module.wiring).toBeTypeOf('object');
  });

  it('is granted in the stack exactly what its wiring declares: SES, the Twilio secret, the queue, the alerts topic', () => {
    for (const lambda of PROGRAM_LAMBDAS) {
      const ports = (HANDLERS[lambda.file as Name] as { wiring: LambdaWiring }).wiring.ports ?? [];
      const declares = (...wanted: unknown[]) => ports.some((port) => wanted.includes(port));
      expect(
        {
          email: lambda.email === true,
          twilio: lambda.twilio === true,
          enqueue: lambda.enqueue === true,
          alerts: lambda.alerts === true,
        },
        lambda.id,
      ).toEqual({
        email: declares(sesMailer, sesMailerOnFirstEmail),
        twilio: declares(twilioSms, twilioWebhooks),
        // Send uses the queue only to delay a message it received (ChangeMessageVisibility, which consuming
        // the queue grants), never to put one on it: its port loads the SQS client at that first back-off.
        enqueue: declares(sqsQueue),
        alerts: declares(snsAlerts),
      });
    }
  });

  it('enroll: shows the form, enrolls (202) and emails the confirmation link', async () => {
    const form = await http('enroll', 'GET', '/');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<form');
    for (const [who, extra] of [
      [ana.email, { phone: ana.phone, smsConsent: true }],
      [bea.email, {}],
      [cy.email, {}],
    ] as const) {
      const enrolled = await run<HttpEvent, HttpResult>('enroll', enrollmentOf(who, extra));
      expect(enrolled.statusCode).toBe(202);
      expect(linkIn(emailsTo(who)[0], '/confirm')).toMatch(/^\/confirm\?token=/);
    }
  });

  it('confirm: shows the button, then activates and texts the opt-in prompt', async () => {
    const link = linkIn(emailsTo(ana.email)[0], '/confirm');
    const button = await http('confirm', 'GET', link);
    expect(button.statusCode).toBe(200);
    expect(button.body).toContain('<form method="post"');
    const confirmed = await http('confirm', 'POST', link, { headers: JSON_ACCEPT });
    expect(confirmed.statusCode).toBe(200);
    expect(JSON.parse(String(confirmed.body))).toMatchObject({ status: 'active', day0: '2026-03-03' });
    expect(textsTo(ana.phone).at(-1)?.body).toMatch(/YES/);
    const page = await http('confirm', 'POST', linkIn(emailsTo(bea.email).at(-1), '/confirm'));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('You are in');
    beaConfirmed = String(page.body);
    await http('confirm', 'POST', linkIn(emailsTo(cy.email)[0], '/confirm'));
    expect((await w.store.findByEmail(cy.email))?.status).toBe('active');
  });

  it('enroll: an address already in the program is told so, and a fresh link is sent on request', async () => {
    w.clock.current = new Date(w.clock.now().getTime() + 5 * 60_000);
    const before = emailsTo(bea.email).length;
    expect((await run<HttpEvent, HttpResult>('enroll', enrollmentOf(bea.email))).statusCode).toBe(202);
    expect(emailsTo(bea.email).length).toBe(before + 1);
    const answered = await http('enroll', 'POST', '/fresh-link', {
      json: { email: bea.email },
      headers: JSON_ACCEPT,
    });
    expect(answered.statusCode).toBe(202);
    expect(emailsTo(bea.email).length).toBe(before + 2);
  });

  it('sms-inbound: YES turns texts on, answered in TwiML', async () => {
    const answer = await textFrom(ana.phone, 'YES');
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('<Message>');
    expect((await w.store.findByEmail(ana.email))?.smsStatus).toBe('active');
  });

  it('enroll and confirm: a number already getting texts gets the page any number gets, and is not texted', async () => {
    const enrolled = await run<HttpEvent, HttpResult>(
      'enroll',
      enrollmentOf(dee.email, { phone: ana.phone, smsConsent: true }),
    );
    expect(enrolled.statusCode).toBe(202);
    const confirmed = await http('confirm', 'POST', linkIn(emailsTo(dee.email)[0], '/confirm'));
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('If your mobile number can get our texts');
    expect(confirmed.body).not.toContain('another program');
    expect((await w.store.findByEmail(dee.email))?.smsStatus).toBe('none');
  });

  it('dispatch and send: a job the provider refused goes back to the queue with a backoff, and goes when it comes back', async () => {
    w.clock.current = new Date('2026-03-03T13:05:00.000Z'); // day 0, 08:05 in New York
    await run<unknown, DispatchResult>('dispatch', {});
    const delivery = sqsEvent(queued.splice(0));
    expect(delivery.Records.length).toBeGreaterThan(0);
    const mailer = w.deps.mailer;
    w.deps.mailer = { send: () => Promise.reject(new ProviderUnavailableError('SES is throttling')) };
    const refused = await run<SQSEvent, SQSBatchResponse>('send', delivery).finally(() => {
      w.deps.mailer = mailer;
    });
    const failed = new Set(refused.batchItemFailures.map((f) => f.itemIdentifier));
    expect(failed.size).toBeGreaterThan(0);
    expect(backoffs).toHaveLength(failed.size);
    const again = { Records: delivery.Records.filter((r) => failed.has(r.messageId)) };
    expect((await run<SQSEvent, SQSBatchResponse>('send', again)).batchItemFailures).toEqual([]);
  });

  it('dispatch and send: the first week goes out, lessons by email, the check-ins by text and by email', async () => {
    const { queued: jobs } = await runProgramTo('2026-03-09T00:30:00.000Z'); // Sunday 20:30 in New York
    expect(jobs).toBeGreaterThan(0);
    expect(emailsTo(ana.email).length).toBeGreaterThan(2);
    expect(textsTo(ana.phone).some((t) => /1-5|1 to 5/.test(t.body))).toBe(true);
    expect(emailsTo(bea.email).some((e) => e.text.includes('/checkin?'))).toBe(true);
    // Send's catalog carries no step bodies: each lesson's is read from its own file, in the person's language.
    expect(send.wiring.catalog?.map((part) => part.name)).not.toContain('withStepBodies');
    const lessons = completeCatalog.steps.filter((step) => step.kind === 'lesson' && step.bodyText);
    const withBodies = emailsTo(ana.email).filter((email) =>
      lessons.some((lesson) => email.text.startsWith(String(lesson.bodyText).slice(0, 60))),
    );
    expect(withBodies.length).toBeGreaterThan(0);
  });

  it('sms-inbound: a rating answers the check-in', async () => {
    const answer = await textFrom(ana.phone, '4');
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toMatch(/<Message>[^<]*4/);
  });

  it('sms-inbound and sms-status: a request with no signature header at all is refused (403), and nothing is recorded', async () => {
    const id = String((await w.store.findByEmail(ana.email))?.id);
    const before = (await w.store.listReplies(id)).length;
    for (const path of ['/sms/inbound', '/sms/status'] as const) {
      const unsigned = request('POST', path, {
        form: { From: ana.phone, Body: '2', MessageSid: `SM${'9'.repeat(32)}`, MessageStatus: 'delivered' },
      });
      const answered = await run<HttpEvent, HttpResult>(
        path === '/sms/inbound' ? 'sms-inbound' : 'sms-status',
        unsigned,
      );
      expect(answered.statusCode).toBe(403);
    }
    expect((await w.store.listReplies(id)).length).toBe(before);
  });

  it('sms-status: a signed delivery report moves the text to delivered', async () => {
    const checkinText = textsTo(ana.phone)
      .filter((t) => /1-5|1 to 5/.test(t.body))
      .at(-1);
    const answered = await run<HttpEvent, HttpResult>(
      'sms-status',
      twilioWebhook('/sms/status', { MessageSid: String(checkinText?.sid), MessageStatus: 'delivered' }),
    );
    expect(answered.statusCode).toBe(200);
    expect((await w.store.findMessageByProviderId(String(checkinText?.sid)))?.status).toBe('delivered');
  });

  it('checkin: the emailed answer link shows the answer, and the button records it with a note', async () => {
    const link = linkIn(lastWithLink(bea.email, '/checkin'), '/checkin').replace(/score=\d/, 'score=3');
    const shown = await http('checkin', 'GET', link);
    expect(shown.statusCode).toBe(200);
    const recorded = await http('checkin', 'POST', link, { form: { note: 'A calmer week.' } });
    expect(recorded.statusCode).toBe(200);
    expect((await w.store.listReplies(String((await w.store.findByEmail(bea.email))?.id))).length).toBe(1);
  });

  it('checkin: a note showing danger is answered on the page, and the operators are alerted', async () => {
    const alerts = w.alerts.length;
    const link = linkIn(lastWithLink(cy.email, '/checkin'), '/checkin');
    const recorded = await http('checkin', 'POST', link, { form: { note: 'he hit me' } });
    expect(recorded.statusCode).toBe(200);
    expect(w.alerts.length).toBe(alerts + 1);
  });

  it('email-inbound: a reply to the next check-in email is recorded', async () => {
    await runProgramTo('2026-03-16T00:30:00.000Z');
    const [outcome] = await run<SNSEvent, EmailReplyOutcome[]>('email-inbound', emailReply(bea.email, '4'));
    expect(outcome).toMatchObject({ outcome: 'recorded', score: 4 });
  });

  it('partner: shows the page, sends one invitation, whose own link stops them', async () => {
    const partnerPath = beaConfirmed.match(/href="(\/partner\?token=[^"]+)"/)?.[1];
    expect(partnerPath).toBeDefined();
    const shown = await http('partner', 'GET', String(partnerPath));
    expect(shown.statusCode).toBe(200);
    const invited = await http('partner', 'POST', String(partnerPath), {
      json: { action: 'invite', email: sam.email },
      headers: JSON_ACCEPT,
    });
    expect(invited.statusCode).toBe(200);
    const [invitation] = emailsTo(sam.email);
    const invite = new URL(linkIn(invitation, '/'), PUBLIC_URL).searchParams.get('invite');
    expect(invite).toBeTruthy();
    const stop = linkIn(invitation, '/invitations/stop');
    expect((await http('partner', 'GET', stop)).statusCode).toBe(200);
    // Sam takes the invitation up: enrolled and confirmed, the two programs are linked.
    const enrolled = await run<HttpEvent, HttpResult>('enroll', enrollmentOf(sam.email, { invite }));
    expect(enrolled.statusCode).toBe(202);
    await http('confirm', 'POST', linkIn(emailsTo(sam.email).at(-1), '/confirm'));
    expect((await w.store.findByEmail(bea.email))?.partner).toBeDefined();
    // Bea is told by the confirm function itself, with what its own wiring gives it.
    expect(emailsTo(bea.email).at(-1)?.subject).toBe(compiledCatalog.messages.email.partnerLinked.subject);
    const unlinked = await http('partner', 'POST', String(partnerPath), {
      json: { action: 'unlink' },
      headers: JSON_ACCEPT,
    });
    expect(unlinked.statusCode).toBe(200);
    expect(emailsTo(sam.email).at(-1)?.subject).toBe(compiledCatalog.messages.email.partnerUnlinked.subject);
    expect((await http('partner', 'POST', stop)).statusCode).toBe(200);
  });

  it('settings: shows the schedule and changes it', async () => {
    const link = linkIn(emailsTo(bea.email).at(-1), '/settings');
    expect((await http('settings', 'GET', link)).statusCode).toBe(200);
    const changed = await http('settings', 'POST', link, {
      json: { timezone: ZONE, checkinDay: 'sunday', checkinTime: '20:00' },
      headers: JSON_ACCEPT,
    });
    expect(changed.statusCode).toBe(200);
    expect(JSON.parse(String(changed.body))).toMatchObject({ checkinTime: '20:00' });
  });

  it('dispatch, send and report: the program runs to its end, the report is emailed and its page opens', async () => {
    await runProgramTo('2026-06-05T15:00:00.000Z');
    const reportEmail = lastWithLink(bea.email, '/report');
    const page = await http('report', 'GET', linkIn(reportEmail, '/report'));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1');
  });

  it('email-inbound: a reply showing danger is answered with crisis lines by email, and the operators are alerted', async () => {
    const [emails, alerts] = [emailsTo(cy.email).length, w.alerts.length];
    const [outcome] = await run<SNSEvent, EmailReplyOutcome[]>(
      'email-inbound',
      emailReply(cy.email, 'he hit me'),
    );
    expect(outcome).toMatchObject({ outcome: 'safety' });
    expect(emailsTo(cy.email).length).toBe(emails + 1);
    expect(w.alerts.length).toBe(alerts + 1);
  });

  it('privacy: shows the choices and exports the data', async () => {
    const link = linkIn(emailsTo(bea.email).at(-1), '/privacy');
    expect((await http('privacy', 'GET', link)).statusCode).toBe(200);
    const exported = await http('privacy', 'POST', link, { form: { action: 'export' } });
    expect(exported.statusCode).toBe(200);
    expect(JSON.parse(String(exported.body))).toHaveProperty('enrollment');
  });

  it('sms-inbound: a text showing danger is answered with crisis lines, and the operators are alerted', async () => {
    const alerts = w.alerts.length;
    const answer = await textFrom(ana.phone, 'he hit me');
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('<Message>');
    expect(w.alerts.length).toBe(alerts + 1);
  });

  it('sms-inbound: after STOP, a text showing danger gets the crisis lines by email (texts cannot reach them)', async () => {
    expect((await textFrom(ana.phone, 'STOP')).statusCode).toBe(200);
    const emails = emailsTo(ana.email).length;
    expect((await textFrom(ana.phone, 'he hurt me again')).statusCode).toBe(200);
    expect(emailsTo(ana.email).length).toBe(emails + 1);
  });

  it('ses-events: a permanent bounce stops email to that address', async () => {
    await run('ses-events', {
      id: 'ses-event-1',
      detail: {
        eventType: 'Bounce',
        mail: { messageId: 'ses-1', destination: [ana.email] },
        bounce: {
          bounceType: 'Permanent',
          bounceSubType: 'General',
          bouncedRecipients: [{ emailAddress: ana.email }],
        },
      },
    });
    expect((await w.store.findByEmail(ana.email))?.emailStatus).toBe('bounced');
  });

  it('unsubscribe: shows the button and stops email', async () => {
    const link = linkIn(emailsTo(bea.email).at(-1), '/unsubscribe');
    expect((await http('unsubscribe', 'GET', link)).statusCode).toBe(200);
    const stopped = await http('unsubscribe', 'POST', link, { headers: JSON_ACCEPT });
    expect(stopped.statusCode).toBe(200);
    expect((await w.store.findByEmail(bea.email))?.emailStatus).toBe('unsubscribed');
    // Opened again later, the link says emails are stopped and offers them back, not a second stop.
    const again = await http('unsubscribe', 'GET', link);
    expect(again.body).toContain('Start my emails again');
    expect(again.body).not.toContain('Press the button to stop');
  });

  it('privacy: deletes everything, only with its box ticked', async () => {
    const link = linkIn(emailsTo(bea.email).at(-1), '/privacy');
    const unticked = await http('privacy', 'POST', link, { form: { action: 'delete' } });
    expect(unticked.statusCode).toBe(400);
    expect(unticked.body).toContain('Nothing was deleted');
    expect(await w.store.findByEmail(bea.email)).toBeDefined();
    const deleted = await http('privacy', 'POST', link, { form: { action: 'delete', confirm: 'yes' } });
    expect(deleted.statusCode).toBe(200);
    expect(await w.store.findByEmail(bea.email)).toBeUndefined();
  });

  it('ran every handler', () => {
    expect([...ran].sort()).toEqual(Object.keys(HANDLERS).sort());
  });
});
