import { type App, type Stack, Validations } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** Runs cdk-nag's AwsSolutions and Serverless checks on every synth; a finding without a reason below fails it. */
export function checkWithCdkNag(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
}

/** The resources some acknowledgements are about: each is acknowledged there, not for the whole stack. */
export interface AcknowledgedResources {
  /** Where asynchronous events end after every retry (email-inbound, ses-events). */
  readonly failedEvents: IQueue;
  readonly sendDeadLetters: IQueue;
  readonly dispatch: IFunction;
  readonly send: IFunction;
  /** Topics whose only subscribers are people's email addresses (alarms, safety alerts). */
  readonly emailedTopics: readonly IConstruct[];
  /** The functions, when X-Ray tracing is on (`tracing`); none otherwise. */
  readonly tracedFunctions: readonly IConstruct[];
}

/**
 * Each finding the stack accepts on purpose, with the reason. Findings about one resource are
 * acknowledged on that resource, so the same finding elsewhere still fails synth.
 */
export function acknowledgeFindings(stack: Stack, resources: AcknowledgedResources): void {
  const acknowledge = (id: string, reason: string, scope: IConstruct = stack) =>
    Validations.of(scope).acknowledge({ id, reason });
  acknowledge(
    'AwsSolutions::AwsSolutions-APIG4',
    'The routes are public by design (an enrollment form, links in emails, Twilio webhooks). Each is ' +
      'authorised in the handler: purpose-bound expiring HMAC tokens for links, X-Twilio-Signature for webhooks.',
  );
  acknowledge(
    'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    'The basic execution role only lets a function write its own CloudWatch logs.',
  );
  acknowledge(
    'AwsSolutions::AwsSolutions-IAM5[Resource::<DataTableFDBAD0F2.Arn>/index/*]',
    'The table has one index (due); grantReadWriteData names its indexes with a wildcard.',
  );
  acknowledge(
    'AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/*]',
    'In the SES sandbox the recipients are identities too; the ses:FromAddress condition narrows the grant ' +
      'to the program address.',
  );
  acknowledge(
    'AwsSolutions::AwsSolutions-IAM5[Resource::<DispatchFunction3BD6E874.Arn>:*]',
    'The scheduler may invoke the dispatch function’s versions and aliases (CDK’s standard grant).',
  );
  acknowledge(
    'AwsSolutions::AwsSolutions-SMG4',
    'The Twilio auth token is rotated in Twilio’s console; the link key is rotated by hand with the ' +
      '{current, previous} procedure in docs/ARCHITECTURE.md, so links already sent keep working. The ' +
      'contact-hash key must never change: erasure tombstones are found by hashes made with it.',
  );

  // ServerlessChecks (cdk-nag's Serverless pack, the awslabs serverless-rules).
  acknowledge(
    'Serverless::Serverless-LambdaDLQ',
    'No function needs a DeadLetterConfig: the HTTP functions are invoked synchronously (the caller gets ' +
      'the error); send reads SQS, whose redrive policy moves a job to the send dead-letter queue; ' +
      'email-inbound and ses-events have an on-failure destination (FailedEvents), which keeps the error ' +
      'with the event, where a DeadLetterConfig would keep the event alone; dispatch: see ' +
      'LambdaAsyncFailureDestination.',
  );
  acknowledge(
    'Serverless::Serverless-LambdaAsyncFailureDestination',
    'A dispatch tick that fails is not worth keeping: the next one, five minutes later, does all of its ' +
      'work (it reads everything due), and DispatchErrorsAlarm calls the operator. Lambda does not ' +
      'retry it (retryAttempts 0) so two ticks never overlap.',
    resources.dispatch,
  );
  acknowledge(
    'Serverless::Serverless-LambdaEventSourceMappingDestination',
    'SQS event sources take no on-failure destination: a send job that keeps failing moves to the send ' +
      'dead-letter queue by the queue’s redrive policy (5 receives), and SendDeadLettersAlarm fires at one.',
    resources.send,
  );
  for (const queue of [resources.sendDeadLetters, resources.failedEvents]) {
    acknowledge(
      'Serverless::Serverless-SQSRedrivePolicy',
      'This queue is where failures end (a dead-letter queue, or the on-failure destination of the ' +
        'asynchronous functions): nothing consumes it, an alarm fires at its first message, and an ' +
        'operator reads it. A redrive policy of its own would move failures further from sight.',
      queue,
    );
  }
  acknowledge(
    'AwsSolutions::AwsSolutions-SQS3',
    'FailedEvents is itself a dead-letter queue: the on-failure destination of email-inbound and ' +
      'ses-events and the DLQ of their SNS subscription and EventBridge target (cdk-nag recognises only ' +
      'queues named in another queue’s redrive policy). FailedEventsAlarm fires at its first message.',
    resources.failedEvents,
  );
  for (const topic of resources.emailedTopics) {
    acknowledge(
      'Serverless::Serverless-SNSRedrivePolicy',
      'The subscribers here are people’s email addresses (alarmEmail). SNS retries an email delivery ' +
        'itself, and a queue of undelivered emails would alarm the same unreachable address. What they ' +
        'report stays elsewhere: alarm states in CloudWatch and on the dashboard, safety flags in the ' +
        'table (`npx kintsugi inbox`). The Lambda subscription of the inbound-mail topic has its DLQ.',
      topic,
    );
  }
  for (const fn of resources.tracedFunctions) {
    acknowledge(
      'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      'With `tracing` on, CDK grants xray:PutTraceSegments and xray:PutTelemetryRecords, which take no ' +
        'resource-level permissions: X-Ray accepts only "*" for them. Acknowledged on the functions only, ' +
        'and only when tracing is on.',
      fn,
    );
  }
  acknowledge(
    'Serverless::Serverless-LambdaTracing',
    'X-Ray is off unless `tracing` is set (cost): every log line carries a correlation id from the HTTP ' +
      'request or dispatch tick to the send, which answers what traces would for this program.',
  );
}
