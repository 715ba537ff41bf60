/**
 * The words that say an answer replaces one given before, in English and Spanish ("sorry, meant 4",
 * "perdón, quise decir 3"): one list for reading a reply as a correction (reply-parsing.ts) and for
 * dropping those words from the answer's note (rating.ts).
 */
const CORRECTION_WORDS = [
  'actually',
  'sorry',
  'oops',
  'i mean',
  'meant',
  'correction',
  'typo',
  'make (?:it|that)',
  'instead',
  'scratch that',
  'quise decir',
  'quer[ií]a decir',
  'perd[oó]n',
  'en realidad',
  'corrijo',
  'mejor dicho',
];

/** A reply that says it corrects an earlier answer, anywhere in it. */
export const CORRECTION_CUES = new RegExp(
  `(?<!\\p{L})(${[
    ...CORRECTION_WORDS,
    'changed my mind',
    'no wait',
    'wait no',
    'correcci[oó]n',
    'me equivoqu[eé]',
    'cambi[eé] de opini[oó]n',
    'bueno no',
    'no espera',
    'no,? mejor',
  ].join('|')})(?!\\p{L})`,
  'iu',
);

/**
 * What is left of "actually make that a 3" or "bueno no, tres" once the number is read: only the words that
 * say it replaces an earlier answer (with the fillers around them), which are no note of the person's.
 */
export const ONLY_A_CORRECTION = new RegExp(
  `^(?:(?:${[
    ...CORRECTION_WORDS,
    'i meant',
    'make (?:it|that) an?',
    'change (?:it|that) to',
    'wait',
    'no',
    'bueno',
    'mejor',
    'espera',
    'es',
    'era',
    'un',
    'una',
  ].join('|')})[\\s,.!:;-]*)+$`,
  'iu',
);
