/** The local runtime as a CLI target: its `/_local/admin/<operation>` routes, over HTTP. */
import { requestJson } from './http';
import type { Target } from './target';

/** The local runtime started by `npm start` (or a test's), reached over HTTP. */
export function localTarget(url: string): Target {
  const base = url.replace(/\/+$/, '');
  return {
    kind: 'local',
    label: base,
    publicUrl: base,
    async admin(operation, input) {
      return (await requestJson(`${base}/_local/admin/${operation}`, {
        method: 'POST',
        json: input,
      })) as never;
    },
  };
}
