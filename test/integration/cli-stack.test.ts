/**
 * `npx kintsugi --stack <name>` end to end, with AWS stood in for on loopback: CloudFormation answers
 * DescribeStacks with the outputs a deployed stack has, Secrets Manager hands out the token key, and
 * DynamoDB is DynamoDB Local (the SDK's AWS_ENDPOINT_URL_<SERVICE> settings point each client there).
 * The data was made by the local runtime, so the CLI must find it through the very same store.
 */
import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_DEFAULTS, type Runtime } from '../../local/runtime';
import { api, emailsTo, linkIn, pathOf, startTestRuntime, uniqueEmail } from '../support/runtime';

const BIN = path.resolve(__dirname, '../../cli/bin.js');
const STACK = 'kintsugi-clitest';
const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:TokenKeySecret-abc';
const CONTACT_SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:ContactHashKeySecret-abc';

let runtime: Runtime;
let aws: http.Server;
let awsUrl: string;
const calls: string[] = [];

/** CloudFormation (query protocol, XML) and Secrets Manager (JSON) as far as the CLI uses them. */
function fakeAws(outputs: Record<string, string>): http.Server {
  return http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      const target = String(request.headers['x-amz-target'] ?? '');
      if (target === 'secretsmanager.GetSecretValue') {
        const id = JSON.parse(body).SecretId as string;
        calls.push(`secretsmanager:${id}`);
        response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        const secret =
          id === CONTACT_SECRET_ARN
            ? { Name: 'ContactHashKeySecret', SecretString: LOCAL_DEFAULTS.CONTACT_HASH_KEY }
            : { Name: 'TokenKeySecret', SecretString: LOCAL_DEFAULTS.TOKEN_KEY };
        response.end(JSON.stringify({ ARN: id, ...secret }));
        return;
      }
      const form = new URLSearchParams(body);
      calls.push(`cloudformation:${form.get('Action')}:${form.get('StackName')}`);
      const members = Object.entries(outputs)
        .map(
          ([key, value]) =>
            `<member><OutputKey>${key}</OutputKey><OutputValue>${value}</OutputValue></member>`,
        )
        .join('');
      response.writeHead(200, { 'content-type': 'text/xml' });
      response.end(
        `<DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStacksResult><Stacks><member>` +
          `<StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/${STACK}/1</StackId><StackName>${STACK}</StackName>` +
          `<CreationTime>2026-01-01T00:00:00Z</CreationTime><StackStatus>UPDATE_COMPLETE</StackStatus><Outputs>${members}</Outputs>` +
          `</member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></DescribeStacksResponse>`,
      );
    });
  });
}

beforeAll(async () => {
  runtime = await startTestRuntime({ startAt: new Date('2026-10-05T15:00:00Z') });
  aws = fakeAws({
    TableName: runtime.deps.config.tableName,
    PublicUrl: runtime.url,
    TokenKeySecretArn: SECRET_ARN,
    ContactHashKeySecretArn: CONTACT_SECRET_ARN,
    DueShards: '4',
  });
  await new Promise<void>((resolve) => aws.listen(0, '127.0.0.1', resolve));
  awsUrl = `http://127.0.0.1:${(aws.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => aws?.close(() => resolve()));
  await runtime?.stop();
});

/** Runs the real CLI (bin shim, own process) against the stack, with AWS on loopback. */
async function kintsugi(...args: string[]) {
  const { stdout } = await promisify(execFile)(process.execPath, [BIN, '--stack', STACK, ...args], {
    env: {
      ...process.env,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_ENDPOINT_URL_CLOUDFORMATION: awsUrl,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: awsUrl,
      AWS_ENDPOINT_URL_DYNAMODB: runtime.deps.config.endpoints.dynamodb,
    },
  });
  return stdout;
}

describe('the kintsugi command line against a deployed stack', () => {
  it('reads the stack outputs and the token key, then works on the same table with the same use cases', async () => {
    const email = uniqueEmail('stack');
    await api(runtime, '/enrollments', { json: { email, role: 'hurt', timezone: 'America/New_York' } });
    const [confirmation] = await emailsTo(runtime, email);
    await api(runtime, pathOf(linkIn(confirmation, '/confirm')), { method: 'POST' });

    const listed = JSON.parse(await kintsugi('list', '--status', 'active', '--json'));
    expect(listed.participants.map((p: { email: string }) => p.email)).toContain(email);
    expect(calls).toEqual(
      expect.arrayContaining([`cloudformation:DescribeStacks:${STACK}`, `secretsmanager:${SECRET_ARN}`]),
    );

    // A stack runs on real time (the local runtime's clock is simulated): the pause starts now.
    const paused = (await kintsugi('pause', email, '--days', '3')).match(/^Paused until (\S+)\./)?.[1];
    expect(paused).toBeDefined();
    expect((await runtime.deps.store.findByEmail(email))?.pausedUntil).toBe(paused);
  });

  it('signs the report link with the stack’s own key, so the web view opens', async () => {
    const email = uniqueEmail('stack-report');
    await api(runtime, '/enrollments', { json: { email, role: 'repairing', timezone: 'UTC' } });
    const [confirmation] = await emailsTo(runtime, email);
    await api(runtime, pathOf(linkIn(confirmation, '/confirm')), { method: 'POST' });
    const enrollment = await runtime.deps.store.findByEmail(email);
    if (!enrollment) throw new Error('not enrolled');
    await runtime.deps.store.saveReport(
      {
        enrollmentId: enrollment.id,
        generatedAt: '2027-01-04T20:30:00.000Z',
        metrics: [],
        checkpoint: [],
        journalNotes: 2,
      },
      4_000_000_000,
    );

    const report = JSON.parse(await kintsugi('report', email, '--json'));
    expect(report.ready).toBe(true);
    const page = await api(runtime, pathOf(report.url), { headers: { accept: 'application/json' } });
    expect(page.status).toBe(200);
    expect(page.body.journalNotes).toBe(2);
  });

  it('erases with the stack’s contact-hash key, so the program still knows the address opted out', async () => {
    const email = uniqueEmail('stack-delete');
    await api(runtime, '/enrollments', { json: { email, role: 'hurt', timezone: 'UTC' } });
    const [confirmation] = await emailsTo(runtime, email);
    await api(runtime, pathOf(linkIn(confirmation, '/confirm')), { method: 'POST' });

    expect(await kintsugi('delete', email, '--yes')).toMatch(/^Erased enrollment /);
    expect(await runtime.deps.store.findByEmail(email)).toBeUndefined();
    expect(calls).toContain(`secretsmanager:${CONTACT_SECRET_ARN}`);
    expect(await runtime.deps.store.listErasureTombstones(runtime.deps.contactHash(email))).toMatchObject([
      { channel: 'email', action: 'erased+opted-out', source: 'operator' },
    ]);
  });
});
