// The two passes of `npm run mutate` (scripts/mutate.mjs), shared with the summary (mutation-summary.mjs).
// Each pass keeps its own incremental file: Stryker reuses a mutant's result only when the tests that
// covered and killed it are the same tests now, and the two passes run different tests with different
// settings, so a shared file made each pass re-test most of the other's mutants.
import config from '../stryker.config.mjs';

/** The danger detector's files (language.ts and safety*.ts; the phrase tables stay out, as in the config). */
const DETECTOR = ['functions/program/language.ts', 'functions/program/safety*.ts'];
const DETECTOR_FILE = /^functions\/program\/(language|safety[^/]*)\.ts$/;
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
  'safety-constructions',
  'content-safety',
  'crisis-replies',
].map((name) => `test/unit/${name}.test.ts`);
const TABLES = config.mutate.filter((glob) => glob.startsWith('!functions/program/safety'));

export const PASSES = [
  {
    name: 'program',
    title: 'everything but the danger detector, against the whole unit layer',
    mutate: [...config.mutate, ...DETECTOR.map((glob) => `!${glob}`)],
    env: {},
    incrementalFile: config.incrementalFile,
    owns: (file) => !DETECTOR_FILE.test(file),
  },
  {
    // Every detector mutant is covered by most of the unit layer (anything that reads a reply runs the
    // detector) and each test file loads the detector afresh (a second or more), so the first pass's settings
    // would take hours on two cores. Its scores are lower bounds: tests outside the list might kill more, and
    // a value cached at the first message keeps the code it was built with (docs/BENCHMARKS.md).
    name: 'detector',
    title: 'the danger detector, against its own tests, one module graph shared between test files',
    mutate: [...DETECTOR, ...TABLES],
    env: { STRYKER_SHARED_MODULES: '1', STRYKER_TESTS: DETECTOR_TESTS.join(',') },
    incrementalFile: 'reports/stryker-incremental-detector.json',
    owns: (file) => DETECTOR_FILE.test(file),
  },
];
