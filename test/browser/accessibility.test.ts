/**
 * axe-core (WCAG 2.0, 2.1 and 2.2, A and AA) over every page of the program and every email, at 375
 * and 1280 px, in headless Chromium; 0 violations expected. Each page and email at each width leaves a
 * screenshot in artifacts/accessibility/ (pages/ and emails/), named by page and width.
 *
 * Pages are found by route, not listed by hand: participants go through the program on the local
 * runtime (the real handlers, DynamoDB Local, the SES emulator), then a crawler opens every GET route
 * bare and with a forged token (its error pages), every link in the participants' emails (the newest and
 * the oldest of each kind, often expired) and every link on the pages it reaches, and sends every form it
 * finds, filled in as a person would and once left empty; the pages whose forms a script sends are sent
 * again without script. Each distinct page (route and visible headings) is checked once. There is one
 * test per route of functions/handlers/routes.ts and per GET route of local/routes/: a route that
 * shows a browser a page fails when only its error pages were reached, so a new page is covered as soon
 * as an email or a page links to it (or a form leads to it).
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { HTTP_ROUTES } from '../../functions/handlers/routes';
import type { OutgoingEmail } from '../../functions/ports/mailer';
import { type EnrollmentEmail, enrollmentEmail } from '../../functions/program/enrollment-emails';
import { inLanguage } from '../../functions/program/in-language';
import { type Catalog, type Language, TRACKS, type Track } from '../../functions/program/types';
import { confirmationEmail } from '../../functions/use-cases/enrollment/enroll';
import { composeInvitationEmail } from '../../functions/use-cases/partners/invitations';
import {
  composeReplyNotedEmail,
  composeReportEmail,
  composeSafetyEmail,
  composeSystemEmail,
} from '../../functions/use-cases/services/compose';
import { composeStepEmail } from '../../functions/use-cases/services/compose-step-email';
import { link } from '../../functions/use-cases/services/links';
import { samplePerson, sampleReport } from '../../local/preview-page';
import { LOCAL_ROUTES } from '../../local/routes';
import type { Runtime } from '../../local/runtime';
import { compileCatalog } from '../../scripts/build';
import { fakeWorld } from '../support/fake-deps';
import { enrollParticipant, type Participant } from '../support/participant';
import {
  api,
  emailsTo,
  type LocalEmail,
  startTestRuntime,
  uniqueEmail,
  uniquePhone,
} from '../support/runtime';
import { type Audit, auditWidths, describeViolations, fileSlug, runAxe } from './axe';
import { ARTIFACTS, chromiumForTests } from './chromium';

const SHOTS = path.join(ARTIFACTS, 'accessibility');
const PAGE_SHOTS = path.join(SHOTS, 'pages');
const EMAIL_SHOTS = path.join(SHOTS, 'emails');
const NOW = '2026-03-02T15:00:00.000Z';

/** The program's own routes, and the local runtime's GET routes (its pages among them). */
const LOCAL_GET_ROUTES = LOCAL_ROUTES.filter((r) => r.method === 'GET').map((r) => `${r.method} ${r.path}`);
const ROUTES = [...HTTP_ROUTES.map((r) => `${r.method} ${r.path}`), ...LOCAL_GET_ROUTES];

const chromium = chromiumForTests();

beforeAll(() => {
  // Last run's screenshots go (the folders stay: another run may be writing into them).
  for (const dir of [PAGE_SHOTS, EMAIL_SHOTS]) {
    mkdirSync(dir, { recursive: true });
    for (const file of readdirSync(dir))
      if (file.endsWith('.png')) rmSync(path.join(dir, file), { force: true });
  }
});

const failures = (name: string, audits: readonly Audit[]) =>
  audits
    .filter((a) => a.violations.length > 0)
    .map((a) => describeViolations(`${name} at ${a.width} px`, a.violations));

// ---------------------------------------------------------------------------------------------------
// Pages

/** One page as the crawl met it: its route, its headings, and what axe found at each width. */
interface PageState {
  route: string;
  name: string;
  url: string;
  /** The HTTP status it came with (a form's result page, or a link's). */
  status: number;
  /** Whether the page runs a script (its forms are then sent again without script). */
  scripted: boolean;
  audits: Audit[];
}

/** A form on a page the crawl reached, to be sent once filled in and (when it has fields) once empty. */
interface FormToSend {
  pageUrl: string;
  pageKey: string;
  /** The form whose answer this page is (a page that only a form's answer shows is reached again by sending it). */
  via?: FormToSend;
  formIndex: number;
  submitter: number;
  empty: boolean;
  deletes: boolean;
}

/**
 * What a page is, read in the page (the type-check has no DOM library): its visible headings, and
 * whether a field is marked invalid, and whether its URL names a fragment (the phone's open thread).
 * Addresses and numbers are masked, so a page that names the one just typed (or "3 of 5") is still
 * the same page.
 */
const IDENTITY = `(() => {
  const shown = (e) => e.getClientRects().length > 0;
  const heads = [...document.querySelectorAll('h1, h2')].filter(shown).slice(0, 4)
    .map((e) => e.textContent.trim().replace(/\\s+/g, ' ')).join(' / ');
  return ((heads || document.title) + (document.querySelector('[aria-invalid="true"]') ? ' (with errors)' : ''))
    .replace(/[^\\s@]+@[^\\s@]+\\.[a-z]+/gi, '(address)').replace(/\\+?\\d[\\d\\s().-]{5,}\\d/g, '(number)')
    .replace(/\\d+/g, 'N') + (location.hash.length > 1 ? ' (fragment)' : '');
})()`;

// A form's own attributes: \`form.action\` is its field named "action" when it has one.
const FORMS = `[...document.forms].map((form) => ({
  action: new URL(form.getAttribute('action') || location.href, document.baseURI).href,
  method: (form.getAttribute('method') || 'get').toUpperCase(),
  // Addresses and numbers masked as in IDENTITY: a form that carries back the one just typed (the enrollment
  // form's "send again" and "fix a typo") is the same form, or each fresh address would be a new one to send.
  hidden: [...form.querySelectorAll('input[type=hidden]')]
    .map((i) => i.name + '=' + (i.value.length > 40 ? '(token)' : i.value)).join('&')
    .replace(/[^\\s@&=]+@[^\\s@&]+\\.[a-z]+/gi, '(address)').replace(/\\+?\\d[\\d\\s().-]{5,}\\d/g, '(number)'),
  fields: [...form.elements].filter((e) => e.type !== 'hidden' && e.tagName !== 'BUTTON' && e.getClientRects().length > 0).length,
  submitters: [...form.querySelectorAll('button:not([type=button]):not([type=reset]), input[type=submit]')]
    .map((b) => (b.textContent || b.value || '').trim().replace(/\\s+/g, ' ')),
}))`;

const SUBMITTERS = 'button:not([type=button]):not([type=reset]), input[type=submit]';

/** Beyond this many distinct pages the crawl is taken to be lost (a page that differs on every visit). */
const MAX_PAGES = 150;

/**
 * Clicks, then waits for what the click started: a new document ('page'), a download, a request the
 * page's script sent ('request'), or nothing (a script that only redrew the page).
 */
async function clickAndSettle(page: Page, click: () => Promise<void>, script: boolean): Promise<string> {
  const navigated = Promise.race([
    page.waitForEvent('domcontentloaded', { timeout: 15_000 }).then(() => 'page'),
    page.waitForEvent('download', { timeout: 15_000 }).then(() => 'download'),
  ]).catch(() => 'nothing');
  const requested = page
    .waitForEvent('request', {
      predicate: (r: Request) => r.resourceType() === 'document' || r.method() !== 'GET',
      timeout: 3_000,
    })
    .catch(() => undefined);
  await click();
  const request = await requested;
  let outcome = 'nothing';
  if (request?.resourceType() === 'document') {
    outcome = await navigated;
    if (outcome === 'page') await page.waitForLoadState('load');
  } else if (request) {
    await request.response();
    outcome = 'request';
  }
  if (script) await nextFrame(page);
  return outcome;
}

/**
 * What a link opens: its path and query, each signed token read as its purpose, enrollment and
 * reference. A page signs its links afresh on each showing (a new expiry each second): the same link.
 */
function linkKey(u: URL): string {
  const params = [...u.searchParams.entries()].map(([name, value]) => {
    const payload = /^[\w-]+\.[\w-]+$/.test(value) ? value.split('.')[0] : undefined;
    try {
      const claims = payload && JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (claims && typeof claims === 'object')
        return `${name}=${claims.purpose}/${claims.sub}/${claims.ref ?? ''}`;
    } catch {}
    return `${name}=${value}`;
  });
  return `${u.pathname}?${params.sort().join('&')}${u.hash}`;
}

/** Lets the page's own script draw what it was answered (a page without script has no timers to wait for). */
const nextFrame = (page: Page) =>
  page.evaluate('new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)))');

/** Opens every link and sends every form it meets, checking each distinct page once. */
class Crawler {
  readonly states: PageState[] = [];
  /** The routes of the forms sent, as `POST /path`: each must have a checked result page. */
  readonly formTargets = new Set<string>();
  /** GET routes that answered a browser with something other than HTML. */
  readonly notPages = new Set<string>();
  readonly addresses = new Set<string>();
  private readonly seen = new Set<string>();
  private readonly slugs = new Set<string>();
  /** Every link queued, by what it opens (see linkKey). */
  private readonly known = new Set<string>();
  /** The links that opened a page of the program (no error, not a local page): opened again each round. */
  private readonly live = new Set<string>();
  private readonly queue: string[] = [];
  private readonly forms: FormToSend[] = [];
  private readonly formKeys = new Set<string>();
  private readonly mailSeen = new Set<string>();

  /** Requests the page has sent and not yet had answered. */
  private pending = 0;

  constructor(
    private readonly runtime: Runtime,
    private readonly page: Page,
    private readonly options: { script: boolean; follow: boolean },
  ) {
    page.on('request', () => this.pending++);
    page.on('requestfinished', () => this.pending--);
    page.on('requestfailed', () => this.pending--);
    // A step that cannot be done fails the crawl with what it waited for, rather than hanging it.
    page.setDefaultTimeout(15_000);
  }

  /** A page that draws from the network (the local phone) has drawn once its first answers came. */
  private async drawn(): Promise<void> {
    for (let waited = 0; this.pending > 0 && waited < 5_000; waited += 20)
      await new Promise((done) => setTimeout(done, 20));
    if (this.options.script) await nextFrame(this.page);
  }

  private ours(url: string): URL | undefined {
    const u = new URL(url, this.runtime.url);
    return u.origin === new URL(this.runtime.url).origin ? u : undefined;
  }

  enqueue(url: string): void {
    const u = this.ours(url);
    if (!u) return;
    if (u.hash === '#') u.hash = '';
    const key = linkKey(u);
    if (this.known.has(key)) return;
    this.known.add(key);
    this.queue.push(u.toString());
  }

  /**
   * The links of every email not read yet to the addresses the crawl knows: per address and link
   * pattern (path and query names), the newest link and the oldest (which has often expired).
   */
  private async readMail(): Promise<void> {
    const mailbox = (await api(this.runtime, '/_local/email')).body as LocalEmail[];
    const fresh = mailbox.filter((e) => !this.mailSeen.has(e.messageId));
    for (const e of fresh) this.mailSeen.add(e.messageId);
    const links = (emails: LocalEmail[]) => {
      const first = new Map<string, string>();
      for (const e of emails)
        for (const href of e.text?.match(/https?:\/\/[^\s>)\]]+/g) ?? []) {
          const u = this.ours(href);
          const pattern = u && `${u.pathname}?${[...u.searchParams.keys()].sort().join('&')}`;
          if (pattern && !first.has(pattern)) first.set(pattern, href);
        }
      return [...first.values()];
    };
    for (const address of this.addresses) {
      const byTime = fresh.filter((e) => e.to.includes(address)).sort((a, b) => a.at.localeCompare(b.at));
      for (const href of [...links([...byTime].reverse()), ...links(byTime)]) this.enqueue(href);
    }
  }

  private async pageKey(route: string): Promise<string> {
    return `${route} | ${String(await this.page.evaluate(IDENTITY))}`;
  }

  /**
   * Checks the page as it is, unless a page of the same route and headings was checked already; takes
   * its links and forms either way (another participant's page of the same kind links to their own).
   */
  private async check(route: string, status: number, via?: FormToSend): Promise<void> {
    const key = await this.pageKey(route);
    const url = this.page.url();
    if (!this.seen.has(key)) {
      this.seen.add(key);
      if (this.seen.size > MAX_PAGES)
        throw new Error(`The crawl met more than ${MAX_PAGES} distinct pages; the last: ${key}`);
      const name = `${key.replace(' | ', ' ')}${this.options.script ? '' : ' (no script)'}`;
      let slug = fileSlug(name);
      for (let n = 2; this.slugs.has(slug); n++) slug = `${fileSlug(name)}-${n}`;
      this.slugs.add(slug);
      const scripted = Boolean(await this.page.evaluate('document.scripts.length > 0'));
      const audits = await auditWidths(this.page, slug, PAGE_SHOTS);
      this.states.push({ route, name, url, status, scripted, audits });
      await this.page.setViewportSize({ width: 1280, height: 900 });
    }
    if (this.options.follow)
      // Links, and links shown to be copied (a share link in a read-only field).
      for (const href of (await this.page.evaluate(
        '[...document.querySelectorAll("a[href]")].map((a) => a.href).concat([...document.querySelectorAll("input")].map((i) => i.value).filter((v) => /^https?:/.test(v)))',
      )) as string[]) {
        // A page's links to itself that only change how it shows (the preview's tracks) or where it
        // scrolls (#main) show it again.
        const u = this.ours(href);
        const here = new URL(url);
        if (u?.pathname === here.pathname && u.search && !u.searchParams.has('token')) continue;
        if (u?.pathname === here.pathname && u.search === here.search && u.hash) continue;
        this.enqueue(href);
      }
    // The local pages' forms (the phone's) are tools, not the program's: their pages are seeded.
    if (!route.includes(' /_local'))
      this.collectForms(url, key, (await this.page.evaluate(FORMS)) as FormFound[], via);
  }

  private collectForms(pageUrl: string, pageKey: string, found: FormFound[], via?: FormToSend): void {
    found.forEach((form, formIndex) => {
      const target = this.ours(form.action);
      if (!target) return;
      form.submitters.forEach((label, submitter) => {
        for (const empty of form.fields > 0 ? [false, true] : [false]) {
          // The same form on many pages (a fresh-link form on every error page) is sent once.
          const key = `${form.method} ${target.pathname} ${form.hidden} | ${label}${empty ? ' | empty' : ''}`;
          if (this.formKeys.has(key)) continue;
          this.formKeys.add(key);
          const deletes = /delete/i.test(`${label} ${form.hidden}`);
          this.forms.push({
            pageUrl,
            pageKey,
            formIndex,
            submitter,
            empty,
            deletes,
            ...(via ? { via } : {}),
          });
        }
      });
    });
  }

  private routeOf(url: string, method = 'GET'): string {
    return `${method} ${new URL(url).pathname}`;
  }

  /** Opens a page and checks it; what is not HTML (a JSON route) is only noted. */
  private async open(url: string): Promise<void> {
    await this.page.setViewportSize({ width: 1280, height: 900 });
    // The local preview is every email at once (111 frames): on a busy machine it takes longer than 15 s.
    const response = await this.page.goto(url, { waitUntil: 'load', timeout: 90_000 });
    const route = this.routeOf(url);
    if (!(response?.headers()['content-type'] ?? '').includes('text/html')) {
      this.notPages.add(route);
      return;
    }
    await this.drawn();
    const status = response?.status() ?? 0;
    if (status < 400 && !route.includes(' /_local')) this.live.add(url);
    await this.check(route, status);
  }

  /** Fills every empty field as a person would: an address, a number, a few words, the first choice. */
  private async fill(formIndex: number): Promise<void> {
    const form = this.page.locator('form').nth(formIndex);
    for (const field of await form.locator('input:visible').all()) {
      const type = (await field.getAttribute('type')) ?? 'text';
      const empty = (await field.inputValue()) === '';
      if (type === 'checkbox') await field.check();
      else if (type === 'radio') {
        const group = form.locator(`input[type=radio][name="${await field.getAttribute('name')}"]:checked`);
        if ((await group.count()) === 0) await field.check();
      } else if (empty && type === 'email') {
        const address = uniqueEmail('a11y');
        this.addresses.add(address);
        await field.fill(address);
      } else if (empty && type === 'tel') await field.fill(uniquePhone());
      else if (empty && type === 'number') await field.fill('3');
      // A search box only filters a list: typing in it would hide the choices the form needs.
      else if (empty && type === 'text') await field.fill('A calmer week, mostly.');
    }
    for (const field of await form.locator('textarea:visible').all())
      if ((await field.inputValue()) === '') await field.fill('A calmer week, mostly.');
    for (const field of await form.locator('select:visible').all())
      if ((await field.inputValue()) === '') await field.selectOption({ index: 1 });
  }

  /** Opens the form's page afresh (sending again the form that showed it, if one did) and sends the form. */
  private async send(form: FormToSend): Promise<void> {
    if (!(await this.reach(form))) return;
    const { route, status, outcome } = await this.submit(form);
    // A form that downloads a file (the report's PDF, the data export) answers with no page.
    if (outcome === 'download') this.notPages.add(route);
    else await this.check(route, status, form);
  }

  /** Brings the page back as it was when the form was found; false (having checked it) when it has changed. */
  private async reach(form: FormToSend): Promise<boolean> {
    await this.page.setViewportSize({ width: 1280, height: 900 });
    if (form.via) {
      if (!(await this.reach(form.via))) return false;
      await this.submit(form.via);
    } else {
      await this.page.goto(form.pageUrl, { waitUntil: 'load' });
      await this.drawn();
    }
    const route = form.pageKey.split(' | ')[0] as string;
    if ((await this.pageKey(route)) === form.pageKey) return true;
    // The page changed since (a program confirmed, a link ended): it is checked as it is now.
    await this.check(route, 200, form.via);
    return false;
  }

  /** Fills the form (unless it is to go empty) and sends it; says what came back and under which route. */
  private async submit(form: FormToSend): Promise<{ route: string; status: number; outcome: string }> {
    const formLocator = this.page.locator('form').nth(form.formIndex);
    const method = ((await formLocator.getAttribute('method')) ?? 'get').toUpperCase();
    const action = new URL((await formLocator.getAttribute('action')) || this.page.url(), this.page.url())
      .href;
    if (!form.empty) await this.fill(form.formIndex);
    let status = 200;
    const onResponse = (r: { request(): Request; status(): number }) => {
      if (r.request().isNavigationRequest()) status = r.status();
    };
    const here = form.pageKey.split(' | ')[0] as string;
    this.page.on('response', onResponse);
    const outcome = await clickAndSettle(
      this.page,
      () => formLocator.locator(SUBMITTERS).nth(form.submitter).click(),
      this.options.script,
    );
    this.page.off('response', onResponse);
    const target = this.routeOf(action, method);
    if (outcome === 'page') this.formTargets.add(target);
    // A new document is the form's route's page; a page redrawn by its script is still its own route's.
    const route =
      outcome === 'download' || (outcome === 'page' && method === 'POST')
        ? target
        : outcome === 'page'
          ? this.routeOf(this.page.url())
          : here;
    return { route, status, outcome };
  }

  /** Opens every queued link, reads new mail, sends every form but those that delete. */
  private async drain(deleting: boolean): Promise<void> {
    let mailMayHaveCome = true;
    for (;;) {
      if (this.options.follow && mailMayHaveCome) await this.readMail();
      mailMayHaveCome = false;
      const url = this.queue.shift();
      if (url) {
        await this.open(url);
        continue;
      }
      const index = this.forms.findIndex((f) => deleting || !f.deletes);
      if (index < 0) return;
      const [form] = this.forms.splice(index, 1);
      if (form) await this.send(form);
      mailMayHaveCome = true;
    }
  }

  /**
   * Crawls until a round finds nothing new: every page is opened again after each round, as a page may
   * have changed (a program confirmed, a link ended). Forms that delete a program go last, as after
   * them the program's links only say that it is gone; those pages are checked too.
   */
  async run(): Promise<void> {
    for (let round = 0; round < 5; round++) {
      const before = this.seen.size;
      await this.drain(false);
      for (const url of this.live) await this.open(url);
      if (this.seen.size === before && this.queue.length === 0 && !this.forms.some((f) => !f.deletes)) break;
    }
    await this.drain(true);
    for (const url of this.live) await this.open(url);
    await this.drain(true);
  }
}

/**
 * Every page comes to this tab without its scripts, as a browser with script turned off shows it
 * (no page of ours has <noscript> content). Chromium's own switch would stop axe too, which needs timers.
 */
async function withoutScripts(page: Page): Promise<void> {
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    if (!(response.headers()['content-type'] ?? '').includes('text/html')) return route.fulfill({ response });
    const body = (await response.text()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
    return route.fulfill({ response, body });
  });
}

interface FormFound {
  action: string;
  method: string;
  hidden: string;
  fields: number;
  submitters: string[];
}

/** Everything the crawl checked, by route. */
const pageStates = new Map<string, PageState[]>();
const formTargets = new Set<string>();
const notPages = new Set<string>();
let crawlError: unknown;

/** The program's pages, reached as participants reach them. */
async function crawlThePages(): Promise<void> {
  const runtime = await startTestRuntime({ startAt: new Date('2026-04-06T14:00:00Z') });
  try {
    // Ana texts: she answers every weekly check-in by text and gets her report. Ben, with no phone,
    // enrolls in her last weeks: his check-ins come by email, with one-click answers, and the latest is
    // still open. He invited Cleo, who enrolled: their programs are linked. Then Ana writes words that
    // get her crisis lines and an operator alert.
    const ana = await enrollParticipant(runtime, { timezone: 'America/Chicago' });
    const week = async (n: number) => {
      await runtime.advanceTo(new Date(runtime.clock.now().getTime() + 7 * 86_400_000));
      await runtime.replyBySms(ana.phone as string, String(2 + (n % 4)));
    };
    for (let n = 1; n <= 12; n++) await week(n);
    const ben = await enrollParticipant(runtime, { timezone: 'America/New_York', phone: false });
    // Eva reads the program in Spanish, by email: every page her links open is in Spanish.
    const eva = await enrollParticipant(runtime, {
      timezone: 'America/Los_Angeles',
      phone: false,
      language: 'es',
    });
    const cleo = await linkPartner(runtime, ben);
    await week(13);
    await runtime.advanceTo(new Date(runtime.clock.now().getTime() + 2 * 86_400_000));
    await runtime.replyBySms(ana.phone as string, 'I am scared, help me');
    // Dee has just signed up: her confirmation link is fresh, and her program waits for it.
    const dee = uniqueEmail('dee');
    const signup = await api(runtime, '/enrollments', {
      json: {
        email: dee,
        timezone: 'Europe/London',
        role: 'repairing',
        checkinDay: 'monday',
        checkinTime: '08:00',
      },
    });
    expect(signup.status).toBe(202);

    const crawl = async (script: boolean, seeds: string[], addresses: string[]) => {
      const page = await chromium().context.newPage();
      if (!script) await withoutScripts(page);
      const crawler = new Crawler(runtime, page, { script, follow: script });
      for (const address of addresses) crawler.addresses.add(address);
      for (const seed of seeds) crawler.enqueue(seed);
      await crawler.run();
      for (const state of crawler.states)
        pageStates.set(state.route, [...(pageStates.get(state.route) ?? []), state]);
      for (const target of crawler.formTargets) formTargets.add(target);
      for (const route of crawler.notPages) notPages.add(route);
      await page.close();
    };

    // Every GET route bare and with a forged token (its error pages), the local phone on Ana's thread,
    // and every link in the participants' emails.
    const getPaths = [...new Set(ROUTES.filter((r) => r.startsWith('GET ')).map((r) => r.slice(4)))];
    const forged = getPaths.filter((p) => !p.startsWith('/_local')).map((p) => `${p}?token=forged.token`);
    const phone = `/_local/phone#${encodeURIComponent(ana.phone as string)}`;
    await crawl(
      true,
      [...getPaths, '/?lang=es', ...forged, phone],
      [ana.email, ben.email, cleo.email, dee, eva.email],
    );
    // Without script: the pages whose forms a script sends, as a browser without script sends them.
    const scripted = [...pageStates.values()]
      .flat()
      .filter((s) => s.scripted && !s.route.includes('/_local'))
      .map((s) => s.url);
    await crawl(false, [...new Set(scripted)], []);
  } finally {
    await runtime.stop();
  }
}

/** Ben invites a partner from his partner page; she enrolls from the invitation and confirms. */
async function linkPartner(runtime: Runtime, inviter: Participant): Promise<Participant> {
  const footer = (await emailsTo(runtime, inviter.email))[0]?.text ?? '';
  const privacy = footer.match(/https?:\/\/\S+\/privacy\?token=\S+/)?.[0];
  if (!privacy) throw new Error('No privacy link in the confirmation email');
  const privacyPage = await api(runtime, new URL(privacy).pathname + new URL(privacy).search, {
    headers: { accept: 'text/html' },
  });
  const partnerPath = privacyPage.text.match(/href="(\/partner\?token=[^"]+)"/)?.[1]?.replace(/&amp;/g, '&');
  if (!partnerPath) throw new Error('No partner link on the privacy page');
  const email = uniqueEmail('cleo');
  const invited = await api(runtime, partnerPath, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: `action=invite&email=${encodeURIComponent(email)}`,
  });
  expect(invited.status).toBe(200);
  const invitation = (await emailsTo(runtime, email))[0]?.text ?? '';
  const invite = new URL(
    invitation.match(/https?:\/\/\S+\/\?invite=\S+/)?.[0] ?? 'http://x/',
  ).searchParams.get('invite');
  const enrolled = await api(runtime, '/enrollments', {
    json: {
      email,
      timezone: 'America/New_York',
      role: 'hurt',
      invite,
      checkinDay: 'sunday',
      checkinTime: '19:00',
    },
  });
  expect(enrolled.status).toBe(202);
  const confirm = (await emailsTo(runtime, email))
    .map((e) => e.text?.match(/https?:\/\/\S+\/confirm\?token=\S+/)?.[0])
    .find(Boolean);
  if (!confirm) throw new Error('No confirmation link for the invited partner');
  const confirmed = await api(runtime, new URL(confirm).pathname + new URL(confirm).search, {
    method: 'POST',
    headers: { accept: 'application/json' },
  });
  expect(confirmed.status).toBe(200);
  return { id: enrolled.body.id, email };
}

describe('every page, at 375 and 1280 px (screenshots in artifacts/accessibility/pages)', () => {
  beforeAll(async () => {
    try {
      chromium();
      await crawlThePages();
    } catch (error) {
      crawlError = error;
    }
  }, 900_000);

  it.each(ROUTES)('%s: every page it shows passes axe', (route) => {
    if (crawlError) throw crawlError;
    const states = pageStates.get(route) ?? [];
    const [method] = route.split(' ');
    if (states.length === 0) {
      // A route with no page checked must be one that shows a browser no page at all.
      if (method === 'GET') expect(notPages.has(route), `${route} was never opened`).toBe(true);
      else
        expect(formTargets.has(route), `a form posts to ${route}, yet its page was not checked`).toBe(false);
      return;
    }
    // A route that answers with a file (the report's PDF) shows only its error pages as pages.
    if (method === 'GET' && !notPages.has(route))
      expect(
        states.some((s) => s.status < 400),
        `only error pages of ${route} were reached: link its page from an email or a page, or seed it here`,
      ).toBe(true);
    const found = states.flatMap((s) => failures(`${s.name} (${s.url})`, s.audits));
    expect(found, `axe violations:\n${found.join('\n')}`).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Emails

/**
 * Every email of the catalog, composed by the functions the send path and the preview use: each
 * program step sent by email (check-ins too, for people without texts), each system email, the report,
 * and the crisis email in each language.
 */
function everyEmail(catalog: Catalog, language: Language = 'en'): [name: string, email: OutgoingEmail][] {
  const deps = { ...fakeWorld(NOW).deps, catalog };
  const person = (track: Track) => ({ ...samplePerson(track, new Date(NOW)), language });
  const own = inLanguage(catalog, language);
  const steps = catalog.steps
    .filter((s) => s.channel !== 'sms')
    .flatMap((s) => (s.track === 'both' ? TRACKS : [s.track]).map((track) => [s, track] as const))
    .map(([s, track]): [string, OutgoingEmail] => [
      `${language} step ${track} ${s.id}`,
      composeStepEmail(deps, person(track), s, s.day ?? (s.weeks?.[0] ?? 1) * 7),
    ]);
  const who = person('hurt');
  const action = link(deps, '/confirm', 'confirm', who.id);
  const enrollmentOnly: EnrollmentEmail[] = ['alreadyEnrolled', 'freshLink'];
  const keys = new Set([...Object.keys(catalog.messages.email), ...enrollmentOnly]);
  const system = [...keys].map((key): [string, OutgoingEmail] => {
    const name = `${language} system ${key}`;
    if (key === 'report')
      return [name, composeReportEmail(deps, who, sampleReport(catalog.steps, who, NOW), action)];
    // The invitation goes to someone with no program: a layout and a footer of its own.
    if (key === 'partnerInvite') return [name, composeInvitationEmail(deps, who, 'cleo@example.org', action)];
    // The confirmation names the zone's city beside the check-in time, as enrolling sends it.
    if (key === 'confirm') return [name, confirmationEmail(deps, who)];
    const email =
      own.messages.email[key as keyof Catalog['messages']['email']] ??
      enrollmentEmail(own, key as EnrollmentEmail);
    if (!email) throw new Error(`no system email ${key}`);
    return [name, composeSystemEmail(deps, who, email, action)];
  });
  const safety = Object.keys(catalog.messages.safety.email).map((written): [string, OutgoingEmail] => [
    `${language} crisis ${written}`,
    composeSafetyEmail(deps, who.email, who, true, {
      language: written as 'en',
      lines: { region: 'us', emergency: '911', located: true },
    }),
  ]);
  // The answer to a typed email reply, with the longest of the texts it may carry.
  const replyNoted: [string, OutgoingEmail] = [
    `${language} reply noted`,
    composeReplyNotedEmail(deps, who, own.messages.sms.noteKeptCheckinOpen),
  ];
  return [...steps, ...system, ...safety, replyNoted];
}

describe('every email, at 375 and 1280 px (screenshots in artifacts/accessibility/emails)', () => {
  let emails: [string, OutgoingEmail][] = [];
  let page: Page | undefined;

  beforeAll(async () => {
    const catalog = await compileCatalog();
    emails = [...everyEmail(catalog, 'en'), ...everyEmail(catalog, 'es')];
    page = await chromium().context.newPage();
  });

  const groups: [string, (name: string) => boolean][] = [
    ['the program steps of the hurt track', (n) => n.startsWith('en step hurt ')],
    ['the program steps of the repairing track', (n) => n.startsWith('en step repairing ')],
    [
      'the system emails (confirmation, report, partner) and the crisis emails',
      (n) => n.startsWith('en ') && !n.startsWith('en step '),
    ],
    ['in Spanish, the program steps of the hurt track', (n) => n.startsWith('es step hurt ')],
    ['in Spanish, the program steps of the repairing track', (n) => n.startsWith('es step repairing ')],
    [
      'in Spanish, the system emails and the crisis emails',
      (n) => n.startsWith('es ') && !n.startsWith('es step '),
    ],
  ];

  it.each(groups)(
    '%s pass axe',
    async (_group, inGroup) => {
      chromium();
      const tab = page as Page;
      const mine = emails.filter(([name]) => inGroup(name));
      expect(mine.length).toBeGreaterThan(2);
      const found: string[] = [];
      for (const [name, email] of mine) {
        await tab.setContent(email.html, { waitUntil: 'load' });
        found.push(...failures(`${name} ("${email.subject}")`, await auditWidths(tab, name, EMAIL_SHOTS)));
      }
      expect(found, `axe violations:\n${found.join('\n')}`).toEqual([]);
    },
    300_000,
  );

  it('the check notices a violation: a button with no name, grey text on grey', async () => {
    chromium();
    const tab = page as Page;
    await tab.setContent(
      '<!doctype html><html lang="en"><title>t</title><body><main><button></button><p style="color:#aaa;background:#bbb">faint</p></main></body></html>',
    );
    const ids = (await runAxe(tab)).map((v) => v.id).sort();
    expect(ids).toEqual(['button-name', 'color-contrast']);
    expect(fileSlug('GET /report: Your 90-day checkpoint')).toBe('get-report-your-90-day-checkpoint');
  });
});
