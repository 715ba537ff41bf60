/**
 * A checkpoint report brought up to date after it was first made: answers that came after it are marked
 * late where they sit, the report says when it was updated, and a person's rise is the difference of
 * their own two 30-day means. The report as built from a whole program is in report.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { MessageRecord, Reply } from '../../functions/program/enrollment';
import { buildReport } from '../../functions/program/report';
import type { Step } from '../../functions/program/types';

const weekly: Step = {
  id: 'hurt-weekly-feeling-safer',
  track: 'hurt',
  kind: 'check-in',
  channel: 'sms',
  weeks: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
  metric: 'feeling-safer',
  scale: '1-5',
  question: 'How safe did you feel this week?',
  ideas: [],
};
const finalQuestion: Step = {
  id: 'hurt-d88-still-willing',
  track: 'hurt',
  kind: 'checkpoint',
  channel: 'sms',
  day: 88,
  metric: 'still-willing',
  scale: 'yes-no',
  question: 'Are you still willing to keep going?',
  ideas: [],
};

const sent = (step: Step, day: number): MessageRecord => ({
  enrollmentId: 'enr-1',
  day,
  slot: step.id,
  channel: 'sms',
  kind: step.kind as MessageRecord['kind'],
  ...(step.metric ? { metric: step.metric } : {}),
  status: 'delivered',
  dueAt: `2026-01-01T00:00:00.000Z`,
  claimedAt: `2026-01-01T00:00:00.000Z`,
});
const answer = (step: Step, day: number, score: number, at: string): Reply => ({
  enrollmentId: 'enr-1',
  at,
  sourceId: `SM-${step.id}-${day}-${at}`,
  channel: 'sms',
  stepId: step.id,
  day,
  score,
  ...(step.metric ? { metric: step.metric } : {}),
});

const MADE = '2026-04-01T23:00:00.000Z';
const LATER = '2026-04-02T09:00:00.000Z';
const messages = [
  sent(weekly, 6),
  sent(weekly, 20),
  sent(weekly, 69),
  sent(weekly, 83),
  sent(finalQuestion, 88),
];
const replies = [
  answer(weekly, 6, 2, '2026-01-08T01:00:00.000Z'),
  answer(weekly, 20, 3, '2026-01-22T01:00:00.000Z'),
  answer(weekly, 69, 4, '2026-03-12T01:00:00.000Z'),
  // Week 12's answer and the final question's, both the morning after the report was made.
  answer(weekly, 83, 5, LATER),
  answer(finalQuestion, 88, 1, LATER),
];

describe('a report brought up to date', () => {
  // Built inside each test, not once for the block, so that each test exercises the code it checks.
  const updated = () =>
    buildReport({
      enrollmentId: 'enr-1',
      now: '2026-04-02T09:05:00.000Z',
      steps: [weekly, finalQuestion],
      messages,
      replies,
      firstMadeAt: MADE,
    });

  it('does not mark late the same answer given again after it was made (a second click on the same link)', () => {
    const again = buildReport({
      enrollmentId: 'enr-1',
      now: '2026-04-02T09:05:00.000Z',
      steps: [weekly, finalQuestion],
      messages,
      replies: [
        ...replies.slice(0, 3),
        answer(finalQuestion, 88, 1, '2026-04-01T20:00:00.000Z'),
        answer(finalQuestion, 88, 1, LATER),
        answer(weekly, 69, 4, LATER),
      ],
      firstMadeAt: MADE,
    });
    expect(again.checkpoint[0]).not.toHaveProperty('late');
    expect(again.metrics[0]?.weekly.filter((w) => w.late)).toEqual([]);
    // A changed answer is still late.
    const changed = buildReport({
      enrollmentId: 'enr-1',
      now: '2026-04-02T09:05:00.000Z',
      steps: [weekly, finalQuestion],
      messages,
      replies: [...replies.slice(0, 3), answer(weekly, 69, 2, LATER)],
      firstMadeAt: MADE,
    });
    expect(changed.metrics[0]?.weekly.filter((w) => w.late).map((w) => w.week)).toEqual([10]);
  });

  it('keeps when it was first made and says when it was updated', () => {
    const report = updated();
    expect(report.generatedAt).toBe(MADE);
    expect(report.updatedAt).toBe('2026-04-02T09:05:00.000Z');
  });

  it('marks late only the answers that came after it was made, where they sit', () => {
    const report = updated();
    const safer = report.metrics[0];
    expect(safer?.weekly.filter((w) => w.late).map((w) => w.week)).toEqual([12]);
    expect(safer?.weekly[11]).toMatchObject({ week: 12, score: 5, asked: true, late: true });
    expect(safer?.weekly[0]).toEqual({ week: 1, score: 2, asked: true });
    expect(report.checkpoint).toEqual([
      {
        metric: 'still-willing',
        question: 'Are you still willing to keep going?',
        scale: 'yes-no',
        answer: 1,
        late: true,
      },
    ]);
  });

  it('shows the rise from the first 30 days to the last, to two places', () => {
    const safer = updated().metrics[0];
    expect(safer).toMatchObject({
      first30: 2.5,
      last30: 4.5,
      change: 2,
      sent: 4,
      answered: 4,
      responseRate: 1,
    });
  });
});

describe('a report made for the first time', () => {
  it('marks nothing late and has no update time, whatever the hour of the answers', () => {
    const report = buildReport({
      enrollmentId: 'enr-1',
      now: '2026-04-02T09:05:00.000Z',
      steps: [weekly, finalQuestion],
      messages,
      replies,
    });
    expect(report.generatedAt).toBe('2026-04-02T09:05:00.000Z');
    expect(report.updatedAt).toBeUndefined();
    expect(report.metrics[0]?.weekly.some((w) => w.late)).toBe(false);
    expect(report.checkpoint[0]?.late).toBeUndefined();
  });

  it('rounds a change of means to two places', () => {
    const report = buildReport({
      enrollmentId: 'enr-1',
      now: MADE,
      steps: [weekly],
      messages: [sent(weekly, 6), sent(weekly, 13), sent(weekly, 20), sent(weekly, 69)],
      replies: [
        answer(weekly, 6, 1, '2026-01-08T01:00:00.000Z'),
        answer(weekly, 13, 2, '2026-01-15T01:00:00.000Z'),
        answer(weekly, 20, 2, '2026-01-22T01:00:00.000Z'),
        answer(weekly, 69, 4, '2026-03-12T01:00:00.000Z'),
      ],
    });
    // 4 − 1.67 (5 / 3, rounded) = 2.33
    expect(report.metrics[0]).toMatchObject({ first30: 1.67, last30: 4, change: 2.33 });
  });
});
