import type { AnswerReadings, AnswerValue } from './open-questions';
import type { Scale } from './types';

/** What a free-text reply says about an open check-in. */
export type ParsedAnswer = { kind: 'score'; score: number; note?: string } | { kind: 'unclear' };

const WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
};
const KEYCAPS: Record<string, number> = { '1️⃣': 1, '2️⃣': 2, '3️⃣': 3, '4️⃣': 4, '5️⃣': 5 };

/** A rating between two points ("4.5", "3.5"): no point of the scale says it, so the person is asked again. */
const BETWEEN_POINTS = /(?<![\d.])\d\.\d(?![\d.])/;

/** Reads a 1–5 rating ("4", "4/5", "4 de 5", "four", "cuatro", "4️⃣", "4 - better week", "I'd say a 3") or yes/no. */
export function parseAnswer(body: string, scale: Scale): ParsedAnswer {
  const text = body.trim();
  if (scale === 'yes-no') return parseYesNo(text);
  for (const [cap, n] of Object.entries(KEYCAPS)) {
    if (text.startsWith(cap)) return withNote(n, text.slice(cap.length));
  }
  if (BETWEEN_POINTS.test(text)) return { kind: 'unclear' };
  // "4/5", "4 of 5", "4 out of 5", "4 de 5": one answer, not two numbers.
  const numbers = [...text.matchAll(/(?<![\d.])(\d+)(?:\s*(?:\/|\bde\b|\bof\b|\bout of\b)\s*5)?(?![\d.])/gi)];
  if (numbers.length === 1 && numbers[0]) {
    const n = Number(numbers[0][1]);
    if (n < 1 || n > 5) return { kind: 'unclear' };
    const rest = text.slice(0, numbers[0].index) + text.slice((numbers[0].index ?? 0) + numbers[0][0].length);
    return withNote(n, rest);
  }
  if (numbers.length > 1) return { kind: 'unclear' };
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  // A reply that opens with a number word answers with it ("tres, fue una semana difícil", "three, one
  // bad day"); otherwise one number word alone in it does.
  // "una" alone is an answer; in a sentence it is the article ("una semana dura, tres").
  if (words.length === 1 && words[0] === 'una') return { kind: 'score', score: 1 };
  const opening = words[0];
  if (opening && opening in WORDS)
    return withNote(WORDS[opening] as number, text.replace(new RegExp(`^\\W*${opening}\\b`, 'i'), ''));
  const spelled = words.filter((w) => w in WORDS);
  if (spelled.length === 1 && spelled[0]) {
    return withNote(WORDS[spelled[0]] as number, text.replace(new RegExp(`\\b${spelled[0]}\\b`, 'i'), ''));
  }
  return { kind: 'unclear' };
}

// "S" is the Spanish texts' own hint ("Responde S o N").
const YES = new Set(['yes', 'y', 'yeah', 'yep', 'yup', 'ya', 'yea', 'yess', 'si', 'sí', 's', 'claro']);
const NO = new Set(['no', 'n', 'nope', 'nah', 'nop']);

function parseYesNo(text: string): ParsedAnswer {
  const first = text.toLowerCase().match(/[\p{L}]+/u)?.[0];
  const rest = () => text.replace(/^[^\p{L}]*[\p{L}]+/u, '');
  if (first && YES.has(first)) return withNote(1, rest());
  if (first && NO.has(first)) return withNote(0, rest());
  return { kind: 'unclear' };
}

/** One word of a reply read as an answer on its own ("4", "4/5", "four", "4️⃣", "y", "no"), if it is one. */
function answerToken(token: string): AnswerValue | undefined {
  const word = token.toLowerCase();
  if (word in KEYCAPS) return { scale: '1-5', score: KEYCAPS[word] as number };
  const rating = word.match(/^(\d+)(?:\/5)?$/);
  if (rating) {
    const n = Number(rating[1]);
    return n >= 1 && n <= 5 ? { scale: '1-5', score: n } : undefined;
  }
  if (word in WORDS) return { scale: '1-5', score: WORDS[word] as number };
  if (YES.has(word)) return { scale: 'yes-no', score: 1 };
  if (NO.has(word)) return { scale: 'yes-no', score: 0 };
  return undefined;
}

/**
 * The answers a reply gives, in order, for routing to the open questions (program/open-questions.ts).
 * A reply made only of answers answers several questions: "Y N Y", "yes, no, yes", "3 4 y", "1) y 2) n".
 * Anything else is one answer, read every way it can be ("no, 2 this week" is a no or a 2; the open
 * question decides), with the words beside it kept as its note. Undefined when it reads as no answer.
 */
export function readAnswers(text: string): AnswerReadings[] | undefined {
  // "4.5 4" is a half rating and a rating, not the answers 5 and 4 numbered "4."; only a reply that opens
  // with a word may still be a yes or no ("yes, 1.5 hours").
  if (BETWEEN_POINTS.test(text)) {
    const parsed = /^\P{L}*\d/u.test(text) ? undefined : parseAnswer(text, 'yes-no');
    if (parsed?.kind !== 'score') return undefined;
    return [[{ scale: 'yes-no', score: parsed.score, ...(parsed.note ? { note: parsed.note } : {}) }]];
  }
  const tokens = text
    .replace(/\b[1-9]\s*[).:]\s*(?=\S)/g, ' ') // "1) y 2) n": numbering, not answers
    .split(/[\s,;.!&+]+|\band\b|\bthen\b/i)
    .filter(Boolean);
  if (tokens.length > 1) {
    const several = tokens.map(answerToken);
    if (several.every((a): a is AnswerValue => a !== undefined)) return several.map((a) => [a]);
    // A list of answers with one out of range ("6 4") is not read as one answer with a note.
    if (tokens.every((t) => /^\d+(?:\/5)?$/.test(t))) return undefined;
  }
  const readings: AnswerValue[] = [];
  for (const scale of ['1-5', 'yes-no'] as const) {
    const parsed = parseAnswer(text, scale);
    if (parsed.kind === 'score')
      readings.push({ scale, score: parsed.score, ...(parsed.note ? { note: parsed.note } : {}) });
  }
  return readings.length ? [readings] : undefined;
}

/** Words that say an answer replaces one given before, in English and Spanish. */
const CORRECTION_CUES =
  /(?<!\p{L})(meant|i mean|sorry|oops|actually|correction|typo|changed my mind|make (?:it|that)|instead|quise decir|quer[ií]a decir|perd[oó]n|en realidad|corrijo|correcci[oó]n|me equivoqu[eé]|cambi[eé] de opini[oó]n)(?!\p{L})/iu;

/**
 * Whether one answer, sent when no open question is waiting for it, replaces an answer given before:
 * when it is the answer alone ("4") or says so ("sorry, meant 4", "actually 2", "perdón, quise decir 3").
 */
export const correctsEarlierAnswer = (reading: AnswerValue): boolean =>
  reading.note === undefined || CORRECTION_CUES.test(reading.note);

function withNote(score: number, rest: string): ParsedAnswer {
  const note = rest.replace(/^[\s\-–—:,.!/]+|[\s\-–—:,.]+$/g, '').replace(/^(i'?d say( a)?|a)\s*$/i, '');
  return note ? { kind: 'score', score, note } : { kind: 'score', score };
}

// Lines where a mail client starts quoting the message being answered, or where a signature begins.
const QUOTE_STARTS = [
  /^>/,
  /^On .+wrote:\s*$/i,
  /^On .+,\s*$/i, // "On Sun, 8 Mar 2026 at 19:00, Kintsugi <hello@…>" wrapped before "wrote:"
  /^-{2,}\s*Original Message\s*-{2,}/i,
  /^_{5,}/,
  /^From:\s/i,
  /^Sent from my /i,
  /^--\s*$/,
  /^—\s*$/,
];

/** The words a person wrote at the top of an email reply, without the quoted message or a signature. */
export function replyTextOf(emailText: string): string {
  const kept: string[] = [];
  for (const line of emailText.replace(/\r\n?/g, '\n').split('\n')) {
    if (QUOTE_STARTS.some((start) => start.test(line.trim()))) break;
    kept.push(line);
  }
  return kept.join('\n').trim();
}
