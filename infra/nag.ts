import { type App, type Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';

/** Runs cdk-nag's AwsSolutions checks on every synth; a finding without a reason below fails it. */
export function checkWithCdkNag(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

/** Each finding the stack accepts on purpose, with the reason. */
export function acknowledgeFindings(stack: Stack): void {
  const acknowledge = (id: string, reason: string) => Validations.of(stack).acknowledge({ id, reason });
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
}
