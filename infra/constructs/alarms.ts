import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { MetricName } from '../../functions/shared/metric-names';

export interface OperatorAlarmsProps {
  /** Subscribed to the topic by email when given (the operator confirms the subscription). */
  readonly email: string | undefined;
}

/** An SNS topic for the operator and the alarms that publish to it. */
export class OperatorAlarms extends Construct {
  readonly topic: sns.Topic;
  /** Every alarm made here, in the order made (the dashboard shows them all). */
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: OperatorAlarmsProps) {
    super(scope, id);
    // Not KMS-encrypted: the AWS-managed SNS key does not let CloudWatch publish, and alarms carry no
    // personal data (names and states).
    this.topic = new sns.Topic(this, 'Topic', { displayName: 'Kintsugi alarms', enforceSSL: true });
    // The topic policy CDK writes (TLS only) replaces SNS's default one, which let the account's own
    // services publish: say that CloudWatch alarms of this account may.
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    if (props.email) this.topic.addSubscription(new subscriptions.EmailSubscription(props.email));
  }

  /** Alarms as soon as one message sits in `queue`: something the program gave up on, kept for a person to look at. */
  alarmOnDeadLetters(
    id: string,
    queue: sqs.IQueue,
    description = 'A message could not be sent after every retry and waits in the send dead-letter queue.',
  ): cloudwatch.Alarm {
    return this.notify(
      new cloudwatch.Alarm(this, id, {
        alarmDescription: description,
        metric: queue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(5),
          statistic: 'Maximum',
        }),
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );
  }

  /** Alarms when a function fails at least once in five minutes. */
  alarmOnErrors(id: string, fn: lambda.IFunction, what: string): cloudwatch.Alarm {
    return this.notify(
      new cloudwatch.Alarm(this, id, {
        alarmDescription: `${what} failed.`,
        metric: fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );
  }

  /**
   * Alarms on the account's SES reputation before AWS acts on it: AWS reviews an account whose bounce
   * rate reaches 5% or whose complaint rate reaches 0.1%; these alarm at half of each.
   */
  alarmOnEmailReputation(): cloudwatch.Alarm[] {
    const rate = (metricName: string, threshold: number, what: string) =>
      this.notify(
        new cloudwatch.Alarm(this, `Ses${metricName.replace('Reputation.', '')}Alarm`, {
          alarmDescription: `The SES ${what} rate is at ${threshold * 100}%: stop and look before AWS pauses sending.`,
          metric: new cloudwatch.Metric({
            namespace: 'AWS/SES',
            metricName,
            period: Duration.hours(1),
            statistic: 'Maximum',
          }),
          threshold,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
      );
    return [
      rate('Reputation.BounceRate', 0.025, 'bounce'),
      rate('Reputation.ComplaintRate', 0.0005, 'complaint'),
    ];
  }

  /**
   * Alarms when a function finds the Twilio secret unusable (not JSON, a field missing or malformed, or
   * still the placeholder while a text is due): texts stop, email goes on (functions/adapters/twilio/secret.ts).
   */
  alarmOnTwilioSecret(namespace: string): cloudwatch.Alarm {
    return this.notify(
      new cloudwatch.Alarm(this, 'TwilioSecretAlarm', {
        alarmDescription:
          'The Twilio secret cannot be used: no text is sent until it is fixed (docs/DEPLOY.md, step 6). Email is not affected.',
        metric: new cloudwatch.Metric({
          namespace,
          metricName: 'TwilioSecretInvalid' satisfies MetricName,
          dimensionsMap: { service: 'kintsugi' },
          period: Duration.minutes(5),
          statistic: 'Sum',
        }),
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );
  }

  /** Alarms when more than 5% of texts fail (at least 20 failures in an hour: a carrier or number problem). */
  alarmOnSmsFailureRate(namespace: string): cloudwatch.Alarm {
    const count = (metricName: string) =>
      new cloudwatch.Metric({
        namespace,
        metricName,
        dimensionsMap: { service: 'kintsugi' },
        period: Duration.hours(1),
        statistic: 'Sum',
      });
    const failed = count('SmsFailed');
    return this.notify(
      new cloudwatch.Alarm(this, 'SmsFailureRateAlarm', {
        alarmDescription: 'More than 5% of texts failed in the last hour (and at least 20 did).',
        // FILL(…, 0): an hour in which every text failed has no `delivered` data at all, and a metric
        // without data makes the whole expression empty, so the alarm would miss the case it exists for.
        metric: new cloudwatch.MathExpression({
          expression:
            'IF(FILL(failed, 0) >= 20, FILL(failed, 0) / (FILL(failed, 0) + FILL(delivered, 0)), 0)',
          usingMetrics: { failed, delivered: count('SmsDelivered') },
          period: Duration.hours(1),
          label: 'SMS failure rate',
        }),
        threshold: 0.05,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );
  }

  private notify(alarm: cloudwatch.Alarm): cloudwatch.Alarm {
    this.alarms.push(alarm);
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    alarm.addOkAction(new actions.SnsAction(this.topic));
    return alarm;
  }
}
