import type { MessageRecord, Reply } from './enrollment';
import type { Metric, Scale, Step } from './types';

/** One metric's movement over the program. */
export interface MetricSummary {
  metric: Metric;
  question: string;
  scale: Scale;
  /** One point per program week (1–13): the answer, or null when none was given. */
  weekly: { week: number; score: number | null }[];
  sent: number;
  answered: number;
  /** answered ÷ sent, 0–1; null when nothing was sent. */
  responseRate: number | null;
  /** Mean of answers on days 0–29 and 61–90, and their difference. */
  first30: number | null;
  last30: number | null;
  change: number | null;
}

/** The checkpoint report: the numbers both the email and the web page show. */
export interface CheckpointReport {
  enrollmentId: string;
  generatedAt: string;
  metrics: MetricSummary[];
  /** The three questions that decide whether to keep going, with the answers given. */
  checkpoint: { metric: Metric; question: string; scale: Scale; answer: number | null }[];
  journalNotes: number;
}

const mean = (xs: number[]) =>
  xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null;
const weekOf = (day: number) => Math.min(13, Math.floor(day / 7) + 1);

/** Builds the report from a participant's own check-ins and replies. */
export function buildReport(input: {
  enrollmentId: string;
  now: string;
  steps: readonly Step[];
  messages: readonly MessageRecord[];
  replies: readonly Reply[];
}): CheckpointReport {
  const stepById = new Map(input.steps.map((s) => [s.id, s]));
  const sentCheckins = input.messages.filter(
    (m) =>
      (m.kind === 'check-in' || m.kind === 'checkpoint') && (m.status === 'sent' || m.status === 'delivered'),
  );
  const answers = input.replies.filter((r) => r.score !== undefined && r.metric !== undefined);
  // One answer per check-in: the latest wins (a person may correct themselves).
  const answerByCheckin = new Map<string, Reply>();
  for (const r of [...answers].sort((a, b) => a.at.localeCompare(b.at)))
    answerByCheckin.set(`${r.stepId}#${r.day}`, r);

  const metrics: MetricSummary[] = [];
  const checkpoint: CheckpointReport['checkpoint'] = [];
  const weeklyMetrics = new Map<Metric, Step>();
  for (const m of sentCheckins) {
    const step = stepById.get(m.slot);
    if (!step?.metric) continue;
    if (step.kind === 'check-in' && !weeklyMetrics.has(step.metric)) weeklyMetrics.set(step.metric, step);
  }
  for (const [metric, step] of weeklyMetrics) {
    const sent = sentCheckins.filter((m) => m.metric === metric && m.kind === 'check-in');
    const answered = sent
      .map((m) => answerByCheckin.get(`${m.slot}#${m.day}`))
      .filter((r): r is Reply => r !== undefined);
    const weekly = Array.from({ length: 13 }, (_, i) => {
      const inWeek = answered.filter((r) => weekOf(r.day ?? 0) === i + 1).map((r) => r.score as number);
      return { week: i + 1, score: mean(inWeek) };
    });
    const first30 = mean(answered.filter((r) => (r.day ?? 0) <= 29).map((r) => r.score as number));
    const last30 = mean(answered.filter((r) => (r.day ?? 0) >= 61).map((r) => r.score as number));
    metrics.push({
      metric,
      question: step.question ?? step.sms ?? metric,
      scale: step.scale ?? '1-5',
      weekly,
      sent: sent.length,
      answered: answered.length,
      responseRate: sent.length ? Math.round((answered.length / sent.length) * 100) / 100 : null,
      first30,
      last30,
      change: first30 !== null && last30 !== null ? Math.round((last30 - first30) * 100) / 100 : null,
    });
  }
  for (const step of input.steps.filter((s) => s.kind === 'checkpoint' && s.metric)) {
    const wasSent = sentCheckins.some((m) => m.slot === step.id);
    if (!wasSent) continue;
    const reply = [...answerByCheckin.values()].find((r) => r.stepId === step.id);
    checkpoint.push({
      metric: step.metric as Metric,
      question: step.question ?? step.sms ?? step.id,
      scale: step.scale ?? 'yes-no',
      answer: reply?.score ?? null,
    });
  }
  return {
    enrollmentId: input.enrollmentId,
    generatedAt: input.now,
    metrics,
    checkpoint,
    journalNotes: input.replies.filter((r) => r.score === undefined && r.note).length,
  };
}
