/**
 * A module's export, imported at its first use rather than when the function starts. esbuild makes a module
 * reached only by `import()` a file of its own (infra/lambda-bundling.ts), read when it is first called.
 * No module a function imports at its start may import it statically, or it would be read at every start
 * again; and the port that imports it has a file of its own, so that only the functions naming it carry
 * it. A failed load is tried again at the next use.
 */
export function atFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  };
}
