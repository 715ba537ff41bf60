/**
 * What is open for a participant: the questions asked and not yet closed, each with its answer type and
 * its window. A reply is routed to the open questions it fits, by type, the oldest unanswered first, so a
 * batch of answers given in the order asked lands in order ("Y", "N", "Y" at 7 pm for the noon, 3 pm and
 * 6 pm questions). Plain data and functions: no I/O.
 */
import type { Channel, Metric, Scale, Step } from './types';
import { QUICK_CHECK_METRICS } from './types';

/** One question asked of a participant, open until `closesAt` or until answered. */
export interface OpenQuestion {
  stepId: string;
  day: number;
  metric: Metric;
  scale: Scale;
  /** The weekly `check-in`, or a `checkpoint` question (days 30 and 60, and the final three). */
  kind: 'check-in' | 'checkpoint';
  channel: Channel;
  askedAt: string;
  /** After this instant an answer no longer counts for it. */
  closesAt: string;
  /** When it was answered, and by which message (a provider's retry of that message routes the same way). */
  answeredAt?: string;
  answeredBy?: string;
  /** Set once the person was asked again after a reply that could not be read. */
  reasked?: boolean;
  /**
   * When the person said they were not sure ("no sé", "maybe"), and by which message: the question stays
   * open, but the next answers go to the questions after it first (routeAnswers).
   */
  doubtedAt?: string;
  doubtedBy?: string;
}

/**
 * How long a question takes answers. Every question stays open at least 48 hours, so answers given the
 * next evening or morning still count; a weekly check-in stays open for its week (until a newer question
 * with the same kind of answer is asked after those 48 hours), so "a 4, on Wednesday" counts for Sunday's.
 */
export const MIN_WINDOW_HOURS = 48;
export const CHECKIN_WINDOW_DAYS = 7;

const HOUR_MS = 3_600_000;
const plusHours = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * HOUR_MS).toISOString();

/** When a question asked at `askedAt` closes, unless the same question is asked again first. */
export function closesAt(kind: OpenQuestion['kind'], askedAt: string): string {
  return plusHours(askedAt, kind === 'check-in' ? CHECKIN_WINDOW_DAYS * 24 : MIN_WINDOW_HOURS);
}

/** The questions of a checkpoint that decide whether to keep going (days 88–90), not the quick ones of days 30 and 60. */
export const isFinalCheckpoint = (step: Pick<Step, 'kind' | 'metric'>): boolean =>
  step.kind === 'checkpoint' && !(QUICK_CHECK_METRICS as readonly string[]).includes(step.metric ?? '');

/** The legacy single open check-in, as written before open questions existed. */
interface LegacyOpenCheckin {
  stepId: string;
  day: number;
  metric: Metric;
  scale: Scale;
  channel: Channel;
  sentAt: string;
  kind?: string;
  reasked?: boolean;
}

/** An enrollment's open questions, reading the single `openCheckin` older records carry. */
export function openQuestionsOf(who: {
  openQuestions?: OpenQuestion[];
  openCheckin?: LegacyOpenCheckin;
}): OpenQuestion[] {
  if (who.openQuestions) return who.openQuestions;
  const legacy = who.openCheckin;
  if (!legacy) return [];
  const kind = legacy.kind === 'checkpoint' ? 'checkpoint' : 'check-in';
  return [
    {
      stepId: legacy.stepId,
      day: legacy.day,
      metric: legacy.metric,
      scale: legacy.scale,
      kind,
      channel: legacy.channel,
      askedAt: legacy.sentAt,
      closesAt: closesAt(kind, legacy.sentAt),
      ...(legacy.reasked ? { reasked: true } : {}),
    },
  ];
}

const sameQuestion = (a: Pick<OpenQuestion, 'stepId' | 'day'>, b: Pick<OpenQuestion, 'stepId' | 'day'>) =>
  a.stepId === b.stepId && a.day === b.day;

const byAsked = (a: OpenQuestion, b: OpenQuestion) =>
  a.askedAt.localeCompare(b.askedAt) || a.day - b.day || a.stepId.localeCompare(b.stepId);

/** Questions still taking answers at `now` (answered ones too: a one-click answer may still be changed). */
export const stillOpen = (questions: readonly OpenQuestion[], now: string): OpenQuestion[] =>
  questions.filter((q) => q.closesAt > now);

/** Questions open at `now` and not yet answered, oldest first. */
export const unanswered = (questions: readonly OpenQuestion[], now: string): OpenQuestion[] =>
  stillOpen(questions, now)
    .filter((q) => !q.answeredAt)
    .sort(byAsked);

/**
 * The open questions after `asked` goes out at `now`: closed ones leave; the same question asked again
 * replaces the earlier one (the same metric: the day-60 quick questions close the day-30 ones); and a
 * question open for 48 hours or more closes when a newer one takes the same kind of answer, so a 4 sent
 * right after the day-88 question answers it, not the weekly check-in left unanswered four days before.
 * Questions asked within 48 hours of each other all stay open: a batch answered later lands in order.
 */
export function askQuestion(
  questions: readonly OpenQuestion[],
  asked: Omit<OpenQuestion, 'closesAt'>,
): OpenQuestion[] {
  const now = asked.askedAt;
  const minimumPassed = (q: OpenQuestion) => plusHours(q.askedAt, MIN_WINDOW_HOURS) <= now;
  const kept = stillOpen(questions, now).filter((q) => {
    if (sameQuestion(q, asked)) return false;
    if (q.metric === asked.metric && q.scale === asked.scale) return false;
    if (q.scale === asked.scale && minimumPassed(q)) return false;
    return true;
  });
  return [...kept, { ...asked, closesAt: closesAt(asked.kind, asked.askedAt) }].sort(byAsked);
}

/** One reading of an answer: on which scale, what score (1–5, or 1 yes / 0 no), with any words beside it. */
export interface AnswerValue {
  scale: Scale;
  score: number;
  note?: string;
}

/** One answer in a reply, with every way it can be read ("no, 2" may be a no or a 2): the first that fits wins. */
export type AnswerReadings = readonly AnswerValue[];

/** An answer placed on the question it answers. */
export interface PlacedAnswer {
  question: OpenQuestion;
  answer: AnswerValue;
}

/**
 * Routes the answers of one reply, in order, to the open questions they fit: each to the oldest unanswered
 * question whose scale one of its readings has. Questions answered by this very message (`sourceId`: a
 * provider's retry after a half-done try) count as unanswered, so a retry routes exactly as the first try.
 * Answers that fit no open question are counted in `unplaced`: the last ones of the reply, except when ratings
 * outnumber the open weekly check-ins after the first week, where the first ones are (they were for weeks that
 * have closed: `closedEarlier` counts them).
 */
export function routeAnswers(
  questions: readonly OpenQuestion[],
  answers: readonly AnswerReadings[],
  now: string,
  sourceId: string,
): { placed: PlacedAnswer[]; unplaced: number; closedEarlier: number } {
  const inOrder = { ...routeInOrder(questions, answers, now, sourceId), closedEarlier: 0 };
  if (!inOrder.unplaced) return inOrder;
  // More ratings than open check-ins, past the first week: "3 4" while only week 2's check-in is open is
  // week 1's answer, sent late, then week 2's. People catch up oldest first, so the last ratings are for the
  // questions still open, and the first ones for weeks already closed.
  const late = answers.slice(0, inOrder.unplaced);
  const latest = routeInOrder(questions, answers.slice(inOrder.unplaced), now, sourceId);
  const catchingUp =
    late.every((readings) => readings.some((r) => r.scale === '1-5')) &&
    latest.placed.length === inOrder.placed.length &&
    latest.placed.every(
      (p) =>
        p.question.scale !== '1-5' ||
        (p.question.kind === 'check-in' && p.question.day > CHECKIN_WINDOW_DAYS),
    );
  return catchingUp
    ? { placed: latest.placed, unplaced: inOrder.unplaced, closedEarlier: inOrder.unplaced }
    : inOrder;
}

function routeInOrder(
  questions: readonly OpenQuestion[],
  answers: readonly AnswerReadings[],
  now: string,
  sourceId: string,
): { placed: PlacedAnswer[]; unplaced: number } {
  const free = stillOpen(questions, now)
    .filter((q) => !q.answeredAt || q.answeredBy === sourceId)
    .sort(byAsked);
  const placed: PlacedAnswer[] = [];
  let unplaced = 0;
  for (const readings of answers) {
    // A question the person said they were not sure about takes an answer only when no other one fits:
    // after "no sé" to question 2, the next "sí" is for question 3.
    const fits = (q: OpenQuestion) => readings.some((r) => r.scale === q.scale);
    const undoubted = free.findIndex((q) => fits(q) && (!q.doubtedAt || q.doubtedBy === sourceId));
    const index = undoubted >= 0 ? undoubted : free.findIndex(fits);
    const question = free[index];
    const answer = question && readings.find((r) => r.scale === question.scale);
    if (!question || !answer) {
      unplaced++;
      continue;
    }
    free.splice(index, 1);
    placed.push({ question, answer });
  }
  return { placed, unplaced };
}

/**
 * The question a lone answer corrects when no open question is waiting for it: of the questions answered
 * and still in their window, the one answered last that takes this kind of answer ("3", then "sorry, 4").
 */
export function correctedQuestion(
  questions: readonly OpenQuestion[],
  readings: AnswerReadings,
  now: string,
): PlacedAnswer | undefined {
  const answered = stillOpen(questions, now)
    .filter((q) => q.answeredAt)
    .sort((a, b) => (b.answeredAt as string).localeCompare(a.answeredAt as string));
  for (const question of answered) {
    const answer = readings.find((r) => r.scale === question.scale);
    if (answer) return { question, answer };
  }
  return undefined;
}

/** The open questions with these marked answered by `sourceId` at `at`. */
export function markAnswered(
  questions: readonly OpenQuestion[],
  answered: readonly Pick<OpenQuestion, 'stepId' | 'day'>[],
  sourceId: string,
  at: string,
): OpenQuestion[] {
  return questions.map((q) =>
    answered.some((a) => sameQuestion(a, q)) ? { ...q, answeredAt: at, answeredBy: sourceId } : q,
  );
}

/**
 * Whether the last weekly check-in texted went unanswered, its window closed or not (the next one goes
 * out as its week ends): unanswered texts in a row move check-ins to email for a while.
 */
export function lastTextedCheckinUnanswered(questions: readonly OpenQuestion[]): boolean {
  const last = questions
    .filter((q) => q.kind === 'check-in' && q.channel === 'sms')
    .sort(byAsked)
    .at(-1);
  return last !== undefined && !last.answeredAt;
}

/** The final checkpoint questions still waiting for an answer at `now`; the report waits for them. */
export function finalQuestionsAwaited(questions: readonly OpenQuestion[], now: string): OpenQuestion[] {
  return unanswered(questions, now).filter((q) => isFinalCheckpoint(q));
}

/** How a question is named to the person: "week 5 check-in", "day 30 question 2", "checkpoint question 3". */
export type QuestionName =
  | { kind: 'check-in'; week: number }
  | { kind: 'quick-check'; day: number; number: number }
  | { kind: 'checkpoint'; number: number };

/**
 * A question's name: weekly check-ins by the week they look back on; checkpoint questions by their number
 * among the questions of the same checkpoint (day 30, day 60, or the final three), in the order asked.
 */
export function nameOf(
  question: Pick<OpenQuestion, 'stepId' | 'day' | 'kind'>,
  steps: readonly Step[],
): QuestionName {
  if (question.kind === 'check-in')
    return { kind: 'check-in', week: Math.max(1, Math.ceil(question.day / 7)) };
  const step = steps.find((s) => s.id === question.stepId);
  const final = step ? isFinalCheckpoint(step) : false;
  const group = steps
    .filter(
      (s) =>
        s.kind === 'checkpoint' &&
        s.track === step?.track &&
        (final ? isFinalCheckpoint(s) : !isFinalCheckpoint(s) && s.day === question.day),
    )
    .sort((a, b) => (a.day ?? 0) - (b.day ?? 0) || (a.at ?? '').localeCompare(b.at ?? ''));
  const number = Math.max(1, group.findIndex((s) => s.id === question.stepId) + 1);
  return final ? { kind: 'checkpoint', number } : { kind: 'quick-check', day: question.day, number };
}
