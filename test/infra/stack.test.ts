import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, type CfnElement, Stack, Validations } from 'aws-cdk-lib';
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

/** The production `context` block docs/DEPLOY.md tells an operator to write, as it is written there. */
const DEPLOY_CONTEXT: Json = (() => {
  const guide = readFileSync(join(PROJECT_ROOT, 'docs', 'DEPLOY.md'), 'utf8');
  const block = /A production `context` block[^`]*```json\n([\s\S]*?)```/.exec(guide)?.[1];
  if (!block) throw new Error('docs/DEPLOY.md has no production context block');
  return JSON.parse(`{${block.trim().replace(/,$/, '')}}`);
})();

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
  'POST /fresh-link': 'Enroll',
  'GET /confirm': 'Confirm',
  'POST /confirm': 'Confirm',
  'POST /sms/inbound': 'SmsInbound',
  'POST /sms/status': 'SmsStatus',
  'GET /unsubscribe': 'Unsubscribe',
  'POST /unsubscribe': 'Unsubscribe',
  'GET /checkin': 'Checkin',
  'POST /checkin': 'Checkin',
  'GET /report': 'Report',
  'POST /report': 'Report',
  'GET /report/pdf': 'Report',
  'GET /shared': 'Report',
  'GET /privacy': 'Privacy',
  'POST /privacy': 'Privacy',
  'GET /partner': 'Partner',
  'POST /partner': 'Partner',
  'GET /invitations/stop': 'Partner',
  'POST /invitations/stop': 'Partner',
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

  it('tell sms-status, alone, the API’s own URL, which status callbacks of texts sent before a publicUrl change were signed for', () => {
    const apiEndpoint = {
      'Fn::GetAtt': [
        logicalId(stack.node.findChild('Http').node.findChild('Api').node.defaultChild),
        'ApiEndpoint',
      ],
    };
    expect(environmentOf('SmsStatus').API_URL).toEqual(apiEndpoint);
    expect(ALL_FUNCTIONS.filter((name) => 'API_URL' in environmentOf(name))).toEqual(['SmsStatus']);
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

  it('let only the functions that erase, or check for erased contacts or refused invitations, read the contact-hash key', () => {
    const contactKey = secretId('ContactHashKeySecret');
    const readers = ALL_FUNCTIONS.filter((name) => allows(name, 'secretsmanager:GetSecretValue', contactKey));
    expect(readers.sort()).toEqual(['Partner', 'Privacy', 'SmsInbound']);
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

  it('passes both packs (AwsSolutions, Serverless) for the production configuration of docs/DEPLOY.md', () => {
    expect(DEPLOY_CONTEXT).toMatchObject({ stage: 'prod', alarmEmail: expect.any(String) });
    const app = new App({ context: { ...CDK_CONTEXT, ...DEPLOY_CONTEXT, 'aws:cdk:bundling-stacks': [] } });
    checkWithCdkNag(app);
    new KintsugiStack(app, 'KintsugiStack', { config: readConfig(app.node) });
    expect(() => app.synth()).not.toThrow();
  });

  it('passes them with X-Ray tracing on too (its grant takes no resource but "*", acknowledged there alone)', () => {
    const app = new App({ context: { ...CDK_CONTEXT, tracing: true, 'aws:cdk:bundling-stacks': [] } });
    checkWithCdkNag(app);
    new KintsugiStack(app, 'KintsugiStack', { config: readConfig(app.node) });
    expect(() => app.synth()).not.toThrow();
  });

  it('gives each acknowledged finding a reason in words', () => {
    const reasons = stack.node
      .findAll()
      .flatMap((c) => c.node.metadata)
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string>));
    expect(reasons.map(([id]) => id)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^AwsSolutions::/),
        expect.stringMatching(/^Serverless::Serverless-LambdaDLQ/),
      ]),
    );
    for (const [id, reason] of reasons) expect(reason.split(' ').length, id).toBeGreaterThanOrEqual(12);
  });

  it('fails synthesis on a finding nobody gave a reason for, from either pack', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    checkWithCdkNag(app);
    const careless = new Stack(app, 'Careless');
    new sqs.Queue(careless, 'NoDeadLetters');
    expect(() => app.synth()).toThrow(
      /AwsSolutions-SQS3[\s\S]*Serverless-SQSRedrivePolicy|Serverless-SQSRedrivePolicy[\s\S]*AwsSolutions-SQS3/,
    );
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
      Properties: { EventPattern: Match.objectLike({ source: ['aws.ses'] }) },
    });
    const [rule] = Object.values(rules) as { Properties: { Targets: { Arn: unknown }[] } }[];
    expect(JSON.stringify(rule?.Properties.Targets[0]?.Arn)).toContain('SesEventsFunction');
  });

  it('hands ses-events the events of this stage’s configuration set only, not every SES event of the account', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.ses'],
        detail: {
          eventType: ['Bounce', 'Complaint', 'Delivery'],
          mail: { tags: { 'ses:configuration-set': ['kintsugi-dev'] } },
        },
      },
    });
  });

  it('receives replies on a topic SES can publish to: a key of our own that lets SES of this account use it', () => {
    const [topicId, topic] = resourceOfType(
      'AWS::SNS::Topic',
      (p) => p.DisplayName === 'Kintsugi: replies to check-in emails',
    );
    const keyRef = (topic.Properties as Json).KmsMasterKeyId as { 'Fn::GetAtt': [string, string] };
    const keyId = keyRef['Fn::GetAtt']?.[0];
    expect(resources[keyId]?.Type).toBe('AWS::KMS::Key');
    const key = propertiesOf(keyId) as { EnableKeyRotation: boolean; KeyPolicy: { Statement: Json[] } };
    expect(key.EnableKeyRotation).toBe(true);
    expect(key.KeyPolicy.Statement).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'ses.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
      }),
    );
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'ses.amazonaws.com' },
            Action: 'sns:Publish',
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          }),
        ]),
      },
    });
  });

  it('leaves the AWS-managed SNS key only on a topic no AWS service publishes to (the safety topic: functions only)', () => {
    const managed = Object.entries(resources).filter(
      ([, r]) =>
        r.Type === 'AWS::SNS::Topic' &&
        JSON.stringify((r.Properties as Json).KmsMasterKeyId ?? '').includes('alias/aws/sns'),
    );
    expect(managed.map(([, r]) => (r.Properties as Json).DisplayName)).toEqual(['Kintsugi: safety flags']);
    const [safetyId] = managed[0] ?? [];
    const alarmTargets = Object.values(resources)
      .filter((r) => r.Type === 'AWS::CloudWatch::Alarm')
      .flatMap((r) => [
        ...((r.Properties as Json).AlarmActions as unknown[]),
        ...((r.Properties as Json).OKActions as unknown[]),
      ]);
    expect(JSON.stringify(alarmTargets)).not.toContain(`"${safetyId}"`);
    expect(JSON.stringify(template.findResources('AWS::SES::ReceiptRule'))).not.toContain(`"${safetyId}"`);
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

  it('may be sent only by enroll, confirm (the inviter told of a link), partner (invitations), send, and email-inbound and sms-inbound (crisis lines), and only from the program address', () => {
    const senders = ALL_FUNCTIONS.filter((name) =>
      statementsOf(name).some((s) => actions(s).includes('ses:SendEmail')),
    );
    expect(senders.sort()).toEqual(['Confirm', 'EmailInbound', 'Enroll', 'Partner', 'Send', 'SmsInbound']);
    for (const name of senders) {
      const grant = statementsOf(name).find((s) => actions(s).includes('ses:SendEmail'));
      expect(grant?.Condition).toEqual({
        StringEqualsIgnoreCase: { 'ses:FromAddress': 'program@example.com' },
      });
    }
  });
});

describe('asynchronous events (email replies, SES events)', () => {
  const failedEventsId = () => logicalId(stack.node.findChild('FailedEvents').node.defaultChild);

  it('that still fail after Lambda’s retries go to an encrypted queue kept 14 days, not dropped', () => {
    expect(propertiesOf(failedEventsId())).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
    for (const name of ['EmailInbound', 'SesEvents']) {
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: functionId(name) },
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [failedEventsId(), 'Arn'] } } },
      });
      expect(allows(name, 'sqs:SendMessage', failedEventsId())).toBe(true);
    }
  });

  it('that SNS or EventBridge cannot hand to Lambda go to the same queue', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      Endpoint: { 'Fn::GetAtt': [functionId('EmailInbound'), 'Arn'] },
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [failedEventsId(), 'Arn'] } },
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      Targets: [Match.objectLike({ DeadLetterConfig: { Arn: { 'Fn::GetAtt': [failedEventsId(), 'Arn'] } } })],
    });
  });

  it('raise an alarm at the first one waiting, and the queue is in the outputs', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [failedEventsId(), 'QueueName'] } }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    template.hasOutput('FailedEventsQueueUrl', { Value: { Ref: failedEventsId() } });
  });
});

describe('safety alerts', () => {
  it('go to an encrypted, TLS-only topic that only sms-inbound, email-inbound and checkin (a note with the answer) may publish to, and are named to them alone', () => {
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
    expect(publishers.sort()).toEqual(['Checkin', 'EmailInbound', 'SmsInbound']);
    const named = ALL_FUNCTIONS.filter((name) => environmentOf(name).SAFETY_TOPIC_ARN !== undefined);
    expect(named.sort()).toEqual(['Checkin', 'EmailInbound', 'SmsInbound']);
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

  it('alarm when more than 5% of texts fail, every text included (no delivery at all counts as none)', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 0.05,
      Metrics: Match.arrayWith([
        Match.objectLike({
          Expression:
            'IF(FILL(failed, 0) >= 20, FILL(failed, 0) / (FILL(failed, 0) + FILL(delivered, 0)), 0)',
        }),
      ]),
    });
  });

  it('read every metric of a math expression through FILL, so a metric without data cannot silence it', () => {
    const mathAlarms = Object.values(resources)
      .filter((r) => r.Type === 'AWS::CloudWatch::Alarm')
      .map(
        (r) => (r.Properties as Json).Metrics as { Id: string; Expression?: string; MetricStat?: unknown }[],
      )
      .filter((metrics) => metrics?.some((m) => m.Expression));
    expect(mathAlarms.length).toBeGreaterThan(0);
    for (const metrics of mathAlarms) {
      const expression = metrics.map((m) => m.Expression ?? '').join(' ');
      for (const { Id } of metrics.filter((m) => m.MetricStat)) {
        const uses = expression.match(new RegExp(`\\b${Id}\\b`, 'g')) ?? [];
        const filled = expression.match(new RegExp(`FILL\\(${Id}, 0\\)`, 'g')) ?? [];
        expect(uses.length, `${Id} in ${expression}`).toBe(filled.length);
      }
    }
  });

  it('alarm when a function finds the Twilio secret unusable (texts stopped)', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'Kintsugi',
      MetricName: 'TwilioSecretInvalid',
      Dimensions: [{ Name: 'service', Value: 'kintsugi' }],
      Statistic: 'Sum',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it('may be published by CloudWatch of this account, though the topic policy replaces SNS’s default one', () => {
    const [topicId] = resourceOfType('AWS::SNS::Topic', (p) => p.DisplayName === 'Kintsugi alarms');
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
          }),
        ]),
      },
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
        postalAddress: 'Kintsugi, 100 Main Street, Springfield, IL 62701, USA',
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

  it('matches the events of its own configuration set', () => {
    prod.template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({
        detail: Match.objectLike({ mail: { tags: { 'ses:configuration-set': ['kintsugi-prod'] } } }),
      }),
    });
  });

  it('hands the receipt rule’s mail to the topic under the key SES may use', () => {
    const rule = Object.values(prod.template.findResources('AWS::SES::ReceiptRule'))[0] as {
      Properties: { Rule: { Actions: { SNSAction: { TopicArn: { Ref: string } } }[] } };
    };
    const topicId = rule.Properties.Rule.Actions[0]?.SNSAction.TopicArn.Ref ?? '';
    const topic = prod.template.toJSON().Resources[topicId] as { Properties: Json };
    expect(JSON.stringify(topic.Properties.KmsMasterKeyId)).not.toContain('alias/aws/sns');
    expect(JSON.stringify(topic.Properties.KmsMasterKeyId)).toContain('InboundMailKey');
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
