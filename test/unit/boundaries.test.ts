import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

const sources = (folder: string): string[] =>
  readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => join(folder, file));

/** The project folders a file imports from (relative imports only, resolved from the root). */
const importedFolders = (file: string): string[] =>
  [...readFileSync(join(ROOT, file), 'utf8').matchAll(/from '(\.[^']*)'/g)].map((m) =>
    relative(ROOT, resolve(ROOT, dirname(file), m[1] as string)),
  );

describe('the program’s domain', () => {
  it.each(sources('functions/program'))('%s does no rendering and reads no build output', (file) => {
    for (const imported of importedFolders(file))
      expect(imported, `${file} imports ${imported}`).toMatch(/^functions\/(program|shared)\//);
  });

  it.each(sources('functions/render'))('%s renders from the domain alone', (file) => {
    for (const imported of importedFolders(file))
      expect(imported, `${file} imports ${imported}`).toMatch(/^functions\/(program|render|shared)\//);
  });
});

describe('the use cases’ entry points', () => {
  it.each([...sources('functions/handlers'), ...sources('cli')])(
    '%s calls use cases at their entry points, never a service of theirs',
    (file) => {
      for (const imported of importedFolders(file))
        expect(imported, `${file} imports ${imported}`).not.toMatch(/^functions\/use-cases\/services\//);
    },
  );

  it.each(sources('functions/use-cases/services'))(
    '%s is built from the domain, the ports and other services, never from an entry point',
    (file) => {
      for (const imported of importedFolders(file))
        expect(imported, `${file} imports ${imported}`).toMatch(
          /^functions\/(program|render|shared|ports)\/|^functions\/use-cases\/(services\/|deps$)/,
        );
    },
  );
});

describe('the use cases and handlers', () => {
  it.each([...sources('functions/use-cases'), ...sources('functions/handlers')])(
    '%s speaks of texts in the program’s words, not Twilio’s codes',
    (file) => {
      const code = readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
        .join('\n');
      expect(code).not.toMatch(/'(2\d{4}|3\d{4})'|\b(21610|21211|21614|30003|30005|30006)\b/);
      // Twilio's status-callback fields are read in adapters/twilio/status-callback.ts.
      expect(code).not.toMatch(/ErrorCode|MessageStatus\s*:|\.MessageStatus\b/);
    },
  );
});
