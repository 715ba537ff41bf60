#!/usr/bin/env node
// `npm test`: build, type-check, lint, then every vitest test. Every step runs even when an earlier one
// failed, so one run shows everything. The last line is `N passed, N failed` (CI reads it): the tests'
// own counts, plus one failed item for each step that failed outside the tests.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(ROOT, '.test-results.json');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

const failures = [];

/** Runs one step, its output shown as it comes; a failed step is one failed item unless `counted` is false. */
function step(title, command, args, { counted = true } = {}) {
  console.log(`\n▶ ${title}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = !result.error && result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${title} (${seconds} s)`);
  if (!ok && counted)
    failures.push(`${title}: ${result.error ? result.error.message : `exit code ${result.status}`}`);
  return result.status;
}

const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts ?? {};
if (scripts.build) step('build', npx === 'npx' ? 'npm' : 'npm.cmd', ['run', 'build']);
else console.log('\n▶ build: skipped, package.json has no "build" script');

step('type-check', npx, ['tsc', '--noEmit']);
step('lint and format', npx, ['biome', 'check', '.']);

fs.rmSync(RESULTS, { force: true });
// The tests count themselves, from vitest's JSON report.
const vitestStatus = step(
  'tests',
  npx,
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${path.relative(ROOT, RESULTS)}`,
  ],
  { counted: false },
);

let passed = 0;
let failed = 0;
try {
  const results = JSON.parse(fs.readFileSync(RESULTS, 'utf8'));
  passed = results.numPassedTests;
  // A file that fails before or around its tests (an import error, a failing beforeAll) reports them
  // as skipped, not failed: count every test of such a file that did not pass, and the file at least once.
  const failedInFiles = results.testResults.reduce((sum, file) => {
    const notPassed = file.assertionResults.filter((test) => test.status !== 'passed').length;
    return sum + (file.status === 'failed' ? Math.max(1, notPassed) : 0);
  }, 0);
  failed = Math.max(results.numFailedTests, failedInFiles);
  // A skipped, todo or focused test is a test that does not run: the suite fails rather than pass without it.
  if (results.numPendingTests > 0 || results.numTodoTests > 0) {
    failures.push(
      `tests: ${results.numPendingTests} skipped and ${results.numTodoTests} todo tests (each must run, or be deleted)`,
    );
  }
  if (vitestStatus !== 0 && failed === 0) {
    failures.push(
      `tests: vitest exited with code ${vitestStatus} though no test failed (see its errors above)`,
    );
  }
} catch (error) {
  failures.push(`tests: no readable results in ${path.basename(RESULTS)} (${error.message})`);
}

failed += failures.length;
if (failures.length > 0)
  console.log(`\nFailed outside the tests:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
