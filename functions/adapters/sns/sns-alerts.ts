import { SNSClient } from '@aws-sdk/client-sns';
import type { OperatorAlerts } from '../../ports/operator-alerts';
import type { Config } from '../../shared/config';
import { SnsOperatorAlerts } from './operator-alerts';

/**
 * The operators' SNS topic from the config. Imported only when a first alert needs it
 * (functions/wiring/sns-alerts.ts), so the SNS client is not read at every start.
 */
export function snsAlertsFrom(config: Config, topicArn: string): OperatorAlerts {
  return new SnsOperatorAlerts(new SNSClient({ region: config.region }), topicArn);
}
