import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const client = new Map<string, SecretsManagerClient>();

/** Reads a secret's string once per cold start. */
export async function readSecret(arn: string, region: string): Promise<string> {
  let sm = client.get(region);
  if (!sm) {
    sm = new SecretsManagerClient({ region });
    client.set(region, sm);
  }
  const { SecretString } = await sm.send(new GetSecretValueCommand({ SecretId: arn }));
  if (!SecretString) throw new Error('A required secret is empty');
  return SecretString;
}
