// After `npm run mutate` (or `node scripts/mutation-summary.mjs` alone, from the results kept in git): the
// mutation score of each part (functions/program/ and the use cases), printed and written to
// artifacts/mutation/summary.json, then one line per file, and the files in the configured scope that no
// result holds yet. Each file's results come from the incremental file of the pass that owns it
// (scripts/mutation-passes.mjs). Exits 1 when a part is under its goal.
// Score = (killed + timeout) over (killed + timeout + survived + no coverage), as Stryker counts it; mutants
// that do not compile, and static ones (ignoreStatic), are left out.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import config from '../stryker.config.mjs';
import { PASSES } from './mutation-passes.mjs';

const relative = (file) => file.replaceAll('\\', '/').replace(/^.*?(functions\/)/, '$1');
const files = PASSES.flatMap(({ incrementalFile, owns }) =>
  existsSync(incrementalFile)
    ? Object.entries(JSON.parse(readFileSync(incrementalFile, 'utf8')).files)
        .map(([file, { mutants }]) => [relative(file), mutants])
        .filter(([file]) => owns(file))
    : [],
);
const GOALS = { 'functions/program/': 85, 'functions/use-cases/': 75 };

const tally = (mutants) => {
  const counts = { killed: 0, survived: 0, noCoverage: 0, timeout: 0 };
  for (const { status } of mutants) {
    if (status === 'Killed') counts.killed++;
    else if (status === 'Survived') counts.survived++;
    else if (status === 'NoCoverage') counts.noCoverage++;
    else if (status === 'Timeout') counts.timeout++;
  }
  const detected = counts.killed + counts.timeout;
  const valid = detected + counts.survived + counts.noCoverage;
  return { counts, valid, score: valid === 0 ? undefined : Math.round((1000 * detected) / valid) / 10 };
};

const summary = {};
let under = false;
for (const [group, goal] of Object.entries(GOALS)) {
  const { counts, valid, score } = tally(
    files.filter(([file]) => file.includes(group)).flatMap(([, m]) => m),
  );
  if (valid === 0) continue;
  summary[group] = { ...counts, score, goal };
  under ||= score < goal;
  console.log(
    `${group}: ${score}% (goal ${goal}%${score < goal ? ', UNDER IT' : ''}) — killed ${counts.killed}, survived ${counts.survived}, no coverage ${counts.noCoverage}, timeout ${counts.timeout}`,
  );
}
mkdirSync('artifacts/mutation', { recursive: true });
writeFileSync('artifacts/mutation/summary.json', `${JSON.stringify(summary, null, 2)}\n`);

console.log(
  '\n| file | mutants | killed | survived | no coverage | timeout | score |\n| --- | --- | --- | --- | --- | --- | --- |',
);
for (const [file, mutants] of files.sort(([a], [b]) => a.localeCompare(b))) {
  const { counts, valid, score } = tally(mutants);
  const name = file.replace(/^.*functions\//, '');
  const cells = [valid, counts.killed, counts.survived, counts.noCoverage, counts.timeout];
  console.log(`| ${name} | ${cells.join(' | ')} | ${score === undefined ? '–' : `${score}%`} |`);
}

// The configured scope, expanded by hand (the globs in stryker.config.mjs are `dir/**/*.ts`, `dir/*.ts`, files).
const toRegExp = (glob) =>
  new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replaceAll('**/', '@@')
      .replace(/\*/g, '[^/]*')
      .replaceAll('@@', '(?:.*/)?')}$`,
  );
const include = config.mutate.filter((glob) => !glob.startsWith('!')).map(toRegExp);
const exclude = config.mutate.filter((glob) => glob.startsWith('!')).map((glob) => toRegExp(glob.slice(1)));
const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name).replaceAll('\\', '/')],
  );
const inScope = walk('functions').filter(
  (file) => include.some((re) => re.test(file)) && !exclude.some((re) => re.test(file)),
);
const measured = new Set(files.map(([file]) => file));
const missing = inScope.filter((file) => !measured.has(file));
console.log(
  missing.length === 0
    ? `\nEvery file in the configured scope (${inScope.length}) is in the report.`
    : `\nNot in the report yet, ${missing.length} of ${inScope.length} files in the configured scope: ${missing.join(', ')}`,
);
process.exitCode = under ? 1 : 0;
