import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { outcomesCsv, outcomesText } from '../../cli/commands/outcomes';
import { main } from '../../cli/index';
import { renderOutcomesPage } from '../../functions/pages/outcomes';
import { FEWER_THAN, type OutcomesView, suppress, suppressParts } from '../../functions/program/outcomes';
import type { Runtime } from '../../local/runtime';
import { type SimulationSummary, simulate } from '../../local/simulate';
import { advance, enrollParticipant, type Participant, text } from '../support/participant';
import { api, startTestRuntime } from '../support/runtime';

const PARTICIPANTS = 40;
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

describe('the outcomes of a simulated cohort', () => {
  let summary: SimulationSummary;

  beforeAll(async () => {
    summary = await simulate({
      participants: PARTICIPANTS,
      textingShare: 0.5,
      answerShare: 0.8,
      seed: 3,
      emulators: { dynamodbEndpoint: inject('dynamoDbEndpoint'), sesEndpoint: inject('sesEndpoint') },
    });
  }, 900_000);

  it("show a funnel whose numbers are the simulation's own counts", () => {
    const { own, outcomes } = summary;
    const base = own.enrolled;
    const step = (name: string) => outcomes.funnel.find((s) => s.step === name)?.people;
    expect(step('enrolled')).toBe(PARTICIPANTS);
    expect(step('confirmed')).toBe(suppress(own.confirmed, base));
    expect(step('texts-on')).toBe(suppress(own.textsOn, base));
    for (const week of [1, 4, 8, 12]) {
      const w = own.weeks[week - 1];
      expect(step(`week-${week}`)).toBe(suppress((w?.answeredByText ?? 0) + (w?.answeredByClick ?? 0), base));
    }
    // Enough people for most of it to show.
    expect(typeof step('week-1')).toBe('number');
  });

  it("show a weekly response whose numbers are the simulation's own counts, week by week and by channel", () => {
    const { own, outcomes } = summary;
    const base = own.enrolled;
    const shown = outcomes.response.map((r) => ({
      week: r.week,
      texted: r.askedByText,
      emailed: r.askedByEmail,
      answeredByText: r.answered.text,
      answeredByClick: r.answered.click,
    }));
    const simulated = own.weeks.map((w) => {
      // The channels are parts of the week's answers: withheld together as the outcomes withhold them.
      const [answeredByText, answeredByClick] = suppressParts([w.answeredByText, w.answeredByClick, 0], base);
      return {
        week: w.week,
        texted: suppress(w.texted, base),
        emailed: suppress(w.emailed, base),
        answeredByText,
        answeredByClick,
      };
    });
    expect(shown).toEqual(simulated);
    expect(outcomes.response.every((r) => r.answered.reply === 0)).toBe(true);
    expect(own.weeks.reduce((n, w) => n + w.texted, 0)).toBeGreaterThan(100);
  });

  it('name no one in any output: no address, number or enrollment id', () => {
    for (const output of outputsOf(summary.outcomes)) {
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
