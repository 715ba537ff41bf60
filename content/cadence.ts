/**
 * The schedule the program promises each track, checked by the tests against content/steps: dense at the
 * start, then lighter, so that a person can keep it up for 90 days.
 */
import { type Metric, QUICK_CHECK_METRICS, type Track } from '../functions/program/types';

/**
 * Program days that carry a lesson email at 08:00 for each track: most days of the first two weeks
 * (6 and 13 are rest days), three a week in weeks 3–8 (every other day), two a week in weeks 9–13.
 */
export const LESSON_DAYS = [
  // Weeks 1–2 (days 0–13).
  0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12,
  // Weeks 3–8 (days 14–55): three a week.
  14, 16, 18, 21, 23, 25, 28, 30, 32, 35, 37, 39, 42, 44, 46, 49, 51, 53,
  // Weeks 9–13 (days 56–90): two a week; day 60 carries the second quick check's lesson.
  57, 60, 63, 66, 70, 73, 77, 80, 84, 87,
] as const;

/** The local time of every lesson email. */
export const LESSON_AT = '08:00';

/** One short mid-week text a week, weeks 1–13: day 3 of each program week, at 12:30. */
export const MICRO_ACTION_DAYS = [3, 10, 17, 24, 31, 38, 45, 52, 59, 66, 73, 80, 87] as const;
export const MICRO_ACTION_AT = '12:30';

/** The weekly check-in's metric for each track, alternating odd and even program weeks 1–13. */
export const WEEKLY_METRICS: Record<Track, { odd: Metric; even: Metric }> = {
  hurt: { odd: 'honesty-safety', even: 'agreements-kept' },
  repairing: { odd: 'follow-through', even: 'listened-without-defending' },
};

export const PROGRAM_WEEKS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13] as const;

/**
 * The three quick yes/no questions, on days 30 and 60. A reply by text answers the newest open
 * question, so they go out three hours apart rather than together.
 */
export const QUICK_CHECK_DAYS = [30, 60] as const;
export const QUICK_CHECKS: readonly { at: string; metric: Metric }[] = QUICK_CHECK_METRICS.map(
  (metric, i) => ({ at: ['12:00', '15:00', '18:00'][i] as string, metric }),
);

/** The day-90 checkpoint: one question a day, the decision question last, on the morning of day 90. */
export const CHECKPOINTS: readonly { day: number; at: string; metric: Metric }[] = [
  { day: 88, at: '18:00', metric: 'behaviour-consistent' },
  { day: 89, at: '18:00', metric: 'feeling-safer' },
  { day: 90, at: '09:00', metric: 'still-willing' },
];
