import { CORRECTION_CUES } from './corrections';
import type { AnswerReadings, AnswerValue } from './open-questions';
import { BETWEEN_POINTS, KEYCAPS, type ParsedAnswer, readRating, WORDS } from './rating';
import type { Scale } from './types';
import { readYesNo, type YesNoReading } from './yes-no';

/** Reads a 1–5 rating (rating.ts) or a yes/no (yes-no.ts) from a reply. */
export function parseAnswer(body: string, scale: Scale): ParsedAnswer {
  const text = body.trim();
  return scale === 'yes-no' ? parseYesNo(text) : readRating(text);
}

/** A doubt where a yes or no was asked for ("no sé", "maybe", "yes and no", "ya veremos"). */
export const isDoubt = (text: string): boolean => readYesNo(text)?.answer === 'unclear';

// The list readings ("Y N Y"): one word each. Anything longer is read by yes-no.ts.
// Not "claro": "sí, claro" is one yes said twice, not two answers.
const YES = new Set(['yes', 'y', 'yeah', 'yep', 'yup', 'ya', 'yea', 'yess', 'si', 'sí', 's']);
const NO = new Set(['no', 'n', 'nope', 'nah', 'nop']);

const parseYesNo = (text: string): ParsedAnswer => asParsed(readYesNo(text));

function asParsed(reading: YesNoReading): ParsedAnswer {
  if (!reading || reading.answer === 'unclear') return { kind: 'unclear' };
  return reading.note
    ? { kind: 'score', score: reading.answer, note: reading.note }
    : { kind: 'score', score: reading.answer };
}

/**
 * Words beside an answer that only hedge or fill ("4 i guess", "yeah i think so", "3 jaja"): not a note
 * worth keeping, so the report's notes are what the person had to say.
 */
const FILLER_NOTE =
  /^(?:i guess|i think|i think so|i suppose|i suppose so|i'?d say|probably|maybe|i hope|i hope so|i believe so|ok|okay|yeah|yes|lol|haha|jaja|jeje|claro|por supuesto|supongo|creo|creo que si|creo que sí|yo creo|eso creo|pienso|sí|si|ok gracias|thanks|thank you|gracias)[\s.!?…]*$/i;
const keptNote = (note: string | undefined) => (note && !FILLER_NOTE.test(note.trim()) ? note : undefined);

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
  const yesNo = readYesNo(text);
  // "4.5 4" is a half rating and a rating, not the answers 5 and 4 numbered "4."; only a reply that opens
  // with a word may still be a yes or no ("yes, 1.5 hours").
  if (BETWEEN_POINTS.test(text)) {
    const parsed = /^\P{L}*\d/u.test(text) ? undefined : asParsed(yesNo);
    if (parsed?.kind !== 'score') return undefined;
    return [[{ scale: 'yes-no', score: parsed.score, ...(parsed.note ? { note: parsed.note } : {}) }]];
  }
  // "1) y 2) n": numbering, not answers; a lone "2. rough week" is an answer.
  const numbering = /\b[1-9]\s*[).:]\s*(?=\S)/g;
  const numbered = (text.match(numbering) ?? []).length > 1;
  const split = (numbered ? text.replace(numbering, ' ') : text)
    .split(/[\s,;.!&+]+|\band\b|\bthen\b/i)
    .filter(Boolean);
  // A lowercase "y" joining two answers written out is the Spanish "and" ("3 y 4", "tres y cuatro", "4 y sí"),
  // not a yes; between letters it stays one ("y y n", and "S y N", read below).
  const written = (token: string | undefined) =>
    token !== undefined && !/^[yns]$/i.test(token) && answerToken(token) !== undefined;
  const tokens = split.filter((t, i) => !(t === 'y' && written(split[i - 1]) && written(split[i + 1])));
  // "ya no", "yeah nah", "sí y no" are one answer (or a mixed one), not a list; but letters alone are a list
  // ("Y Y N", "y n n"), unless a lowercase "y" joins a Spanish S and N ("S y N": yes and no).
  const letters = tokens.length > 1 && tokens.every((t) => /^[yns]$/i.test(t));
  const spanishAnd =
    tokens.length === 3 &&
    tokens[1] === 'y' &&
    /^[sn]$/i.test(tokens[0] ?? '') &&
    /^[sn]$/i.test(tokens[2] ?? '');
  // Three answers or more are a list even where two would read as a doubt: "yes and no" is unsure, "yes, no and
  // yes" answers three questions.
  const list = !spanishAnd && tokens.length >= 3 && tokens.every((t) => answerToken(t) !== undefined);
  const phrase =
    (yesNo?.answer === 'unclear' || (yesNo?.opening ?? 0) > 1) && !(letters && !spanishAnd) && !list;
  if (tokens.length > 1 && !phrase) {
    const several = tokens.map(answerToken);
    if (several.every((a): a is AnswerValue => a !== undefined)) return several.map((a) => [a]);
    // A list of answers with one out of range ("6 4") is not read as one answer with a note.
    if (tokens.every((t) => /^\d+(?:\/5)?$/.test(t))) return undefined;
  }
  const readings: AnswerValue[] = [];
  for (const scale of ['1-5', 'yes-no'] as const) {
    const parsed = scale === 'yes-no' ? asParsed(yesNo) : readRating(text.trim());
    const note = parsed.kind === 'score' ? keptNote(parsed.note) : undefined;
    if (parsed.kind === 'score') readings.push({ scale, score: parsed.score, ...(note ? { note } : {}) });
  }
  return readings.length ? [readings] : undefined;
}

/**
 * Whether one answer, sent when no open question is waiting for it, replaces an answer given before:
 * when it is the answer alone ("4") or says so ("sorry, meant 4", "actually 2", "perdón, quise decir 3").
 */
export const correctsEarlierAnswer = (reading: AnswerValue): boolean =>
  reading.note === undefined || CORRECTION_CUES.test(reading.note);

// Lines where a mail client starts quoting the message being answered, or where a signature begins.
const QUOTE_STARTS = [
  /^>/,
  /^On .+wrote:\s*$/i,
  /^On .+,\s*$/i, // "On Sun, 8 Mar 2026 at 19:00, Kintsugi <hello@…>" wrapped before "wrote:"
  // Spanish mail apps: "El dom, 31 ene 2027 a las 20:00, Kintsugi <hello@…> escribió:", wrapped or not.
  /^El .+escribi[oó]:\s*$/i,
  /^El .+\d{1,2}:\d{2}.*(?:,|<[^>\s]+@[^>\s]+>)\s*$/i,
  /^-{2,}\s*(?:Original Message|Mensaje original)\s*-{2,}/i,
  /^_{5,}/,
  /^(?:From|De):\s/i,
  /^(?:Sent from my |Enviado desde mi )/i,
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
  return withoutSignOff(kept.join('\n').trim());
}

/**
 * A name signed under the words after a blank line ("4\n\nMarcus", "Better week\n\nThanks,\nAna Ruiz"): not a
 * note. One to three capitalised words, after an optional "Thanks," or a dash; not a yes, a no or a number.
 */
const SIGN_OFF =
  /\n\s*\n(?:\s*(?:thanks|thank you|many thanks|cheers|best|regards|gracias|saludos|un abrazo|abrazos|besos)[,!.]?\s*\n?)?\s*(?:[-–—~]\s*)?(\p{Lu}[\p{L}'.-]*(?:\s+\p{Lu}[\p{L}'.-]*){0,2})\s*$/iu;
const NOT_A_NAME =
  /^(?:yes|no|si|sí|nope|yeah|yep|maybe|never|nunca|ok|okay|one|two|three|four|five|uno|dos|tres|cuatro|cinco)$/i;

function withoutSignOff(text: string): string {
  const found = text.match(SIGN_OFF);
  if (!found?.[1] || NOT_A_NAME.test(found[1].trim())) return text;
  // Case-insensitive for "Thanks", but a name starts with a capital: "4\n\nbetter week" keeps its words.
  if (!/^\p{Lu}/u.test(found[1].trim())) return text;
  const rest = text.slice(0, found.index).trim();
  return rest || text;
}
