// `npm run mutate [-- <stryker options>]`: StrykerJS over the scope in stryker.config.mjs, in two passes
// (scripts/mutation-passes.mjs), each with its own incremental file in reports/, then the scores
// (mutation-summary.mjs). Each pass's HTML and JSON reports are kept as artifacts/mutation/<pass>.html and
// <pass>.json. Options after `--` go to both passes (`--force` re-tests everything in scope).

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import config from '../stryker.config.mjs';
import { PASSES } from './mutation-passes.mjs';

const passes = PASSES.filter(({ name }) => !process.env.MUTATE_PASS || process.env.MUTATE_PASS === name);
mkdirSync('artifacts/mutation', { recursive: true });
for (const pass of passes) {
  console.log(`\nnpm run mutate, pass "${pass.name}": ${pass.title}`);
  const started = Date.now();
  const run = spawnSync(
    'npx',
    [
      'stryker',
      'run',
      '--mutate',
      pass.mutate.join(','),
      '--incrementalFile',
      pass.incrementalFile,
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', env: { ...process.env, STRYKER_SHARED_MODULES: '', STRYKER_TESTS: '', ...pass.env } },
  );
  if (run.status !== 0) process.exit(run.status ?? 1);
  copyFileSync(config.htmlReporter.fileName, `artifacts/mutation/${pass.name}.html`);
  copyFileSync(config.jsonReporter.fileName, `artifacts/mutation/${pass.name}.json`);
  console.log(`pass "${pass.name}" took ${Math.round((Date.now() - started) / 60_000)} min`);
}
const summary = spawnSync('node', ['scripts/mutation-summary.mjs'], { stdio: 'inherit' });
process.exit(summary.status ?? 1);
