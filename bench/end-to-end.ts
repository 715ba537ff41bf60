/**
 * End to end: the raw throughput of each emulator, then 90-day simulations of growing populations
 * through the local runtime (local/simulate.ts), all in the same run on the same emulators.
 */
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '../functions/adapters/dynamodb/table';
import { createMessagesClient } from '../functions/adapters/twilio/messages-client';
import { completeCatalog as catalog } from '../functions/catalog/complete';
import { layoutNamed } from '../functions/program/layouts';
import { mapConcurrently } from '../functions/shared/concurrency';
import { clearEmails } from '../local/emulators/ses';
import { startTwilioServer } from '../local/emulators/twilio-server';
import { type SimulationSummary, simulate } from '../local/simulate';
import { cpuSample, cpuSince, dynamoDbLocalPid, log, sig, thousands } from './measure';

const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
/** Requests in flight while measuring an emulator: as many as the simulation keeps sending at once. */
const IN_FLIGHT = 40;

export interface EmulatorThroughput {
  /** SendEmail calls per second (a lesson-sized email). */
  ses: number;
  /** Messages created per second (the Messages API). */
  twilio: number;
  /** PutItem calls per second (an enrollment-sized item). */
  dynamodb: number;
}

/** Calls `work` `count` times, IN_FLIGHT at once; calls per second. */
async function rate(count: number, work: (i: number) => Promise<unknown>): Promise<number> {
  await mapConcurrently(
    Array.from({ length: Math.min(50, count) }, (_, i) => i),
    IN_FLIGHT,
    work,
  ); // warm up
  const started = performance.now();
  await mapConcurrently(
    Array.from({ length: count }, (_, i) => i),
    IN_FLIGHT,
    work,
  );
  return count / ((performance.now() - started) / 1000);
}

export async function emulatorThroughput(
  endpoints: { dynamodbEndpoint: string; sesEndpoint: string },
  count: number,
): Promise<EmulatorThroughput> {
  const ses = new SESv2Client({
    region: 'aws-ses-v2-local',
    endpoint: endpoints.sesEndpoint,
    credentials: CREDENTIALS,
  });
  const html = layoutNamed(catalog, 'message').replaceAll(/\{\{\{?\w+\}\}\}?/g, 'x');
  const sesRate = await rate(count, (i) =>
    ses.send(
      new SendEmailCommand({
        FromEmailAddress: 'Kintsugi <program@example.com>',
        Destination: { ToAddresses: [`raw-${i}@example.com`] },
        Content: {
          Simple: { Subject: { Data: 'A lesson' }, Body: { Html: { Data: html }, Text: { Data: 'text' } } },
        },
      }),
    ),
  );
  ses.destroy();
  await clearEmails(endpoints.sesEndpoint);

  const accountSid = `AC${'0'.repeat(32)}`;
  const twilio = await startTwilioServer({ accountSid, authToken: 'raw', statusCallbacks: false });
  const messages = createMessagesClient({ accountSid, authToken: 'raw', baseUrl: twilio.baseUrl });
  const twilioRate = await rate(count, (i) =>
    messages.create({
      to: `+1415${String(2_000_000 + i)}`,
      from: '+15005550006',
      body: 'Kintsugi check-in: reply 1-5',
    }),
  );
  await twilio.stop();

  const client = new DynamoDBClient({
    region: 'us-east-1',
    endpoint: endpoints.dynamodbEndpoint,
    credentials: CREDENTIALS,
  });
  const table = 'bench-raw-throughput';
  await ensureTable(client, table);
  const db = DynamoDBDocumentClient.from(client);
  const profile = {
    email: 'x@example.com',
    timezone: 'America/New_York',
    track: 'hurt',
    notes: 'x'.repeat(600),
  };
  const dynamodbRate = await rate(count, (i) =>
    db.send(new PutCommand({ TableName: table, Item: { PK: `ENR#${i}`, SK: 'PROFILE', ...profile } })),
  );
  await client.send(new DeleteTableCommand({ TableName: table }));
  client.destroy();

  log(
    `  SES emulator ${thousands(sesRate)} emails/s, Twilio server ${thousands(twilioRate)} texts/s, ` +
      `DynamoDB Local ${thousands(dynamodbRate)} writes/s (${IN_FLIGHT} in flight)`,
  );
  return { ses: sesRate, twilio: twilioRate, dynamodb: dynamodbRate };
}

/** The goal for DynamoDB requests per message (issue 16). */
export const REQUESTS_PER_MESSAGE_GOAL = 5;

/**
 * A run's DynamoDB requests per message, split in two: the work the messages make (dispatch's claims,
 * sends, replies, counts), and dispatch's reads of the due index, whose parts every tick queries whether
 * anything is due or not (a cost per tick, which the run's ticks and its messages set, not its messages).
 */
export function requestSplit(summary: SimulationSummary) {
  const requests = Object.values(summary.dynamodb.requests).reduce((a, b) => a + b, 0);
  const dueQueries = summary.dynamodb.byItem['Query DUE'] ?? 0;
  const messages = summary.messages.total;
  return {
    total: requests / messages,
    work: (requests - dueQueries) / messages,
    dueIndex: dueQueries / messages,
    dueQueries,
    queriesPerTick: summary.dispatches ? dueQueries / summary.dispatches : 0,
    ticks: summary.dispatches,
  };
}

export interface SimulationRow {
  summary: SimulationSummary;
  /** DynamoDB requests per message sent, over the 90 days (replies, reports and completions included). */
  requestsPerMessage: number;
  /**
   * CPU milliseconds per message over the whole run (enrollment included): the Node process (runtime,
   * handlers, SES emulator, Twilio server, simulated people) and DynamoDB Local's JVM.
   */
  cpuPerMessage: { nodeMs: number; jvmMs: number | undefined };
}

export async function simulations(
  endpoints: { dynamodbEndpoint: string; sesEndpoint: string },
  populations: number[],
  /** `nudges: false`: everyone chooses check-ins only on the form. */
  choice: { nudges?: boolean } = {},
): Promise<SimulationRow[]> {
  const rows: SimulationRow[] = [];
  const jvmPid = dynamoDbLocalPid(endpoints.dynamodbEndpoint);
  for (const participants of populations) {
    let shown = 0;
    const cpuBefore = cpuSample(jvmPid);
    const summary = await simulate({
      participants,
      ...choice,
      emulators: endpoints,
      onProgress: ({ day, days }) => {
        if (day >= shown + 15 || day === days) {
          shown = day;
          process.stdout.write(`    ${participants} participants: day ${day} of ${days}\n`);
        }
      },
    });
    const requests = Object.values(summary.dynamodb.requests).reduce((a, b) => a + b, 0);
    const cpu = cpuSince(cpuBefore, cpuSample(jvmPid));
    const cpuPerMessage = {
      nodeMs: (cpu.node * 1000) / summary.messages.total,
      jvmMs: cpu.jvm === undefined ? undefined : (cpu.jvm * 1000) / summary.messages.total,
    };
    rows.push({ summary, requestsPerMessage: requests / summary.messages.total, cpuPerMessage });
    const split = requestSplit(summary);
    log(
      `  ${thousands(participants).padStart(5)} participants: ${thousands(summary.messages.total)} messages ` +
        `(${thousands(summary.messages.email)} emails, ${thousands(summary.messages.sms)} texts) in ` +
        `${sig(summary.programSeconds)} s = ${sig(summary.messagesPerSecond)} messages/s; ` +
        `${thousands(summary.replies.sms + summary.replies.email)} replies, ${summary.reports} reports, ` +
        `${summary.deadLetters} dead letters; CPU per message: Node ${sig(cpuPerMessage.nodeMs)} ms, ` +
        `JVM ${sig(cpuPerMessage.jvmMs ?? Number.NaN)} ms; DynamoDB requests per message ${sig(split.total)}: ` +
        `${sig(split.work)} the messages' work + ${sig(split.dueIndex)} due-index reads ` +
        `(${sig(split.queriesPerTick)} queries per tick × ${thousands(split.ticks)} ticks)`,
    );
  }
  return rows;
}
