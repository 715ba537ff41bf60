/**
 * Cost per participant for the 90 days, from what the simulation counted (messages by channel, SMS
 * segments, DynamoDB capacity units as DynamoDB Local reports them) times list prices.
 */
import type { SimulationSummary } from '../local/simulate';
import { log } from './measure';

/** List prices, us-east-1 and the US, as published on the pages named; checked on the date given. */
export const PRICES = {
  checked: '2026-11-22',
  sesPerEmail: {
    usd: 0.1 / 1000,
    page: 'https://aws.amazon.com/ses/pricing/ (outbound email, $0.10 per 1,000)',
  },
  twilioPerSegment: {
    usd: 0.0083,
    page: 'https://www.twilio.com/en-us/sms/pricing/us (US long code SMS, outbound and inbound, per segment)',
  },
  carrierFeePerSegment: {
    usd: 0.003,
    page: 'https://www.twilio.com/en-us/sms/pricing/us (carrier fees on registered 10DLC traffic, about $0.002–0.005 by carrier; $0.003 taken)',
  },
  lambdaPerGbSecond: {
    usd: 0.0000133334,
    page: 'https://aws.amazon.com/lambda/pricing/ (arm64, first 7.5 billion GB-s a month)',
  },
  lambdaPerRequest: {
    usd: 0.2 / 1e6,
    page: 'https://aws.amazon.com/lambda/pricing/ ($0.20 per million requests)',
  },
  dynamoDbPerWriteUnit: {
    usd: 0.625 / 1e6,
    page: 'https://aws.amazon.com/dynamodb/pricing/on-demand/ ($0.625 per million write request units)',
  },
  dynamoDbPerReadUnit: {
    usd: 0.125 / 1e6,
    page: 'https://aws.amazon.com/dynamodb/pricing/on-demand/ ($0.125 per million read request units)',
  },
  sqsPerRequest: {
    usd: 0.4 / 1e6,
    page: 'https://aws.amazon.com/sqs/pricing/ (standard queue, $0.40 per million requests)',
  },
  apiGatewayPerRequest: {
    usd: 1 / 1e6,
    page: 'https://aws.amazon.com/api-gateway/pricing/ (HTTP API, $1.00 per million requests)',
  },
} as const;

/** Assumed, not measured: what an average invocation costs in Lambda time (256 MB, arm64). */
export const LAMBDA_ASSUMPTIONS = { memoryGb: 0.25, secondsPerInvocation: 0.15 };

export interface CostLine {
  item: string;
  /** Per participant, for the 90 days. */
  quantity: number;
  unit: string;
  usd: number;
}

export interface ParticipantCost {
  lines: CostLine[];
  usd: number;
}

/** The cost of one participant's 90 days, from a simulation's counts. */
export function costPerParticipant(summary: SimulationSummary): ParticipantCost {
  const n = summary.participants;
  const per = (count: number) => count / n;
  const apiTexts = summary.texts.sent;
  // Every send job is one SQS message: sent ten to a batch, received and deleted ten to a batch.
  const sqsRequests = (summary.messages.email + apiTexts) * (3 / 10);
  // Lambda: one send invocation per batch of ten; one per webhook (inbound text, two delivery callbacks
  // per text sent), per email click and per SES delivery event; enrollment and confirmation pages.
  const httpRequests = summary.texts.received + apiTexts * 2 + summary.replies.email * 2 + 4 * n;
  const invocations = (summary.messages.email + apiTexts) / 10 + httpRequests + summary.messages.email;
  const lines: CostLine[] = [
    {
      item: 'SES emails',
      quantity: per(summary.messages.email),
      unit: 'emails',
      usd: per(summary.messages.email) * PRICES.sesPerEmail.usd,
    },
    {
      item: 'Twilio SMS, outbound',
      quantity: per(summary.smsSegments.outbound),
      unit: 'segments',
      usd:
        per(summary.smsSegments.outbound) * (PRICES.twilioPerSegment.usd + PRICES.carrierFeePerSegment.usd),
    },
    {
      item: 'Twilio SMS, inbound',
      quantity: per(summary.smsSegments.inbound),
      unit: 'segments',
      usd: per(summary.smsSegments.inbound) * PRICES.twilioPerSegment.usd,
    },
    {
      item: 'DynamoDB writes (on-demand)',
      quantity: per(summary.dynamodb.writeUnits),
      unit: 'WRU',
      usd: per(summary.dynamodb.writeUnits) * PRICES.dynamoDbPerWriteUnit.usd,
    },
    {
      item: 'DynamoDB reads (on-demand)',
      quantity: per(summary.dynamodb.readUnits),
      unit: 'RRU',
      usd: per(summary.dynamodb.readUnits) * PRICES.dynamoDbPerReadUnit.usd,
    },
    {
      item: 'Lambda',
      quantity: per(invocations),
      unit: 'invocations',
      usd:
        per(invocations) *
        (PRICES.lambdaPerRequest.usd +
          LAMBDA_ASSUMPTIONS.memoryGb *
            LAMBDA_ASSUMPTIONS.secondsPerInvocation *
            PRICES.lambdaPerGbSecond.usd),
    },
    {
      item: 'SQS',
      quantity: per(sqsRequests),
      unit: 'requests',
      usd: per(sqsRequests) * PRICES.sqsPerRequest.usd,
    },
    {
      item: 'API Gateway (HTTP API)',
      quantity: per(httpRequests),
      unit: 'requests',
      usd: per(httpRequests) * PRICES.apiGatewayPerRequest.usd,
    },
  ];
  const usd = lines.reduce((sum, line) => sum + line.usd, 0);
  for (const line of lines)
    log(
      `  ${line.item.padEnd(28)} ${line.quantity.toFixed(1).padStart(8)} ${line.unit.padEnd(11)} $${line.usd.toFixed(4)}`,
    );
  log(`  ${'total per participant'.padEnd(28)} ${''.padStart(20)} $${usd.toFixed(4)}`);
  return { lines, usd };
}

/** The cost per participant for each choice of texts the form offers, from two runs of the same people. */
export interface CostByChoice {
  participants: number;
  /** Check-ins and mid-week nudges: the default. */
  withNudges: ParticipantCost;
  /** Check-ins only. */
  checkinsOnly: ParticipantCost;
}

/**
 * Both choices side by side: `withNudges` and `checkinsOnly` are simulations of the same people (the same
 * size and seed), everyone keeping the nudges in one and choosing check-ins only in the other.
 */
export function costByChoice(withNudges: SimulationSummary, checkinsOnly: SimulationSummary): CostByChoice {
  if (withNudges.participants !== checkinsOnly.participants)
    throw new Error(
      `Compare runs of the same size: ${withNudges.participants} and ${checkinsOnly.participants} participants.`,
    );
  log('  check-ins and mid-week nudges:');
  const nudges = costPerParticipant(withNudges);
  log('  check-ins only:');
  const only = costPerParticipant(checkinsOnly);
  return { participants: withNudges.participants, withNudges: nudges, checkinsOnly: only };
}
