/**
 * The English clause reader of the danger detector (program/safety-clauses.ts), one rule at a time: who
 * struck, whether it was negated, whether the blow landed on me or my body, and the idioms that only look
 * like a blow. The detector's precision and recall over the labelled messages are measured elsewhere
 * (safety-eval.test.ts, `npm run eval:safety`); these are the reader's own promises, each a sentence.
 */
import { describe, expect, it } from 'vitest';
import { readsAsBlowToMe, stemEnglish } from '../../functions/program/safety-clauses';
import { normaliseForSafety } from '../../functions/program/safety-normalise';

const reads = (text: string) => readsAsBlowToMe(normaliseForSafety(text));

describe('the stems of a blow', () => {
  it.each([
    // Words arrive squeezed (no doubled letters): "hitting" is "hiting" by then.
    ['hiting', 'hit'],
    ['slaped', 'slap'],
    ['chokes', 'chok'],
    ['beatin', 'beat'],
    ['beaten', 'beat'],
    ['punches', 'punch'],
    ['strangled', 'strangl'],
    ['shoved', 'shov'],
    ['hit', 'hit'],
    ['me', 'me'],
    ['shove', 'shov'],
    ['bed', 'bed'],
  ])('%s → %s', (word, stem) => {
    expect(stemEnglish(word)).toBe(stem);
  });
});

describe('a person struck me', () => {
  it.each([
    'he hit me',
    'she slapped me',
    'my husband punched me',
    'mike hit me last night',
    'he has been hitting me',
    'she just slapped me again',
    'he wouldnt stop hitting me',
    "he wouldn't stop hitting me",
    'hit me',
    'we argued and then he shoved me',
    'we argued and slapped me',
    '2 hit me again',
    'he beat on me',
    'she clawed at my face',
    'he punched me in the face',
    'he hit me with a belt',
    'he beat me up',
    'he knocked me out',
    'he pinned me down',
    'he slammed me against the wall',
    'he kicked my legs',
    'he grabbed the kid and hit me',
    'he smacked the kid and then me',
    'he beat me at home',
    'he beat me',
    'he choked me out',
    'he roughed me up',
  ])('"%s" reads as a blow', (text) => {
    expect(reads(text)).toBe(true);
  });
});

describe('not a blow to me', () => {
  it.each([
    'he never hit me',
    'she did not slap me',
    'nobody hit me',
    'it hit me that I was wrong',
    'reality hit me hard',
    'the ball hit me',
    'that song hit me',
    'the dog bit me',
    'a car hit me',
    'the truth hit me',
    'he hit me up on facebook',
    'she beat me to it',
    'he beat me at chess',
    'beats me why',
    'beats me how',
    'he knocked me up',
    'she shot me a text',
    'he hit the wall',
    'he punched the door',
    'he hit my car',
    'he hit me with a question',
    'she hit me in the feels',
    'i hit him',
    'round 2 hit me hard',
    'the 3 hit me',
    'he hit me with the news',
    'hit me back when you can',
  ])('"%s" does not', (text) => {
    expect(reads(text)).toBe(false);
  });
});
