#!/usr/bin/env node
// Makes DynamoDB Local (AWS's own emulator, a Java program) available in .cache/dynamodb-local/.
// Runs as the package's postinstall. The jar ships inside the npm package amplify-dynamodb-simulator;
// installing that package would pull ~350 MB of dependencies, so we `npm pack` its tarball (npm's own
// cache makes repeat runs cheap), check it against a pinned integrity, and extract only `emulator/`.
// It also makes sure a Java runtime is there: installed with apt-get when we are root on Debian,
// otherwise the exact command to run is printed and the install fails, loudly. Debian's Chromium, for
// the screenshot tests, is installed the same way (elsewhere a warning says how to get it).
'use strict';

const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const PACKAGE = 'amplify-dynamodb-simulator';
const VERSION = '2.9.30'; // ships DynamoDB Local 1.25.1
const INTEGRITY =
  'sha512-xTeeRLvzEfqyd5lh3bH4c0kHvSHHmmhD5ZDsHFKAQ5g2Zl6JqlFdutaQhCLHzxEp6Ry1o7TB6niIoXuQAnSewQ==';
const JAVA_PACKAGES = ['openjdk-17-jre-headless', 'default-jre-headless'];

const ROOT = path.resolve(__dirname, '..', '..');
const TARGET = path.join(ROOT, '.cache', 'dynamodb-local');
const MARKER = path.join(TARGET, '.installed.json');
const SKIP_ENV = 'KINTSUGI_SKIP_EMULATORS';

const say = (message) => console.log(`[install-emulators] ${message}`);

class SetupError extends Error {}

function isInstalled() {
  try {
    const marker = JSON.parse(fs.readFileSync(MARKER, 'utf8'));
    return (
      marker.package === PACKAGE &&
      marker.version === VERSION &&
      fs.existsSync(path.join(TARGET, 'DynamoDBLocal.jar')) &&
      fs.existsSync(path.join(TARGET, 'DynamoDBLocal_lib'))
    );
  } catch {
    return false;
  }
}

/** Runs npm the same way the surrounding `npm install` does, falling back to `npm` on the PATH. */
function runNpm(args, cwd) {
  const npmCli = process.env.npm_execpath;
  const [command, argv] = npmCli?.endsWith('.js') ? [process.execPath, [npmCli, ...args]] : ['npm', args];
  return spawnSync(command, argv, { cwd, encoding: 'utf8', shell: process.platform === 'win32' });
}

/** The reason npm gives for a failed command (with --json it is a JSON object on stdout). */
function npmFailure(result) {
  if (result.error) return result.error.message;
  try {
    const { error } = JSON.parse(result.stdout);
    return [error.summary, error.detail].filter(Boolean).join(' ');
  } catch {
    return (result.stderr || result.stdout).trim();
  }
}

function fetchEmulator() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kintsugi-ddb-'));
  try {
    say(`fetching ${PACKAGE}@${VERSION} (DynamoDB Local jar, ~57 MB; cached by npm after the first time)`);
    const pack = runNpm(['pack', `${PACKAGE}@${VERSION}`, '--json', '--silent'], work);
    if (pack.error || pack.status !== 0) {
      throw new SetupError(`npm pack ${PACKAGE}@${VERSION} failed: ${npmFailure(pack)}`);
    }
    const tarball = fs.readdirSync(work).find((name) => name.endsWith('.tgz'));
    if (!tarball) throw new SetupError(`npm pack ${PACKAGE}@${VERSION} produced no tarball in ${work}`);
    const tarballPath = path.join(work, tarball);

    const digest = `sha512-${crypto.createHash('sha512').update(fs.readFileSync(tarballPath)).digest('base64')}`;
    if (digest !== INTEGRITY) {
      throw new SetupError(
        `${tarball} does not match the pinned integrity (got ${digest}); refusing to use it`,
      );
    }

    const extract = spawnSync('tar', ['-xzf', tarballPath, '-C', work, 'package/emulator'], {
      encoding: 'utf8',
    });
    if (extract.error || extract.status !== 0) {
      const reason = extract.error ? extract.error.message : extract.stderr.trim();
      throw new SetupError(`could not extract ${tarball} with tar: ${reason}`);
    }
    const extracted = path.join(work, 'package', 'emulator');
    if (!fs.existsSync(path.join(extracted, 'DynamoDBLocal.jar'))) {
      throw new SetupError(`${tarball} has no emulator/DynamoDBLocal.jar`);
    }

    // Move into place in one rename, so an interrupted run never leaves a half-filled folder behind.
    fs.mkdirSync(path.dirname(TARGET), { recursive: true });
    fs.rmSync(TARGET, { recursive: true, force: true });
    fs.renameSync(extracted, TARGET);
    fs.writeFileSync(
      MARKER,
      `${JSON.stringify({ package: PACKAGE, version: VERSION, integrity: INTEGRITY }, null, 2)}\n`,
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The major version of the `java` on the PATH, or undefined when there is none. */
function javaMajorVersion() {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (!match) return undefined;
  // Java 8 and older report "1.8.0_…".
  return match[1] === '1' ? Number(match[2]) : Number(match[1]);
}

function canUseApt() {
  return (
    process.platform === 'linux' &&
    typeof process.getuid === 'function' &&
    process.getuid() === 0 &&
    fs.existsSync('/etc/debian_version') &&
    spawnSync('apt-get', ['--version']).status === 0
  );
}

function aptInstall(pkg) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return (
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', pkg], { stdio: 'inherit', env })
      .status === 0
  );
}

function ensureJava() {
  const major = javaMajorVersion();
  if (major !== undefined && major >= 11) {
    say(`java ${major} found`);
    return;
  }
  const why = major === undefined ? 'no `java` on the PATH' : `java ${major} is too old (11 or newer needed)`;
  if (canUseApt()) {
    say(`${why}; installing a Java runtime with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    const installed = JAVA_PACKAGES.find((pkg) => aptInstall(pkg));
    const after = javaMajorVersion();
    if (installed && after !== undefined && after >= 11) {
      say(`installed ${installed} (java ${after})`);
      return;
    }
    throw new SetupError(`${why}, and apt-get could not install ${JAVA_PACKAGES.join(' or ')}`);
  }
  throw new SetupError(
    [
      `${why}. DynamoDB Local needs a Java runtime (11 or newer). Install one, then run \`npm install\` again:`,
      '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless',
      '  Fedora/RHEL:   sudo dnf install -y java-17-openjdk-headless',
      '  macOS:         brew install openjdk@17',
      `(To install without the local emulators, e.g. on a deploy-only machine, set ${SKIP_ENV}=1.)`,
    ].join('\n'),
  );
}

/** Where the screenshot tests look for Chromium (test/browser/chromium.ts reads the same variable). */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * The screenshot tests drive Debian's Chromium (no browser is downloaded by a test tool). Installed with
 * apt-get when it is missing and we are root on Debian; elsewhere the command is printed and the tests
 * that need it fail with the same advice.
 */
function ensureChromium() {
  if (fs.existsSync(CHROMIUM_PATH)) {
    say(`chromium found at ${CHROMIUM_PATH}`);
    return;
  }
  if (CHROMIUM_PATH === '/usr/bin/chromium' && canUseApt()) {
    say(
      "no chromium at /usr/bin/chromium; installing Debian's chromium with apt-get (for the screenshot tests)",
    );
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    const ok = spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env }).status === 0;
    if (ok && fs.existsSync(CHROMIUM_PATH)) {
      say(`installed chromium (${CHROMIUM_PATH})`);
      return;
    }
    throw new SetupError('apt-get could not install chromium, which the screenshot tests need');
  }
  console.warn(
    [
      '',
      `[install-emulators] WARNING: no Chromium at ${CHROMIUM_PATH}; the screenshot tests (test/browser) will fail.`,
      '  Debian/Ubuntu: sudo apt-get install -y chromium',
      '  elsewhere: install Chromium or Chrome and set CHROMIUM_PATH to its executable.',
      '',
    ].join('\n'),
  );
}

function main() {
  if (process.env[SKIP_ENV] === '1') {
    say(`${SKIP_ENV}=1: skipping DynamoDB Local and Java; \`npm start\` and \`npm test\` will not work`);
    return;
  }
  const started = Date.now();
  if (isInstalled()) {
    say(`DynamoDB Local already in ${path.relative(ROOT, TARGET)}/ (${PACKAGE}@${VERSION}); nothing to do`);
  } else {
    fetchEmulator();
    say(
      `DynamoDB Local ready in ${path.relative(ROOT, TARGET)}/ (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  ensureJava();
  ensureChromium();
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    const message = error instanceof SetupError ? error.message : error?.stack || String(error);
    console.error(`\n[install-emulators] FAILED: ${message}\n`);
    process.exitCode = 1;
  }
}

module.exports = { DYNAMODB_LOCAL_DIR: TARGET };
