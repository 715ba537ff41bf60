import { describe, expect, it } from 'vitest';
import { isBareAyuda, isOptInYes, keywordOf } from '../../functions/program/keywords';
import { isDoubt, parseAnswer, readAnswers, replyTextOf } from '../../functions/program/reply-parsing';

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
    // A noun after the number is a count only when it agrees with it: "3 big fights", not "4 better week".
    ['4/5 better week', 4, 'better week'],
    ['4 better week', 4, 'better week'],
    ['3 semana dura', 3, 'semana dura'],
    ["I'd say a 3, rough week", 3, 'rough week'],
    ['maybe a 2 - she cried', 2, 'she cried'],
  ])('reads %j as %i', (text, score, note) => {
    const answer = parseAnswer(text, '1-5');
    expect(answer).toEqual(note ? { kind: 'score', score, note } : { kind: 'score', score });
  });

  it.each(['7', '0', 'between 2 and 3', 'not sure', '', 'we had 3 big fights', '2 long weeks', '90 days'])(
    'asks again when the answer is %j',
    (text) => {
      expect(parseAnswer(text, '1-5')).toEqual({ kind: 'unclear' });
    },
  );

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

// Survivors of `npm run mutate` that a person would notice.
describe('reading answers, at the edges', () => {
  it('takes two numbers as no answer, rather than guessing one of them', () => {
    expect(parseAnswer('3 or 4', '1-5')).toEqual({ kind: 'unclear' });
    expect(parseAnswer('2 then 5', '1-5')).toEqual({ kind: 'unclear' });
  });

  it('reads "id say 3" and "I’d say a 3" as the answer alone, with no note', () => {
    expect(parseAnswer('id say 3', '1-5')).toEqual({ kind: 'score', score: 3 });
    expect(parseAnswer('a 2', '1-5')).toEqual({ kind: 'score', score: 2 });
  });

  it('keeps no note of the words that only say an answer replaces one before', () => {
    expect(parseAnswer('actually make that a 3', '1-5')).toEqual({ kind: 'score', score: 3 });
    expect(parseAnswer('bueno no, tres', '1-5')).toEqual({ kind: 'score', score: 3 });
    // Words of the person's own beside them stay.
    expect(parseAnswer('actually 3, we fought again', '1-5')).toEqual({
      kind: 'score',
      score: 3,
      note: 'actually, we fought again',
    });
  });

  it('keeps the words after a keycap answer as its note', () => {
    expect(parseAnswer('4️⃣ better week', '1-5')).toEqual({ kind: 'score', score: 4, note: 'better week' });
  });

  it('reads a list of answers one by one, and a list with a number out of range as no answer', () => {
    expect(readAnswers('3 4 y')).toEqual([
      [{ scale: '1-5', score: 3 }],
      [{ scale: '1-5', score: 4 }],
      [{ scale: 'yes-no', score: 1 }],
    ]);
    expect(readAnswers('1) y 2) n')).toEqual([
      [{ scale: 'yes-no', score: 1 }],
      [{ scale: 'yes-no', score: 0 }],
    ]);
    expect(readAnswers('0 4')).toBeUndefined();
    expect(readAnswers('4 10')).toBeUndefined();
  });

  it('takes yes as the opt-in only in a short reply that opens with it', () => {
    expect(isOptInYes('YES')).toBe(true);
    expect(isOptInYes('yesss please')).toBe(true);
    expect(isOptInYes('yes but not now')).toBe(false);
    expect(isOptInYes('')).toBe(false);
    expect(isOptInYes('please yes')).toBe(false);
    expect(isOptInYes('  yes')).toBe(true);
    expect(isOptInYes('ok thank you')).toBe(true);
    expect(isOptInYes('okk')).toBe(true);
    expect(isOptInYes('yupp')).toBe(true);
    expect(isOptInYes('!!')).toBe(false);
  });

  it('reads AYUDA as the Spanish HELP only when it stands alone', () => {
    expect(isBareAyuda('  Ayuda!')).toBe(true);
    expect(isBareAyuda('AYUDA.')).toBe(true);
    expect(isBareAyuda('ayuda?? ')).toBe(false);
    expect(isBareAyuda('mayuda')).toBe(false);
    expect(isBareAyuda('necesito ayuda')).toBe(false);
    expect(isBareAyuda('ayuda, por favor')).toBe(false);
  });
});

describe('every number word, keycap and quoting line a participant may send', () => {
  it.each([
    ['one', 1],
    ['two', 2],
    ['three', 3],
    ['four', 4],
    ['five', 5],
    ['uno', 1],
    ['dos', 2],
    ['tres', 3],
    ['cuatro', 4],
    ['cinco', 5],
    ['1️⃣', 1],
    ['2️⃣', 2],
    ['3️⃣', 3],
    ['5️⃣', 5],
  ])('reads %j alone as %i, in a reply and as one of a list', (word, score) => {
    expect(parseAnswer(word, '1-5')).toEqual({ kind: 'score', score });
    expect(readAnswers(`${word} y`)).toEqual([[{ scale: '1-5', score }], [{ scale: 'yes-no', score: 1 }]]);
  });

  it('keeps a long message with its number inside word for word as the note', () => {
    const text =
      "Long week. We talked twice about the trip. Probably a 3 overall, maybe less on Sunday. I don't want to lose her.";
    expect(parseAnswer(text, '1-5')).toEqual({ kind: 'score', score: 3, note: text });
  });

  it('reads one number word inside a sentence, with the rest kept as its note', () => {
    expect(parseAnswer('honestly about cinco', '1-5')).toEqual({
      kind: 'score',
      score: 5,
      note: 'honestly about',
    });
    expect(parseAnswer('Two.', '1-5')).toEqual({ kind: 'score', score: 2 });
  });

  it('reads "4 of 5" as the answer 4 and "3/5" in a list as 3', () => {
    expect(parseAnswer('4 of 5', '1-5')).toEqual({ kind: 'score', score: 4 });
    expect(readAnswers('3/5, n')).toEqual([[{ scale: '1-5', score: 3 }], [{ scale: 'yes-no', score: 0 }]]);
  });

  it('reads lists joined by "and" and "then", but "yes and no" is a mixed answer, asked again', () => {
    expect(readAnswers('yes, no')).toEqual([
      [{ scale: 'yes-no', score: 1 }],
      [{ scale: 'yes-no', score: 0 }],
    ]);
    expect(readAnswers('yes and no')).toBeUndefined();
    expect(readAnswers('sí y no')).toBeUndefined();
    expect(readAnswers('3 and 4')).toEqual([[{ scale: '1-5', score: 3 }], [{ scale: '1-5', score: 4 }]]);
    expect(readAnswers('4 then 2')).toEqual([[{ scale: '1-5', score: 4 }], [{ scale: '1-5', score: 2 }]]);
  });

  it('reads one answer every way it can when a list is not all answers', () => {
    expect(readAnswers('no, 2 this week')).toEqual([
      [
        { scale: '1-5', score: 2, note: expect.stringMatching(/^no,\s+this week$/) },
        { scale: 'yes-no', score: 0, note: '2 this week' },
      ],
    ]);
    expect(readAnswers('not sure')).toBeUndefined();
  });

  it.each([
    ['2\n> How was your week?', '2'],
    ['2\nOn Sunday, Kintsugi wrote:', '2'],
    ['2\nOn Sun, 8 Mar 2026 at 19:00, Kintsugi <hello@example.com>,', '2'],
    ['2\n----- Original Message -----\nFrom: Kintsugi', '2'],
    ['2\n________________________________\nFrom: Kintsugi', '2'],
    ['2\nFrom: Kintsugi <hello@example.com>', '2'],
    ['2\nSent from my iPhone', '2'],
    ['2\n--\nAna', '2'],
    ['2\n—\nAna', '2'],
    ['2\r\nbetter week\r\n> quoted', '2\nbetter week'],
    ['2\rbetter week', '2\nbetter week'],
  ])('keeps only what the person wrote in %j', (email, kept) => {
    expect(replyTextOf(email)).toBe(kept);
  });

  it('keeps lines that only look like quoting further in', () => {
    expect(replyTextOf('From now on, 4\nOnly -- fine')).toBe('From now on, 4\nOnly -- fine');
    expect(replyTextOf('3 - a bit better\nOn the whole, calmer')).toBe(
      '3 - a bit better\nOn the whole, calmer',
    );
  });
});

// Survivors of the 2026-12-06 run of `npx stryker run --mutate functions/program/reply-parsing.ts`.
describe('reading answers a participant may word loosely', () => {
  it('asks again on a rating out of 10, rather than reading it out of 5', () => {
    expect(parseAnswer('3 out of 10', '1-5')).toEqual({ kind: 'unclear' });
  });

  it('asks again on a half rating, alone or beside another number, rather than reading "4." as numbering', () => {
    expect(readAnswers('4.5 4')).toBeUndefined();
    expect(readAnswers('2.5 y 3')).toBeUndefined();
    expect(readAnswers('3.5')).toBeUndefined();
    expect(parseAnswer('4.5 4', '1-5')).toEqual({ kind: 'unclear' });
    expect(parseAnswer('about a 3.5 this week', '1-5')).toEqual({ kind: 'unclear' });
    // A time is not a half rating: "talked at 4.30, a 3" is a 3.
    expect(parseAnswer('talked at 4.30, a 3', '1-5')).toMatchObject({ kind: 'score', score: 3 });
    expect(readAnswers('yes, for 1.5 hours')).toEqual([
      [{ scale: 'yes-no', score: 1, note: 'for 1.5 hours' }],
    ]);
    expect(readAnswers('1. 4 2. 3')).toEqual([[{ scale: '1-5', score: 4 }], [{ scale: '1-5', score: 3 }]]);
  });

  it('asks again when two numbers come with a number word, and when two number words do', () => {
    expect(parseAnswer('2 or 3, one bad day', '1-5')).toEqual({ kind: 'unclear' });
    expect(parseAnswer('between two and three', '1-5')).toEqual({ kind: 'unclear' });
  });

  it('keeps the note around a capitalised number word without the word itself', () => {
    expect(parseAnswer('honestly about Cinco', '1-5')).toEqual({
      kind: 'score',
      score: 5,
      note: 'honestly about',
    });
  });

  it('keeps a note that starts with "a", and reads a keycap after a leading space', () => {
    expect(parseAnswer('5 awesome', '1-5')).toEqual({ kind: 'score', score: 5, note: 'awesome' });
    expect(readAnswers(' 4️⃣')).toEqual([[{ scale: '1-5', score: 4 }]]);
  });

  it('reads "¡Sí!" as yes with the words after it as the note', () => {
    expect(parseAnswer('¡Sí! todo bien', 'yes-no')).toEqual({ kind: 'score', score: 1, note: 'todo bien' });
  });

  it('reads 1 as an answer in a list, and not the labels of numbered answers', () => {
    expect(readAnswers('1 n')).toEqual([[{ scale: '1-5', score: 1 }], [{ scale: 'yes-no', score: 0 }]]);
    expect(readAnswers('Q1 y Q2 n')).toBeUndefined();
  });

  it('keeps only what the person wrote above an indented quote', () => {
    expect(replyTextOf('2\n   > How was your week?')).toBe('2');
  });
});

// What docs/ANSWER-EVAL.md measured: answers as people write them, and what is not an answer.
describe('reading yes and no as people write them', () => {
  it.each([
    ['ya no quiero seguir', 0],
    ['claro que no', 0],
    ['not really', 0],
    ['Probably not. I react too fast', 0],
    ['para nada. cada vez que hablo se cierra', 0],
    ['todavia no', 0],
    ['nel', 0],
    ['👎', 0],
    ['honestly no, he shuts down', 0],
    ['of course', 1],
    ['creo que si', 1],
    ['obvio q si', 1],
    ['siii 🙏 se nota mucho', 1],
    ['I think so but you would have to ask him', 1],
    ['tired but yes', 1],
    ['ya no miento, asi que si', 1],
    ['👍', 1],
    ['va', 1],
  ])('reads %j as %i', (text, score) => {
    const answer = parseAnswer(text, 'yes-no');
    expect(answer.kind === 'score' && answer.score).toBe(score);
  });

  it.each([
    'no sé',
    'no se, necesito pensarlo',
    'maybe',
    'sí y no',
    'yes and no',
    'S y N jaja',
    'ya veremos',
    'a veces',
    'I am, not sure about her',
    'yo sí, ella no sé',
    'not really sure',
    'va igual',
    'Y él también',
  ])('asks again when the answer is %j', (text) => {
    expect(parseAnswer(text, 'yes-no')).toEqual({ kind: 'unclear' });
  });

  it('keeps the words after the answer as its note', () => {
    expect(parseAnswer('no, he still lies', 'yes-no')).toEqual({
      kind: 'score',
      score: 0,
      note: 'he still lies',
    });
    expect(parseAnswer('claro que no, otra vez igual', 'yes-no')).toEqual({
      kind: 'score',
      score: 0,
      note: 'otra vez igual',
    });
  });
});

describe('reading a rating as people write it', () => {
  it.each([
    ['2. work was crazy', 2],
    ['1. Sorry to be a downer', 1],
    ["It's been a long 90 days. 4", 4],
    ['probably a 2, we had 3 big arguments this month', 2],
    ['4 (el mes pasado habria dicho 2)', 4],
    ['2 - semana pesada', 2],
    ['2 this week', 2],
    ['⭐⭐⭐', 3],
    ['fuor', 4],
    ['thre', 3],
    ['cuarto', 4],
    ['sinco', 5],
  ])('reads %j as %i', (text, score) => {
    const answer = parseAnswer(text, '1-5');
    expect(answer.kind === 'score' && answer.score).toBe(score);
  });

  it.each([
    '3,5',
    'dos y medio',
    'three and a half',
    'tres o cuatro',
    '3 or four',
    'tuvimos 2 discusiones fuertes este mes asi que no se',
    'cumpli 3 de los 4 acuerdos',
    'Kept 4 of the 5 agreements',
    'he broke the phone one twice',
    'fine',
    'your',
  ])('asks again when the answer is %j', (text) => {
    expect(parseAnswer(text, '1-5')).toEqual({ kind: 'unclear' });
  });

  it('reads "1) y 2) n" as numbered answers, and a lone "2." as a rating', () => {
    expect(readAnswers('1) y 2) n')).toEqual([
      [{ scale: 'yes-no', score: 1 }],
      [{ scale: 'yes-no', score: 0 }],
    ]);
    expect(readAnswers('2. rough week')?.[0]).toContainEqual({ scale: '1-5', score: 2, note: 'rough week' });
  });
});

describe('what a 90-day walkthrough texted (2026-12-07)', () => {
  it.each(['Y Y N', 'y y n', 'Y y N'])('reads "%s" as three answers, yes, yes and no', (text) => {
    expect(readAnswers(text)).toEqual([
      [{ scale: 'yes-no', score: 1 }],
      [{ scale: 'yes-no', score: 1 }],
      [{ scale: 'yes-no', score: 0 }],
    ]);
  });

  it.each(['S y N', 's y n', 'n y s'])(
    'still reads the Spanish "%s" (yes and no) as a mixed answer',
    (text) => {
      expect(readAnswers(text)).toBeUndefined();
      expect(isDoubt(text)).toBe(true);
    },
  );

  it.each([
    ['it felt pretty safe this week, maybe a 4', 4, 'it felt pretty safe this week'],
    ['the week was ok like a 3', 3, 'the week was ok'],
    ['semana difícil, diría que un 2', 2, 'semana difícil'],
  ])('keeps "%s" as %i with a note that does not end on its lead-in words', (text, score, note) => {
    expect(readAnswers(text)).toEqual([[{ scale: '1-5', score, note }]]);
  });

  it.each([
    ['4 i guess', '1-5', 4],
    ['yeah i think so', 'yes-no', 1],
    ['3 jaja', '1-5', 3],
    ['si, gracias', 'yes-no', 1],
  ])('reads "%s" with no note: the words beside it only hedge', (text, scale, score) => {
    expect(readAnswers(text)).toEqual([[{ scale, score }]]);
  });

  it('keeps what a hedge opens: "4 i guess it was better"', () => {
    expect(readAnswers('4 i guess it was better')).toEqual([
      [{ scale: '1-5', score: 4, note: 'i guess it was better' }],
    ]);
  });
});

describe('what a second walkthrough wrote by email (2026-12-07)', () => {
  it.each([
    ['4\n\nMarcus\nSent from my iPhone', '4'],
    ['Yes I think so\n\nMarcus', 'Yes I think so'],
    ['Better week\n\nThanks,\nAna Ruiz', 'Better week'],
    ['4\n\n- M', '4'],
  ])('drops the name signed under %j', (email, words) => {
    expect(replyTextOf(email)).toBe(words);
  });

  it.each(['4\n\nbetter week', '3\n\nNever', '4\n\nWe Talked A Lot'])(
    'keeps %j whole: no name signed',
    (email) => {
      expect(replyTextOf(email)).toBe(email);
    },
  );

  it('keeps a short sentence with its number whole: "Sorry, I meant 4 for listening"', () => {
    expect(readAnswers('Sorry, I meant 4 for listening')).toEqual([
      [{ scale: '1-5', score: 4, note: 'Sorry, I meant 4 for listening' }],
    ]);
  });
});
