import { describe, expect, it } from 'vitest';
import {
  askQuestion,
  correctedQuestion,
  finalQuestionsAwaited,
  lastTextedCheckinUnanswered,
  markAnswered,
  nameOf,
  type OpenQuestion,
  openQuestionsOf,
  routeAnswers,
  unanswered,
} from '../../functions/program/open-questions';
import { correctsEarlierAnswer, readAnswers } from '../../functions/program/reply-parsing';

const at = (iso: string) => `2027-03-${iso}:00.000Z`;

type Asked = Omit<OpenQuestion, 'closesAt'>;
const quick = (stepId: string, time: string): Asked => ({
  stepId,
  day: 30,
  metric:
    stepId === 'q1' ? 'behaving-differently' : stepId === 'q2' ? 'safe-to-be-honest' : 'both-showing-up',
  scale: 'yes-no',
  kind: 'checkpoint',
  channel: 'sms',
  askedAt: time,
});
const weekly = (day: number, time: string, metric: OpenQuestion['metric'] = 'honesty-safety'): Asked => ({
  stepId: `weekly-${metric}`,
  day,
  metric,
  scale: '1-5',
  kind: 'check-in',
  channel: 'sms',
  askedAt: time,
});

/** The day-30 quick questions at noon, 3 pm and 6 pm (UTC here). */
function day30(): OpenQuestion[] {
  let open: OpenQuestion[] = [];
  for (const [id, time] of [
    ['q1', at('02T12:00')],
    ['q2', at('02T15:00')],
    ['q3', at('02T18:00')],
  ] as const)
    open = askQuestion(open, quick(id, time));
  return open;
}

const route = (open: OpenQuestion[], text: string, when: string, sid = 'SM1') => {
  const answers = readAnswers(text);
  if (!answers) throw new Error(`unreadable: ${text}`);
  const { placed, unplaced } = routeAnswers(open, answers, when, sid);
  return { placed: placed.map((p) => [p.question.stepId, p.answer.score]), unplaced };
};

describe('reading the answers in a reply', () => {
  it.each([
    ['Y N Y', [1, 0, 1]],
    ['yes, no, yes', [1, 0, 1]],
    ['y n y', [1, 0, 1]],
    ['Yes no YES', [1, 0, 1]],
    ['1) y 2) n 3) y', [1, 0, 1]],
    ['3 4 y', [3, 4, 1]],
    ['3, 4 and yes', [3, 4, 1]],
    ['si no si', [1, 0, 1]],
    ['3 y 4', [3, 4]],
    ['tres y cuatro', [3, 4]],
    ['4 y sí', [4, 1]],
    ['y y n', [1, 1, 0]],
    ['yes, no and yes', [1, 0, 1]],
    ['si, no y si', [1, 0, 1]],
  ])('%j is several answers in order', (text, scores) => {
    const answers = readAnswers(text);
    expect(answers?.map((readings) => readings[0]?.score)).toEqual(scores);
  });

  it('reads "sí, claro" as one yes, and "yes and no" as one unsure answer, not two', () => {
    expect(readAnswers('si claro')).toEqual([[{ scale: 'yes-no', score: 1 }]]);
    expect(readAnswers('sí, claro')).toEqual([[{ scale: 'yes-no', score: 1 }]]);
    expect(readAnswers('yes and no')).toBeUndefined();
    expect(readAnswers('sí y no')).toBeUndefined();
  });

  it('reads one answer with words beside it as one answer, the words kept as its note', () => {
    expect(readAnswers('4 - better week')).toEqual([[{ scale: '1-5', score: 4, note: 'better week' }]]);
    expect(readAnswers('Yes, mostly')).toEqual([[{ scale: 'yes-no', score: 1, note: 'mostly' }]]);
  });

  it('keeps both readings when one answer could be a rating or a yes/no', () => {
    expect(readAnswers('no, 2 this week')?.[0]?.map((r) => r.scale)).toEqual(['1-5', 'yes-no']);
  });

  it.each(['6', '0', '5.5', '6 4', 'not sure', 'we talked for an hour', ''])(
    'reads %j as no answer',
    (text) => {
      expect(readAnswers(text)).toBeUndefined();
    },
  );
});

describe('routing answers to the open questions', () => {
  it('a batch answered at 7 pm lands on the noon, 3 pm and 6 pm questions in order', () => {
    const open = day30();
    expect(route(open, 'Y', at('02T19:00')).placed).toEqual([['q1', 1]]);
    const afterFirst = markAnswered(open, [{ stepId: 'q1', day: 30 }], 'SM1', at('02T19:00'));
    expect(route(afterFirst, 'N', at('02T19:01'), 'SM2').placed).toEqual([['q2', 0]]);
    expect(route(open, 'Y N Y', at('02T19:00')).placed).toEqual([
      ['q1', 1],
      ['q2', 0],
      ['q3', 1],
    ]);
  });

  it('a rating goes to the weekly check-in while only yes/no questions are otherwise open', () => {
    let open = askQuestion([], weekly(28, at('01T19:00')));
    for (const q of day30()) open = askQuestion(open, { ...q });
    expect(route(open, '4', at('02T16:00')).placed).toEqual([['weekly-honesty-safety', 4]]);
    expect(route(open, 'y', at('02T16:00')).placed).toEqual([['q1', 1]]);
  });

  it('answers that fit no open question are counted, not forced onto one', () => {
    expect(route(day30(), '4', at('02T19:00'))).toEqual({ placed: [], unplaced: 1 });
    expect(route(day30(), 'Y N Y Y', at('02T19:00')).unplaced).toBe(1);
  });

  it('catching up, "3 4" while only week 2 is open gives week 2 the 4: the 3 was for the week that closed', () => {
    const open = askQuestion(askQuestion([], weekly(7, at('07T19:00'))), weekly(14, at('14T19:00')));
    expect(route(open, '3 4', at('15T20:00'))).toEqual({
      placed: [['weekly-honesty-safety', 4]],
      unplaced: 1,
    });
    expect(route(open, '2, 3 y 4', at('15T20:00'))).toEqual({
      placed: [['weekly-honesty-safety', 4]],
      unplaced: 2,
    });
    const withQuick = [
      ...open,
      ...day30().map((q) => ({ ...q, askedAt: at('15T12:00'), closesAt: at('17T12:00') })),
    ];
    expect(route(withQuick, '3 4 y', at('15T20:00')).placed).toEqual([
      ['weekly-honesty-safety', 4],
      ['q1', 1],
    ]);
  });

  it('in the first week there is no earlier week: "3 4" keeps the 3 and counts the 4 as unplaced', () => {
    const open = askQuestion([], weekly(7, at('07T19:00')));
    expect(route(open, '3 4', at('08T20:00'))).toEqual({
      placed: [['weekly-honesty-safety', 3]],
      unplaced: 1,
    });
  });

  it('an answer the next morning still counts; after 48 hours the question has closed', () => {
    const open = day30();
    expect(route(open, 'Y', at('03T08:00')).placed).toEqual([['q1', 1]]);
    expect(route(open, 'Y', at('04T12:01')).placed).toEqual([['q2', 1]]);
    expect(route(open, 'Y', at('04T18:00')).placed).toEqual([]);
  });

  it('a weekly check-in stays open for its week and closes when the next one is asked', () => {
    const first = askQuestion([], weekly(7, at('07T19:00')));
    expect(route(first, '3', at('10T12:00')).placed).toEqual([['weekly-honesty-safety', 3]]);
    expect(route(first, '3', at('14T19:01')).placed).toEqual([]);
    const next = askQuestion(first, weekly(14, at('14T19:00'), 'agreements-kept'));
    expect(unanswered(next, at('14T19:00')).map((q) => q.day)).toEqual([14]);
  });

  it('the same question asked again replaces the earlier one', () => {
    const open = askQuestion(day30(), { ...quick('q1', at('02T20:00')), day: 31 });
    expect(unanswered(open, at('02T20:00')).map((q) => `${q.stepId}@${q.day}`)).toEqual([
      'q2@30',
      'q3@30',
      'q1@31',
    ]);
  });

  it("a provider's retry of the same message routes exactly as the first try", () => {
    const open = markAnswered(day30(), [{ stepId: 'q1', day: 30 }], 'SM1', at('02T19:00'));
    expect(route(open, 'Y', at('02T19:00'), 'SM1').placed).toEqual([['q1', 1]]);
    expect(route(open, 'Y', at('02T19:00'), 'SM2').placed).toEqual([['q2', 1]]);
  });

  it('the report waits only for final checkpoint questions still unanswered and open', () => {
    const final: OpenQuestion[] = askQuestion([], {
      stepId: 'hurt-d90-still-willing',
      day: 90,
      metric: 'still-willing',
      scale: 'yes-no',
      kind: 'checkpoint',
      channel: 'sms',
      askedAt: at('20T09:00'),
    });
    expect(finalQuestionsAwaited(day30(), at('02T20:00'))).toEqual([]);
    expect(finalQuestionsAwaited(final, at('20T20:30')).map((q) => q.closesAt)).toEqual([at('22T09:00')]);
    expect(finalQuestionsAwaited(final, at('22T09:00'))).toEqual([]);
    const answered = markAnswered(
      final,
      [{ stepId: 'hurt-d90-still-willing', day: 90 }],
      'SM9',
      at('21T08:00'),
    );
    expect(finalQuestionsAwaited(answered, at('21T08:00'))).toEqual([]);
  });
});

describe('correcting an answer already given', () => {
  const one = (text: string) => (readAnswers(text) ?? [])[0] ?? [];

  it.each([
    '4',
    'sorry meant 4',
    'Actually 2',
    'oops 3',
    'perdón, 2',
    'quise decir cuatro',
    'me equivoqué, es 1',
    'actually make that a 3',
    'bueno no, tres',
    'mejor dicho 2',
    'scratch that, 4',
  ])('%j says it replaces the answer before', (text) => {
    expect(one(text).some(correctsEarlierAnswer)).toBe(true);
  });

  it.each(['4 better week', '2 he was mean again', '5 stars to my sister', '3 mejor que antes'])(
    '%j is an answer with a note, not a correction',
    (text) => {
      expect(one(text).some(correctsEarlierAnswer)).toBe(false);
    },
  );

  it('corrects the question answered last that takes that kind of answer, while it is still open', () => {
    let open = askQuestion([], weekly(7, at('09T19:00')));
    open = askQuestion(open, quick('q1', at('10T12:00')));
    open = markAnswered(open, [{ stepId: 'weekly-honesty-safety', day: 7 }], 'SM1', at('09T20:00'));
    open = markAnswered(open, [{ stepId: 'q1', day: 30 }], 'SM2', at('10T13:00'));
    expect(correctedQuestion(open, one('sorry meant 4'), at('10T14:00'))?.question.stepId).toBe(
      'weekly-honesty-safety',
    );
    expect(correctedQuestion(open, one('n'), at('10T14:00'))?.question.stepId).toBe('q1');
    // After the weekly check-in's week, nothing is left to correct with a rating.
    expect(correctedQuestion(open, one('4'), at('17T20:00'))).toBeUndefined();
  });
});

// Survivors of the 2026-12-06 run of `npx stryker run --mutate functions/program/open-questions.ts`.
describe('which questions stay open, and how they are named', () => {
  it('closes a weekly check-in open 48 hours when a newer rating question is asked, so a 4 answers the newer', () => {
    const final: Asked = {
      ...weekly(88, at('03T19:00'), 'still-willing'),
      stepId: 'd88',
      kind: 'checkpoint',
    };
    const open = askQuestion(askQuestion([], weekly(84, at('01T19:00'))), final);
    expect(unanswered(open, at('03T19:00')).map((q) => q.stepId)).toEqual(['d88']);
    expect(route(open, '4', at('03T20:00')).placed).toEqual([['d88', 4]]);
  });

  it('reads the single open check-in of older records, with its window and whether it was asked again', () => {
    const legacy = {
      stepId: 'd30-q1',
      day: 30,
      metric: 'behaving-differently' as const,
      scale: 'yes-no' as const,
    };
    const [checkpoint] = openQuestionsOf({
      openCheckin: { ...legacy, channel: 'sms', sentAt: at('02T12:00'), kind: 'checkpoint', reasked: true },
    });
    expect(checkpoint).toMatchObject({ kind: 'checkpoint', closesAt: at('04T12:00'), reasked: true });
    const [checkin] = openQuestionsOf({ openCheckin: { ...legacy, channel: 'sms', sentAt: at('02T12:00') } });
    expect(checkin).toMatchObject({ kind: 'check-in', closesAt: at('09T12:00') });
    expect(checkin).not.toHaveProperty('reasked');
  });

  it('tells whether the last weekly check-in texted went unanswered, leaving emails and checkpoints aside', () => {
    const texted = (day: number, time: string) => ({ ...weekly(day, time), closesAt: at('30T00:00') });
    const answered = (q: OpenQuestion) => ({ ...q, answeredAt: q.askedAt, answeredBy: 'SM1' });
    const w1 = texted(7, at('07T19:00'));
    const w2 = texted(14, at('14T19:00'));
    const w3 = texted(21, at('21T19:00'));
    expect(lastTextedCheckinUnanswered([])).toBe(false);
    expect(lastTextedCheckinUnanswered([w2, answered(w1)])).toBe(true);
    expect(lastTextedCheckinUnanswered([answered(w3), w2, answered(w1)])).toBe(false);
    expect(lastTextedCheckinUnanswered([answered(w1), w2, answered(w3)])).toBe(false);
    const byEmail = { ...texted(28, at('28T19:00')), channel: 'email' as const };
    const checkpoint = { ...texted(30, at('29T12:00')), kind: 'checkpoint' as const };
    expect(lastTextedCheckinUnanswered([answered(w3), byEmail, checkpoint])).toBe(false);
  });

  it('names a weekly check-in by the week it looks back on', () => {
    expect(nameOf({ stepId: 'weekly', day: 13, kind: 'check-in' }, [])).toEqual({
      kind: 'check-in',
      week: 2,
    });
    expect(nameOf({ stepId: 'weekly', day: 0, kind: 'check-in' }, [])).toEqual({ kind: 'check-in', week: 1 });
  });
});
