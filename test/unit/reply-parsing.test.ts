import { describe, expect, it } from 'vitest';
import { keywordOf } from '../../functions/program/keywords';
import { parseAnswer } from '../../functions/program/reply-parsing';

describe('reading a check-in answer', () => {
  it.each([
    ['4', 4, undefined],
    ['4/5', 4, undefined],
    ['four', 4, undefined],
    ['4️⃣', 4, undefined],
    ['4 - better week', 4, 'better week'],
    ["I'd say a 3", 3, undefined],
    ['  5!  ', 5, undefined],
    ['cuatro', 4, undefined],
    ['4 de 5', 4, undefined],
    ['4 out of 5', 4, undefined],
    ['tres, fue una semana difícil', 3, 'fue una semana difícil'],
    ['una semana dura, tres', 3, 'una semana dura'],
    ['three, one bad day', 3, 'one bad day'],
    ['una', 1, undefined],
  ])('reads %j as %i', (text, score, note) => {
    const answer = parseAnswer(text, '1-5');
    expect(answer).toEqual(note ? { kind: 'score', score, note } : { kind: 'score', score });
  });

  it.each(['7', '0', 'between 2 and 3', 'not sure', ''])('asks again when the answer is %j', (text) => {
    expect(parseAnswer(text, '1-5')).toEqual({ kind: 'unclear' });
  });

  it('reads yes and no for a yes/no question', () => {
    expect(parseAnswer('Yes, still here', 'yes-no')).toEqual({ kind: 'score', score: 1, note: 'still here' });
    expect(parseAnswer('no', 'yes-no')).toEqual({ kind: 'score', score: 0 });
    expect(parseAnswer('maybe', 'yes-no')).toEqual({ kind: 'unclear' });
  });

  it.each(['S', 's', 'Sí', 'si', 'claro'])(
    'reads %j as yes, the Spanish texts\' "Responde S o N"',
    (text) => {
      expect(parseAnswer(text, 'yes-no')).toEqual({ kind: 'score', score: 1 });
    },
  );
});

describe('SMS keywords', () => {
  it.each([
    ['STOP', 'stop'],
    ['Stop.', 'stop'],
    ['stop please', 'stop'],
    ['STOP!!', 'stop'],
    ['unsubscribe', 'stop'],
    ['Start', 'start'],
    ['yes', 'yes'],
    ['HELP', 'help'],
    ['info?', 'help'],
  ])('reads %j as %s', (text, keyword) => {
    expect(keywordOf(text)).toBe(keyword);
  });

  it('does not read a keyword inside other words', () => {
    expect(keywordOf('I want to stop arguing')).toBeUndefined();
    expect(keywordOf('4')).toBeUndefined();
  });
});
