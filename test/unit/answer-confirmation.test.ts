import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../content/build';
import {
  askQuestion,
  type OpenQuestion,
  routeAnswers,
  unanswered,
} from '../../functions/program/open-questions';
import { readAnswers } from '../../functions/program/reply-parsing';
import { type AnswerOutcome, answerConfirmation } from '../../functions/use-cases/services/answers';

const { steps, messages } = buildContent();
const deps = { catalog: { steps, messages } } as Parameters<typeof answerConfirmation>[0];
const NOW = '2027-03-02T19:00:00.000Z';

/** The questions of a track's day, asked an hour apart from noon on. */
function asked(ids: string[]): OpenQuestion[] {
  let open: OpenQuestion[] = [];
  ids.forEach((id, i) => {
    const step = steps.find((s) => s.id === id);
    if (!step?.metric || !step.scale) throw new Error(`no question ${id}`);
    open = askQuestion(open, {
      stepId: id,
      day: step.day ?? 28,
      metric: step.metric,
      scale: step.scale,
      kind: step.kind === 'checkpoint' ? 'checkpoint' : 'check-in',
      channel: 'sms',
      askedAt: `2027-03-02T${String(12 + i).padStart(2, '0')}:00:00.000Z`,
    });
  });
  return open;
}

function confirm(open: OpenQuestion[], text: string): string {
  const { placed, unplaced } = routeAnswers(open, readAnswers(text) ?? [], NOW, 'SM1');
  const left = unanswered(open, NOW).filter((q) => !placed.some((p) => p.question === q));
  const outcome: AnswerOutcome = { kind: 'answered', placed, unplaced, stillOpen: left };
  return answerConfirmation(deps, outcome, messages.sms);
}

const DAY_30 = ['hurt-d30-acting-differently', 'hurt-d30-safe-to-be-honest', 'hurt-d30-both-showing-up'];

describe('the text that confirms answers', () => {
  it('names each answer under its question, and what is still open', () => {
    expect(confirm(asked(DAY_30), 'Y')).toBe(
      'Kintsugi noted day 30 question 1: yes. Still open: day 30 question 2 (Y/N), day 30 question 3 (Y/N). Only you see your answers.',
    );
    expect(confirm(asked(['hurt-d88-consistent', 'hurt-d89-safer', 'hurt-d90-willing']), '4 5 n')).toBe(
      'Kintsugi noted checkpoint question 1: 4 of 5, checkpoint question 2: 5 of 5, checkpoint question 3: no. Only you see your answers.',
    );
  });

  it('says how many answers found no open question', () => {
    expect(confirm(asked(DAY_30), 'Y N Y Y')).toMatch(/1 more had no open question\./);
  });

  it('stays one GSM-7 segment in the longest case: a weekly check-in and three questions, answered at once', () => {
    const open = asked(['hurt-checkin-honesty-safety', ...DAY_30]);
    for (const text of ['4 Y N Y Y 3', 'Y', '4', 'Y N']) {
      const reply = confirm(open, text);
      const segments = new SegmentedMessage(reply);
      expect(segments.encodingName, reply).toBe('GSM-7');
      expect(segments.segmentsCount, reply).toBe(1);
    }
  });
});

describe('the text when words were kept as a note beside what is still open', () => {
  const beside = (open: OpenQuestion[]) =>
    answerConfirmation(deps, { kind: 'note-beside', stillOpen: open }, messages.sms);
  it('asks for the kind of answer that is open: yes or no, a number, or either when both wait', () => {
    expect(beside(asked(DAY_30))).toBe(
      'Kintsugi: kept as a private note. To answer what is still open, reply Y or N.',
    );
    const weekly = steps.find((s) => s.kind === 'check-in' && s.scale === '1-5')?.id as string;
    expect(beside(asked([weekly]))).toBe(
      "Kintsugi: kept as a private note. To answer this week's check-in, reply with just a number from 1 to 5.",
    );
    expect(beside(asked([weekly, ...DAY_30]))).toMatch(/from 1 to 5, or Y or N\.$/);
  });
});
