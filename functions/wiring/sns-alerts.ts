import { atFirstUse } from './at-first-use';
import type { Port } from './index';

/**
 * The operator's safety alerts (SNS), with the SNS client loaded at the first alert: every function that
 * alerts (the reply webhooks, the check-in page) does so only after a reply with signs of danger, so most
 * of their starts never need it.
 */
export const snsAlerts: Port<'alerts'> = {
  name: 'alerts',
  loadsAtFirstUse: true,
  build: ({ config }) => {
    const { safetyTopicArn } = config;
    if (!safetyTopicArn)
      return { notify: () => Promise.reject(new Error('SAFETY_TOPIC_ARN is not set for this function')) };
    const sns = atFirstUse(() =>
      import('../adapters/sns/sns-alerts').then(({ snsAlertsFrom }) => snsAlertsFrom(config, safetyTopicArn)),
    );
    return { notify: async (alert) => (await sns()).notify(alert) };
  },
};
