/**
 * How the danger detector reads a message's spelling before any rule (program/safety-normalise.ts): people
 * write to it in a hurry, on a phone, with slips, leetspeak, text-speak and Spanish spelled by ear. Each
 * promise alone here; how many messages the detector hears in the end is measured in safety-eval.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  foldSpanish,
  Lexicon,
  normaliseForSafety,
  oneSlipApart,
  spanishPattern,
  words,
} from '../../functions/program/safety-normalise';

describe('the words of a message', () => {
  it('in lower case, without accents or apostrophes', () => {
    expect(words("Él NO está aquí, I can't")).toEqual(['el', 'no', 'esta', 'aqui', 'i', 'cant']);
  });

  it('with digits and symbols inside a word read as letters, and a number alone kept as an answer', () => {
    expect(words('k1ll 5uicide h@te 4')).toEqual(['kill', 'suicide', 'hate', '4']);
  });

  it('with letters typed one by one, or one by one between dashes, read as one word', () => {
    expect(words('s u i c i d e')).toEqual(['suicide']);
    expect(words('s - u - i - c - i - d - e')).toEqual(['suicide']);
  });

  it('from the first 5,000 characters only, so a pasted document costs a bounded time', () => {
    const read = words(`${'ok '.repeat(2_000)}suicide`);
    expect(read).not.toContain('suicide');
    expect(read.length).toBeLessThanOrEqual(2_000);
  });
});

describe('one typing slip apart', () => {
  it('a neighbouring key, a letter dropped or doubled, two neighbours swapped', () => {
    expect(oneSlipApart('kilk', 'kill')).toBe(true);
    expect(oneSlipApart('kil', 'kill')).toBe(true);
    expect(oneSlipApart('kiill', 'kill')).toBe(true);
    expect(oneSlipApart('myslef', 'myself')).toBe(true);
    expect(oneSlipApart('ymself', 'myself')).toBe(true);
  });

  it('not the word itself, a far key, two slips, or a swap with another slip after it', () => {
    expect(oneSlipApart('kill', 'kill')).toBe(false);
    expect(oneSlipApart('kilz', 'kill')).toBe(false);
    expect(oneSlipApart('mxselg', 'myself')).toBe(false);
    expect(oneSlipApart('myslrf', 'myself')).toBe(false);
    expect(oneSlipApart('ymselg', 'myself')).toBe(false);
    expect(oneSlipApart('kl', 'kill')).toBe(false);
  });
});

describe('the lexicon of words that matter', () => {
  const lexicon = new Lexicon(['choke', 'suicide'], ['chose']);

  it('corrects a word of five letters or more to the key word it is one slip from', () => {
    expect(lexicon.correct('chokr')).toBe('choke');
    expect(lexicon.correct('suicde')).toBe('suicide');
  });

  it('keeps short words, real words, words with digits, and the first letter as typed', () => {
    expect(lexicon.correct('chok')).toBe('chok');
    expect(lexicon.correct('chose')).toBe('chose');
    expect(lexicon.correct('ch0ke')).toBe('ch0ke');
    expect(lexicon.correct('xhoke')).toBe('xhoke');
  });
});

describe('the English view', () => {
  it('reads "2" as "to" after a word that takes it, and as a rating elsewhere', () => {
    expect(normaliseForSafety('i want 2 die')).toContain(' want to die ');
    expect(normaliseForSafety('i rate it 2')).toBe(' i rate it 2 ');
  });

  it('reads "I\'d" as "I would", but "my ID" as an ID', () => {
    expect(normaliseForSafety("anyway I'd rather die")).toContain(' anyway i would rather die ');
    expect(normaliseForSafety("in the army I'd say")).toContain(' army i would say ');
    expect(normaliseForSafety('he took my ID')).toContain(' my id ');
  });

  it('puts back a dropped g', () => {
    expect(normaliseForSafety('hidin from him')).toContain(' hiding from him ');
  });
});

describe('Spanish spelled by ear', () => {
  it('drops a silent h but keeps ch, and folds ce/ci, q and ge/gi', () => {
    expect(foldSpanish('hacha')).toBe('acha');
    expect(foldSpanish('cielo')).toBe('sielo');
    expect(foldSpanish('q')).toBe('k');
    expect(foldSpanish('gente')).toBe('jente');
  });

  it('folds a pattern as it folds a message, accents gone', () => {
    expect(spanishPattern('ahorcó')).toBe('aorco');
  });
});
