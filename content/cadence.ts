/**
 * The schedule the program promises each track, checked by the tests against content/steps.
 * Days 0–13 are written now; the rest of the 90 days fills in the same shape.
 */
import type { Metric, Track } from '../functions/program/types';

/** Program days (0–13) that carry a lesson email at 08:00 for each track; 6 and 13 are rest days. */
export const LESSON_DAYS = [0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12] as const;

/** Program days with a mid-week SMS micro-action at 12:30 for each track. */
export const MICRO_ACTION_DAYS = [3, 10] as const;

/** The weekly check-in's metric for each track, alternating odd and even program weeks 1–13. */
export const WEEKLY_METRICS: Record<Track, { odd: Metric; even: Metric }> = {
  hurt: { odd: 'honesty-safety', even: 'agreements-kept' },
  repairing: { odd: 'follow-through', even: 'listened-without-defending' },
};

export const PROGRAM_WEEKS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13] as const;

/** The day-90 checkpoint: one question a day, the decision question last, on the morning of day 90. */
export const CHECKPOINTS: readonly { day: number; at: string; metric: Metric }[] = [
  { day: 88, at: '18:00', metric: 'behaviour-consistent' },
  { day: 89, at: '18:00', metric: 'feeling-safer' },
  { day: 90, at: '09:00', metric: 'still-willing' },
];
