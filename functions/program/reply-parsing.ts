import type { Scale } from './types';

/** What a free-text reply says about an open check-in. */
export type ParsedAnswer = { kind: 'score'; score: number; note?: string } | { kind: 'unclear' };

const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5 };
const KEYCAPS: Record<string, number> = { '1️⃣': 1, '2️⃣': 2, '3️⃣': 3, '4️⃣': 4, '5️⃣': 5 };

/** Reads a 1–5 rating ("4", "4/5", "four", "4️⃣", "4 - better week", "I'd say a 3") or yes/no. */
export function parseAnswer(body: string, scale: Scale): ParsedAnswer {
  const text = body.trim();
  if (scale === 'yes-no') return parseYesNo(text);
  for (const [cap, n] of Object.entries(KEYCAPS)) {
    if (text.startsWith(cap)) return withNote(n, text.slice(cap.length));
  }
  const numbers = [...text.matchAll(/(?<![\d.])(\d+)(?:\s*\/\s*5)?(?![\d.])/g)];
  if (numbers.length === 1 && numbers[0]) {
    const n = Number(numbers[0][1]);
    if (n < 1 || n > 5) return { kind: 'unclear' };
    const rest = text.slice(0, numbers[0].index) + text.slice((numbers[0].index ?? 0) + numbers[0][0].length);
    return withNote(n, rest);
  }
  if (numbers.length > 1) return { kind: 'unclear' };
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  const spelled = words.filter((w) => w in WORDS);
  if (spelled.length === 1 && spelled[0]) {
    return withNote(WORDS[spelled[0]] as number, text.replace(new RegExp(`\\b${spelled[0]}\\b`, 'i'), ''));
  }
  return { kind: 'unclear' };
}

function parseYesNo(text: string): ParsedAnswer {
  const first = text.toLowerCase().match(/[a-z]+/)?.[0];
  if (first && ['yes', 'y', 'yeah', 'yep', 'yup'].includes(first))
    return withNote(1, text.replace(/^\W*\w+/, ''));
  if (first && ['no', 'n', 'nope', 'nah'].includes(first)) return withNote(0, text.replace(/^\W*\w+/, ''));
  return { kind: 'unclear' };
}

function withNote(score: number, rest: string): ParsedAnswer {
  const note = rest
    .replace(/^[\s\-–—:,.!/]+|[\s\-–—:,.]+$/g, '')
    .replace(/^(i'?d say( a)?|a)\s*$/i, '')
    .trim();
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
