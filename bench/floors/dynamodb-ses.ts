/**
 * A cold-start floor (bench/cold-start.ts): the AWS SDK clients of a handler that emails at every call
 * (enroll, send): the store's, the secret read's and SES v2, and no program code. Nothing is sent.
 */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { handler as storeClients } from './dynamodb';

const ses = new SESv2Client({});

export const handler = async () => [...(await storeClients()), ses, SendEmailCommand];
