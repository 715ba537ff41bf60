/**
 * A deployed stack as a CLI target: its outputs name the table, the public URL and the token secret;
 * the admin use cases then run on this machine, with the operator's AWS credentials, over the same
 * DynamoDB store the Lambdas use.
 */
import { CloudFormationClient, DescribeStacksCommand, type Stack } from '@aws-sdk/client-cloudformation';
import { completeCatalog } from '../functions/catalog/complete';
import { buildDeps } from '../functions/every-port';
import { parseConfig } from '../functions/shared/config';
import { runAdminOperation } from '../functions/use-cases/operator/operations';
import { CliError, type Target } from './target';

/** The stack outputs the CLI reads (infra/kintsugi-stack.ts writes them). */
export const REQUIRED_OUTPUTS = [
  'TableName',
  'PublicUrl',
  'TokenKeySecretArn',
  'ContactHashKeySecretArn',
] as const;

/** The outputs of a CloudFormation stack, by key. */
export async function stackOutputs(name: string, region?: string): Promise<Record<string, string>> {
  const cloudformation = new CloudFormationClient(region ? { region } : {});
  let stack: Stack;
  try {
    const { Stacks } = await cloudformation.send(new DescribeStacksCommand({ StackName: name }));
    const found = Stacks?.[0];
    if (!found) throw new CliError(`No stack named ${name}.`);
    stack = found;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(
      `Could not read stack ${name}: ${(error as Error).message}. Check your AWS credentials and region (--region or AWS_REGION).`,
    );
  } finally {
    cloudformation.destroy();
  }
  const outputs: Record<string, string> = {};
  for (const output of stack.Outputs ?? [])
    if (output.OutputKey && output.OutputValue) outputs[output.OutputKey] = output.OutputValue;
  // The stack's own region, from its id (arn:aws:cloudformation:REGION:…).
  const stackRegion = stack.StackId?.split(':')[3];
  if (stackRegion) outputs.Region ??= stackRegion;
  return outputs;
}

/** Connects to the stack `name`: its table through the program's own store, its API at its public URL. */
export async function connectToStack(name: string, region?: string): Promise<Target> {
  const outputs = await stackOutputs(name, region);
  const missing = REQUIRED_OUTPUTS.filter((key) => !outputs[key]);
  if (missing.length)
    throw new CliError(
      `Stack ${name} has no output ${missing.join(', ')}: deploy the current version first.`,
    );
  const config = parseConfig({
    TABLE_NAME: outputs.TableName,
    PUBLIC_URL: outputs.PublicUrl,
    TOKEN_SECRET_ARN: outputs.TokenKeySecretArn,
    CONTACT_HASH_SECRET_ARN: outputs.ContactHashKeySecretArn,
    DUE_SHARDS: outputs.DueShards,
    AWS_REGION: region ?? outputs.Region,
  });
  const deps = await buildDeps(config, { catalog: completeCatalog });
  return {
    kind: 'stack',
    label: name,
    publicUrl: config.publicUrl,
    admin: (operation, input) => runAdminOperation(deps, operation, input),
  };
}
