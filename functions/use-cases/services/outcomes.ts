/**
 * Counting the program's outcomes as they happen (program/outcomes.ts): each function here is called at
 * the moment a milestone is reached and counts it once per enrollment. A count that fails is logged and
 * never holds back what the person did: the outcomes are the operator's, the program is the person's.
 */
import type { OutcomeStore } from '../../ports/store';
import type { Enrollment } from '../../program/enrollment';
import { isFinalCheckpoint, type OpenQuestion, type PlacedAnswer } from '../../program/open-questions';
import {
  type AnswerChannel,
  type CounterRef,
  counters,
  groupOf,
  type OutcomeTally,
  type StopReason,
  trendOf,
  waitBucket,
  weekOfDay,
} from '../../program/outcomes';
import type { CheckpointReport } from '../../program/report';
import type { Channel } from '../../program/types';
import { logger } from '../../shared/logger';
import type { UsesStore } from '../deps';

type Who = Pick<Enrollment, 'id' | 'createdAt' | 'track' | 'phone' | 'retainUntil'>;
type CountDeps = UsesStore<OutcomeStore, 'clock'>;

const DAY_MS = 86_400_000;

/** The tally of a milestone: its mark, the counters it adds 1 to, and its valued counters when it has a value. */
function tallyOf(
  who: Who,
  milestone: string,
  fixed: CounterRef[],
  valued?: { value: string; refs: CounterRef[] },
  opensCohort = false,
): OutcomeTally {
  return {
    enrollmentId: who.id,
    group: groupOf(who),
    milestone,
    fixed,
    ...(valued ? { value: valued.value, valued: valued.refs } : {}),
    ...(opensCohort ? { opensCohort } : {}),
  };
}

/** Counts a tally on its own; a failure is logged, never thrown. */
export async function recordTally(deps: CountDeps, t: OutcomeTally, retainUntil?: number): Promise<void> {
  try {
    await deps.store.tallyOutcome(t, retainUntil);
  } catch (error) {
    logger.error('outcome count failed', {
      milestone: t.milestone.split('#')[0],
      error: error instanceof Error ? error.name : 'unknown',
    });
  }
}

async function tally(
  deps: CountDeps,
  who: Who,
  milestone: string,
  fixed: CounterRef[],
  valued?: { value: string; refs: CounterRef[] },
  opensCohort = false,
): Promise<void> {
  await recordTally(deps, tallyOf(who, milestone, fixed, valued, opensCohort), who.retainUntil);
}

/** The program week a person is in now (0 before day 0). */
function weekNow(deps: Pick<CountDeps, 'clock'>, who: Pick<Enrollment, 'day0'>): number {
  if (!who.day0) return 0;
  const day = Math.floor((deps.clock.now().getTime() - Date.parse(`${who.day0}T00:00:00Z`)) / DAY_MS);
  return day < 0 ? 0 : weekOfDay(day);
}

export const countEnrolled = (deps: CountDeps, who: Who) =>
  tally(deps, who, 'enrolled', [counters.enrolled], undefined, true);

export const countConfirmed = (deps: CountDeps, who: Who) =>
  tally(deps, who, 'confirmed', [counters.confirmed]);

export const countTextsOn = (deps: CountDeps, who: Who) => tally(deps, who, 'texts-on', [counters.textsOn]);

/**
 * A weekly check-in went out (by text or email) in its program week: the tally, which the send writes
 * with the message's `sent` (markSent), and counting it on its own.
 */
export const askedTally = (who: Who, day: number, channel: Channel) =>
  tallyOf(who, `asked#w${weekOfDay(day)}`, [counters.asked(weekOfDay(day), channel)]);

export const countAsked = (deps: CountDeps, who: Who, day: number, channel: Channel) =>
  recordTally(deps, askedTally(who, day, channel), who.retainUntil);

/** How an answer came: a text, a click in a check-in email, or a reply to one. */
export const answerChannelOf = (channel: Channel, oneClick: boolean): AnswerChannel =>
  channel === 'sms' ? 'text' : oneClick ? 'click' : 'reply';

/**
 * The tallies of answers placed on their questions: the week's answer (once, its score kept current), the
 * checkpoint's answers and, after the final one, the checkpoint itself. The reply writes them with the
 * enrollment and the replies (ReplyStore.saveAnswer); countAnswers counts them on their own.
 */
export function answerTallies(
  who: Who,
  placed: readonly PlacedAnswer[],
  channel: AnswerChannel,
): OutcomeTally[] {
  const tallies: OutcomeTally[] = [];
  for (const { question, answer } of placed) {
    const value = { value: String(answer.score) };
    if (question.kind === 'check-in') {
      const week = weekOfDay(question.day);
      tallies.push(
        tallyOf(who, `answer#w${week}`, [counters.answered(week), counters.answeredBy(week, channel)], {
          ...value,
          refs: [counters.weekScore(question.metric, week)],
        }),
      );
      continue;
    }
    tallies.push(
      tallyOf(who, `answer#d${question.day}#${question.metric}`, [], {
        ...value,
        refs: [counters.dayScore(question.metric, question.day)],
      }),
    );
    if (isFinalCheckpoint(question as OpenQuestion))
      tallies.push(tallyOf(who, 'checkpoint', [counters.checkpoint]));
  }
  return tallies;
}

/** Answers placed on their questions, counted one tally at a time. */
export async function countAnswers(
  deps: CountDeps,
  who: Who,
  placed: readonly PlacedAnswer[],
  channel: AnswerChannel,
): Promise<void> {
  for (const t of answerTallies(who, placed, channel)) await recordTally(deps, t, who.retainUntil);
}

/**
 * What a report says about a person's course, counted when it is made and kept current when a late
 * answer updates it: the rounded means of days 0–29 and 61–90, whether they rose, held or fell, and
 * whether the person went silent (no weekly answer in the last two weeks) after their last answered week.
 */
export async function countReport(deps: CountDeps, who: Who, report: CheckpointReport): Promise<void> {
  const tallies = [tallyOf(who, 'report', [counters.report])];
  let lastAnswered = 0;
  for (const m of report.metrics) {
    for (const w of m.weekly) if (w.score !== null && w.week > lastAnswered) lastAnswered = w.week;
    if (m.scale !== '1-5') continue;
    if (m.first30 !== null)
      tallies.push(
        tallyOf(who, `first30#${m.metric}`, [], {
          value: String(Math.round(m.first30)),
          refs: [counters.periodMean(m.metric, 'first30')],
        }),
      );
    if (m.last30 !== null)
      tallies.push(
        tallyOf(who, `last30#${m.metric}`, [], {
          value: String(Math.round(m.last30)),
          refs: [counters.periodMean(m.metric, 'last30')],
        }),
      );
    if (m.change !== null)
      tallies.push(
        tallyOf(who, `trend#${m.metric}`, [], {
          value: trendOf(m.change),
          refs: [counters.trend(m.metric)],
        }),
      );
  }
  if (lastAnswered <= 11) tallies.push(stoppedTally(deps, who, 'went-silent', lastAnswered));
  // One write for all of them; those counted before (a report brought up to date) move their values alone.
  let left: OutcomeTally[] = tallies;
  try {
    left = await deps.store.tallyOutcomes(tallies, who.retainUntil);
  } catch (error) {
    logger.error('outcome count failed', {
      milestone: 'report',
      error: error instanceof Error ? error.name : 'unknown',
    });
  }
  for (const t of left) await recordTally(deps, t, who.retainUntil);
}

export const countReportOpened = (deps: CountDeps, who: Who) =>
  tally(deps, who, 'report-opened', [counters.reportOpened]);

const stoppedTally = (
  deps: Pick<CountDeps, 'clock'>,
  who: Who & Pick<Enrollment, 'day0'>,
  reason: StopReason,
  week = weekNow(deps, who),
) => tallyOf(who, 'stopped', [counters.stopped(reason, week)]);

/** Where a person stopped (the first time only): STOP or emails stopped, PAUSE, or silence. */
export const countStopped = (
  deps: CountDeps,
  who: Who & Pick<Enrollment, 'day0'>,
  reason: StopReason,
  week = weekNow(deps, who),
) => recordTally(deps, stoppedTally(deps, who, reason, week), who.retainUntil);

/** A danger flag or a concern, once per person and category. */
export const countSafety = (deps: CountDeps, who: Who, level: 'danger' | 'concern', category: string) =>
  tally(deps, who, `${level}#${category}`, [
    level === 'danger' ? counters.danger(category) : counters.concern(category),
  ]);

/** A flag (or concern) marked handled: how long it waited for a human, once per flag. */
export async function countHandled(
  deps: CountDeps,
  who: Who & Pick<Enrollment, 'flaggedAt' | 'concernAt' | 'flagHandledAt'>,
  handledAt: string,
) {
  const before = who.flagHandledAt ?? '';
  const raised = [who.flaggedAt, who.concernAt]
    .filter((t): t is string => Boolean(t) && (t as string) > before)
    .sort()[0];
  if (!raised) return;
  await tally(deps, who, `handled#${raised}`, [counters.waited(waitBucket(raised, handledAt))]);
}
