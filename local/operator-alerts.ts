import { escapeHtml, page } from '../functions/pages/layout';
import type { Clock } from '../functions/ports/clock';
import type { OperatorAlerts, SafetyAlert } from '../functions/ports/operator-alerts';

/** A safety alert as the local page lists it: what an operator would get, and when (simulated time). */
export interface LocalSafetyAlert extends SafetyAlert {
  at: string;
}

/** The local stand-in for the operators' SNS topic: alerts are kept in memory for `GET /_local/safety`. */
export class LocalOperatorAlerts implements OperatorAlerts {
  readonly alerts: LocalSafetyAlert[] = [];

  constructor(private readonly clock: Clock) {}

  async notify(alert: SafetyAlert): Promise<void> {
    this.alerts.push({
      enrollmentId: alert.enrollmentId,
      category: alert.category,
      at: this.clock.now().toISOString(),
    });
  }
}

/** `GET /_local/safety`: the alerts an operator would have received, newest first. */
export function renderSafetyPage(alerts: readonly LocalSafetyAlert[]): string {
  const rows = [...alerts]
    .reverse()
    .map(
      (a) =>
        `<tr><td>${escapeHtml(a.at)}</td><td>${escapeHtml(a.category)}</td><td><code>${escapeHtml(a.enrollmentId ?? 'no enrollment')}</code></td></tr>`,
    )
    .join('');
  return page(
    'Safety alerts (local)',
    `<h1>Safety alerts</h1>
<p>What the operators' SNS topic would carry in AWS when a text or an email reply shows signs of danger:
the enrollment id and the kind of danger, nothing else. The person already got crisis lines in the answer,
and their program is paused. <code>Accept: application/json</code> on this URL gives the same list as JSON.</p>
${
  rows
    ? `<table><thead><tr><th>When (simulated)</th><th>Category</th><th>Enrollment</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>No alerts yet.</p>'
}`,
  );
}
