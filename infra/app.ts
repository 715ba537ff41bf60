import { App, Tags } from 'aws-cdk-lib';
import { ensureCatalog } from './catalog';
import { readConfig } from './config';
import { KintsugiStack } from './kintsugi-stack';
import { checkWithCdkNag } from './nag';

ensureCatalog();

const app = new App();
checkWithCdkNag(app);
const config = readConfig(app.node);

new KintsugiStack(app, 'KintsugiStack', {
  stackName: `kintsugi-${config.stage}`,
  description: `Kintsugi 90-day program (${config.stage})`,
  config,
});
Tags.of(app).add('project', 'kintsugi');
Tags.of(app).add('stage', config.stage);
