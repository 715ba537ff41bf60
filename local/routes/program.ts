/** The program's public HTTP API (functions/handlers/routes.ts), served locally by the same handlers as in AWS. */
import * as checkin from '../../functions/handlers/checkin';
import * as confirm from '../../functions/handlers/confirm';
import * as enroll from '../../functions/handlers/enroll';
import type { HttpHandle } from '../../functions/handlers/lambda';
import * as partner from '../../functions/handlers/partner';
import * as privacy from '../../functions/handlers/privacy';
import * as report from '../../functions/handlers/report';
import { HTTP_ROUTES, type HttpHandlerName } from '../../functions/handlers/routes';
import * as settings from '../../functions/handlers/settings';
import * as smsInbound from '../../functions/handlers/sms-inbound';
import * as smsStatus from '../../functions/handlers/sms-status';
import * as unsubscribe from '../../functions/handlers/unsubscribe';

const HANDLERS: Record<HttpHandlerName, HttpHandle> = {
  enroll: enroll.handle,
  confirm: confirm.handle,
  'sms-inbound': smsInbound.handle,
  'sms-status': smsStatus.handle,
  unsubscribe: unsubscribe.handle,
  checkin: checkin.handle,
  report: report.handle,
  privacy: privacy.handle,
  partner: partner.handle,
  settings: settings.handle,
};

/** The handler that serves `method` `path` in AWS, or undefined when the API has no such route. */
export function programHandleFor(method: string, path: string): HttpHandle | undefined {
  const match = HTTP_ROUTES.find((r) => r.method === method && r.path === path);
  return match && HANDLERS[match.handler];
}
