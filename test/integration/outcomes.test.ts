import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomesCsv, outcomesText } from '../../cli/commands/outcomes';
import { main } from '../../cli/index';
import { renderOutcomesPage } from '../../functions/pages/outcomes';
import { FEWER_THAN, type OutcomesView, suppress, suppressParts } from '../../functions/program/outcomes';
import type { Runtime } from '../../local/runtime';
import type { SimulationSummary } from '../../local/simulate';
import { advance, enrollParticipant, type Participant, text } from '../support/participant';
import { api, startTestRuntime } from '../support/runtime';

const PARTICIPANTS = 40;
const BIN = path.resolve(__dirname, '../../cli/bin.js');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.]+/;
const PHONE = /\+\d{8,}/;

/** Every output an operator can get of a view: text, JSON, CSV and the page. */
const outputsOf = (view: OutcomesView) => [
  outcomesText(view),
  JSON.stringify(view),
  outcomesCsv(view),
  renderOutcomesPage(view),
];

/** Every simulation started here, stopped when the file ends however its tests went (it would run on). */
const started: ChildProcess[] = [];
const stopAll = () => {
  for (const child of started)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
};
process.once('exit', stopAll);

/**
 * `npx kintsugi simulate --keep` in its own process, as an operator runs it: the simulated program keeps
 * running when done; resolves with its JSON summary and the URL it says it runs at.
 */
function simulateAndKeep(
  args: string[],
): Promise<{ child: ChildProcess; summary: SimulationSummary; url: string }> {
  const child = spawn(process.execPath, [BIN, 'simulate', ...args, '--keep', '--port', '0', '--json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    // Both pipes are read apart: the summary (stdout) may end after the "keeps running" line (stderr).
    const whenBoth = () => {
      const url = err.match(/keeps running at (http:\/\/localhost:\d+)/)?.[1];
      if (!url) return;
      let summary: SimulationSummary;
      try {
        summary = JSON.parse(out) as SimulationSummary;
      } catch {
        return;
      }
      resolve({ child, summary, url });
    };
    child.once('exit', (code) => reject(new Error(`simulate ended (${code}) before serving:\n${err}`)));
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      whenBoth();
    });
    child.stderr?.on('data', (chunk) => {
      err += chunk;
      whenBoth();
    });
  });
}

/** The numbers of a printed table's rows: the cells after the label, split where two spaces or more part them. */
function printedRow(text: string, label: string | RegExp): string[] | undefined {
  const line = text
    .split('\n')
    .find((l) => (typeof label === 'string' ? l.startsWith(`${label}  `) : label.test(l)));
  return line?.trim().split(/ {2,}/).slice(1);
}

describe('kintsugi outcomes after kintsugi simulate', () => {
  let simulation: Awaited<ReturnType<typeof simulateAndKeep>>;
  let printed: string;
  let view: OutcomesView;

  const kintsugi = async (...args: string[]) => {
    const out: string[] = [];
    const code = await main(['node', 'kintsugi', '--url', simulation.url, ...args], {
      out: (t) => out.push(t),
      err: (t) => out.push(t),
    });
    expect(code).toBe(0);
    return out.join('\n');
  };

  beforeAll(async () => {
    simulation = await simulateAndKeep(['--participants', String(PARTICIPANTS), '--seed', '3']);
    printed = await kintsugi('outcomes');
    view = JSON.parse(await kintsugi('outcomes', '--json')) as OutcomesView;
  }, 900_000);

  afterAll(async () => {
    // Every one started, also when it never said where it runs (it stops its emulators as it ends).
    const running = started.filter((child) => child.exitCode === null && child.signalCode === null);
    const ended = running.map((child) => new Promise((resolve) => child.once('exit', resolve)));
    stopAll();
    await Promise.all(ended);
  }, 60_000);

  it("prints a funnel whose numbers are the simulation's own counts", () => {
    const { own } = simulation.summary;
    const base = own.enrolled;
    const shown = (value: number) => String(suppress(value, base));
    expect(printedRow(printed, 'Enrolled')?.[0]).toBe(String(PARTICIPANTS));
    expect(printedRow(printed, 'Confirmed')?.[0]).toBe(shown(own.confirmed));
    expect(printedRow(printed, 'Texts on (YES)')?.[0]).toBe(shown(own.textsOn));
    expect(printedRow(printed, 'Opened the report')?.[0]).toBe(shown(own.reportsOpened));
    expect(own.reportsOpened).toBeGreaterThanOrEqual(10);
    for (const week of [1, 4, 8, 12]) {
      const w = own.weeks[week - 1];
      expect(printedRow(printed, `Answered a check-in in week ${week}`)?.[0]).toBe(
        shown((w?.answeredByText ?? 0) + (w?.answeredByClick ?? 0)),
      );
    }
    // Enough people for most of it to show.
    expect(printedRow(printed, 'Answered a check-in in week 1')?.[0]).toMatch(/^\d+$/);
  });

  it("prints a weekly response whose numbers are the simulation's own counts, week by week and by channel", () => {
    const { own } = simulation.summary;
    const base = own.enrolled;
    for (const w of own.weeks) {
      // The channels are parts of the week's answers: withheld together as the outcomes withhold them.
      const [byText, byClick, byReply] = suppressParts([w.answeredByText, w.answeredByClick, 0], base);
      const row = printedRow(printed, new RegExp(`^${w.week} {2,}`));
      expect(row?.slice(0, 5), `week ${w.week}`).toEqual(
        [suppress(w.texted, base), suppress(w.emailed, base), byText, byClick, byReply].map(String),
      );
    }
    expect(own.weeks.reduce((n, w) => n + w.texted, 0)).toBeGreaterThan(100);
  });

  it('reads the same outcomes as the simulation printed when it ended, as JSON too', () => {
    expect(view).toEqual(simulation.summary.outcomes);
    expect(view.funnel.find((s) => s.step === 'enrolled')?.people).toBe(PARTICIPANTS);
  });

  it('name no one in any output: no address, number or enrollment id', async () => {
    const outputs = [...outputsOf(view), await kintsugi('outcomes', '--csv'), printed];
    for (const output of outputs) {
      expect(output).not.toMatch(EMAIL);
      expect(output).not.toMatch(PHONE);
      expect(output).not.toMatch(UUID);
    }
  });
});

describe('the outcomes command and page on the local runtime', () => {
  let runtime: Runtime;
  const people: Participant[] = [];

  beforeAll(async () => {
    runtime = await startTestRuntime({ startAt: new Date('2027-01-04T15:00:00Z') });
    for (let i = 0; i < 9; i++)
      people.push(await enrollParticipant(runtime, { timezone: 'America/New_York', checkinDay: 'friday' }));
    await advance(runtime, 'P7D');
    for (const who of people) await text(runtime, who, '4 - marmalade week, slept well');
    await text(runtime, people[0] as Participant, 'just a note about the lighthouse');
  }, 180_000);

  afterAll(async () => {
    await runtime?.stop();
  });

  const cli = async (...args: string[]) => {
    const out: string[] = [];
    const code = await main(['node', 'kintsugi', '--url', runtime.url, 'outcomes', ...args], {
      out: (t) => out.push(t),
      err: (t) => out.push(t),
    });
    expect(code).toBe(0);
    return out.join('\n');
  };

  it('show a cohort of 9 without a single count, in text, JSON, CSV and on the page', async () => {
    // Counted all the same: the figures exist, and are withheld.
    const rows = await runtime.deps.store.readOutcomeCounters();
    const total = (name: string) => rows.reduce((n, r) => n + (r.counts[name] ?? 0), 0);
    expect(total('enrolled')).toBe(9);
    expect(total('answered-w01')).toBe(9);
    const json = JSON.parse(await cli('--json', '--cohort', '2027-01')) as OutcomesView;
    expect(json.funnel.map((s) => s.people)).toEqual(json.funnel.map(() => FEWER_THAN));
    expect(json.response.every((r) => r.askedByText === FEWER_THAN && r.answered.text === FEWER_THAN)).toBe(
      true,
    );
    expect(json.cohorts).toEqual([
      { cohort: '2027-W01', enrolled: FEWER_THAN, confirmed: FEWER_THAN, answeredWeek12: FEWER_THAN },
    ]);
    const csv = await cli('--csv', '--cohort', '2027-W01');
    for (const row of csv.trim().split('\n').slice(1))
      expect(row.split(',').at(-1)).toMatch(/^(fewer than 10)?$/);
    const page = await (await api(runtime, '/_local/outcomes?cohort=2027-01')).text;
    expect(page).toContain('<h1>Program outcomes');
    for (const cell of page.matchAll(/<td class="num">([^<]*)<\/td>/g))
      expect(cell[1]).toMatch(/^(fewer than 10|—|(\d: fewer than 10, )*\d: fewer than 10)$/);
  });

  it('never carry an address, a number, an enrollment id or the words of a reply', async () => {
    const outputs = [
      await cli(),
      await cli('--json'),
      await cli('--csv'),
      await (await api(runtime, '/_local/outcomes')).text,
      await (await api(runtime, '/_local/outcomes', { headers: { accept: 'application/json' } })).text,
    ];
    for (const output of outputs) {
      for (const who of people) {
        expect(output).not.toContain(who.email);
        expect(output).not.toContain(who.id);
        if (who.phone) expect(output).not.toContain(who.phone);
      }
      expect(output).not.toMatch(EMAIL);
      expect(output).not.toMatch(UUID);
      expect(output).not.toMatch(/marmalade|slept well|lighthouse/);
    }
  });
});
