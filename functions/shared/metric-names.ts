/** The CloudWatch namespace of the program's own metrics (embedded metric format, via the logs). */
export const METRICS_NAMESPACE = 'Kintsugi';

/** The dimension every metric carries (Powertools' service name); alarms and the dashboard select on it. */
export const SERVICE_DIMENSION = { service: 'kintsugi' } as const;

/**
 * Business events the operator's alarms and dashboard read, with the dimensions each may carry besides
 * `service`. Every event is also counted without them, so a total needs no search expression.
 */
export const METRIC_DIMENSIONS = {
  /** A new (pending) enrollment stored. */
  Enrollments: [],
  /** An enrollment confirmed: the program starts. */
  Confirmations: [],
  /** One message handled by the send step, by `channel` (email, sms) and `outcome` (see MESSAGE_OUTCOMES). */
  Messages: ['channel', 'outcome'],
  /** A reply recorded, by `channel` and `kind` (answer to a check-in, or note). */
  Replies: ['channel', 'kind'],
  /** An opt-out recorded in the consent ledger, by `channel`. */
  OptOuts: ['channel'],
  /** A day-90 checkpoint report emailed. */
  ReportsSent: [],
  /** A message that showed signs of danger, by `category`. */
  SafetyFlags: ['category'],
  /** Carrier callbacks: a text delivered, or failed (the SMS failure-rate alarm reads both). */
  SmsDelivered: [],
  SmsFailed: [],
  /**
   * A function found the Twilio secret unusable (at its start, and at each text or webhook it could not
   * handle for that): texts stop, email goes on. An alarm reads it.
   */
  TwilioSecretInvalid: [],
} as const satisfies Record<string, readonly string[]>;

export type MetricName = keyof typeof METRIC_DIMENSIONS;

/** What the send step did with a message: the `outcome` dimension of `Messages`. */
export const MESSAGE_OUTCOMES = ['sent', 'failed', 'skipped', 'held', 'retry', 'unknown'] as const;
export type MessageOutcome = (typeof MESSAGE_OUTCOMES)[number];

/** The arguments after a metric's name: its dimensions' values, or nothing for a metric without any. */
export type DimensionArgs<N extends MetricName> = (typeof METRIC_DIMENSIONS)[N] extends readonly []
  ? []
  : [Record<(typeof METRIC_DIMENSIONS)[N][number], string>];
