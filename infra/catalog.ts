import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root (infra/..). */
export const PROJECT_ROOT = join(__dirname, '..');

/** The compiled program catalog that Lambdas import; bundling fails without it. */
export const CATALOG_PATH = join(PROJECT_ROOT, 'generated', 'catalog.json');

/** Runs `npm run build` when the compiled catalog is missing, so synth can bundle the handlers. */
export function ensureCatalog(root: string = PROJECT_ROOT): void {
  const built = [
    'catalog.json',
    'step-bodies.json',
    'step-bodies', // each body in a file of its own, for the send function
    'enrollment-emails.json',
    'invitation-layout.json',
    'email-layouts.json',
    'step-layouts.json',
  ].every((file) => existsSync(join(root, 'generated', file)));
  if (built) return;
  const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts ?? {};
  if (!scripts.build) {
    // Nothing can produce it yet; handlers that import it will fail to bundle with a clear error.
    process.stderr.write('generated/catalog.json is missing and package.json has no "build" script\n');
    return;
  }
  process.stderr.write('generated/catalog.json is missing: running npm run build\n');
  // stdout goes to stderr: the CDK CLI reads the app's stdout.
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
}
