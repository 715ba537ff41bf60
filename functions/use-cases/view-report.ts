import type { CheckpointReport } from '../program/report';
import { NotFoundError } from '../shared/errors';
import type { Deps } from './deps';

/** The participant's own checkpoint report, opened with its signed link. */
export async function viewReport(deps: Deps, token: string | undefined): Promise<CheckpointReport> {
  const claims = deps.tokens.verify(token, 'report');
  const report = await deps.store.getReport(claims.sub);
  if (!report) throw new NotFoundError('This report is not ready yet. It arrives on day 90 of your program.');
  return report;
}
