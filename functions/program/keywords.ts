/** SMS keywords, as carriers and Twilio define them, tolerant of case, punctuation and extra words. */
export type Keyword = 'stop' | 'start' | 'yes' | 'help' | 'pause' | 'resume' | 'skip' | 'delete';

/** What a keyword message asks for; `days` only for PAUSE. */
export interface KeywordRequest {
  keyword: Keyword;
  /** The word as the person wrote it, upper-cased ("STOPALL"), for the consent ledger. */
  word: string;
  days?: number;
}

const KEYWORDS: Record<string, Keyword> = {
  stop: 'stop',
  stopall: 'stop',
  unsubscribe: 'stop',
  cancel: 'stop',
  end: 'stop',
  quit: 'stop',
  revoke: 'stop',
  optout: 'stop',
  start: 'start',
  unstop: 'start',
  yes: 'yes',
  help: 'help',
  info: 'help',
  pause: 'pause',
  resume: 'resume',
  skip: 'skip',
  delete: 'delete',
};

/**
 * Slips of the thumb on STOP: someone who types "Stpo" wants the texts to stop, and is not told "no
 * check-in is open". A repeated last letter ("STOPPP", "helpp") is folded before the lookup. (A bare
 * "hepl" is left to the safety detector, which reads a garbled HELP as someone calling out.)
 */
const SLIPS: Record<string, Keyword> = {
  stpo: 'stop',
  sotp: 'stop',
  tsop: 'stop',
  stp: 'stop',
};

/**
 * The same requests in Spanish, read only in a short message without a number but PAUSA's (they are
 * everyday words too: "alto nivel de estrés, 2" and "baja, 2" are answers). Accents are folded first.
 */
const SPANISH: Record<string, Keyword> = {
  alto: 'stop',
  parar: 'stop',
  cancelar: 'stop',
  baja: 'stop',
  detener: 'stop',
  comenzar: 'start',
  empezar: 'start',
  reanudar: 'resume',
  pausa: 'pause',
  pausar: 'pause',
  borrar: 'delete',
  ayuda: 'help',
};
const SPANISH_MAX_WORDS = 3;

/** A first DELETE asks for a second one within this many minutes before anything is erased. */
export const DELETE_WINDOW_MINUTES = 10;

/** PAUSE without a number pauses a week; longer pauses are capped so a program cannot drift for months. */
export const DEFAULT_PAUSE_DAYS = 7;
export const MAX_PAUSE_DAYS = 30;
// Kintsugi's own words (PAUSE, RESUME, SKIP, DELETE) count only in a short message, so "skip the
// excuses, 2" stays an answer; the carrier words (STOP, HELP…) count whenever they open the message.
const OWN_KEYWORD_MAX_WORDS = 4;

/** A word as keywords are looked up: accents folded, lower case, letters only ("¡PARÁ!" → "para"). */
const foldWord = (word: string): string =>
  word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

/** The keyword a message opens with ("Stop.", "stop please", "STOP!!", "pause 10 days"), if any. */
export function parseKeyword(body: string): KeywordRequest | undefined {
  const words = body.trim().split(/\s+/);
  // Splitting always gives at least one word ('' for an empty body).
  const word = foldWord(words[0] as string);
  const spanishWord = words.length <= SPANISH_MAX_WORDS ? SPANISH[word] : undefined;
  const spanish = spanishWord === 'pause' || !/\d/.test(body) ? spanishWord : undefined;
  const keyword = KEYWORDS[word] ?? KEYWORDS[word.replace(/(.)\1+$/, '$1')] ?? SLIPS[word] ?? spanish;
  if (!keyword) return undefined;
  const own = keyword === 'pause' || keyword === 'resume' || keyword === 'skip' || keyword === 'delete';
  if (own && words.length > OWN_KEYWORD_MAX_WORDS) return undefined;
  const request: KeywordRequest = { keyword, word: word.toUpperCase() };
  if (keyword === 'pause') {
    const asked = Number(body.match(/\d+/)?.[0] ?? DEFAULT_PAUSE_DAYS);
    request.days = Math.min(MAX_PAUSE_DAYS, Math.max(1, asked));
  }
  return request;
}

/**
 * AYUDA alone (one "!" at most): the Spanish HELP the Spanish texts name, which a person in trouble may
 * also send. The SMS reply path answers it with the help text and the crisis lines, as a concern.
 */
export const isBareAyuda = (body: string): boolean => /^\s*ayuda\s*[.!?]?\s*$/i.test(body.normalize('NFC'));

/**
 * Whether a short message asks for the program back, wherever the word stands: "ya estoy bien, reanudar",
 * "ok resume please", "quiero reanudar el programa". Read only while the program is paused, when nothing
 * else such a message could mean is waiting (RESUME must otherwise open the message).
 */
export function asksToResume(body: string): boolean {
  const words = body.trim().split(/\s+/);
  return words.length <= RESUME_MAX_WORDS && words.some((w) => RESUME_WORDS.has(foldWord(w)));
}

const RESUME_MAX_WORDS = 8;
/** The RESUME keywords of both languages, and the other forms a sentence puts them in. */
const RESUME_WORDS = new Set([
  ...Object.entries({ ...KEYWORDS, ...SPANISH })
    .filter(([, keyword]) => keyword === 'resume')
    .map(([word]) => word),
  'reanuda',
  'reanudalo',
  'reanudenlo',
  'retomar',
  'retomalo',
  'unpause',
]);

/** The keyword a message opens with, if any. */
export function keywordOf(body: string): Keyword | undefined {
  return parseKeyword(body)?.keyword;
}

/**
 * The clear yeses a person sends back to the opt-in prompt besides YES itself: short forms, common slips
 * and Spanish ("Y", "yeah", "yse", "okk", "sí"), alone or with a few words ("yeah thanks"). Read only for
 * the first opt-in, so a yes/no question still gets "Y" as its answer.
 */
const OPT_IN_YESES = new Set([
  'y',
  'ya',
  'ye',
  'yea',
  'yeah',
  'yep',
  'yup',
  'yes',
  'yse',
  'ys',
  'ok',
  'okay',
  'sure',
  'si',
]);
const OPT_IN_MAX_WORDS = 3;

/** Whether a message is a clear yes to the opt-in prompt. */
export function isOptInYes(body: string): boolean {
  const words = body
    .split(/\s/)
    .map((w) => foldWord(w).replace(/(.)\1+/g, '$1'))
    .filter(Boolean);
  // No words at all: words[0] is undefined, which the set does not hold.
  return words.length <= OPT_IN_MAX_WORDS && OPT_IN_YESES.has(words[0] as string);
}
