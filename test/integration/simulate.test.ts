import { beforeAll, describe, expect, inject, it } from 'vitest';
import { compiledCatalog as catalog } from '../../functions/catalog/compiled';
import { firstDay, programSlots } from '../../functions/program/schedule';
import { participantPlan, type SimulationSummary, simulate } from '../../local/simulate';

const PARTICIPANTS = 4;
const START = new Date('2026-03-02T15:00:00Z');

/** What every participant's schedule says they get, when all of them text and answer every check-in. */
function expected() {
  const totals = { emails: 0, sent: 0, answers: 0, checkins: 0 };
  for (let i = 0; i < PARTICIPANTS; i++) {
    const plan = participantPlan(i);
    const slots = programSlots(catalog.steps, { ...plan, day0: firstDay(START, plan.timezone) });
    const lessons = slots.filter((s) => s.step?.channel === 'email').length;
    const microActions = slots.filter((s) => s.step?.channel === 'sms').length;
    const checkins = slots.filter((s) => s.step?.channel === 'checkin').length;
    // Emails: the confirmation, the lessons, the report. Texts: the opt-in prompt, the micro-actions, the
    // check-ins and the report's pointer; answered at once (TwiML): YES and every check-in answer.
    totals.emails += 1 + lessons + 1;
    totals.sent += 1 + microActions + checkins + 1;
    totals.answers += 1 + checkins;
    totals.checkins += checkins;
  }
  return totals;
}

describe('the simulation of many participants through the local runtime', () => {
  let summary: SimulationSummary;

  beforeAll(async () => {
    summary = await simulate({
      participants: PARTICIPANTS,
      startAt: START,
      textingShare: 1,
      answerShare: 1,
      emulators: { dynamodbEndpoint: inject('dynamoDbEndpoint'), sesEndpoint: inject('sesEndpoint') },
    });
  }, 600_000);

  it("delivers every step of every participant's 90 days once, by the channel it was meant for", () => {
    const want = expected();
    expect(summary.messages.email).toBe(want.emails);
    expect(summary.texts.sent).toBe(want.sent);
    expect(summary.texts.answers).toBe(want.answers);
    expect(summary.messages.total).toBe(want.emails + want.sent + want.answers);
  });

  it('records every answer and sends every day-90 report, with nothing left in the dead-letter queue', () => {
    expect(summary.replies).toEqual({ sms: expected().checkins, email: 0 });
    expect(summary.reports).toBe(PARTICIPANTS);
    expect(summary.deadLetters).toBe(0);
  });

  it('counts what DynamoDB did, from its own reports', () => {
    expect(summary.dynamodb.itemsRead).toBeGreaterThan(0);
    expect(summary.dynamodb.writeUnits).toBeGreaterThan(summary.messages.total);
    expect(summary.dispatches).toBeGreaterThan(0);
  });
});
