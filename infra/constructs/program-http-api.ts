import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** One public route of DESIGN.md's HTTP surface. */
export interface ProgramRoute {
  readonly method: 'GET' | 'POST';
  readonly path: string;
}

/** The public HTTP API (payload format 2.0), served from its `$default` stage. */
export class ProgramHttpApi extends Construct {
  readonly api: apigwv2.HttpApi;
  /** `https://<api-id>.execute-api.<region>.<suffix>`, no trailing slash; known before any function exists. */
  readonly endpoint: string;
  private readonly integrations = new Map<lambda.IFunction, HttpLambdaIntegration>();

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.api = new apigwv2.HttpApi(this, 'Api', {
      description: 'Kintsugi: enrollment form, confirmation, Twilio webhooks, check-ins, reports',
      createDefaultStage: false,
    });
    // Access logs carry the route, never the path or query: links hold signed tokens, and the
    // source IP of someone enrolling is nobody's business but the consent ledger's.
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.ONE_MONTH });
    // A stage of our own so a public form cannot be used to run up the bill.
    this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        format: apigw.AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    this.endpoint = this.api.apiEndpoint;
  }

  /** Routes each of `routes` to `fn`, all through one integration per function. */
  route(fn: lambda.IFunction, routes: readonly ProgramRoute[]): void {
    let integration = this.integrations.get(fn);
    if (!integration) {
      integration = new HttpLambdaIntegration(`${fn.node.id}Integration`, fn, {
        payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
      });
      this.integrations.set(fn, integration);
    }
    for (const { method, path } of routes) {
      this.api.addRoutes({ path, methods: [apigwv2.HttpMethod[method]], integration });
    }
  }
}
