/**
 * Reading a 1–5 rating in a text as people write it: "4", "4/5", "4 de 5", "four", "cuatro", "4️⃣",
 * "⭐⭐⭐", "2. rough week", "I'd say a 3", "it's been a long 90 days. 4", "fuor". Two ratings, a half
 * point, a number out of the scale, or only counts ("we had 3 big arguments") are unclear: the person is
 * asked again rather than have an answer recorded they did not give. Measured on labelled replies by
 * `npm run eval:answers` (docs/ANSWER-EVAL.md).
 */

import { ONLY_A_CORRECTION } from './corrections';

/** What a free-text reply says about an open check-in. */
export type ParsedAnswer = { kind: 'score'; score: number; note?: string } | { kind: 'unclear' };

export const WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  uno: 1,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
};
/** "one", "uno", "una" count as a rating only alone or opening the reply: in a sentence they are articles. */
const ARTICLES = new Set(['one', 'uno', 'una']);
export const KEYCAPS: Record<string, number> = { '1️⃣': 1, '2️⃣': 2, '3️⃣': 3, '4️⃣': 4, '5️⃣': 5 };

/** A rating between two points ("4.5", "3,5", "3 y medio", "two and a half"): asked again. */
export const BETWEEN_POINTS = /(?<![\d.])\d\.\d(?![\d.])|(?<![\d.,])\d,5(?!\d)/;
const HALF = /(?<!\p{L})(?:y medio|and a half|½)(?!\p{L})/iu;

/**
 * Words that make the number before them a count, not a rating ("we had 3 big arguments", "90 days",
 * "tuvimos 2 discusiones"): the next word, or the one after an adjective ("3 big fights"), but not after
 * a word that makes it a time ("2 this week").
 */
const COUNT_NOUN =
  /^(?:days?|weeks?|months?|years?|times?|hours?|hrs?|mins?|minutes?|nights?|fights?|arguments?|agreements?|kids?|calls?|texts?|d[ií]as?|semanas?|mes(?:es)?|a[nñ]os?|veces|vez|horas?|noches?|peleas?|discusi[oó]n(?:es)?|acuerdos?|hijos?|llamadas?|mensajes?)$/iu;
const TIME_WORDS =
  /^(?:this|that|the|a|an|last|per|every|each|in|on|for|esta|este|la|el|los|las|por|en|cada|de|of|past|pasad[ao])$/iu;

const isCount = (after: string, n: number): boolean => {
  // Only words that follow the number directly: "2 - semana pesada" is a rating with a note.
  const [, first, second] = after.match(/^\s+(\p{L}+)(?:\s+(\p{L}+))?/u) ?? [];
  // "3 big fights" counts; "4 better week" and "3 semana dura" do not: more than one of a thing takes its
  // plural (every plural of COUNT_NOUN ends in s).
  const agrees = (noun: string) => n === 1 || /s$/i.test(noun);
  if (first && COUNT_NOUN.test(first)) return agrees(first);
  return !!(first && second && !TIME_WORDS.test(first) && COUNT_NOUN.test(second) && agrees(second));
};

/** "3 of the 4 agreements", "cumplí 3 de los 4 acuerdos": a count out of another number, not a rating. */
const COUNT_OUT_OF =
  /(?<![\d.])(\d+)\s*(?:of|de|out of)\s+((?:the|los|las|my|mis|our|nuestros)\s+)?(\d+)(?![\d.])/giu;

/** Star emoji alone: "⭐⭐⭐" is a 3. */
const STARS = /^(?:\s*(?:⭐|★|🌟)\s*){1,5}$/u;

/** A one-word reply a letter away from a number word ("fuor", "thre", "cuarto", "sinco"). */
const TYPO_TARGETS: Record<string, number> = { three: 3, four: 4, five: 5, cuatro: 4, cinco: 5 };
/** Real words that are a letter away from a number word, read as themselves. */
const NOT_TYPOS = new Set(
  'there threw thee fine fire hive dive give live your hour pour tour sour flour fou for our fur cinc'.split(
    ' ',
  ),
);

function typoOf(word: string): number | undefined {
  if (word.length < 4 || NOT_TYPOS.has(word)) return undefined;
  for (const [target, n] of Object.entries(TYPO_TARGETS)) if (oneSlipFrom(word, target)) return n;
  return undefined;
}

/** Two letters swapped, one letter doubled or left out, or c/s/z confused (as Spanish speakers spell). */
function oneSlipFrom(word: string, target: string): boolean {
  if (word === target) return false;
  if (word.length === target.length) {
    const diff = [...word].flatMap((c, i) => (c === target[i] ? [] : [i]));
    if (diff.length === 2 && diff[1] === (diff[0] as number) + 1)
      return (
        word[diff[0] as number] === target[diff[1] as number] &&
        word[diff[1] as number] === target[diff[0] as number]
      );
    return (
      diff.length === 1 &&
      /[csz]/.test(word[diff[0] as number] as string) &&
      /[csz]/.test(target[diff[0] as number] as string)
    );
  }
  const [long, short] = word.length > target.length ? [word, target] : [target, word];
  if (long.length - short.length !== 1 || (word.length < target.length && target.length < 5)) return false;
  return [...long].some((_, i) => long.slice(0, i) + long.slice(i + 1) === short);
}

/** Words that only lead up to the number ("I'd say a 3, rough week"): no note of their own. */
const LEAD_IN =
  /^\s*(?:(?:i'?d|i would|i'?ll) say|i think|i guess|prob(?:ably)?|maybe|like|about|around|honestly|creo que|dir[ií]a que|yo dir[ií]a|tal vez|quiz[aá]s?)?(?:\s+(?:a|an|un|una|like|maybe|solid))*\s*$/i;
/**
 * The same words closing a sentence before its number ("it felt pretty safe this week, maybe a 4"): cut
 * with the number, so the note does not end on "maybe a".
 */
const TRAILING_LEAD_IN =
  /[\s,;:\-–—]*(?:\b(?:(?:i'?d|i would|i'?ll) say|i think|i guess|prob(?:ably)?|maybe|like|about|around|honestly|creo que|dir[ií]a que|yo dir[ií]a|tal vez|quiz[aá]s?|como)\b(?:\s+(?:a|an|un|una|like|maybe|solid)\b)*|(?:\s+(?:a|an|un|una)\b)+)\s*$/i;
/** From this many words, a message with its number inside is kept whole as the note. */
const VERBATIM_WORDS = 8;
const wordCount = (text: string) => text.match(/\p{L}+/gu)?.length ?? 0;

/** The rating a reply gives, with the words beside it as its note, or unclear. */
export function readRating(text: string): ParsedAnswer {
  for (const [cap, n] of Object.entries(KEYCAPS)) {
    if (text.startsWith(cap)) return withNote(n, text.slice(cap.length));
  }
  if (STARS.test(text)) return { kind: 'score', score: [...text.matchAll(/⭐|★|🌟/gu)].length };
  if (BETWEEN_POINTS.test(text) || HALF.test(text)) return { kind: 'unclear' };
  // Counts out of another number, and asides in brackets when a number stands outside them, are not ratings.
  const counted = text.replace(COUNT_OUT_OF, (whole, _n: string, article: string | undefined, of: string) =>
    of === '5' && !article ? whole : ' '.repeat(whole.length),
  );
  const outside = counted.replace(/\([^)]*\)/g, (aside) => ' '.repeat(aside.length));
  const scanned = /\d/.test(outside) ? outside : counted;
  // "4/5", "4 of 5", "4 out of 5", "4 de 5": one answer, not two numbers.
  const numbers = [
    ...scanned.matchAll(/(?<![\d.])(\d+)(?:\s*(?:\/|\bde\b|\bof\b|\bout of\b)\s*5)?(?!\d|[.,]\d)/gi),
  ].filter((m) => !isCount(scanned.slice((m.index ?? 0) + m[0].length), Number(m[1])));
  const spelled = spelledNumbers(scanned);
  if (numbers.length === 1 && numbers[0]) {
    const n = Number(numbers[0][1]);
    if (n < 1 || n > 5 || spelled.some((s) => s.score !== n)) return { kind: 'unclear' };
    const before = text.slice(0, numbers[0].index);
    const after = text.slice((numbers[0].index ?? 0) + numbers[0][0].length);
    // A number inside a long message ("…Probably a 3 overall, maybe less on Sunday.") leaves the person's
    // words as they wrote them: cut out, it would leave "Probably a overall".
    // So does a short one ("Sorry, I meant 4 for listening"), unless all before the number leads up to it.
    if (
      /\p{L}/u.test(before) &&
      /\p{L}/u.test(after) &&
      (wordCount(text) >= VERBATIM_WORDS || (wordCount(before) >= 3 && !LEAD_IN.test(before)))
    )
      return { kind: 'score', score: n, note: text.trim() };
    return withNote(n, (LEAD_IN.test(before) ? '' : before.replace(TRAILING_LEAD_IN, ' ')) + after);
  }
  if (numbers.length > 1) return { kind: 'unclear' };
  const scores = new Set(spelled.map((s) => s.score));
  if (scores.size > 1) return { kind: 'unclear' };
  const [only] = spelled;
  if (only)
    return withNote(only.score, text.replace(new RegExp(`(?<!\\p{L})${only.word}(?!\\p{L})`, 'iu'), ''));
  const single = text.toLowerCase().match(/^\p{L}+$/u)?.[0];
  const typo = single && typoOf(single);
  return typo ? { kind: 'score', score: typo } : { kind: 'unclear' };
}

/** The number words of a reply that may be its rating: not counts ("two fights"), not articles in a sentence. */
function spelledNumbers(text: string): { word: string; score: number }[] {
  const words = [...text.matchAll(/\p{L}+/gu)];
  return words.flatMap((m, i) => {
    const word = m[0].toLowerCase();
    const score = WORDS[word];
    if (score === undefined) return [];
    // "una semana dura, tres": an article inside the reply; "two fights", "una vez": a count.
    if ((ARTICLES.has(word) && i > 0) || isCount(text.slice((m.index ?? 0) + m[0].length), score)) return [];
    return [{ word: m[0], score }];
  });
}

/** The answer, with the words beside it as its note (without "I'd say a" and the like). */
export function withNote(score: number, rest: string): ParsedAnswer {
  const note = rest
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/^[\s\-–—:,.!/]+|[\s\-–—:,.]+$/g, '')
    .replace(/^(i'?d say( a)?|a)\s*$/i, '')
    .replace(ONLY_A_CORRECTION, '');
  return note ? { kind: 'score', score, note } : { kind: 'score', score };
}
