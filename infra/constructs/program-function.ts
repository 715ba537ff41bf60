import { join } from 'node:path';
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { PROJECT_ROOT } from '../catalog';
import { LAMBDA_BUNDLING } from '../lambda-bundling';

/** What differs between the program's Lambdas; everything else is a shared default. */
export interface ProgramFunctionProps {
  /** File name under functions/handlers/, without `.ts`; it exports `handler`. */
  readonly handlerFile: string;
  readonly description: string;
  readonly environment: Record<string, string>;
  /** Default 10 seconds (an HTTP request). */
  readonly timeout?: Duration;
  /** Default 256 MB. */
  readonly memorySize?: number;
  readonly tracing: boolean;
  readonly logRetention: logs.RetentionDays;
  readonly removalPolicy: RemovalPolicy;
  /** Async invocations (the schedule) are not retried by Lambda when set to 0. */
  readonly retryAttempts?: number;
  /** Where an asynchronous event goes once Lambda's retries are spent (SNS, EventBridge invocations). */
  readonly onFailure?: lambda.IDestination;
}

/** Creates a NodejsFunction with the program's defaults: Node 24 on arm64, bundled, source-mapped, its own log group. */
export function programFunction(scope: Construct, id: string, props: ProgramFunctionProps): NodejsFunction {
  const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
    retention: props.logRetention,
    removalPolicy: props.removalPolicy,
  });
  return new NodejsFunction(scope, id, {
    entry: join(PROJECT_ROOT, 'functions', 'handlers', `${props.handlerFile}.ts`),
    handler: 'handler',
    description: props.description,
    projectRoot: PROJECT_ROOT,
    depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
    runtime: lambda.Runtime.NODEJS_24_X,
    architecture: lambda.Architecture.ARM_64,
    memorySize: props.memorySize ?? 256,
    timeout: props.timeout ?? Duration.seconds(10),
    tracing: props.tracing ? lambda.Tracing.ACTIVE : lambda.Tracing.DISABLED,
    logGroup,
    retryAttempts: props.retryAttempts,
    onFailure: props.onFailure,
    environment: {
      ...props.environment,
      POWERTOOLS_SERVICE_NAME: `kintsugi-${props.handlerFile}`,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      NODE_OPTIONS: '--enable-source-maps',
    },
    bundling: {
      // Shared with `npm run bench` and the bundle tests (infra/lambda-bundling.ts): what they measure is this.
      bundleAwsSDK: false,
      externalModules: [...LAMBDA_BUNDLING.external],
      format: LAMBDA_BUNDLING.format === 'cjs' ? OutputFormat.CJS : OutputFormat.ESM,
      target: LAMBDA_BUNDLING.target,
      mainFields: [...LAMBDA_BUNDLING.mainFields],
      minify: LAMBDA_BUNDLING.minify,
      keepNames: LAMBDA_BUNDLING.keepNames,
      sourceMap: LAMBDA_BUNDLING.sourcemap,
      sourcesContent: LAMBDA_BUNDLING.sourcesContent,
      logLevel: LogLevel.WARNING,
    },
  });
}
