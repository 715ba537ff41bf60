import { type Command, Option } from 'commander';
import { contextOf } from '../context';
import { fetchJson, requestJson } from '../http';
import { CliError, type Target } from '../target';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/** One check: its outcome, or the error that stopped it, as a line of the report. */
async function check(name: string, run: () => Promise<string>): Promise<Check> {
  try {
    return { name, ok: true, detail: await run() };
  } catch (error) {
    return { name, ok: false, detail: (error as Error).message };
  }
}

function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** The checks that prove a deployment answers: every part a first participant meets, without sending anything. */
export async function smokeChecks(
  target: Target,
  enroll?: { email: string; track: string },
): Promise<Check[]> {
  const url = target.publicUrl;
  const checks = [
    check('enrollment form (GET /)', async () => {
      const { status, text } = await fetchJson(`${url}/`, { headers: { accept: 'text/html' } });
      expect(status === 200 && text.includes('id="enroll"'), `expected the form, got HTTP ${status}`);
      return 'the form is served';
    }),
    check('links are checked (GET /report without a token)', async () => {
      const { status, body } = await fetchJson(`${url}/report`);
      const code = (body as { error?: { code?: string } }).error?.code;
      expect(
        status === 403 && code === 'invalid_token',
        `expected 403 invalid_token, got HTTP ${status} ${code ?? ''}`,
      );
      return 'the token key is readable, and a link without a token is refused';
    }),
    check('Twilio webhook (unsigned POST /sms/inbound)', async () => {
      const { status } = await fetchJson(`${url}/sms/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(status === 403, `expected 403 for an unsigned webhook, got HTTP ${status}`);
      return 'the Twilio secret is readable, and an unsigned request is refused';
    }),
    check('table (list)', async () => {
      const { scanned } = await target.admin('list', { limit: 1 });
      return `${scanned} enrollment${scanned === 1 ? '' : 's'} in the table`;
    }),
  ];
  if (enroll) {
    checks.push(
      check(`enroll ${enroll.email}`, async () => {
        const result = (await requestJson(`${url}/enrollments`, {
          method: 'POST',
          json: { email: enroll.email, role: enroll.track, timezone: 'America/New_York' },
        })) as { id: string };
        return `pending enrollment ${result.id}: open the confirmation email and press its button`;
      }),
    );
  }
  return Promise.all(checks);
}

/** `kintsugi smoke`: does a deployment (or the local runtime) answer as it should? */
export function register(program: Command): void {
  program
    .command('smoke')
    .description(
      'Check that a deployment works: form, link checks, Twilio webhook, table (and, with --email, a real enrollment)',
    )
    .option('--email <address>', 'also enroll this address for real (you get the confirmation email)')
    .addOption(
      new Option('--track <track>', 'track for --email').choices(['hurt', 'repairing']).default('hurt'),
    )
    .addHelpText(
      'after',
      '\nExamples:\n  npx kintsugi smoke --stack kintsugi-prod\n  npx kintsugi smoke --stack kintsugi-prod --email you@your-domain.org',
    )
    .action(async (options, command: Command) => {
      const context = contextOf(command);
      const target = await context.target();
      const checks = await smokeChecks(
        target,
        options.email ? { email: options.email, track: options.track } : undefined,
      );
      context.print(checks, (list) =>
        [
          `Smoke test of ${target.label} (${target.publicUrl})`,
          ...list.map((c) => `${c.ok ? '✔' : '✘'} ${c.name}: ${c.detail}`),
        ].join('\n'),
      );
      const failed = checks.filter((c) => !c.ok).length;
      if (failed) throw new CliError(`${failed} of ${checks.length} checks failed.`);
    });
}
