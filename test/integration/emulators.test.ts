import { randomUUID } from 'node:crypto';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DynamoDBClient,
  GetItemCommand,
  ListTablesCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sesMailer } from '../../functions/adapters/ses/ses-mailer';
import { parseConfig } from '../../functions/shared/config';
import { sesMailerOnFirstEmail } from '../../functions/wiring/ses-at-first-email';
import { listEmails } from '../../local/emulators/ses';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

describe('DynamoDB Local', () => {
  const client = new DynamoDBClient({
    endpoint: inject('dynamoDbEndpoint'),
    region: 'us-east-1',
    credentials,
  });
  const tableName = `emulators-${randomUUID()}`;

  beforeAll(async () => {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'PK', AttributeType: 'S' },
          { AttributeName: 'SK', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'PK', KeyType: 'HASH' },
          { AttributeName: 'SK', KeyType: 'RANGE' },
        ],
      }),
    );
  });

  afterAll(async () => {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
    client.destroy();
  });

  const claimEmail = (email: string, enrollmentId: string) =>
    new TransactWriteItemsCommand({
      TransactItems: [
        {
          Put: {
            TableName: tableName,
            Item: { PK: { S: `ENR#${enrollmentId}` }, SK: { S: 'PROFILE' } },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: { PK: { S: `EMAIL#${email}` }, SK: { S: 'EMAIL' }, enrollmentId: { S: enrollmentId } },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
      ],
    });

  it('answers ListTables and lists a table created by the test', async () => {
    const { TableNames } = await client.send(new ListTablesCommand({}));
    expect(TableNames).toContain(tableName);
  });

  it('commits a TransactWriteItems whose conditions hold, writing every item', async () => {
    await client.send(claimEmail('first@example.com', 'enr-1'));

    const lookup = await client.send(
      new GetItemCommand({
        TableName: tableName,
        Key: { PK: { S: 'EMAIL#first@example.com' }, SK: { S: 'EMAIL' } },
      }),
    );
    expect(lookup.Item?.enrollmentId?.S).toBe('enr-1');
  });

  it('cancels the whole transaction when one condition fails, writing nothing', async () => {
    await client.send(claimEmail('taken@example.com', 'enr-2'));

    const error = await client
      .send(claimEmail('taken@example.com', 'enr-3'))
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(TransactionCanceledException);
    expect((error as TransactionCanceledException).CancellationReasons?.map((reason) => reason.Code)).toEqual(
      ['None', 'ConditionalCheckFailed'],
    );
    const profile = await client.send(
      new GetItemCommand({ TableName: tableName, Key: { PK: { S: 'ENR#enr-3' }, SK: { S: 'PROFILE' } } }),
    );
    expect(profile.Item).toBeUndefined();
  });

  it('accepts a time-to-live setting on a table', async () => {
    const { TimeToLiveSpecification } = await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      }),
    );
    expect(TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
  });
});

describe('SES v2 emulator', () => {
  const endpoint = inject('sesEndpoint');
  const client = new SESv2Client({ endpoint, region: 'aws-ses-v2-local', credentials });

  afterAll(() => client.destroy());

  it('stores a sent email with its List-Unsubscribe headers, and listEmails returns them', async () => {
    const to = `${randomUUID()}@example.com`;
    const since = new Date();

    await client.send(
      new SendEmailCommand({
        FromEmailAddress: 'Kintsugi <steps@kintsugi.test>',
        Destination: { ToAddresses: [to] },
        Content: {
          Simple: {
            Subject: { Data: 'Day 3: listening first' },
            Body: { Text: { Data: 'Plain text body' }, Html: { Data: '<p>HTML body</p>' } },
            Headers: [
              { Name: 'List-Unsubscribe', Value: '<https://kintsugi.test/unsubscribe?token=abc>' },
              { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
            ],
          },
        },
      }),
    );

    const emails = (await listEmails(endpoint, since)).filter((email) => email.to.includes(to));
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      from: 'Kintsugi <steps@kintsugi.test>',
      to: [to],
      subject: 'Day 3: listening first',
      text: 'Plain text body',
      html: '<p>HTML body</p>',
      headers: {
        'list-unsubscribe': '<https://kintsugi.test/unsubscribe?token=abc>',
        'list-unsubscribe-post': 'List-Unsubscribe=One-Click',
      },
    });
    expect(Date.parse(emails[0]?.at ?? '')).toBeGreaterThanOrEqual(Math.floor(since.getTime() / 1000) * 1000);
  });

  it('leaves out emails received before the given time', async () => {
    const later = new Date(Date.now() + 60_000);
    expect(await listEmails(endpoint, later)).toEqual([]);
  });
});

describe('the mailer ports, over the SES emulator', () => {
  const endpoint = inject('sesEndpoint');
  const config = parseConfig({ SES_ENDPOINT: endpoint, EMAIL_FROM: 'Kintsugi <steps@kintsugi.test>' });

  it.each([
    ['sesMailer', sesMailer],
    ['sesMailerOnFirstEmail (the SES client loaded at the first email)', sesMailerOnFirstEmail],
  ])('%s sends the email, with its headers', async (_name, port) => {
    const mailer = await port.build({ config, twilio: undefined, clock: { now: () => new Date() } });
    const since = new Date();
    for (const day of [1, 2]) {
      const to = `${randomUUID()}@example.com`;
      const id = await mailer.send({
        to,
        subject: `Day ${day}`,
        html: '<p>HTML body</p>',
        text: 'Plain text body',
        headers: { 'List-Unsubscribe': '<https://kintsugi.test/unsubscribe?token=abc>' },
      });
      expect(id).not.toBe('');
      const emails = (await listEmails(endpoint, since)).filter((email) => email.to.includes(to));
      expect(emails).toHaveLength(1);
      expect(emails[0]).toMatchObject({
        from: 'Kintsugi <steps@kintsugi.test>',
        subject: `Day ${day}`,
        headers: { 'list-unsubscribe': '<https://kintsugi.test/unsubscribe?token=abc>' },
      });
    }
  });
});
