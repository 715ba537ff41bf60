import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as lambdaDestinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sesActions from 'aws-cdk-lib/aws-ses-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as snsSubscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { HTTP_ROUTES } from '../functions/handlers/routes';
import { METRICS_NAMESPACE } from '../functions/shared/metric-names';
import type { InfraConfig } from './config';
import { OperatorAlarms } from './constructs/alarms';
import { OperatorDashboard } from './constructs/dashboard';
import { EmailSending } from './constructs/email-sending';
import { programFunction } from './constructs/program-function';
import { ProgramHttpApi, type ProgramRoute } from './constructs/program-http-api';
import { DUE_INDEX_NAME, ProgramTable } from './constructs/program-table';
import { SendQueue } from './constructs/send-queue';
import { acknowledgeFindings } from './nag';

/** Which table actions a function needs. */
type TableAccess = 'read-write' | 'dispatch' | 'send';

/** One Lambda of the program: its file and exactly what it may touch. Its routes come from HTTP_ROUTES. */
export interface ProgramLambda {
  readonly id: string;
  readonly file: string;
  readonly description: string;
  readonly table: TableAccess;
  /** Reads the Twilio secret (sends SMS, or checks Twilio's webhook signatures). */
  readonly twilio?: boolean;
  /** Sends email itself through SES. */
  readonly email?: boolean;
  /** Puts messages on the send queue. */
  readonly enqueue?: boolean;
  /** Sends in bulk: paced to its share of the providers' rates (SES_MAX_SEND_RATE, TWILIO_MESSAGES_PER_SECOND). */
  readonly paced?: boolean;
  /** Publishes safety alerts (enrollment id and category only) to the operators' topic. */
  readonly alerts?: boolean;
  /**
   * Erases data, checks for erased contacts, or for addresses that refused partner invitations: reads the
   * key erasure tombstones (and those refusals) are hashed with.
   */
  readonly erasure?: boolean;
  /** Invoked asynchronously (SNS, EventBridge): an event still failing after Lambda's retries is kept, not dropped. */
  readonly asyncEvents?: boolean;
  /**
   * Checks Twilio signatures against the API's own URL too (API_URL): Twilio signs the URL a status
   * callback was given when the text was sent, which may be the one before `publicUrl` changed.
   */
  readonly apiUrl?: boolean;
  readonly timeout?: Duration;
}

const SEND_TIMEOUT = Duration.seconds(30);

/** The program's Lambdas. Every one also reads the token key, to sign or check links. */
export const PROGRAM_LAMBDAS: readonly ProgramLambda[] = [
  {
    id: 'Enroll',
    file: 'enroll',
    description: 'Serves the enrollment form and enrolls; emails the confirmation link',
    table: 'read-write',
    email: true,
  },
  {
    id: 'Confirm',
    file: 'confirm',
    description: 'Shows the confirm page; POST activates the enrollment and texts the SMS opt-in',
    table: 'read-write',
    // Sends the "reply YES" opt-in SMS itself (use-cases/enrollment/confirm.ts), not through the queue.
    twilio: true,
    // Tells the inviter, by email, when a confirmation links an invited partner.
    email: true,
  },
  {
    id: 'SmsInbound',
    file: 'sms-inbound',
    description: 'Twilio inbound webhook: keywords, check-in replies, safety resources',
    table: 'read-write',
    twilio: true,
    // The crisis lines also go by email when texts cannot reach the person (after STOP).
    email: true,
    alerts: true,
    erasure: true,
  },
  {
    id: 'SmsStatus',
    file: 'sms-status',
    description: 'Twilio status callback: delivery state, opt-out on carrier errors',
    table: 'read-write',
    twilio: true,
    apiUrl: true,
  },
  {
    id: 'Unsubscribe',
    file: 'unsubscribe',
    description: 'Unsubscribe page and RFC 8058 one-click unsubscribe',
    table: 'read-write',
  },
  {
    id: 'Checkin',
    file: 'checkin',
    description: 'Email check-in: GET shows a confirm button, POST records the rating',
    table: 'read-write',
    // A note with signs of danger alerts the operators, as a text does.
    alerts: true,
  },
  {
    id: 'Report',
    file: 'report',
    description: 'Web view (HTML or JSON) of the day-90 checkpoint report',
    table: 'read-write',
  },
  {
    id: 'Privacy',
    file: 'privacy',
    description: 'The participant downloads or deletes everything held about them',
    table: 'read-write',
    erasure: true,
  },
  {
    id: 'Partner',
    file: 'partner',
    description:
      'Partner page: invite a partner by email, share the participation count, end the link; an invited address stops further invitations',
    table: 'read-write',
    email: true,
    // Invitations are held back from addresses that refused them, found by the contact hash.
    erasure: true,
  },
  {
    id: 'Settings',
    file: 'settings',
    description: 'Settings page: time zone, check-in day and time',
    table: 'read-write',
  },
  {
    id: 'EmailInbound',
    file: 'email-inbound',
    description: 'Replies to check-in emails, from SES receiving through SNS: recorded as answers',
    table: 'read-write',
    // Answers a reply that shows signs of danger with the crisis lines by email, at once.
    email: true,
    alerts: true,
    asyncEvents: true,
  },
  {
    id: 'SesEvents',
    file: 'ses-events',
    description:
      'SES bounce, complaint and delivery events: stops email to addresses that cannot or should not get it',
    table: 'read-write',
    asyncEvents: true,
  },
  {
    id: 'Dispatch',
    file: 'dispatch',
    description: 'Every 5 minutes: reads the due index, claims each due step, queues it',
    table: 'dispatch',
    enqueue: true,
    timeout: Duration.seconds(60),
  },
  {
    id: 'Send',
    file: 'send',
    description: 'Send queue consumer: renders a claimed step and sends it by SES or Twilio',
    table: 'send',
    twilio: true,
    email: true,
    paced: true,
    timeout: SEND_TIMEOUT,
  },
];

export interface KintsugiStackProps extends StackProps {
  readonly config: InfraConfig;
}

/** Everything Kintsugi runs on in AWS: table, HTTP API, functions, schedule, send queue, secrets, SES, alarms. */
export class KintsugiStack extends Stack {
  /** The program's Lambdas by construct id (Enroll, Confirm, …, Dispatch, Send). */
  readonly functions: ReadonlyMap<string, lambda.Function>;

  constructor(scope: Construct, id: string, props: KintsugiStackProps) {
    super(scope, id, props);
    const { config } = props;
    const removalPolicy = config.isDev ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    const { table } = new ProgramTable(this, 'Data', { retain: !config.isDev });
    const sendQueue = new SendQueue(this, 'SendQueue', {
      consumerTimeout: SEND_TIMEOUT,
      maxBatchingWindow: Duration.seconds(5),
    });
    const email = new EmailSending(this, 'Email', {
      configurationSetName: config.sesConfigurationSetName,
      identityDomain: config.sesIdentityDomain,
      fromAddress: config.emailFromAddress,
    });
    const twilioSecret = new secretsmanager.Secret(this, 'TwilioSecret', {
      description:
        'Twilio credentials as JSON {accountSid, authToken, from}. The operator fills it in after the first deploy.',
      // A random authToken until then, so webhook signatures cannot be forged with a known value.
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ accountSid: '', from: '' }),
        generateStringKey: 'authToken',
        excludePunctuation: true,
        passwordLength: 32,
      },
      removalPolicy,
    });
    const tokenKeySecret = new secretsmanager.Secret(this, 'TokenKeySecret', {
      description:
        'HMAC key that signs the links in emails; replacing it invalidates every link already sent.',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy,
    });
    // Never rotated: tombstones are found by a hash made with it, so a new key would lose them.
    const contactHashKeySecret = new secretsmanager.Secret(this, 'ContactHashKeySecret', {
      description:
        'HMAC key erasure tombstones are hashed with. Never replace it: tombstones made with the old key could no longer be found.',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const http = new ProgramHttpApi(this, 'Http');
    // The API id is known before any route or function, so functions can name their own URL
    // without a cycle (function → API only; routes → function).
    const publicUrl = config.publicUrl ?? http.endpoint;

    const commonEnvironment: Record<string, string> = {
      TABLE_NAME: table.tableName,
      PUBLIC_URL: publicUrl,
      EMAIL_FROM: config.emailFrom,
      SUPPORT_EMAIL: config.supportEmail,
      SES_CONFIGURATION_SET: email.configurationSet.configurationSetName,
      TOKEN_SECRET_ARN: tokenKeySecret.secretArn,
      DUE_SHARDS: String(config.dueShards),
      RETENTION_DAYS: String(config.retentionDays),
      DROP_REPLY_TEXT_AFTER_REPORT: String(config.dropReplyTextAfterReport),
      POSTAL_ADDRESS: config.postalAddress,
      LOG_LEVEL: config.logLevel,
      // Answers by email reach email-inbound whatever the From address is.
      ...(config.inboundEmailAddress ? { REPLY_TO: config.inboundEmailAddress } : {}),
    };

    // Safety alerts: someone may be in danger. Messages carry the enrollment id and category only.
    // Only sms-inbound and email-inbound publish here (no alarm, no AWS service): IAM principals of the
    // account may use the AWS-managed SNS key, so it stays (CloudWatch or SES could not: see below).
    const safetyTopic = new sns.Topic(this, 'SafetyAlertsTopic', {
      displayName: 'Kintsugi: safety flags',
      enforceSSL: true,
      masterKey: kms.Alias.fromAliasName(this, 'SafetyTopicKey', 'alias/aws/sns'),
    });
    if (config.alarmEmail)
      safetyTopic.addSubscription(new snsSubscriptions.EmailSubscription(config.alarmEmail));

    // Replies by email (SNS) and SES events (EventBridge) reach their functions asynchronously: an event
    // still failing after Lambda's two retries is kept here, with the error, instead of being dropped.
    const failedEvents = new sqs.Queue(this, 'FailedEvents', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });

    const functions = new Map<string, lambda.Function>();
    for (const spec of PROGRAM_LAMBDAS) {
      const fn = programFunction(this, `${spec.id}Function`, {
        handlerFile: spec.file,
        description: spec.description,
        timeout: spec.timeout,
        tracing: config.tracing,
        logRetention: logs.RetentionDays.ONE_MONTH,
        removalPolicy,
        // The schedule's next tick redoes a failed dispatch; Lambda's own retries would overlap it.
        retryAttempts: spec.table === 'dispatch' ? 0 : undefined,
        onFailure: spec.asyncEvents ? new lambdaDestinations.SqsDestination(failedEvents) : undefined,
        environment: {
          ...commonEnvironment,
          ...(spec.enqueue ? { SEND_QUEUE_URL: sendQueue.queue.queueUrl } : {}),
          ...(spec.paced
            ? {
                // Each send instance paces to its share of the providers' rates (adapters/pacing.ts).
                SES_MAX_SEND_RATE: String(config.sesMaxSendRate),
                TWILIO_MESSAGES_PER_SECOND: String(config.twilioMessagesPerSecond),
                SEND_CONCURRENCY: String(config.sendMaxConcurrency),
              }
            : {}),
          ...(spec.twilio ? { TWILIO_SECRET_ARN: twilioSecret.secretArn } : {}),
          ...(spec.alerts ? { SAFETY_TOPIC_ARN: safetyTopic.topicArn } : {}),
          ...(spec.erasure ? { CONTACT_HASH_SECRET_ARN: contactHashKeySecret.secretArn } : {}),
          ...(spec.apiUrl ? { API_URL: http.endpoint } : {}),
        },
      });
      grantTableAccess(table, fn, spec.table);
      tokenKeySecret.grantRead(fn);
      if (spec.twilio) twilioSecret.grantRead(fn);
      if (spec.erasure) contactHashKeySecret.grantRead(fn);
      if (spec.email) email.grantSend(fn);
      if (spec.enqueue) sendQueue.queue.grantSendMessages(fn);
      // Publish only: the AWS-managed aws/sns key lets account principals use it through SNS, so no
      // kms:* grant (grantPublish would add one on key/*).
      if (spec.alerts)
        iam.Grant.addToPrincipal({
          grantee: fn,
          actions: ['sns:Publish'],
          resourceArns: [safetyTopic.topicArn],
        });
      const routes: ProgramRoute[] = HTTP_ROUTES.filter((r) => r.handler === spec.file);
      if (routes.length > 0) http.route(fn, routes);
      functions.set(spec.id, fn);
    }
    this.functions = functions;
    const dispatch = functions.get('Dispatch');
    const send = functions.get('Send');
    if (!dispatch || !send) throw new Error('PROGRAM_LAMBDAS must define Dispatch and Send');

    sendQueue.attachConsumer(send, config.sendMaxConcurrency);

    // EventBridge Scheduler rather than an events Rule: retries and event age are set on the
    // target, and stale ticks are dropped instead of piling up behind a slow run.
    new scheduler.Schedule(this, 'DispatchSchedule', {
      description: 'Runs dispatch: sends every program step that has fallen due',
      schedule: scheduler.ScheduleExpression.rate(Duration.minutes(5)),
      target: new schedulerTargets.LambdaInvoke(dispatch, {
        input: scheduler.ScheduleTargetInput.fromObject({
          source: 'kintsugi.schedule',
          scheduledTime: scheduler.ContextAttribute.scheduledTime,
        }),
        maxEventAge: Duration.minutes(5),
        retryAttempts: 2,
      }),
    });

    // SES publishes bounces, complaints and deliveries of the configuration set to the default bus.
    const sesEvents = functions.get('SesEvents');
    if (!sesEvents) throw new Error('PROGRAM_LAMBDAS must define SesEvents');
    email.publishEventsTo(sesEvents, failedEvents);

    // Replies to check-in emails: SES receiving publishes each mail to this topic (UTF-8, content
    // included), which invokes email-inbound. The receipt rule needs an MX record on the address's domain.
    const emailInbound = functions.get('EmailInbound');
    if (!emailInbound) throw new Error('PROGRAM_LAMBDAS must define EmailInbound');
    // Its key is our own: SES cannot use the AWS-managed SNS key (its policy cannot name SES), so a
    // topic under it would fail the receipt rule or drop every reply. This key lets SES encrypt for this
    // account only. It protects messages in transit through SNS; nothing at rest depends on it.
    const inboundKey = new kms.Key(this, 'InboundMailKey', {
      description: 'Encrypts replies to check-in emails on their way from SES receiving through SNS',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    inboundKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'SesReceivingPublishesReplies',
        principals: [new iam.ServicePrincipal('ses.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );
    const inboundTopic = new sns.Topic(this, 'InboundMailTopic', {
      displayName: 'Kintsugi: replies to check-in emails',
      enforceSSL: true,
      masterKey: inboundKey,
    });
    // The topic policy CDK writes (TLS only) replaces SNS's default one: say that SES of this account may publish.
    inboundTopic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'SesReceivingPublishesReplies',
        principals: [new iam.ServicePrincipal('ses.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [inboundTopic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );
    // A reply SNS cannot hand to Lambda is kept too (one the function fails on goes to its on-failure destination).
    inboundTopic.addSubscription(
      new snsSubscriptions.LambdaSubscription(emailInbound, { deadLetterQueue: failedEvents }),
    );
    if (config.inboundEmailAddress) {
      new ses.ReceiptRuleSet(this, 'InboundMail', {
        rules: [
          {
            recipients: [config.inboundEmailAddress],
            scanEnabled: true,
            actions: [new sesActions.Sns({ topic: inboundTopic, encoding: sesActions.EmailEncoding.UTF8 })],
          },
        ],
      });
    }

    const alarms = new OperatorAlarms(this, 'Alarms', { email: config.alarmEmail });
    alarms.alarmOnDeadLetters('SendDeadLettersAlarm', sendQueue.deadLetterQueue);
    alarms.alarmOnDeadLetters(
      'FailedEventsAlarm',
      failedEvents,
      'A reply by email or an SES bounce, complaint or delivery event failed after every retry and waits in the failed-events queue.',
    );
    alarms.alarmOnErrors('DispatchErrorsAlarm', dispatch, 'The dispatch run');
    for (const [id, fn] of functions) {
      if (id !== 'Dispatch') alarms.alarmOnErrors(`${id}ErrorsAlarm`, fn, `The ${id} function`);
    }
    alarms.alarmOnEmailReputation();
    alarms.alarmOnSmsFailureRate(METRICS_NAMESPACE);
    alarms.alarmOnTwilioSecret(METRICS_NAMESPACE);

    const { dashboard } = new OperatorDashboard(this, 'Operations', {
      dashboardName: `kintsugi-${config.stage}`,
      alarms: alarms.alarms,
      functions,
      deadLetterQueue: sendQueue.deadLetterQueue,
      failedEventsQueue: failedEvents,
    });

    acknowledgeFindings(this, {
      failedEvents,
      sendDeadLetters: sendQueue.deadLetterQueue,
      dispatch,
      send,
      emailedTopics: [alarms.topic, safetyTopic],
      tracedFunctions: config.tracing ? [...functions.values()] : [],
    });

    new CfnOutput(this, 'ApiEndpoint', {
      value: http.endpoint,
      description: 'The HTTP API (execute-api) URL',
    });
    new CfnOutput(this, 'PublicUrl', {
      value: publicUrl,
      description: 'The base of every link the program sends',
    });
    new CfnOutput(this, 'TwilioWebhookUrl', {
      value: `${publicUrl}/sms/inbound`,
      description: "Set as the Twilio number's messaging webhook (HTTP POST)",
    });
    new CfnOutput(this, 'TwilioSecretName', {
      value: twilioSecret.secretName,
      description: 'Fill in {accountSid, authToken, from} after deploying',
    });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'SafetyTopicArn', {
      value: safetyTopic.topicArn,
      description: 'Safety flags (enrollment id and category): subscribe the people who follow them up',
    });
    new CfnOutput(this, 'SendDeadLetterQueueUrl', { value: sendQueue.deadLetterQueue.queueUrl });
    new CfnOutput(this, 'FailedEventsQueueUrl', {
      value: failedEvents.queueUrl,
      description: 'Replies by email and SES events that failed after every retry (each with its error)',
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarms.topic.topicArn });
    // What the CLI (`npx kintsugi --stack <name>`) reads to reach the program's data and links.
    new CfnOutput(this, 'TokenKeySecretArn', {
      value: tokenKeySecret.secretArn,
      description: 'The link-signing key (the CLI signs report and privacy links with it)',
    });
    new CfnOutput(this, 'ContactHashKeySecretArn', {
      value: contactHashKeySecret.secretArn,
      description: 'The key erasure tombstones are hashed with (the CLI erases with it)',
    });
    new CfnOutput(this, 'DueShards', { value: String(config.dueShards) });
    new CfnOutput(this, 'DashboardUrl', {
      value: `https://console.aws.amazon.com/cloudwatch/home?region=${this.region}#dashboards:name=${dashboard.dashboardName}`,
      description: 'The operator dashboard: alarms, enrollments, messages, replies, opt-outs, safety flags',
    });
  }
}

/** Grants `fn` only the table actions its job needs. */
function grantTableAccess(table: dynamodb.ITable, fn: iam.IGrantable, access: TableAccess): void {
  const allow = (actions: string[], resourceArns: string[]) =>
    iam.Grant.addToPrincipal({ grantee: fn, actions: actions.map((a) => `dynamodb:${a}`), resourceArns });
  switch (access) {
    case 'read-write':
      table.grantReadWriteData(fn);
      return;
    case 'dispatch':
      // Query the due index (it carries the whole enrollment); read the profile again only when a
      // versioned write finds it changed; claim steps and move the next due time (Put/Update/ConditionCheck).
      allow(['Query'], [`${table.tableArn}/index/${DUE_INDEX_NAME}`]);
      allow(['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem', 'ConditionCheckItem'], [table.tableArn]);
      // A program that ends sets the retention TTL on its own items: a Query of its own partition only
      // (an enrollment's), never a Scan.
      fn.grantPrincipal.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['dynamodb:Query'],
          resources: [table.tableArn],
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['ENR#*'] } },
        }),
      );
      // An enrollment erased mid-tick: what the tick claimed is deleted with its lookups.
      allow(['DeleteItem', 'BatchWriteItem'], [table.tableArn]);
      return;
    case 'send':
      // Query: the day-90 checkpoint aggregates the enrollment's replies before it is sent; DeleteItem:
      // a deployment that drops reply words after the report deletes the notes that hold nothing else.
      allow(['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'], [table.tableArn]);
      return;
    default: {
      const unknown: never = access;
      throw new Error(`unknown table access ${String(unknown)}`);
    }
  }
}
