import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { OperatorAlerts, SafetyAlert } from '../../ports/operator-alerts';

/** Publishes safety alerts to the operators' SNS topic. The client is injected. */
export class SnsOperatorAlerts implements OperatorAlerts {
  constructor(
    private readonly sns: SNSClient,
    private readonly topicArn: string,
  ) {}

  async notify(alert: SafetyAlert): Promise<void> {
    // Only the id and the category: the topic's subscribers (email, chat) are outside the program's data.
    await this.sns.send(
      new PublishCommand({
        TopicArn: this.topicArn,
        Subject: 'Kintsugi safety flag',
        Message: JSON.stringify({ enrollmentId: alert.enrollmentId, category: alert.category }),
      }),
    );
  }
}
