import { Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventTargets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ses from 'aws-cdk-lib/aws-ses';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface EmailSendingProps {
  readonly configurationSetName: string;
  /** Creates (and DKIM-signs for) this domain identity when given; otherwise the operator verifies one. */
  readonly identityDomain: string | undefined;
  /** The only From address the program's functions may send as. */
  readonly fromAddress: string;
}

/** The SES v2 configuration set every program email goes through, and the optional domain identity. */
export class EmailSending extends Construct {
  readonly configurationSet: ses.ConfigurationSet;
  readonly identity: ses.EmailIdentity | undefined;
  /** The configuration set's name as given (a plain string, for event patterns). */
  readonly configurationSetName: string;
  private readonly fromAddress: string;

  constructor(scope: Construct, id: string, props: EmailSendingProps) {
    super(scope, id);
    this.fromAddress = props.fromAddress;
    this.configurationSetName = props.configurationSetName;
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: props.configurationSetName,
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
    });
    this.identity = props.identityDomain
      ? new ses.EmailIdentity(this, 'Identity', {
          identity: ses.Identity.domain(props.identityDomain),
          configurationSet: this.configurationSet,
        })
      : undefined;
  }

  /**
   * Publishes the configuration set's bounce, complaint and delivery events to the default EventBridge
   * bus (the only bus SES accepts) and routes them to `handler`. The rule matches this configuration set
   * only (SES tags every event with it): the bus is the account's, and another stage's bounces must not
   * stop this stage's email. An event EventBridge cannot hand to Lambda goes to `deadLetters`; one the
   * handler still fails on after Lambda's retries, to the function's on-failure destination.
   */
  publishEventsTo(handler: lambda.IFunction, deadLetters: sqs.IQueue): events.Rule {
    const bus = events.EventBus.fromEventBusName(this, 'DefaultBus', 'default');
    this.configurationSet.addEventDestination('ToEventBridge', {
      destination: ses.EventDestination.eventBus(bus),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT, ses.EmailSendingEvent.DELIVERY],
    });
    return new events.Rule(this, 'EmailEventsRule', {
      description: `SES bounces, complaints and deliveries of program email (configuration set ${this.configurationSetName})`,
      eventPattern: {
        source: ['aws.ses'],
        detail: {
          eventType: ['Bounce', 'Complaint', 'Delivery'],
          mail: { tags: { 'ses:configuration-set': [this.configurationSetName] } },
        },
      },
      targets: [new eventTargets.LambdaFunction(handler, { retryAttempts: 4, deadLetterQueue: deadLetters })],
    });
  }

  /**
   * Lets `grantee` call SES v2 SendEmail through the configuration set, as the program's From
   * address only. Identities stay `identity/*`: in the SES sandbox the recipients' identities are
   * authorised too, and the From condition is what actually narrows the grant.
   */
  grantSend(grantee: iam.IGrantable): iam.Grant {
    const stack = Stack.of(this);
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ['ses:SendEmail'],
      resourceArns: [
        stack.formatArn({ service: 'ses', resource: 'identity', resourceName: '*' }),
        stack.formatArn({
          service: 'ses',
          resource: 'configuration-set',
          resourceName: this.configurationSet.configurationSetName,
        }),
      ],
      conditions: { StringEqualsIgnoreCase: { 'ses:FromAddress': this.fromAddress } },
    });
  }
}
