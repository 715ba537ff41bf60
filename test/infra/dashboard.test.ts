import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_OUTCOMES, METRIC_DIMENSIONS, METRICS_NAMESPACE } from '../../functions/shared/metric-names';
import { ensureCatalog, PROJECT_ROOT } from '../../infra/catalog';
import { readConfig } from '../../infra/config';
import { KintsugiStack } from '../../infra/kintsugi-stack';

type Json = Record<string, unknown>;

let template: Template;
/** The dashboard body with its tokens (Fn::Join parts, Refs) written out, to read as text. */
let body: string;

/** Fn::Join of strings and references, flattened to one string: `<Ref:Id>` and `<Id.Attribute>` for references. */
function flatten(value: unknown): string {
  if (typeof value === 'string') return value;
  const token = value as { 'Fn::Join'?: [string, unknown[]]; Ref?: string; 'Fn::GetAtt'?: [string, string] };
  if (token['Fn::Join']) return token['Fn::Join'][1].map(flatten).join(token['Fn::Join'][0]);
  if (token.Ref) return `<Ref:${token.Ref}>`;
  if (token['Fn::GetAtt']) return `<${token['Fn::GetAtt'].join('.')}>`;
  throw new Error(`unexpected token in the dashboard body: ${JSON.stringify(value)}`);
}

beforeAll(() => {
  ensureCatalog();
  const context: Json = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')).context;
  const app = new App({
    context: {
      ...context,
      stage: 'prod',
      alarmEmail: 'ops@kintsugi.example.org',
      emailFrom: 'Kintsugi <program@mail.kintsugi.example.org>',
      postalAddress: 'Kintsugi, 100 Main Street, Springfield, IL 62701, USA',
      'aws:cdk:bundling-stacks': [],
    },
  });
  const stack = new KintsugiStack(app, 'KintsugiStack', { config: readConfig(app.node) });
  template = Template.fromStack(stack);
  const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
  body = flatten(((dashboard?.Properties ?? {}) as Json).DashboardBody);
});

describe('the operator dashboard', () => {
  it('is named after the stage', () => {
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', {
      DashboardName: 'kintsugi-prod',
      DashboardBody: Match.anyValue(),
    });
  });

  it('graphs every business metric the functions emit, in their namespace', () => {
    expect(body).toContain(`"${METRICS_NAMESPACE}"`);
    for (const name of Object.keys(METRIC_DIMENSIONS)) expect(body).toContain(`"${name}"`);
  });

  it('shows messages by channel and by every outcome the send step records', () => {
    for (const channel of ['email', 'sms']) expect(body).toContain(`"Messages by ${channel}, by outcome"`);
    for (const outcome of MESSAGE_OUTCOMES) expect(body).toContain(`"outcome","${outcome}"`);
  });

  it('shows the state of every alarm of the stack', () => {
    const alarms = Object.keys(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.length).toBeGreaterThan(10);
    const widget = JSON.parse(body).widgets.find(
      (w: { properties: { title?: string } }) => w.properties.title === 'Alarms',
    );
    expect(widget.properties.alarms.sort()).toEqual(alarms.map((id) => `<${id}.Arn>`).sort());
  });

  it('is linked from the outputs, beside what the CLI reads', () => {
    template.hasOutput('DashboardUrl', { Value: Match.anyValue() });
    template.hasOutput('TokenKeySecretArn', { Value: Match.objectLike({ Ref: Match.anyValue() }) });
    template.hasOutput('DueShards', { Value: '8' });
  });
});
