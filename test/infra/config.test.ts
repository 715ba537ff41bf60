import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../infra/config';

/** What a stage other than dev must set (the production example of docs/DEPLOY.md). */
const REAL = {
  alarmEmail: 'ops@kintsugi.example.org',
  emailFrom: 'Kintsugi <program@mail.kintsugi.example.org>',
  postalAddress: 'Kintsugi, 100 Main Street, Springfield, IL 62701, USA',
};

describe('the infra configuration', () => {
  it('falls back to a dev stage with 8 due shards and 180 days of retention', () => {
    expect(parseConfig({})).toMatchObject({
      stage: 'dev',
      isDev: true,
      dueShards: 8,
      retentionDays: 180,
      publicUrl: undefined,
      alarmEmail: undefined,
      sesConfigurationSetName: 'kintsugi-dev',
    });
  });

  it('reads numbers and flags given as strings on the command line (-c key=value)', () => {
    expect(parseConfig({ dueShards: '16', retentionDays: '365', tracing: 'true' })).toMatchObject({
      dueShards: 16,
      retentionDays: 365,
      tracing: true,
    });
  });

  it('treats an empty string in cdk.json as not set', () => {
    expect(parseConfig({ publicUrl: '', alarmEmail: '', sesIdentityDomain: '' })).toMatchObject({
      publicUrl: undefined,
      alarmEmail: undefined,
      sesIdentityDomain: undefined,
    });
  });

  it('drops the trailing slash of the public URL, since links append /path to it', () => {
    expect(parseConfig({ publicUrl: 'https://kintsugi.example.org/' }).publicUrl).toBe(
      'https://kintsugi.example.org',
    );
  });

  it('takes the bare From address for the SES condition, and uses it for support unless told otherwise', () => {
    const config = parseConfig({ emailFrom: 'Kintsugi <Hello@Kintsugi.example.org>' });
    expect(config.emailFromAddress).toBe('hello@kintsugi.example.org');
    expect(config.supportEmail).toBe('hello@kintsugi.example.org');
    expect(parseConfig({ emailFrom: 'a@b.org', supportEmail: 'help@b.org' }).supportEmail).toBe('help@b.org');
  });

  it('treats every stage but dev as one whose data is kept', () => {
    expect(parseConfig({ stage: 'prod', ...REAL }).isDev).toBe(false);
  });

  it('refuses a stage other than dev without an alarm email, a real From address and a postal address, naming each', () => {
    let message = '';
    try {
      parseConfig({ stage: 'staging' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/stage "staging": alarmEmail is not set[^\n]*\n\s*→ at alarmEmail/);
    expect(message).toMatch(/stage "staging": emailFrom is the placeholder[^\n]*\n\s*→ at emailFrom/);
    expect(message).toMatch(/stage "staging": postalAddress is the placeholder[^\n]*\n\s*→ at postalAddress/);
    // dev runs with the placeholders (cdk.json's defaults).
    expect(() => parseConfig({ stage: 'dev' })).not.toThrow();
  });

  it.each([
    ['alarmEmail', { alarmEmail: '' }],
    ['emailFrom', { emailFrom: 'Kintsugi <program@example.com>' }],
    ['emailFrom', { emailFrom: 'hello@example.org' }],
    ['emailFrom', { emailFrom: 'Kintsugi <hello@kintsugi.test>' }],
    ['postalAddress', { postalAddress: 'Kintsugi, 1 Example Street, Example City' }],
  ])('names %s alone when only it is missing or a placeholder (%j)', (key, override) => {
    expect(() => parseConfig({ stage: 'prod', ...REAL, ...override })).toThrow(
      new RegExp(`^Invalid CDK context[^\n]*\n✖ stage "prod": ${key}[^✖]*$`),
    );
  });

  it.each([
    ['publicUrl', 'http://kintsugi.example.org'],
    ['dueShards', '0'],
    ['stage', 'Prod'],
    ['emailFrom', 'not an address'],
    ['alarmEmail', 'ops'],
    ['sendMaxConcurrency', '1'],
  ])('rejects %s = %j, naming the key', (key, value) => {
    expect(() => parseConfig({ [key]: value })).toThrow(new RegExp(`at ${key}`));
  });

  it('paces send under 14 emails/s (SES) and 10 texts/s unless told otherwise', () => {
    expect(parseConfig({})).toMatchObject({ sesMaxSendRate: 14, twilioMessagesPerSecond: 10 });
    expect(parseConfig({ twilioMessagesPerSecond: '100' }).twilioMessagesPerSecond).toBe(100);
  });

  it('refuses more send instances than the rates let pace a batch of ten within the send timeout', () => {
    // 5 instances sharing 1 text/s: each sends one every 5 s, so ten take 50 s.
    expect(() => parseConfig({ twilioMessagesPerSecond: '1' })).toThrow(
      /50 s to pace a batch of 10[\s\S]*at sendMaxConcurrency/,
    );
    expect(() => parseConfig({ twilioMessagesPerSecond: '1', sendMaxConcurrency: '2' })).not.toThrow();
  });
});
