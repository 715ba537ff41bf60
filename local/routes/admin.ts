/** `POST /_local/admin/<operation>`: the CLI's operator actions (functions/use-cases/operator/operations.ts). */
import { json } from '../../functions/shared/http';
import { ADMIN_OPERATIONS, runAdminOperation } from '../../functions/use-cases/operator/operations';
import { type LocalRoute, parseJson } from './context';

export const ADMIN_ROUTES: readonly LocalRoute[] = ADMIN_OPERATIONS.map(
  (operation): LocalRoute => ({
    method: 'POST',
    path: `/_local/admin/${operation}`,
    handle: async ({ deps }, { body }) =>
      json(200, await runAdminOperation(deps, operation, parseJson(body))),
  }),
);
