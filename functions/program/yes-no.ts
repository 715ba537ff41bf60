/**
 * Reading a yes or a no in a text, in English and Spanish, as people write them: "yep", "nel", "claro
 * que no", "ya no", "not really", "I think so", "siii 🙏", "honestly? no", "tired but yes". What is not a
 * clear yes or no ("maybe", "no sé", "yes and no", "a veces") is unclear, so the person is asked again
 * rather than have an answer recorded that they did not give. Measured on labelled replies by
 * `npm run eval:answers` (docs/ANSWER-EVAL.md).
 */

/** `opening`: how many words the answer that opens the text takes ("ya no": 2), 0 when it does not open it. */
export type YesNoReading =
  | { answer: 0 | 1; note?: string; opening: number }
  | { answer: 'unclear' }
  | undefined;

/** Lowercase, no accents, "q" for "que", letters said twice or more said once ("siii", "nooo", "yesss"). */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/(?<=\p{L})'(?!\p{L})|(?<!\p{L})'(?=\p{L})/gu, '') // "pa' na'"
    .replace(/(\p{L})\1+/gu, '$1')
    .replace(/(?<!\p{L})q(?!\p{L})/gu, 'que')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Emoji that say yes or no on their own, as the words. */
const EMOJI_YES = /👍|✅|✔️?|👌|💯|🙌/gu;
const EMOJI_NO = /👎|❌|🚫|🙅/gu;
const markEmoji = (text: string) => text.replace(EMOJI_YES, ' yes ').replace(EMOJI_NO, ' no ').trim();

/** A comma-separated list of phrases, written as people type them. */
const list = (phrases: string): string[] =>
  phrases
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);

// Phrases are matched whole words, normalised as the text is (so "claro que sí" is "claro que si").
const UNCLEAR = list(`
yes and no, si y no, s y n, ni si ni no, yes no maybe, no se, no lo se, no sabria decir, no sabria,
no estoy seguro, no estoy segura, no tengo idea, ni idea, no idea, no clue, not sure, i'm not sure,
im not sure, i am not sure, i don't know, i dont know, don't know, dont know, idk, dunno, i dunno,
maybe, perhaps, tal vez, talvez, quizas, quiza, a lo mejor, capaz, puede ser, sort of, kind of,
kinda, sorta, more or less, mas o menos, maso, medio, so so, depends, it depends, depende,
sometimes, a veces, somewhat, hard to say, dificil decir, who knows, quien sabe, we'll see,
we will see, ya veremos, veremos, meh, i hope so, ojala, half and half, mitad y mitad, not sure yet,
todavia no se, aun no se, i guess, not really sure, ya casi, casi, almost, nada mal, a medias,
not so sure
`);

const NO = list(`
no, n, nope, nah, nop, nopo, nel, naw, nay, negative, negativo, never, nunca, jamas, hardly,
tampoco, nada, not really, not yet, not at all, not much, not quite, not anymore, no longer,
not now, probably not, i think not, i don't think so, i dont think so, don't think so,
dont think so, not that i know, absolutely not, definitely not, of course not, certainly not,
no way, hell no, yeah no, yeah nah, ye nah, ya no, i don't, i dont, i'm not, im not, i am not,
he isn't, he isnt, he's not, hes not, she isn't, she isnt, she's not, shes not, they aren't,
they're not, we're not, we are not, we aren't, we arent, he doesn't, he doesnt, she doesn't,
she doesnt, we don't, we dont, they don't, they dont, it isn't, it's not, its not, it doesn't,
not so much, claro que no, obvio que no, para nada, pa na, todavia no, aun no, no creo, no lo creo,
creo que no, pienso que no, en absoluto, de ninguna manera, ni de broma, ni loca, ni loco,
ni en pedo, que va, no mucho, no tanto, no todavia, no aun, nomas no, pues no, mostly no,
mostly not, seguro que no, i do not, we do not, he does not, she does not, they do not, it is not,
he is not, she is not, they are not, we are not
`);

const YES = list(`
yes, y, yeah, yep, yup, ya, yea, yah, ye, yse, yas, yh, ys, aye, yessir, uh huh, mhm, aha, aja,
sure, for sure, of course, absolutely, definitely, certainly, totally, i think so, i believe so,
i guess so, i suppose so, think so, believe so, pretty much, mostly, mostly yes, i do, i am,
we are, we do, he is, she is, they are, he does, she does, it is, yes po, opo, oo po, si, s, sip,
sipo, simon, claro, claro que si, obvio, obvio que si, obviamente, por supuesto, desde luego,
seguro, seguro que si, definitivamente, totalmente, de una, dale, vale, creo que si, pienso que si,
eso creo, asi es, correcto, afirmativo, efectivamente, cabal, pues si, never better, nunca mejor
`);

/** Words that are a yes only as the whole reply. */
const ALONE_YES = new Set(['va', 'sale', 'sip']);

/** Words that open a reply before its answer: "honestly? no", "la verdad que no", "posta que sí". */
const FILLERS = list(`
honestly, hmm, hm, um, uh, uhm, well, ok, okay, so, i mean, lol, haha, ha, oh, ah, sorry, tbh,
to be honest, truthfully, i would say, i'd say, id say, pues, ps, bueno, la verdad, la verdad que,
la neta, neta, posta, posta que, sinceramente, mm, uy, ay, eh, perdon, jaja, jeje, mira, oye, che,
bro, mano, tio, honestamente
`);

type Phrase = { words: string[]; answer: 0 | 1 | 'unclear' };

const PHRASES: Phrase[] = [
  ...UNCLEAR.map((p) => ({ words: normalise(p).split(' '), answer: 'unclear' as const })),
  ...NO.map((p) => ({ words: normalise(p).split(' '), answer: 0 as const })),
  ...YES.map((p) => ({ words: normalise(p).split(' '), answer: 1 as const })),
].sort((a, b) => b.words.length - a.words.length);

const FILLER_WORDS = FILLERS.map((f) => normalise(f).split(' ')).sort((a, b) => b.length - a.length);

const startsWith = (words: readonly string[], phrase: readonly string[]) =>
  phrase.length <= words.length && phrase.every((w, i) => words[i] === w);

/** The clause without the words that open it before its answer. */
function withoutFillers(words: string[]): string[] {
  let rest = words;
  for (let again = true; again; ) {
    again = false;
    for (const filler of FILLER_WORDS)
      if (rest.length > filler.length && startsWith(rest, filler)) {
        rest = rest.slice(filler.length);
        again = true;
        break;
      }
  }
  return rest;
}

/** The answer a clause opens with, and how many of its words say it. */
function answerOpening(words: readonly string[]): { phrase: Phrase; length: number } | undefined {
  // A letter ("Y", "S", "N") answers only alone: "Y él también" opens with the Spanish "and".
  const phrase = PHRASES.find(
    (p) =>
      startsWith(words, p.words) &&
      (p.words.length > 1 || (p.words[0] as string).length > 1 || words.length === 1),
  );
  return phrase && { phrase, length: phrase.words.length };
}

/** Clauses: split at punctuation, emoji and the words that join two thoughts ("tired but yes"). */
const CLAUSE_BREAK = /[^\p{L}\p{N}\s']+|\s(?:but|pero|though|aunque|asi que|entonces|y|and)\s/u;

/** Laughter and the like after an answer: "S y N jaja". */
const TRAILING = new Set(['jaja', 'ja', 'jeje', 'haha', 'ha', 'lol', 'xd', 'jsjs']);

/** A clause that is an answer and nothing else, after the words that open or close it. */
function bareAnswer(clause: string[]): Phrase | undefined {
  const words = withoutFillers(clause);
  let end = words.length;
  while (end > 1 && TRAILING.has(words[end - 1] as string)) end--;
  const opening = answerOpening(words.slice(0, end));
  return opening && opening.length === end ? opening.phrase : undefined;
}

const OTHER_PERSON = new Set(
  list('he, she, him, her, they, them, él, ella, partner, pareja, wife, husband, esposo, esposa').map(
    normalise,
  ),
);

/** A clause that names the other person and doubts: "not sure about her", "él a medias". */
function doubtAboutTheOther(clause: string[]): boolean {
  if (!clause.some((w) => OTHER_PERSON.has(w))) return false;
  return clause.some((_, i) => {
    const found = answerOpening(clause.slice(i));
    return found?.phrase.answer === 'unclear';
  });
}

/** "…, so yes", "…, así que sí": a conclusion at the end decides over what came before. */
const CONCLUSION = /(?:^|[\s,.;!?])(?:so|asi que|entonces|o sea|por eso)[\s,]+([^,.;!?]+?)[\s.!]*$/u;

/**
 * A yes, a no, "unclear" (a hedge or a mixed answer), or undefined when the text says neither. The first
 * clause that answers decides ("no. he stopped doing the homework"; "baby finally asleep, yes"); a short
 * clause may end with its answer ("presentes sí"). `note`: the words around the answer, as written.
 */
export function readYesNo(text: string): YesNoReading {
  const found = firstAnswer(text);
  if (!found) return undefined;
  if (found.answer === 'unclear') return { answer: 'unclear' };
  const note = found.opensText ? afterWords(markEmoji(text), found.words) : text.trim();
  const opening = found.opensText ? found.words : 0;
  return note ? { answer: found.answer, note, opening } : { answer: found.answer, opening };
}

interface Found {
  answer: 0 | 1 | 'unclear';
  /** Whether the answer opens the text (after words like "honestly"), and how many words it takes with them. */
  opensText: boolean;
  words: number;
}

function firstAnswer(text: string): Found | undefined {
  const normalised = normalise(markEmoji(text));
  const conclusion = normalised.match(CONCLUSION)?.[1];
  const concluded = conclusion ? bareAnswer(conclusion.split(' ')) : undefined;
  if (concluded) return { answer: concluded.answer, opensText: false, words: 0 };
  const clauses = normalised
    .split(CLAUSE_BREAK)
    .map((c) => c.trim().split(' ').filter(Boolean))
    .filter((c) => c.length);
  // "va", "sale": yes alone (Mexico), but they open ordinary sentences ("va igual", "sale con sus amigos").
  if (clauses.length === 1 && clauses[0]?.length === 1 && ALONE_YES.has(clauses[0][0] as string))
    return { answer: 1, opensText: true, words: 1 };
  // "I am, not sure about her", "yo sí, ella no sé": an answer for one of the two, a doubt about the other.
  const doubted = (index: number) => clauses.slice(index + 1).some(doubtAboutTheOther);
  for (const [index, clause] of clauses.entries()) {
    const words = withoutFillers(clause);
    const skipped = clause.length - words.length;
    const opening = answerOpening(words);
    if (opening) {
      const { answer } = opening.phrase;
      // "sí y no", "yes and no", "S y N jaja": a bare yes and a bare no joined: a mixed answer.
      const next = clauses[index + 1];
      const other = next && opening.length === words.length ? bareAnswer(next) : undefined;
      if (answer !== 'unclear' && other && other.answer !== answer && /\s(?:y|and|e)\s/iu.test(text))
        return { answer: 'unclear', opensText: false, words: 0 };
      if (answer !== 'unclear' && doubted(index)) return { answer: 'unclear', opensText: false, words: 0 };
      return { answer, opensText: index === 0, words: skipped + opening.length };
    }
    const last = words.at(-1);
    if (words.length <= 3 && (last === 'si' || last === 'yes' || last === 'no'))
      return { answer: doubted(index) ? 'unclear' : last === 'no' ? 0 : 1, opensText: false, words: 0 };
  }
  return undefined;
}

/** The text after its first `count` words, without the punctuation between. */
function afterWords(text: string, count: number): string {
  let rest = text;
  for (let i = 0; i < count; i++) rest = rest.replace(/^[^\p{L}\p{N}]*[\p{L}\p{N}'’]+/u, '');
  return rest.replace(/^[\s\-–—:,.!?]+|[\s\-–—:,.]+$/g, '');
}
