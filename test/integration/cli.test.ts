import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/index';
import type { Runtime } from '../../local/runtime';
import {
  api,
  emailsTo,
  linkIn,
  pathOf,
  startTestRuntime,
  uniqueEmail,
  uniquePhone,
} from '../support/runtime';

const BIN = path.resolve(__dirname, '../../cli/bin.js');

let runtime: Runtime;
const scratch = mkdtempSync(path.join(tmpdir(), 'kintsugi-cli-'));

beforeAll(async () => {
  runtime = await startTestRuntime({ startAt: new Date('2026-09-07T15:00:00Z') });
});
afterAll(async () => {
  await runtime?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/** Runs `npx kintsugi --url <runtime> …args` in this process; answers its exit code and output. */
async function kintsugi(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'kintsugi', '--url', runtime.url, ...args], {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
  });
  return { code, out: out.join(''), err: err.join('') };
}

const jsonOf = async (...args: string[]) => {
  const result = await kintsugi(...args, '--json');
  expect(result.err).toBe('');
  return JSON.parse(result.out);
};

/** Enrolls through the CLI, then confirms from the email and says YES to the opt-in text. */
async function enrolledByCli(email: string, phone: string) {
  const enrolled = await kintsugi(
    'enroll',
    email,
    '--track',
    'repairing',
    '--timezone',
    'America/Denver',
    '--phone',
    phone,
    '--sms-consent',
  );
  expect(enrolled.code).toBe(0);
  expect(enrolled.out).toMatch(/^Enrolled [0-9a-f-]{36} \(pending\)/);
  const [confirmation] = await emailsTo(runtime, email);
  await api(runtime, pathOf(linkIn(confirmation, '/confirm')), { method: 'POST' });
  await runtime.replyBySms(phone, 'YES');
}

describe('the kintsugi command line against the local runtime', () => {
  it('enrolls through the public API, then lists, shows, pauses and resumes the participant', async () => {
    const email = uniqueEmail('cli');
    const phone = uniquePhone();
    await enrolledByCli(email, phone);
    await runtime.advanceTo(new Date('2026-09-15T15:00:00Z'));
    await runtime.replyBySms(phone, '3 we argued, then talked');

    const listed = await kintsugi('list', '--status', 'active');
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(email);
    const row = (await jsonOf('list', '--day', '6-8')).participants.find(
      (p: { email: string }) => p.email === email,
    );
    expect(row).toMatchObject({ status: 'active', track: 'repairing', smsStatus: 'active', day: 7 });

    const shown = await kintsugi('show', email);
    expect(shown.out).toMatch(/sent\s+day\s+0\s+email/);
    expect(shown.out).toMatch(/answered .* answer 3 to \S+ \(with words: --with-text\)/);
    expect(shown.out).not.toContain('we argued');
    expect((await kintsugi('show', email, '--with-text')).out).toContain('"we argued, then talked"');

    const paused = await kintsugi('pause', email, '--days', '5');
    expect(paused.out).toMatch(/^Paused until 2026-09-2\d/);
    expect(
      (await jsonOf('list', '--status', 'paused')).participants.map((p: { email: string }) => p.email),
    ).toContain(email);
    expect((await kintsugi('resume', email)).out).toMatch(/^Resumed\. Now: active;/);
  });

  it('prints the checkpoint numbers so far, exports the data and erases it on --yes only', async () => {
    const email = uniqueEmail('cli-data');
    const phone = uniquePhone();
    await enrolledByCli(email, phone);

    const report = await kintsugi('report', email);
    expect(report.out).toMatch(/^No report yet \(day \d+\): the numbers so far, not saved\./);
    expect(report.out).toContain('Journal notes: 0');

    const file = path.join(scratch, 'export.json');
    expect((await kintsugi('export', phone, '--out', file)).code).toBe(0);
    const data = JSON.parse(readFileSync(file, 'utf8'));
    expect(data.enrollment.email).toBe(email);
    expect(data.consents.map((c: { source: string }) => c.source)).toEqual(
      expect.arrayContaining(['web-form', 'email-link', 'keyword']),
    );

    const refused = await kintsugi('delete', email);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('add --yes');
    expect((await kintsugi('delete', email, '--yes')).out).toMatch(/^Erased enrollment /);
    const gone = await kintsugi('show', email);
    expect(gone.code).toBe(1);
    expect(gone.err).toBe('kintsugi: No enrollment matches this email address, number or id.');
  });

  it('lists a safety flag in the inbox until it is marked handled', async () => {
    const email = uniqueEmail('cli-safety');
    const phone = uniquePhone();
    await enrolledByCli(email, phone);
    await runtime.replyBySms(phone, 'I am scared to go home tonight');

    const inbox = await jsonOf('inbox');
    const item = inbox.find((i: { participant: { email: string } }) => i.participant.email === email);
    expect(item.participant.flag).toMatchObject({ reason: 'abuse', waiting: true });
    expect((await kintsugi('list', '--flagged')).out).toContain(email);
    expect((await kintsugi('resume', email)).err).toContain('the participant resumes it');

    expect((await kintsugi('inbox', '--handled', email)).out).toBe(`Marked handled: ${email} (abuse).`);
    const after = await jsonOf('inbox');
    expect(after.some((i: { participant: { email: string } }) => i.participant.email === email)).toBe(false);
  });

  it('passes its smoke test against a running program', async () => {
    const smoke = await kintsugi('smoke');
    expect(smoke.code).toBe(0);
    expect(smoke.out.match(/✔/g)).toHaveLength(4);
  });

  it('answers a wrong participant, a bad option and a dead address with a clear message and exit code', async () => {
    expect(await kintsugi('pause', 'nobody@example.com')).toMatchObject({ code: 1 });
    const bad = await kintsugi('list', '--day', 'soon');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Use a day such as 30');
    const out: string[] = [];
    const dead = await main(['node', 'kintsugi', '--url', 'http://127.0.0.1:9', 'list'], {
      out: (t) => out.push(t),
      err: (t) => out.push(t),
    });
    expect(dead).toBe(1);
    expect(out.join('')).toContain('Start the local runtime with `npm start`');
  });

  it('simulates participants on its own emulators, with progress on stderr and a summary on stdout', async () => {
    const run = promisify(execFile);
    const { stdout, stderr } = await run(process.execPath, [
      BIN,
      'simulate',
      '--participants',
      '3',
      '--days',
      '10',
    ]);
    expect(stdout).toMatch(/^3 participants, 10 days/);
    // Three confirmations plus their first lessons at least; every texting participant's opt-in prompt.
    const emails = Number(stdout.match(/emails\s+([\d,]+)/)?.[1]?.replace(/,/g, ''));
    expect(emails).toBeGreaterThanOrEqual(6);
    expect(stdout).toMatch(/dead letters\s+0\b/);
    expect(stdout).toMatch(/Took [\d.]+ s/);
    expect(stderr).toMatch(/day \d+\/10 \[/);
  }, 180_000);

  it('runs as npx kintsugi through its bin shim, with --help on every command', async () => {
    const run = promisify(execFile);
    const help = await run(process.execPath, [BIN, '--help']);
    for (const command of [
      'enroll',
      'list',
      'show',
      'pause',
      'resume',
      'export',
      'delete',
      'report',
      'inbox',
      'smoke',
      'simulate',
    ]) {
      expect(help.stdout).toContain(`  ${command} `);
      const own = await run(process.execPath, [BIN, command, '--help']);
      expect(own.stdout).toMatch(new RegExp(`^Usage: kintsugi ${command} `));
    }
    const listHelp = await run(process.execPath, [BIN, 'list', '--help']);
    expect(listHelp.stdout).toContain('--flagged');
    const listed = await run(process.execPath, [BIN, '--url', runtime.url, 'list', '--json']);
    expect(JSON.parse(listed.stdout).scanned).toBeGreaterThan(0);
  });
});
