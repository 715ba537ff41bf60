// `npm run mutate [-- <stryker options>]`: StrykerJS over the scope in stryker.config.mjs, in two passes that
// share the incremental file (reports/stryker-incremental.json), then the scores (mutation-summary.mjs).
// 1. Everything in scope but the danger detector, against the whole unit layer.
// 2. The detector's files (language.ts and safety*.ts, the phrase tables aside as in the config), against the
//    detector's own tests, with one module graph shared between test files (STRYKER_SHARED_MODULES). Every
//    detector mutant is covered by most of the unit layer (anything that reads a reply runs the detector)
//    and each test file loads the detector afresh (a second or more), so the first pass's settings would
//    take hours on two cores. Its scores are lower bounds: tests outside the list might kill more, and a
//    value cached at the first message keeps the code it was built with (docs/BENCHMARKS.md).
// Options after `--` go to both passes (`--force` re-tests everything in scope).
// Known cost: both passes share reports/stryker-incremental.json, whose test ids are unique to one report,
// so after one pass has run the other finds few of its "killed by" tests and re-tests most of its mutants
// (docs/BENCHMARKS.md, "Mutation score"); a separate incremental file per pass would keep each one's reuse.
import { spawnSync } from 'node:child_process';
import config from '../stryker.config.mjs';

const DETECTOR = ['functions/program/language.ts', 'functions/program/safety*.ts'];
const DETECTOR_TESTS = [
  'safety-detection',
  'safety-levels',
  'safety-model',
  'safety-model-parts',
  'safety-eval',
  'safety-clauses',
  'safety-anchors',
  'safety-combine',
  'safety-normalise',
  'content-safety',
  'crisis-replies',
].map((name) => `test/unit/${name}.test.ts`);
const TABLES = config.mutate.filter((glob) => glob.startsWith('!functions/program/safety'));

const passes = [
  { name: 'everything but the danger detector', mutate: [...config.mutate, ...DETECTOR.map((g) => `!${g}`)] },
  {
    name: 'the danger detector, against its own tests',
    mutate: [...DETECTOR, ...TABLES],
    env: { STRYKER_SHARED_MODULES: '1', STRYKER_TESTS: DETECTOR_TESTS.join(',') },
  },
];
for (const pass of passes) {
  console.log(`\nnpm run mutate: ${pass.name}`);
  const run = spawnSync(
    'npx',
    ['stryker', 'run', '--mutate', pass.mutate.join(','), ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      env: { ...process.env, STRYKER_SHARED_MODULES: '', STRYKER_TESTS: '', ...pass.env },
    },
  );
  if (run.status !== 0) process.exit(run.status ?? 1);
}
const summary = spawnSync('node', ['scripts/mutation-summary.mjs'], { stdio: 'inherit' });
process.exit(summary.status ?? 1);
