import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_OPERATIONS } from '../../functions/use-cases/operator/operations';
import { LOCAL_ROUTES } from '../../local/routes';

const HANDLERS = path.resolve(__dirname, '../../functions/handlers');
/** The files of functions/handlers/ that are not handlers: the Lambda wrapper and the route list. */
const NOT_HANDLERS = new Set(['lambda.ts', 'routes.ts']);

describe('the (deps, event) seam', () => {
  const files = readdirSync(HANDLERS).filter((f) => f.endsWith('.ts') && !NOT_HANDLERS.has(f));

  it.each(files)('%s exports it as handle', async (file) => {
    const module = (await import(path.join(HANDLERS, file))) as { handle?: unknown };
    expect(typeof module.handle).toBe('function');
  });
});

describe('the local runtime routes', () => {
  it('lists each method and path once, every one under /_local/', () => {
    const keys = LOCAL_ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const route of LOCAL_ROUTES) expect(route.path.startsWith('/_local/')).toBe(true);
  });

  it('serves every operator action at POST /_local/admin/<name>', () => {
    const admin = LOCAL_ROUTES.filter((r) => r.path.startsWith('/_local/admin/'));
    expect(admin.map((r) => `${r.method} ${r.path}`)).toEqual(
      ADMIN_OPERATIONS.map((name) => `POST /_local/admin/${name}`),
    );
  });
});
