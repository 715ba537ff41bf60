/**
 * `npm start`: the whole program on this machine. DynamoDB Local, the SES v2 emulator, a Twilio-shaped
 * SMS server and the same handlers Lambda runs, on a clock you can fast-forward.
 */
import { logger } from '../functions/shared/logger';
import { startDynamoDbLocal } from './emulators/dynamodb';
import { startSesEmulator } from './emulators/ses';
import { LOCAL_DEFAULTS, listenWhileStarting, startRuntime } from './runtime';

async function main(): Promise<void> {
  // The program's JSON logs are for CloudWatch; locally only warnings and errors are worth the noise.
  if (!process.env.POWERTOOLS_LOG_LEVEL) logger.setLogLevel('WARN');
  const port = Number(process.env.PORT ?? 3000);
  // The port answers at once: 503 with Retry-After until everything below is up, never silence.
  const starting = await listenWhileStarting(port);
  console.log(`Starting Kintsugi locally… (http://localhost:${starting.port} answers 503 until it is ready)`);
  const dynamodb = await startDynamoDbLocal();
  const ses = await startSesEmulator();
  const runtime = await startRuntime({
    server: starting,
    dynamodbEndpoint: dynamodb.endpoint,
    sesEndpoint: ses.endpoint,
    tickMs: 5_000,
    env: { ...process.env },
  });
  const api = runtime.deps.config.publicUrl;
  const rows: [string, string][] = [
    ['Enrollment form', `${api}/`],
    ['Mailbox (SES emulator)', ses.mailboxUrl],
    ['Phone (SMS threads)', `${api}/_local/phone`],
    ['API', api],
    ['Clock', `${api}/_local/clock   (POST {"advance":"P7D"} to fast-forward)`],
    ['Emails as JSON', `${api}/_local/email`],
    ['Texts as JSON', `${api}/_local/sms`],
    ['DynamoDB Local', dynamodb.endpoint],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`\nKintsugi is running. Simulated time: ${runtime.clock.now().toISOString()}\n`);
  for (const [name, url] of rows) console.log(`  ${name.padEnd(width)}  ${url}`);
  console.log(
    `\n  Twilio auth token (for signing webhooks): ${process.env.TWILIO_AUTH_TOKEN ?? LOCAL_DEFAULTS.TWILIO_AUTH_TOKEN}`,
  );
  console.log('  Press Ctrl-C to stop everything.\n');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await runtime.stop().catch(() => undefined);
    await ses.stop().catch(() => undefined);
    await dynamodb.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`Kintsugi could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
