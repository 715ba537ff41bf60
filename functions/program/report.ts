import { type MessageRecord, REACHED, type Reply } from './enrollment';
import { type Language, type Metric, QUICK_CHECK_METRICS, type Scale, type Step } from './types';

/** One metric's movement over the program. */
export interface MetricSummary {
  metric: Metric;
  question: string;
  scale: Scale;
  /**
   * One point per program week (1–13): the answer, or null when none was given; `asked` says whether
   * this metric's question went out that week (absent in reports saved before it existed).
   */
  weekly: { week: number; score: number | null; asked?: boolean; late?: boolean }[];
  sent: number;
  answered: number;
  /** answered ÷ sent, 0–1; null when nothing was sent. */
  responseRate: number | null;
  /** Mean of answers on days 0–29 and 61–90, and their difference. */
  first30: number | null;
  last30: number | null;
  change: number | null;
}

/** One question asked once, with the answer given: 1–5, 1 (yes) / 0 (no), or null when unanswered. */
export interface QuestionAnswer {
  metric: Metric;
  question: string;
  scale: Scale;
  answer: number | null;
  /** The answer arrived after the report was first made (within the question's window). */
  late?: boolean;
}

/** The three quick yes/no questions of one day (30 or 60), in the order they were asked. */
export interface QuickCheck {
  day: number;
  answers: QuestionAnswer[];
}

/** The checkpoint report: the numbers both the email and the web page show. */
export interface CheckpointReport {
  enrollmentId: string;
  /** When the report was first made; answers after it are marked `late`. */
  generatedAt: string;
  /** When a late answer last brought it up to date. */
  updatedAt?: string;
  metrics: MetricSummary[];
  /** The three questions that decide whether to keep going (days 88–90), with the answers given. */
  checkpoint: QuestionAnswer[];
  /**
   * The quick questions of days 30 and 60 (acting differently, safe to be honest, both showing up).
   * Absent in reports saved before they existed.
   */
  quickChecks?: QuickCheck[];
  /**
   * Linked partners who both agreed: how many check-ins each answered of those sent. Never more.
   * Absent otherwise.
   */
  participation?: { you: { answered: number; sent: number }; partner: { answered: number; sent: number } };
  journalNotes: number;
  /**
   * Set when the person's own messages showed signs of abuse or a call for help during the program (a
   * danger flag or a concern of that kind): the report then puts its safety caveat before any couples step.
   * Only this yes, never what was said; a partner never sees a report.
   */
  harmDisclosed?: true;
}

const isQuickCheck = (step: Step) =>
  step.kind === 'checkpoint' && (QUICK_CHECK_METRICS as readonly string[]).includes(step.metric ?? '');

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
  /** When the report was first made, when this brings it up to date: answers after it are late. */
  firstMadeAt?: string;
}): CheckpointReport {
  const madeAt = input.firstMadeAt ?? input.now;
  const stepById = new Map(input.steps.map((s) => [s.id, s]));
  const sentCheckins = input.messages.filter(
    (m) => (m.kind === 'check-in' || m.kind === 'checkpoint') && REACHED.includes(m.status),
  );
  const answers = input.replies.filter((r) => r.score !== undefined && r.metric !== undefined);
  // One answer per check-in: the latest wins (a person may correct themselves); and the one the report
  // showed when it was first made.
  const answerByCheckin = new Map<string, Reply>();
  const answerWhenMade = new Map<string, Reply>();
  for (const r of [...answers].sort((a, b) => a.at.localeCompare(b.at))) {
    answerByCheckin.set(`${r.stepId}#${r.day}`, r);
    if (r.at <= madeAt) answerWhenMade.set(`${r.stepId}#${r.day}`, r);
  }
  // Late: an answer that came after the report was made and changed what it showed (the same answer
  // given again, a second click on the same link, is not late).
  const isLate = (r: Reply | undefined) =>
    r !== undefined &&
    input.firstMadeAt !== undefined &&
    r.at > madeAt &&
    answerWhenMade.get(`${r.stepId}#${r.day}`)?.score !== r.score;

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
      const inWeekReplies = answered.filter((r) => weekOf(r.day ?? 0) === i + 1);
      const inWeek = inWeekReplies.map((r) => r.score as number);
      const asked = sent.some((m) => weekOf(m.day) === i + 1);
      return {
        week: i + 1,
        score: mean(inWeek),
        asked,
        ...(inWeekReplies.some(isLate) ? { late: true } : {}),
      };
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
  const asked = (step: Step): QuestionAnswer => {
    const reply = [...answerByCheckin.values()].find((r) => r.stepId === step.id);
    return {
      metric: step.metric as Metric,
      question: step.question ?? step.sms ?? step.id,
      scale: step.scale ?? 'yes-no',
      answer: reply?.score ?? null,
      ...(isLate(reply) ? { late: true } : {}),
    };
  };
  const wasSent = (step: Step) => sentCheckins.some((m) => m.slot === step.id);
  const quickByDay = new Map<number, QuestionAnswer[]>();
  for (const step of input.steps.filter((s) => s.kind === 'checkpoint' && s.metric && wasSent(s))) {
    if (!isQuickCheck(step)) {
      checkpoint.push(asked(step));
      continue;
    }
    const day = step.day ?? 0;
    quickByDay.set(day, [...(quickByDay.get(day) ?? []), asked(step)]);
  }
  const quickChecks = [...quickByDay].sort(([a], [b]) => a - b).map(([day, answers]) => ({ day, answers }));
  return {
    enrollmentId: input.enrollmentId,
    generatedAt: madeAt,
    ...(input.firstMadeAt ? { updatedAt: input.now } : {}),
    metrics,
    checkpoint,
    quickChecks,
    journalNotes: input.replies.filter((r) => r.score === undefined && r.note).length,
  };
}

const ANSWER_WORDS: Record<Language, { none: string; yes: string; no: string; of5: (n: number) => string }> =
  {
    en: { none: 'No answer', yes: 'Yes', no: 'No', of5: (n) => `${n} of 5` },
    es: { none: 'Sin respuesta', yes: 'Sí', no: 'No', of5: (n) => `${n} de 5` },
  };

/** The words for one answer: "Yes", "No", "4 of 5", or "No answer" ("Sí", "4 de 5", "Sin respuesta"). */
export function answerWords(
  answer: QuestionAnswer['answer'],
  scale: Scale,
  language: Language = 'en',
): string {
  const words = ANSWER_WORDS[language];
  if (answer === null) return words.none;
  if (scale === 'yes-no') return answer === 1 ? words.yes : words.no;
  return words.of5(answer);
}

/** One week's rating as people read it: a whole answer plainly ("4"), a week of two answers with its half ("3.5"). */
export const weekScoreText = (score: number, decimal = (n: number) => n.toFixed(1)): string =>
  Number.isInteger(score) ? String(score) : decimal(score);
