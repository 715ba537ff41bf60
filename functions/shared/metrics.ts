import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

import { type DimensionArgs, METRICS_NAMESPACE, type MetricName } from './metric-names';

const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: 'kintsugi' });

/**
 * Counts one event now, as one EMF log line (no API call, no added latency): once under `service` alone
 * (the total) and, when given, once more under `service` and its dimensions (channel, outcome…).
 */
export function countEvent<N extends MetricName>(name: N, ...args: DimensionArgs<N>): void {
  const dimensions: Record<string, string> | undefined = args[0];
  if (dimensions) {
    metrics.addDimensions({});
    metrics.addDimensions(dimensions);
  }
  metrics.addMetric(name, MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
}
