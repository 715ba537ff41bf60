/**
 * The bench's cost per participant for both choices of texts, from two small real runs of the same people
 * through the local runtime: everyone keeping the mid-week nudges, then everyone choosing check-ins only.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { type CostByChoice, costByChoice, PRICES } from '../../bench/cost';
import { compiledCatalog as catalog } from '../../functions/catalog/compiled';
import { type SimulationSummary, simulate } from '../../local/simulate';

const PARTICIPANTS = 4;
const NUDGES_EACH = catalog.steps.filter((s) => s.kind === 'micro-action' && s.track === 'hurt').length;

describe('the cost per participant for each choice of texts', () => {
  let withNudges: SimulationSummary;
  let checkinsOnly: SimulationSummary;
  let cost: CostByChoice;

  beforeAll(async () => {
    const run = (nudges: boolean) =>
      simulate({
        participants: PARTICIPANTS,
        textingShare: 1,
        answerShare: 1,
        nudges,
        emulators: { dynamodbEndpoint: inject('dynamoDbEndpoint'), sesEndpoint: inject('sesEndpoint') },
      });
    withNudges = await run(true);
    checkinsOnly = await run(false);
    cost = costByChoice(withNudges, checkinsOnly);
  }, 900_000);

  it('sends each participant who chose check-ins only the thirteen nudge texts fewer, and nothing else fewer', () => {
    expect(NUDGES_EACH).toBe(13);
    expect(withNudges.texts.sent - checkinsOnly.texts.sent).toBe(PARTICIPANTS * NUDGES_EACH);
    expect(checkinsOnly.messages.email).toBe(withNudges.messages.email);
    expect(checkinsOnly.replies).toEqual(withNudges.replies);
    expect(checkinsOnly.reports).toBe(PARTICIPANTS);
  });

  it('prices both: check-ins only is cheaper by the nudges’ segments, and costs less in total', () => {
    const line = (c: CostByChoice['withNudges'], item: string) => c.lines.find((l) => l.item === item);
    const outbound = 'Twilio SMS, outbound';
    const fewerSegments =
      (line(cost.withNudges, outbound)?.quantity ?? 0) - (line(cost.checkinsOnly, outbound)?.quantity ?? 0);
    // Every nudge is one segment (the content tests hold each text to one).
    expect(fewerSegments).toBeCloseTo(NUDGES_EACH, 6);
    expect(
      (line(cost.withNudges, outbound)?.usd ?? 0) - (line(cost.checkinsOnly, outbound)?.usd ?? 0),
    ).toBeCloseTo(NUDGES_EACH * (PRICES.twilioPerSegment.usd + PRICES.carrierFeePerSegment.usd), 6);
    expect(cost.checkinsOnly.usd).toBeLessThan(cost.withNudges.usd);
    expect(cost.participants).toBe(PARTICIPANTS);
  });

  it('refuses to compare runs of different sizes', () => {
    expect(() => costByChoice(withNudges, { ...checkinsOnly, participants: 8 })).toThrow(/same size/);
  });
});
