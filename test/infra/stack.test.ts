import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCatalog, PROJECT_ROOT } from '../../infra/catalog';
import { readConfig } from '../../infra/config';
import { KintsugiStack } from '../../infra/kintsugi-stack';
import { checkWithCdkNag } from '../../infra/nag';

type Json = Record<string, unknown>;
interface Statement {
  Action: string | string[];
  Resource: unknown;
  Effect: string;
  Condition?: Json;
}

const CDK_CONTEXT: Json = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')).context;

/** Builds the stack as `cdk synth` would, with cdk.json's context plus `overrides`. */
function synthesize(overrides: Json, bundle: boolean): { stack: KintsugiStack; template: Template } {
  const app = new App({
    context: { ...CDK_CONTEXT, ...overrides, ...(bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) },
  });
  checkWithCdkNag(app);
  const stack = new KintsugiStack(app, 'KintsugiStack', { config: readConfig(app.node) });
  return { stack, template: Template.fromStack(stack) };
}

const HTTP_ROUTES: Record<string, string> = {
  'GET /': 'Enroll',
  'POST /enrollments': 'Enroll',
  'GET /confirm': 'Confirm',
  'POST /confirm': 'Confirm',
  'POST /sms/inbound': 'SmsInbound',
  'POST /sms/status': 'SmsStatus',
  'GET /unsubscribe': 'Unsubscribe',
  'POST /unsubscribe': 'Unsubscribe',
  'GET /checkin': 'Checkin',
  'POST /checkin': 'Checkin',
  'GET /report': 'Report',
  'GET /privacy': 'Privacy',
  'POST /privacy': 'Privacy',
  'GET /partner': 'Partner',
  'POST /partner': 'Partner',
  'GET /settings': 'Settings',
  'POST /settings': 'Settings',
};
const HTTP_FUNCTIONS = [...new Set(Object.values(HTTP_ROUTES))];
const ALL_FUNCTIONS = [...HTTP_FUNCTIONS, 'Dispatch', 'Send', 'SesEvents', 'EmailInbound'];

let stack: KintsugiStack;
let template: Template;
let resources: Record<string, Json>;

beforeAll(() => {
  ensureCatalog();
  const started = performance.now();
  ({ stack, template } = synthesize({}, true));
  resources = template.toJSON().Resources;
  console.log(
    `KintsugiStack synthesized, every function bundled, in ${Math.round(performance.now() - started)} ms`,
  );
}, 180_000);

const logicalId = (element: unknown): string => stack.getLogicalId(element as CfnElement);
const functionId = (name: string): string => {
  const fn = stack.functions.get(name);
  if (!fn) throw new Error(`no function ${name}`);
  return logicalId(fn.node.defaultChild);
};
const resourceOfType = (type: string, predicate: (props: Json) => boolean): [string, Json] => {
  const found = Object.entries(resources).find(
    ([, r]) => r.Type === type && predicate((r.Properties ?? {}) as Json),
  );
  if (!found) throw new Error(`no ${type} matched`);
  return found;
};
const propertiesOf = (id: string): Json => {
  const resource = resources[id];
  if (!resource) throw new Error(`no resource ${id}`);
  return (resource.Properties ?? {}) as Json;
};
const environmentOf = (name: string): Record<string, unknown> =>
  (propertiesOf(functionId(name)).Environment as Json).Variables as Record<string, unknown>;
/** Every statement in the inline policies attached to a function's role. */
const statementsOf = (name: string): Statement[] => {
  const role = propertiesOf(functionId(name)).Role as { 'Fn::GetAtt': [string, string] };
  const roleId = role['Fn::GetAtt'][0];
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy')
    .map((r) => r.Properties as Json)
    .filter((p) =>
      (p.Roles as unknown[]).some((ref) => JSON.stringify(ref) === JSON.stringify({ Ref: roleId })),
    )
    .flatMap((p) => (p.PolicyDocument as { Statement: Statement[] }).Statement);
};
const actions = (s: Statement): string[] => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const allows = (name: string, action: string, resourceLogicalId: string): boolean =>
  statementsOf(name).some(
    (s) =>
      s.Effect === 'Allow' &&
      actions(s).includes(action) &&
      JSON.stringify(s.Resource).includes(`"${resourceLogicalId}"`),
  );
const secretId = (path: string): string => logicalId(stack.node.findChild(path).node.defaultChild);

describe('the table', () => {
  it('is keyed by string PK and SK, billed on demand, with point-in-time recovery and AWS-managed encryption', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: 'PK', AttributeType: 'S' },
        { AttributeName: 'SK', AttributeType: 'S' },
      ]),
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
    });
  });

  it('expires items by their expiresAt attribute', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('has a "due" index on duePk and dueSk that carries the whole enrollment', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: 'duePk', AttributeType: 'S' },
        { AttributeName: 'dueSk', AttributeType: 'S' },
      ]),
      GlobalSecondaryIndexes: [
        {
          IndexName: 'due',
          KeySchema: [
            { AttributeName: 'duePk', KeyType: 'HASH' },
            { AttributeName: 'dueSk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
  });

  it('is deleted with a dev stack', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });
});

describe('the send queue', () => {
  it('moves a message to the dead-letter queue after five receives', () => {
    const [dlqId] = resourceOfType('AWS::SQS::Queue', (p) => p.MessageRetentionPeriod === 14 * 24 * 3600);
    template.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] }, maxReceiveCount: 5 },
      SqsManagedSseEnabled: true,
    });
  });

  it('keeps dead letters 14 days, encrypted', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      MessageRetentionPeriod: 1_209_600,
      SqsManagedSseEnabled: true,
    });
  });

  it('hides a message in flight for at least six times the send timeout', () => {
    const [, queue] = resourceOfType('AWS::SQS::Queue', (p) => p.RedrivePolicy !== undefined);
    const sendTimeout = propertiesOf(functionId('Send')).Timeout as number;
    expect((queue.Properties as Json).VisibilityTimeout).toBeGreaterThanOrEqual(6 * sendTimeout);
  });

  it('feeds send in batches of 10, reporting failed messages one by one, at bounded concurrency', () => {
    const [queueId] = resourceOfType('AWS::SQS::Queue', (p) => p.RedrivePolicy !== undefined);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: functionId('Send') },
      EventSourceArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: Match.anyValue(),
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 5 },
    });
  });

  it("paces send to the providers' rates, each of its instances to its share, and nothing else", () => {
    expect(environmentOf('Send')).toMatchObject({
      SES_MAX_SEND_RATE: '14',
      TWILIO_MESSAGES_PER_SECOND: '10',
      SEND_CONCURRENCY: '5',
    });
    const paced = ALL_FUNCTIONS.filter((name) => 'SES_MAX_SEND_RATE' in environmentOf(name));
    expect(paced).toEqual(['Send']);
  });
});

describe('the dispatch schedule', () => {
  it('invokes dispatch every 5 minutes and drops ticks older than one interval', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(5 minutes)',
      State: 'ENABLED',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [functionId('Dispatch'), 'Arn'] },
        RetryPolicy: Match.objectLike({ MaximumEventAgeInSeconds: 300 }),
      }),
    });
  });
});

describe('the HTTP API', () => {
  it('speaks payload format 2.0', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', { PayloadFormatVersion: '2.0' });
  });

  it.each(Object.entries(HTTP_ROUTES))('routes %s to the %s function', (routeKey, name) => {
    const [, route] = resourceOfType('AWS::ApiGatewayV2::Route', (p) => p.RouteKey === routeKey);
    const target = JSON.stringify((route.Properties as Json).Target);
    const integrationId = /"Ref":"([^"]+)"/.exec(target)?.[1] ?? '';
    expect(propertiesOf(integrationId).IntegrationUri).toEqual({
      'Fn::GetAtt': [functionId(name), 'Arn'],
    });
  });

  it('serves exactly the public routes, and no /_local control route', () => {
    const routeKeys = Object.values(resources)
      .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')
      .map((r) => (r.Properties as Json).RouteKey as string);
    expect(routeKeys.filter((key) => key.includes('/_local'))).toEqual([]);
    expect(new Set(routeKeys)).toEqual(new Set(Object.keys(HTTP_ROUTES)));
  });

  it('throttles its default stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingBurstLimit: Match.anyValue(), ThrottlingRateLimit: Match.anyValue() },
    });
  });
});

describe('the functions', () => {
  it('run on nodejs24.x, arm64, every one of them', () => {
    const functions = Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::Function');
    expect(functions.length).toBeGreaterThanOrEqual(ALL_FUNCTIONS.length);
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
    }
  });

  it.each(ALL_FUNCTIONS)('%s gets the shared configuration and source-mapped stack traces', (name) => {
    expect(environmentOf(name)).toMatchObject({
      TABLE_NAME: { Ref: logicalId(stack.node.findChild('Data').node.findChild('Table').node.defaultChild) },
      PUBLIC_URL: {
        'Fn::GetAtt': [
          logicalId(stack.node.findChild('Http').node.findChild('Api').node.defaultChild),
          'ApiEndpoint',
        ],
      },
      EMAIL_FROM: 'Kintsugi <program@example.com>',
      SUPPORT_EMAIL: 'program@example.com',
      SES_CONFIGURATION_SET: expect.anything(),
      TOKEN_SECRET_ARN: { Ref: secretId('TokenKeySecret') },
      DUE_SHARDS: '8',
      RETENTION_DAYS: '180',
      POSTAL_ADDRESS: expect.any(String),
      LOG_LEVEL: 'INFO',
      NODE_OPTIONS: '--enable-source-maps',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_SERVICE_NAME: expect.stringMatching(/^kintsugi-/),
    });
  });

  it('names the send queue only to dispatch, the one function that enqueues', () => {
    const withQueue = ALL_FUNCTIONS.filter((name) => 'SEND_QUEUE_URL' in environmentOf(name));
    expect(withQueue).toEqual(['Dispatch']);
    for (const name of withQueue) {
      expect(
        allows(
          name,
          'sqs:SendMessage',
          resourceOfType('AWS::SQS::Queue', (p) => p.RedrivePolicy !== undefined)[0],
        ),
      ).toBe(true);
    }
  });

  it('does not let dispatch scan the table: it queries the due index, and the table only within an enrollment', () => {
    const dispatch = statementsOf('Dispatch');
    expect(dispatch.flatMap(actions)).not.toContain('dynamodb:Scan');
    const queries = dispatch.filter((s) => actions(s).includes('dynamodb:Query'));
    expect(queries.map((s) => JSON.stringify(s.Resource))).toEqual([
      expect.stringContaining('/index/due'),
      expect.not.stringContaining('/index/'),
    ]);
    // The table's partitions it may query: enrollments' own (the end-of-program expiry), nothing else.
    expect(queries[1]?.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['ENR#*'] },
    });
  });
});

describe('the secrets', () => {
  it('hold Twilio credentials as JSON the operator fills in, with a random placeholder token', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({
        SecretStringTemplate: JSON.stringify({ accountSid: '', from: '' }),
        GenerateStringKey: 'authToken',
      }),
    });
  });

  it('hold a generated 64-character token key', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ PasswordLength: 64 }),
    });
  });

  it('let the functions that text or check Twilio signatures read the Twilio secret, and dispatch not', () => {
    const twilio = secretId('TwilioSecret');
    const readers = ALL_FUNCTIONS.filter((name) => allows(name, 'secretsmanager:GetSecretValue', twilio));
    expect(readers.sort()).toEqual(['Confirm', 'Send', 'SmsInbound', 'SmsStatus']);
    expect(allows('Dispatch', 'secretsmanager:GetSecretValue', twilio)).toBe(false);
    expect(environmentOf('Dispatch')).not.toHaveProperty('TWILIO_SECRET_ARN');
    expect(environmentOf('Send')).toHaveProperty('TWILIO_SECRET_ARN', { Ref: twilio });
  });

  it('let only the functions that erase, or check for erased contacts, read the contact-hash key', () => {
    const contactKey = secretId('ContactHashKeySecret');
    const readers = ALL_FUNCTIONS.filter((name) => allows(name, 'secretsmanager:GetSecretValue', contactKey));
    expect(readers.sort()).toEqual(['Privacy', 'SmsInbound']);
    expect(environmentOf('Privacy')).toHaveProperty('CONTACT_HASH_SECRET_ARN', { Ref: contactKey });
    expect(environmentOf('Enroll')).not.toHaveProperty('CONTACT_HASH_SECRET_ARN');
    template.hasOutput('ContactHashKeySecretArn', { Value: { Ref: contactKey } });
  });

  it('let every function read the token key', () => {
    const tokenKey = secretId('TokenKeySecret');
    for (const name of ALL_FUNCTIONS)
      expect(allows(name, 'secretsmanager:GetSecretValue', tokenKey)).toBe(true);
  });
});

describe('cdk-nag', () => {
  it('finds nothing unacknowledged in the stack (synthesis above would have failed)', () => {
    expect(Object.keys(template.toJSON().Resources).length).toBeGreaterThan(0);
  });

  it('fails synthesis on a finding nobody gave a reason for', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    checkWithCdkNag(app);
    const careless = new Stack(app, 'Careless');
    new sqs.Queue(careless, 'NoDeadLetters');
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS3/);
  });
});

describe('email', () => {
  it('goes through a configuration set with reputation metrics that suppresses bounces and complaints', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      Name: 'kintsugi-dev',
      ReputationOptions: { ReputationMetricsEnabled: true },
      SuppressionOptions: { SuppressedReasons: Match.arrayEquals(['BOUNCE', 'COMPLAINT']) },
    });
  });

  it('publishes bounces, complaints and deliveries to EventBridge, where a rule hands them to ses-events', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: Match.arrayWith(['bounce', 'complaint', 'delivery']),
        EventBridgeDestination: Match.anyValue(),
      }),
    });
    const rules = template.findResources('AWS::Events::Rule', {
      Properties: {
        EventPattern: { source: ['aws.ses'], detail: { eventType: ['Bounce', 'Complaint', 'Delivery'] } },
      },
    });
    const [rule] = Object.values(rules) as { Properties: { Targets: { Arn: unknown }[] } }[];
    expect(JSON.stringify(rule?.Properties.Targets[0]?.Arn)).toContain('SesEventsFunction');
  });

  it('hands replies to check-in emails from an SNS topic to email-inbound', () => {
    const subscriptions = template.findResources('AWS::SNS::Subscription', {
      Properties: { Protocol: 'lambda' },
    });
    const endpoints = Object.values(subscriptions).map((r) =>
      JSON.stringify((r as { Properties: { Endpoint: unknown } }).Properties.Endpoint),
    );
    expect(endpoints.some((e) => e.includes('EmailInboundFunction'))).toBe(true);
  });

  it('may be sent only by enroll, partner (invitations), send and email-inbound (crisis lines), and only from the program address', () => {
    const senders = ALL_FUNCTIONS.filter((name) =>
      statementsOf(name).some((s) => actions(s).includes('ses:SendEmail')),
    );
    expect(senders.sort()).toEqual(['EmailInbound', 'Enroll', 'Partner', 'Send']);
    for (const name of senders) {
      const grant = statementsOf(name).find((s) => actions(s).includes('ses:SendEmail'));
      expect(grant?.Condition).toEqual({
        StringEqualsIgnoreCase: { 'ses:FromAddress': 'program@example.com' },
      });
    }
  });
});

describe('safety alerts', () => {
  it('go to an encrypted, TLS-only topic that only sms-inbound and email-inbound may publish to, and are named to them alone', () => {
    const [topicId] = resourceOfType('AWS::SNS::Topic', (p) => p.DisplayName === 'Kintsugi: safety flags');
    template.hasResourceProperties('AWS::SNS::Topic', {
      DisplayName: 'Kintsugi: safety flags',
      KmsMasterKeyId: Match.anyValue(),
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    const publishers = ALL_FUNCTIONS.filter((name) => allows(name, 'sns:Publish', topicId));
    expect(publishers.sort()).toEqual(['EmailInbound', 'SmsInbound']);
    const named = ALL_FUNCTIONS.filter((name) => environmentOf(name).SAFETY_TOPIC_ARN !== undefined);
    expect(named.sort()).toEqual(['EmailInbound', 'SmsInbound']);
    expect(environmentOf('SmsInbound').SAFETY_TOPIC_ARN).toEqual({ Ref: topicId });
  });
});

describe('alarms', () => {
  it('alarm as soon as one message waits in the dead-letter queue, to the operator topic', () => {
    const [dlqId] = resourceOfType('AWS::SQS::Queue', (p) => p.MessageRetentionPeriod === 1_209_600);
    const [topicId] = resourceOfType('AWS::SNS::Topic', (p) => p.DisplayName === 'Kintsugi alarms');
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlqId, 'QueueName'] } }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [{ Ref: topicId }],
    });
  });

  it('alarm when any function fails, each on its own', () => {
    const errorAlarms = Object.values(resources).filter(
      (r) => r.Type === 'AWS::CloudWatch::Alarm' && (r.Properties as Json).MetricName === 'Errors',
    );
    expect(errorAlarms.length).toBe(ALL_FUNCTIONS.length);
  });

  it('alarm on the SES bounce and complaint rates below the levels where AWS reviews the account', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Reputation.BounceRate',
      Threshold: 0.025,
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Reputation.ComplaintRate',
      Threshold: 0.0005,
    });
  });

  it('alarm when more than 5% of texts fail', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 0.05,
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: Match.stringLikeRegexp('failed / \\(failed \\+ delivered\\)') }),
      ]),
    });
  });

  it('alarm when dispatch fails', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: functionId('Dispatch') } }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it('have no email subscriber unless alarmEmail is set', () => {
    template.resourcePropertiesCountIs('AWS::SNS::Subscription', { Protocol: 'email' }, 0);
  });
});

describe('a production stage', () => {
  let prod: { stack: Stack; template: Template };
  beforeAll(() => {
    prod = synthesize(
      {
        stage: 'prod',
        publicUrl: 'https://kintsugi.example.org/',
        alarmEmail: 'ops@example.org',
        emailFrom: 'Kintsugi <hello@kintsugi.example.org>',
        sesIdentityDomain: 'kintsugi.example.org',
        inboundEmailAddress: 'replies@kintsugi.example.org',
      },
      false,
    );
  });

  it('receives replies at the inbound address, which every program email names as Reply-To', () => {
    prod.template.hasResourceProperties('AWS::SES::ReceiptRule', {
      Rule: Match.objectLike({ Recipients: ['replies@kintsugi.example.org'] }),
    });
    prod.template.allResourcesProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ REPLY_TO: 'replies@kintsugi.example.org' }) },
    });
  });

  it('keeps the table, with deletion protection, when the stack goes', () => {
    prod.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
  });

  it('keeps the secrets when the stack goes', () => {
    prod.template.allResources('AWS::SecretsManager::Secret', { DeletionPolicy: 'Retain' });
  });

  it('links to the custom domain, without a trailing slash', () => {
    prod.template.allResourcesProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ PUBLIC_URL: 'https://kintsugi.example.org' }) },
    });
  });

  it('emails alarms to the operator', () => {
    prod.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.org',
    });
  });

  it('creates the sending domain identity on the configuration set', () => {
    prod.template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'kintsugi.example.org',
      ConfigurationSetAttributes: { ConfigurationSetName: Match.anyValue() },
    });
  });
});
