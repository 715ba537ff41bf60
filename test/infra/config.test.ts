import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../infra/config';

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
    expect(parseConfig({ stage: 'prod' }).isDev).toBe(false);
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
