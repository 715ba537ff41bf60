/**
 * The whole program for many participants at once, through the local runtime: enrollment and
 * confirmation over HTTP, every dispatch tick on the simulated clock, the send queue, rendering, the SES
 * emulator, the local Twilio server, and replies (signed SMS webhooks, one-click email check-ins).
 * Used by `npx kintsugi simulate` and `npm run bench`.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SegmentedMessage } from 'sms-segments-calculator';
import { type OutcomesView, weekOfDay } from '../functions/program/outcomes';
import { type Track, WEEKDAYS } from '../functions/program/types';
import { mapConcurrently } from '../functions/shared/concurrency';
import { programOutcomes } from '../functions/use-cases/operator/outcomes';
import { dispatch } from '../functions/use-cases/sending/dispatch';
import { type DynamoDbUsage, meterDynamoDb } from './dynamodb-meter';
import { startDynamoDbLocal } from './emulators/dynamodb';
import { clearEmails, listEmails, startSesEmulator } from './emulators/ses';
import { listenWhileStarting } from './http-server';
import { type Runtime, startRuntime, uniqueTableName } from './runtime';
import { mulberry32 } from './seeded-random';

const DAY_MS = 86_400_000;
const ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'];
const CHECKIN_TIMES = ['19:00', '20:00', '18:30'];
/** Participants enrolled, confirmed, or answering at once (the HTTP requests in flight). */
const PEOPLE_AT_ONCE = 16;
/**
 * Batches of ten send jobs handed to the send handler at once (the send function's maxConcurrency in AWS):
 * forty sends in flight keep DynamoDB Local busy without queueing requests past the provider timeout.
 */
const SEND_BATCHES_AT_ONCE = 4;
/** A text that asks for an answer, as the content words them ("Reply 1-5", "Reply Y or N"). */
const RATING_PROMPT = /Reply 1-5/;
const YES_NO_PROMPT = /Reply Y or N/;
const CHECKIN_LINK = /\/checkin\?token=[^\s&]+&score=(\d)/g;
const REPORT_LINK = /\/report\?token=[^\s&]+/;
/** A weekly check-in's text, as the content words it (the checkpoint questions are worded otherwise). */
const WEEKLY_TEXT = /^Kintsugi check-in:/;
/** What the confirmation of a text's answers names: "week 3 check-in" among the answers recorded. */
const RECORDED = /^Kintsugi noted (.*?)\.(\s|$)/;
const SHORT_CONFIRMATION = /^\d of 5 noted\./;

export interface SimulationOptions {
  participants: number;
  /** Program days to run (default 90: the day-90 report included). */
  days?: number;
  /** The simulated instant everyone enrolls at (default a Monday, 2026-03-02 15:00Z). */
  startAt?: Date;
  /** Share of participants who give a mobile number and answer by text (default 0.8); the rest use email. */
  textingShare?: number;
  /** Share of check-ins answered (default 0.85). */
  answerShare?: number;
  /** Share of people who open their day-90 report from its email (default 0.6). */
  reportOpenShare?: number;
  /** `false`: everyone chooses check-ins only on the form, no mid-week nudges (default true, as the form). */
  nudges?: boolean;
  /** Seeds the choice of who answers what, so two runs do the same. */
  seed?: number;
  /** Emulators already running (the benchmark's); otherwise they are started and stopped here. */
  emulators?: { dynamodbEndpoint: string; sesEndpoint: string };
  /** Called as each simulated day is done. */
  onProgress?: (progress: SimulationProgress) => void;
  /**
   * Keep the simulated program running when done, its table and all, listening on this port (0: a free
   * one), until `stop()` of the summary's `served`: `npx kintsugi outcomes` and the local pages then read
   * what the simulation wrote. Refused before anything starts when the port is taken.
   */
  keepServingOn?: number;
}

export interface SimulationProgress {
  day: number;
  days: number;
  emails: number;
  texts: number;
}

export interface SimulationSummary {
  participants: number;
  days: number;
  /** Every message sent: emails the SES emulator received, texts the Twilio server sent (TwiML answers included). */
  messages: { email: number; sms: number; total: number };
  /** Texts by kind: sent through the Messages API, TwiML answers to a text, and texts received. */
  texts: { sent: number; answers: number; received: number };
  /** Twilio bills per segment, both ways. */
  smsSegments: { outbound: number; inbound: number };
  replies: { sms: number; email: number };
  /** Day-90 report emails. */
  reports: number;
  /**
   * What the simulation itself did, counted as it went (not read from the program): who enrolled,
   * confirmed and said YES, and per program week the weekly check-ins it got and answered, by channel.
   */
  own: SimulationCounts;
  /** The program's outcomes of the simulated cohort, as `kintsugi outcomes` shows them. */
  outcomes: OutcomesView;
  /** Dispatch ticks run (one per distinct due instant). */
  dispatches: number;
  /** Send jobs that failed five times (the dead-letter queue in AWS); 0 when all went well. */
  deadLetters: number;
  dynamodb: DynamoDbUsage;
  /**
   * What counting the outcomes cost in the program's days (enrollment's own milestones not included):
   * the requests that wrote an outcome mark or counter, and their write units, as DynamoDB Local reported.
   */
  outcomeWrites: { requests: number; writeUnits: number };
  /** Wall-clock seconds of the program's 90 days (enrollment excluded), and of the whole run. */
  programSeconds: number;
  seconds: number;
  /** Messages sent per second of the program's run. */
  messagesPerSecond: number;
  /** With `keepServingOn`: where the simulated program still runs, and how to stop it (and its emulators). */
  served?: { url: string; stop(): Promise<void> };
}

export interface SimulationCounts {
  enrolled: number;
  confirmed: number;
  textsOn: number;
  /** People who opened their day-90 report from its email (a share of them: `reportOpenShare`). */
  reportsOpened: number;
  /** Index 0 is week 1. */
  weeks: { week: number; texted: number; emailed: number; answeredByText: number; answeredByClick: number }[];
}

export interface Person {
  id: string;
  email: string;
  phone?: string;
}

/** Runs the program for `participants` people over `days` days and counts what happened. */
export async function simulate(options: SimulationOptions): Promise<SimulationSummary> {
  const started = performance.now();
  const days = options.days ?? 90;
  const startAt = options.startAt ?? new Date('2026-03-02T15:00:00Z');
  const random = mulberry32(options.seed ?? 1);
  // What is started is stopped in reverse order, whether the run ends, fails, or (kept serving) is stopped.
  const stops: (() => Promise<void>)[] = [];
  const tearDown = async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  };
  let runtime: Runtime;
  let dynamodb: DynamoDBClient;
  let endpoints: { dynamodbEndpoint: string; sesEndpoint: string };
  let meter: ReturnType<typeof meterDynamoDb>;
  // The port first: a taken one is refused before any emulator starts.
  const server =
    options.keepServingOn === undefined ? undefined : await listenWhileStarting(options.keepServingOn);
  try {
    // runtime.stop closes it once taken over; a second close only reports that it is not running.
    if (server) stops.push(() => new Promise<void>((resolve) => server.server.close(() => resolve())));
    const own = options.emulators ? undefined : await Promise.all([startDynamoDbLocal(), startSesEmulator()]);
    endpoints = options.emulators ?? {
      dynamodbEndpoint: own?.[0].endpoint as string,
      sesEndpoint: own?.[1].endpoint as string,
    };
    const sesEndpoint = endpoints.sesEndpoint;
    stops.push(async () => {
      if (own) await Promise.all(own.map((emulator) => emulator.stop()));
      else await clearEmails(sesEndpoint);
    });
    const client = new DynamoDBClient({
      region: 'us-east-1',
      endpoint: endpoints.dynamodbEndpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    dynamodb = client;
    stops.push(async () => client.destroy());
    meter = meterDynamoDb(dynamodb);
    await clearEmails(endpoints.sesEndpoint);
    runtime = await startRuntime({
      ...(server ? { server } : { port: 0 }),
      ...endpoints,
      tableName: uniqueTableName('simulation'),
      startAt,
      tickMs: 0,
      // Delivery callbacks are the webhook-latency benchmark's; here they would double the texts' traffic.
      twilioStatusCallbacks: false,
      dynamoDbClient: dynamodb,
      sendConcurrency: SEND_BATCHES_AT_ONCE,
      // On a busy machine an emulator may answer slowly; that is not the unknown outcome the timeout is for.
      // Everyone enrolls from this machine at once: the limit per source would refuse all but the first few.
      env: { PROVIDER_TIMEOUT_MS: '60000', SOURCE_LIMIT_PER_HOUR: '0' },
    });
    stops.push(() => runtime.stop());
  } catch (error) {
    await tearDown();
    throw error;
  }
  const counts = { emails: 0, reports: 0, smsReplies: 0, emailReplies: 0, dispatches: 0 };
  const simulated: SimulationCounts = {
    enrolled: 0,
    confirmed: 0,
    textsOn: 0,
    reportsOpened: 0,
    weeks: Array.from({ length: 13 }, (_, i) => ({
      week: i + 1,
      texted: 0,
      emailed: 0,
      answeredByText: 0,
      answeredByClick: 0,
    })),
  };
  try {
    const { emails, people } = await enrollAndConfirm(
      runtime,
      endpoints.sesEndpoint,
      newcomers(options, random),
    );
    counts.emails += emails;
    simulated.enrolled = people.length;
    simulated.confirmed = people.length;
    simulated.textsOn = people.filter((p) => p.phone).length;
    const tally = await weekTally(runtime, people, simulated);
    meter.reset();
    const programStarted = performance.now();
    const answerShare = options.answerShare ?? 0.85;
    const answers = () => random() < answerShare;
    // Its own sequence, so who answers what stays as it was for a given seed.
    const opening = mulberry32((options.seed ?? 1) + 7919);
    const reportOpenShare = options.reportOpenShare ?? 0.6;
    const opensReport = () => opening() < reportOpenShare;
    // Two days more: a report waits up to 48 hours for the last checkpoint question (day 92, 09:00).
    const end = new Date(startAt.getTime() + (days + 4) * DAY_MS).toISOString();
    let day = 0;
    let dayEnds = startAt.getTime() + DAY_MS;
    let textsSeen = runtime.twilio.created().length;
    let previous: string | undefined;
    const endDay = async () => {
      const mail = await answerEmails(runtime, endpoints.sesEndpoint, answers, random, tally, opensReport);
      simulated.reportsOpened += mail.reportsOpened;
      counts.emails += mail.emails;
      counts.reports += mail.reports;
      counts.emailReplies += mail.replies;
      day++;
      dayEnds += DAY_MS;
      if (day <= days)
        options.onProgress?.({ day, days, emails: counts.emails, texts: runtime.twilio.created().length });
    };
    for (;;) {
      const next = await runtime.deps.store.earliestDue();
      if (!next || next > end) break;
      while (Date.parse(next) >= dayEnds) await endDay();
      // Something still due at the instant just dispatched waits for the next tick, five minutes on.
      const at = next === previous ? new Date(runtime.clock.now().getTime() + 300_000) : new Date(next);
      previous = next;
      runtime.clock.moveTo(at);
      await dispatch(runtime.deps);
      counts.dispatches++;
      const texts = runtime.twilio.created();
      counts.smsReplies += await answerTexts(runtime, texts.slice(textsSeen), answers, random, tally);
      textsSeen = texts.length;
    }
    while (day < days) await endDay();
    const mail = await answerEmails(runtime, endpoints.sesEndpoint, answers, random, tally, opensReport);
    simulated.reportsOpened += mail.reportsOpened;
    counts.emails += mail.emails;
    counts.reports += mail.reports;
    const usage = meter.usage();
    const outcomes = await programOutcomes(runtime.deps);
    const programSeconds = (performance.now() - programStarted) / 1000;
    const thread = runtime.twilio.messages();
    // Counted once per distinct text: most texts are the same few prompts and answers.
    const segmentsOf = new Map<string, number>();
    const count = (body: string) => {
      const known = segmentsOf.get(body);
      if (known !== undefined) return known;
      const n = new SegmentedMessage(body).segmentsCount;
      segmentsOf.set(body, n);
      return n;
    };
    const segments = (direction: 'outbound' | 'inbound') =>
      thread.filter((m) => m.direction === direction).reduce((sum, m) => sum + count(m.body), 0);
    const sms = thread.filter((m) => m.direction === 'outbound').length;
    const sent = runtime.twilio.created().length;
    return {
      participants: options.participants,
      days,
      messages: { email: counts.emails, sms, total: counts.emails + sms },
      texts: { sent, answers: sms - sent, received: thread.length - sms },
      smsSegments: { outbound: segments('outbound'), inbound: segments('inbound') },
      replies: { sms: counts.smsReplies, email: counts.emailReplies },
      reports: counts.reports,
      own: simulated,
      outcomes,
      dispatches: counts.dispatches,
      deadLetters: runtime.queue.deadLetters.length,
      dynamodb: usage,
      outcomeWrites: outcomeWritesOf(usage),
      programSeconds,
      seconds: (performance.now() - started) / 1000,
      messagesPerSecond: (counts.emails + sms) / programSeconds,
      ...(server ? { served: { url: runtime.url, stop: tearDown } } : {}),
    };
  } catch (error) {
    await tearDown();
    throw error;
  } finally {
    if (!server) await tearDown();
  }
}

/** The requests whose items include an outcome mark (`OUTCOME`) or counter (`OUTCOMES`), and their write units. */
function outcomeWritesOf(usage: DynamoDbUsage): { requests: number; writeUnits: number } {
  const counting = (label: string) => /^(TransactWriteItems|PutItem|UpdateItem) .*OUTCOME/.test(label);
  const sum = (record: Record<string, number>) =>
    Object.entries(record).reduce((n, [label, v]) => (counting(label) ? n + v : n), 0);
  return { requests: sum(usage.byItem), writeUnits: sum(usage.writeUnitsByItem) };
}

/** Who participant `index` is: four US time zones, both tracks, every check-in day, three check-in times. */
export function participantPlan(index: number) {
  return {
    email: `participant-${index}@example.com`,
    timezone: ZONES[index % ZONES.length] as string,
    track: (index % 2 ? 'hurt' : 'repairing') as Track,
    checkinDay: WEEKDAYS[index % WEEKDAYS.length] as (typeof WEEKDAYS)[number],
    checkinTime: CHECKIN_TIMES[index % CHECKIN_TIMES.length] as string,
  };
}

/** Everyone enrolls through the form's API; a share of them give a mobile number. */
function newcomers(options: SimulationOptions, random: () => number): Newcomer[] {
  const textingShare = options.textingShare ?? 0.8;
  return Array.from({ length: options.participants }, (_, i) => {
    const { email, timezone, track, checkinDay, checkinTime } = participantPlan(i);
    const phone = random() < textingShare ? `+1415${String(2_000_000 + i).padStart(7, '0')}` : undefined;
    return {
      email,
      timezone,
      role: track,
      checkinDay,
      checkinTime,
      ...(phone ? { phone } : {}),
      ...(options.nudges === false ? { nudges: false } : {}),
    };
  });
}

/** Someone about to enroll, as the enrollment form's API takes them (a phone means consent to texts). */
export interface Newcomer {
  email: string;
  timezone: string;
  role: Track;
  checkinDay?: string;
  checkinTime?: string;
  phone?: string;
  /** `false`: check-ins only, no mid-week nudges. */
  nudges?: boolean;
}

/**
 * Newcomers enroll through the form's API, press the link in their confirmation email, and those with a
 * phone answer YES to the opt-in text: participants as the program sees them once they have begun.
 * Returns them and the confirmation emails sent (the mailbox is emptied).
 */
export async function enrollAndConfirm(
  runtime: Runtime,
  sesEndpoint: string,
  people: Newcomer[],
): Promise<{ people: Person[]; emails: number }> {
  const enrolled = await mapConcurrently(people, PEOPLE_AT_ONCE, async ({ phone, ...rest }) => {
    const answer = await post(runtime, '/enrollments', {
      ...rest,
      ...(phone ? { phone, smsConsent: true } : {}),
    });
    return { id: (answer as { id: string }).id, email: rest.email, ...(phone ? { phone } : {}) };
  });
  const emails = await confirmEveryone(runtime, sesEndpoint, enrolled);
  return { people: enrolled, emails };
}

/** Everyone presses the link in their confirmation email; those with a phone reply YES to the opt-in text. */
async function confirmEveryone(runtime: Runtime, sesEndpoint: string, people: Person[]): Promise<number> {
  const emails = await listEmails(sesEndpoint);
  await clearEmails(sesEndpoint);
  const links = new Map<string, string>();
  for (const email of emails) {
    const link = email.text?.match(/https?:\/\/[^\s>]+\/confirm\?[^\s>]+/)?.[0];
    for (const to of email.to) if (link) links.set(to, new URL(link).search);
  }
  await mapConcurrently(people, PEOPLE_AT_ONCE, async (person) => {
    const search = links.get(person.email);
    if (!search) throw new Error(`No confirmation email reached ${person.email}`);
    await post(runtime, `/confirm${search}`);
    if (person.phone) await runtime.replyBySms(person.phone, 'YES');
  });
  return emails.length;
}

/** Participants answer the check-in texts they just got, as a number (1–5) or Y. */
async function answerTexts(
  runtime: Runtime,
  texts: { to: string; body: string }[],
  answers: () => boolean,
  random: () => number,
  tally?: WeekTally,
): Promise<number> {
  for (const text of texts) if (WEEKLY_TEXT.test(text.body)) tally?.texted(text.to);
  const asked = texts.filter((t) => (RATING_PROMPT.test(t.body) || YES_NO_PROMPT.test(t.body)) && answers());
  await mapConcurrently(asked, PEOPLE_AT_ONCE, async (text) => {
    const answer = RATING_PROMPT.test(text.body) ? String(1 + Math.floor(random() * 5)) : 'Y';
    const { status, reply } = await runtime.replyBySms(text.to, answer);
    if (status !== 200) throw new Error(`The SMS webhook answered ${status}`);
    tally?.answeredByText(text.to, WEEKLY_TEXT.test(text.body), reply ?? '');
  });
  return asked.length;
}

/**
 * The day's mail: counted, the reports among it noted, and check-in emails answered with one click.
 * The mailbox is emptied after, as a participant's inbox would be read, so it never grows with the run.
 */
async function answerEmails(
  runtime: Runtime,
  sesEndpoint: string,
  answers: () => boolean,
  random: () => number,
  tally?: WeekTally,
  opensReport: () => boolean = () => false,
): Promise<{ emails: number; reports: number; replies: number; reportsOpened: number }> {
  const emails = await listEmails(sesEndpoint);
  await clearEmails(sesEndpoint);
  // A share of people open their report from its email, as they would: the page, as a browser asks for it.
  const reportLinks = emails.flatMap((email) => {
    const link = REPORT_LINK.exec(email.text ?? '')?.[0];
    return link && opensReport() ? [link] : [];
  });
  const opened = await mapConcurrently(reportLinks, PEOPLE_AT_ONCE, async (path) => {
    const response = await fetch(`${runtime.url}${path}`);
    await response.arrayBuffer();
    return response.ok;
  });
  const links = emails.flatMap((email) => {
    const choices = [...(email.text ?? '').matchAll(CHECKIN_LINK)].map((match) => match[0]);
    if (choices[0]) tally?.emailed(choices[0]);
    if (choices.length === 0 || !answers()) return [];
    return [choices[Math.floor(random() * choices.length)] as string];
  });
  // A link whose check-in was since superseded is refused, as it would be for the person: not an error here.
  const answered = await mapConcurrently(links, PEOPLE_AT_ONCE, (path) =>
    post(runtime, path, undefined, false),
  );
  links.forEach((path, i) => {
    if (answered[i]) tally?.answeredByClick(path);
  });
  return {
    emails: emails.length,
    reports: emails.filter((e) => e.text?.includes('/report?token=')).length,
    replies: answered.filter(Boolean).length,
    reportsOpened: opened.filter(Boolean).length,
  };
}

/** Counts the simulation's weekly check-ins by the program week each belongs to. */
interface WeekTally {
  texted(to: string): void;
  emailed(link: string): void;
  answeredByText(from: string, weeklyPrompt: boolean, confirmation: string): void;
  answeredByClick(link: string): void;
}

/**
 * The week of each check-in the simulation meets: a text's from the person's day 0 and the simulated
 * clock (texts are answered at the tick that sent them); a one-click link's from the question its token
 * names. An answer by text counts under the weeks its confirmation names ("Kintsugi noted week 13
 * check-in: 4 of 5"), or the prompt's week for the short "4 of 5 noted." (one weekly answer, nothing open).
 */
async function weekTally(runtime: Runtime, people: Person[], own: SimulationCounts): Promise<WeekTally> {
  const byPhone = new Map<string, { timezone: string; day0: string }>();
  for (const person of people) {
    if (!person.phone) continue;
    const e = await runtime.deps.store.getEnrollment(person.id);
    if (e?.day0) byPhone.set(person.phone, { timezone: e.timezone, day0: e.day0 });
  }
  const weekly = new Set(runtime.deps.catalog.steps.filter((s) => s.kind === 'check-in').map((s) => s.id));
  const weekNow = (phone: string) => {
    const who = byPhone.get(phone);
    if (!who) return undefined;
    const local = runtime.clock.now().toLocaleDateString('en-CA', { timeZone: who.timezone });
    return weekOfDay(Math.round((Date.parse(local) - Date.parse(who.day0)) / DAY_MS));
  };
  const linkWeek = (link: string) => {
    const token = decodeURIComponent(/token=([^&\s]+)/.exec(link)?.[1] ?? '');
    const [stepId, day] = (runtime.deps.tokens.verify(token, 'checkin').ref ?? '').split('#');
    return stepId && weekly.has(stepId) ? weekOfDay(Number(day)) : undefined;
  };
  const at = (week: number | undefined) => (week ? own.weeks[week - 1] : undefined);
  return {
    texted: (to) => {
      const w = at(weekNow(to));
      if (w) w.texted++;
    },
    emailed: (link) => {
      const w = at(linkWeek(link));
      if (w) w.emailed++;
    },
    answeredByText: (from, weeklyPrompt, confirmation) => {
      if (SHORT_CONFIRMATION.test(confirmation)) {
        const w = weeklyPrompt ? at(weekNow(from)) : undefined;
        if (w) w.answeredByText++;
        return;
      }
      const recorded = RECORDED.exec(confirmation)?.[1] ?? '';
      for (const match of recorded.matchAll(/week (\d+) check-in/g)) {
        const w = at(Number(match[1]));
        if (w) w.answeredByText++;
      }
    },
    answeredByClick: (link) => {
      const w = at(linkWeek(link));
      if (w) w.answeredByClick++;
    },
  };
}

/** POSTs to the local API as a browser or a mail client would; a refusal throws unless `mustSucceed` is false. */
async function post(runtime: Runtime, path: string, json?: unknown, mustSucceed = true): Promise<unknown> {
  const response = await fetch(`${runtime.url}${path}`, {
    method: 'POST',
    headers: { accept: 'application/json', ...(json ? { 'content-type': 'application/json' } : {}) },
    ...(json ? { body: JSON.stringify(json) } : {}),
  });
  const text = await response.text();
  if (response.ok) return JSON.parse(text);
  if (!mustSucceed) return undefined;
  throw new Error(`POST ${path.split('?')[0]} answered ${response.status}: ${text}`);
}
