// After `stryker run`: the mutation score of each part Stryker mutated (functions/program/ and the use
// cases), printed and written to artifacts/mutation/summary.json. Score = (killed + timeout) over
// (killed + timeout + survived + no coverage), as Stryker counts it; mutants that do not compile are left out.
import { readFileSync, writeFileSync } from 'node:fs';

const report = JSON.parse(readFileSync('artifacts/mutation/mutation.json', 'utf8'));
const GOALS = { 'functions/program/': 85, 'functions/use-cases/': 75 };
const summary = {};
for (const [group, goal] of Object.entries(GOALS)) {
  const counts = { killed: 0, survived: 0, noCoverage: 0, timeout: 0 };
  for (const [file, { mutants }] of Object.entries(report.files)) {
    if (!file.replaceAll('\\', '/').includes(group)) continue;
    for (const { status } of mutants) {
      if (status === 'Killed') counts.killed++;
      else if (status === 'Survived') counts.survived++;
      else if (status === 'NoCoverage') counts.noCoverage++;
      else if (status === 'Timeout') counts.timeout++;
    }
  }
  const detected = counts.killed + counts.timeout;
  const valid = detected + counts.survived + counts.noCoverage;
  if (valid === 0) continue;
  const score = Math.round((1000 * detected) / valid) / 10;
  summary[group] = { ...counts, score, goal };
  console.log(
    `${group}: ${score}% (goal ${goal}%) — killed ${counts.killed}, survived ${counts.survived}, no coverage ${counts.noCoverage}, timeout ${counts.timeout}`,
  );
}
writeFileSync('artifacts/mutation/summary.json', `${JSON.stringify(summary, null, 2)}\n`);
