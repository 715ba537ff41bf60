/**
 * The edges of the "what now" rule (functions/program/what-now.ts): an unanswered question is never read
 * as a low one, 2 of 5 counts as low, safety comes first only when the hurt partner's own answers say so,
 * and a question's scale note is dropped from the reasons however it is written. The rule's main cases
 * are in what-now.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { CheckpointReport, QuestionAnswer } from '../../functions/program/report';
import type { Metric, Scale } from '../../functions/program/types';
import { whatNow } from '../../functions/program/what-now';

const answer = (metric: Metric, value: number | null, scale: Scale, question: string): QuestionAnswer => ({
  metric,
  question,
  scale,
  answer: value,
});

function report(
  willing: number | null,
  consistent: number | null,
  safer: number | null,
  questions: { consistent?: string; safer?: string } = {},
): CheckpointReport {
  return {
    enrollmentId: 'enr-1',
    generatedAt: '2026-06-01T00:30:00.000Z',
    metrics: [],
    checkpoint: [
      answer(
        'behaviour-consistent',
        consistent,
        '1-5',
        questions.consistent ?? 'How consistent has it been? (1 = not at all, 5 = completely)',
      ),
      answer(
        'feeling-safer',
        safer,
        '1-5',
        questions.safer ?? 'How much safer do you feel now? (1 = no safer, 5 = much safer)',
      ),
      answer('still-willing', willing, 'yes-no', 'Do you still want to keep working on this together?'),
    ],
    quickChecks: [
      {
        day: 60,
        answers: [
          answer('behaving-differently', 1, 'yes-no', 'Is your partner acting differently?'),
          answer('safe-to-be-honest', 1, 'yes-no', 'Do you feel safe enough to be honest?'),
          answer('both-showing-up', 1, 'yes-no', 'Are you both still showing up for this work?'),
        ],
      },
    ],
    journalNotes: 0,
  };
}

describe('what now, at its edges', () => {
  it('reads 2 of 5 on both consistency and safety as low enough to reconsider', () => {
    expect(whatNow(report(1, 2, 2), 'hurt').pattern).toBe('reconsider');
  });

  it('never reads an unanswered consistency question as low: with safety at 1 it is outside help', () => {
    const verdict = whatNow(report(1, null, 1), 'hurt');
    expect(verdict.pattern).toBe('outside-help');
    expect(verdict.reasons).toHaveLength(2);
  });

  it('does not put safety first for a hurt partner whose own answers say they feel safe', () => {
    const verdict = whatNow(report(1, 5, 5), 'hurt');
    expect(verdict).toMatchObject({ pattern: 'same-plan', safetyFirst: false });
    expect(whatNow(report(1, 5, 2), 'hurt').safetyFirst).toBe(true);
  });

  it('drops only the scale note at the end of a question, written with or without a space', () => {
    const verdict = whatNow(
      report(1, 3, 3, {
        consistent: 'How consistent (day to day) has it been?(1 = not at all, 5 = completely) ',
        safer: 'How much safer do you feel now?   (1 = no safer, 5 = much safer)',
      }),
      'hurt',
    );
    expect(verdict.reasons).toEqual([
      '“How consistent (day to day) has it been?” You answered 3 of 5.',
      '“How much safer do you feel now?” You answered 3 of 5.',
    ]);
  });
});
