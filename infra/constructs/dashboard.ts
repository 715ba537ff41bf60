import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  MESSAGE_OUTCOMES,
  METRICS_NAMESPACE,
  type MetricName,
  SERVICE_DIMENSION,
} from '../../functions/shared/metric-names';

export interface OperatorDashboardProps {
  readonly dashboardName: string;
  /** Every alarm of the stack, shown at the top with its state. */
  readonly alarms: readonly cloudwatch.IAlarm[];
  /** The program's Lambdas by construct id, for the errors and duration graphs. */
  readonly functions: ReadonlyMap<string, lambda.IFunction>;
  readonly deadLetterQueue: sqs.IQueue;
  /** Replies by email and SES events that failed after Lambda's retries. */
  readonly failedEventsQueue: sqs.IQueue;
}

const HOUR = Duration.hours(1);
const CHANNELS = ['email', 'sms'] as const;

/** One of the program's own business metrics (embedded metric format), summed per period. */
function business(
  name: MetricName,
  dimensions: Record<string, string> = {},
  label?: string,
): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: METRICS_NAMESPACE,
    metricName: name,
    dimensionsMap: { ...SERVICE_DIMENSION, ...dimensions },
    statistic: 'Sum',
    period: HOUR,
    ...(label ? { label } : {}),
  });
}

/**
 * The operator's CloudWatch dashboard: the alarms and their state first, then what the program did
 * (enrollments, confirmations, messages by channel and outcome, replies, opt-outs, reports, safety
 * flags), then how the machinery runs (function errors and duration, the dead-letter queue, SES).
 */
export class OperatorDashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: OperatorDashboardProps) {
    super(scope, id);
    const wide = 24;
    const third = 8;
    const functions = [...props.functions.entries()];

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.days(7),
    });
    this.dashboard.addWidgets(
      new cloudwatch.TextWidget({
        markdown:
          '# Kintsugi\nAlarms first: red means someone should look now (runbook: docs/DEPLOY.md, "When an alarm fires"). ' +
          'Safety flags are worked through with `npx kintsugi --stack <name> inbox`.',
        width: wide,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.AlarmStatusWidget({
        title: 'Alarms',
        alarms: [...props.alarms],
        width: wide,
        height: 3,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.SingleValueWidget({
        title: 'In the time range',
        metrics: [
          business('Enrollments', {}, 'Enrollments'),
          business('Confirmations', {}, 'Confirmations'),
          business('ReportsSent', {}, 'Reports sent'),
          business('SafetyFlags', {}, 'Safety flags'),
        ],
        setPeriodToTimeRange: true,
        width: wide,
        height: 4,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Enrollments and confirmations',
        left: [business('Enrollments', {}, 'Enrolled'), business('Confirmations', {}, 'Confirmed')],
        width: third,
      }),
      new cloudwatch.GraphWidget({
        title: 'Replies, by channel',
        left: CHANNELS.flatMap((channel) =>
          (['answer', 'note'] as const).map((kind) =>
            business('Replies', { channel, kind }, `${channel} ${kind}s`),
          ),
        ),
        width: third,
      }),
      new cloudwatch.GraphWidget({
        title: 'Opt-outs and safety flags',
        left: CHANNELS.map((channel) => business('OptOuts', { channel }, `${channel} opt-outs`)),
        right: (['self-harm', 'abuse', 'harm-to-others'] as const).map((category) =>
          business('SafetyFlags', { category }, `flag: ${category}`),
        ),
        width: third,
      }),
    );
    this.dashboard.addWidgets(
      ...CHANNELS.map(
        (channel) =>
          new cloudwatch.GraphWidget({
            title: `Messages by ${channel}, by outcome`,
            left: MESSAGE_OUTCOMES.map((outcome) => business('Messages', { channel, outcome }, outcome)),
            stacked: true,
            width: third,
          }),
      ),
      new cloudwatch.GraphWidget({
        title: 'Texts at the carrier; reports sent',
        left: [
          business('SmsDelivered', {}, 'delivered'),
          business('SmsFailed', {}, 'failed'),
          business('TwilioSecretInvalid', {}, 'Twilio secret unusable'),
        ],
        right: [business('ReportsSent', {}, 'reports sent')],
        width: third,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Function errors',
        left: functions.map(([name, fn]) =>
          fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum', label: name }),
        ),
        width: third,
      }),
      new cloudwatch.GraphWidget({
        title: 'Function duration (p95)',
        left: functions.map(([name, fn]) =>
          fn.metricDuration({ period: Duration.minutes(5), statistic: 'p95', label: name }),
        ),
        width: third,
      }),
      new cloudwatch.GraphWidget({
        title: 'Dead letters, failed events; SES reputation',
        left: [
          props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
            period: Duration.minutes(5),
            statistic: 'Maximum',
            label: 'send dead letters',
          }),
          props.failedEventsQueue.metricApproximateNumberOfMessagesVisible({
            period: Duration.minutes(5),
            statistic: 'Maximum',
            label: 'failed events (email replies, SES events)',
          }),
        ],
        right: ['Reputation.BounceRate', 'Reputation.ComplaintRate'].map(
          (metricName) =>
            new cloudwatch.Metric({
              namespace: 'AWS/SES',
              metricName,
              period: HOUR,
              statistic: 'Maximum',
              label: metricName.replace('Reputation.', ''),
            }),
        ),
        width: third,
      }),
    );
  }
}
