import { join } from 'node:path';
import { AssetHashType, Duration, type RemovalPolicy } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { buildSync } from 'esbuild';
import { PROJECT_ROOT } from '../catalog';
import { ENTRY_NAME, handlerBuildOptions } from '../lambda-bundling';

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

/**
 * Creates a program function: Node 24 on arm64, bundled as `npm run bench` measures it
 * (infra/lambda-bundling.ts), source-mapped, with its own log group.
 *
 * The bundle is made here with esbuild's own API rather than by CDK's NodejsFunction, which writes one
 * output file: a split bundle (an entry file, shared files, and files read only at a first use) needs a
 * directory. CDK runs it as local bundling at synth, as it runs NodejsFunction's esbuild, and names the
 * asset by the output's hash.
 */
export function programFunction(scope: Construct, id: string, props: ProgramFunctionProps): lambda.Function {
  const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
    retention: props.logRetention,
    removalPolicy: props.removalPolicy,
  });
  const runtime = lambda.Runtime.NODEJS_24_X;
  return new lambda.Function(scope, id, {
    code: lambda.Code.fromAsset(join(PROJECT_ROOT, 'functions'), {
      assetHashType: AssetHashType.OUTPUT,
      bundling: {
        // Used only if the local bundling below could not run, which it always can where `npm install` ran.
        image: runtime.bundlingImage,
        local: {
          tryBundle(outputDir) {
            buildSync(handlerBuildOptions(PROJECT_ROOT, props.handlerFile, outputDir));
            return true;
          },
        },
      },
    }),
    handler: `${ENTRY_NAME}.handler`,
    description: props.description,
    runtime,
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
  });
}
