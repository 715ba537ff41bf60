import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../local/emulators/dynamodb';
import { startSesEmulator } from '../local/emulators/ses';

declare module 'vitest' {
  export interface ProvidedContext {
    /** DynamoDB Local (one JVM for the whole run): give each test file its own table name. */
    dynamoDbEndpoint: string;
    /** The SES v2 emulator; its mailbox is shared by every test file, so filter by recipient. */
    sesEndpoint: string;
  }
}

/** Starts one DynamoDB Local and one SES emulator for the whole test run; stops them at the end. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [dynamoDb, ses] = await Promise.all([startDynamoDbLocal(), startSesEmulator()]);
  project.provide('dynamoDbEndpoint', dynamoDb.endpoint);
  project.provide('sesEndpoint', ses.endpoint);
  return async () => {
    await Promise.all([dynamoDb.stop(), ses.stop()]);
  };
}
