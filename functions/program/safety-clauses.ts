/**
 * A clause reader for English violence, over the words of `normaliseForSafety`: a person as the subject
 * (auxiliaries and adverbs skipped: "he has been", "she just"), no negation, a violence verb in any form
 * (a light stemmer: "beatin", "whooped", "slammed", "bodyslammed" reach "beat", "whop", "slam",
 * "bodyslam"), then me or my body part, with the particles each verb allows ("roughed me up", "knocked me
 * out") and not those of its idioms ("hit me up", "beat me to it", "knocked me up", "shot me a text").
 * It catches the forms the regular expressions do not list; it runs after them.
 */
import { squeeze } from './safety-normalise';

/** Strips English inflection from a squeezed word: "hiting" → "hit", "slaped" → "slap", "chokes" → "chok". */
export function stemEnglish(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  for (const suffix of ['ing', 'in', 'ed', 'en', 'es', 's', 'd']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w.length > 3 && w.endsWith('e') ? w.slice(0, -1) : w;
}

const stems = (words: string) => new Set(words.split(' ').map((w) => stemEnglish(squeeze(w))));

/** Verbs of a blow (as stems). Push, grab, burn, cut and hurt are left to the patterns: too many idioms. */
const BLOWS = stems(
  'hit punch slap smack kick beat choke strangle throttle shove bite scratch claw slam stab shoot headbutt ' +
    'elbow kneed stomp tackle attack assault rape molest abuse batter whip belt bash backhand whack sock deck ' +
    'slug thump pummel wallop drug smother knock maul bodyslam lamp whoop whup rough clobber thrash ' +
    'bludgeon slash jab suffocate drown asphyxiate pistolwhip strike struck smash spank clout chokeslam ' +
    'punt bop thwack swat pin',
);
/** Particles a verb may take before "me" ("beat on me", "clawed at my face"). */
const BEFORE_ME = new Set(['on', 'at', 'into', 'upon']);
/** Particles after "me" that keep the blow a blow, by verb stem. */
const PARTICLE_OK: Record<string, ReadonlySet<string>> = {
  beat: new Set(['up']),
  rough: new Set(['up']),
  knock: new Set(['out', 'down', 'over', 'around', 'unconscious']),
  chok: new Set(['out']),
  punch: new Set(['out']),
  slap: new Set(['around']),
  smack: new Set(['around']),
  thrash: new Set(['around']),
  pin: new Set(['down', 'against', 'to']),
  slam: new Set(['into', 'against', 'down']),
  shov: new Set(['into', 'against', 'down']),
  bash: new Set(['into', 'against']),
  smash: new Set(['into', 'against']),
  kick: new Set(['around', 'down', 'into', 'against']),
};
/** Words after "me" that turn the verb into an idiom, whatever the verb. */
const IDIOM_AFTER_ME = new Set([
  'up',
  'out',
  'off',
  'away',
  'down',
  'to',
  'too',
  'a',
  'an',
  'some',
  'back',
  'with',
  'like',
  'for',
  'as',
  'over',
  'in',
  'round',
  'around',
  'into',
  'against',
  'along',
]);
/** Words after "<verb> me in|with" that are still a blow ("punched me in the face", "hit me with a belt"). */
const STILL_A_BLOW_AFTER_IN =
  /^(?:the|my) (?:\w+ )?(?:face|head|stomach|gut|back|chest|ribs|mouth|jaw|nose|eye|eyes|neck|throat|side|arm|arms|leg|legs|belly|balls|groin|back of the head|kidneys?)\b/;
const STILL_A_BLOW_AFTER_WITH =
  /^(?:a|an|the|his|her|their|my)? ?(?:\w+ )?(?:belt|bat|bottle|glass|plate|pan|chair|phone|shoe|stick|hammer|knife|lamp|remote|cord|cable|fists?|book|mug|cup|hanger|pot|board|pipe|rock|brick|keys|gun|hand|broom|wrench|club|door|vase|ashtray|whip|wire|razor|blade)\b/;

const PEOPLE = new Set(
  (
    'he she they you husband wife partner boyfriend girlfriend ex spouse fiance fiancee dad father mom mum ' +
    'mother stepdad stepfather stepmom stepmother brother sister son daughter man guy dude fella bloke ' +
    'roommate someone somebody boyfriends husbands'
  )
    .split(' ')
    .map(squeeze),
);
/** Words between a subject and its verb: auxiliaries, adverbs, "tried to", "started". */
const BETWEEN = new Set(
  (
    'is was has had have been keeps kept keep just also then again always literally even would will did does ' +
    'do finally ever really actually totally basically started start starts tried try tries to going stop ' +
    'suddenly almost nearly once twice constantly repeatedly still sometimes often usually wants wanted ' +
    'gonna would could might may can physically violently deliberately purposely intentionally'
  )
    .split(' ')
    .map(squeeze),
);
const NEGATION = new Set(['never', 'not', 'no', 'nobody', 'nothing', 'neither', 'nor', 'hardly', 'barely']);
/** Subjects that strike no one: "it hit me", "reality hit me", "the ball hit me", "that song hit me". */
const NOT_AGENTS = new Set(
  (
    'it this that what which something nothing everything anything reality life news truth realization ' +
    'realisation guilt grief pain sadness depression anxiety memory memories thought thoughts idea fact ' +
    'wave feeling feelings emotion emotions song music movie film book letter text message words word ' +
    'silence loneliness shame regret karma covid flu cold virus ball car bus truck door wind storm rain ' +
    'sun tree branch dog cat horse baby kid kids child son daughter boy girl bike wall floor ground ' +
    'week day year night morning today yesterday exercise homework session therapy program question ' +
    'answer lesson conversation talk argument fight affair betrayal lie lies lying cheating cheat past ' +
    'future weight stress work job boss bill bills tax taxes price prices heat tiredness exhaustion ' +
    'hunger alcohol wine beer drink coffee i we us me myself ourselves one someone everyone anyone ' +
    'nobody noone everybody anybody there here then now also just only really'
  )
    .split(' ')
    .map(squeeze),
);

/** What may stand where the subject was dropped: "…and slapped me", "then kicked me", "2 hit me again". */
const CLAUSE_START = new Set(['and', 'then', 'also', 'again', 'but', 'so', 'he', 'she']);

const BODY = new Set(
  (
    'face head arm arms neck throat stomach belly gut back chest leg legs hair wrist wrists eye eyes nose ' +
    'mouth lip lips jaw ribs rib side shoulder shoulders ear ears cheek body breast breasts foot feet knee ' +
    'knees skull teeth tooth finger fingers thigh hip spine kidney kidneys temple forehead hand hands'
  )
    .split(' ')
    .map(squeeze),
);

/** Whether the subject of the verb at `at` is a person (or was dropped), with no negation in between. */
function personBefore(words: readonly string[], at: number): boolean {
  let i = at - 1;
  // "wouldn't stop hitting me" is no negation of the blow.
  const negates = (j: number) => NEGATION.has(words[j] ?? '') && !/^stop/.test(words[j + 1] ?? '');
  while (i >= 0 && (BETWEEN.has(words[i] ?? '') || (NEGATION.has(words[i] ?? '') && !negates(i)))) i--;
  if (i < 0) return true;
  const word = words[i] ?? '';
  if (negates(i)) return false;
  if (PEOPLE.has(word) || CLAUSE_START.has(word)) return true;
  if (/^\d+$/.test(word)) return i === 0;
  // A name ("mike hit me"), or any other agent that is not a thing, a feeling, or a pronoun.
  const before = words[i - 1] ?? '';
  return (
    word.length >= 3 &&
    !NOT_AGENTS.has(word) &&
    !/^(?:the|a|an|this|that|my|his|her|their|our|your)$/.test(before)
  );
}

/** Whether the words after the verb at `at` are me (or my body part) as a blow, not an idiom. */
function meAfter(words: readonly string[], at: number, stem: string): boolean {
  let i = at + 1;
  if (BEFORE_ME.has(words[i] ?? '')) i++;
  const object = words[i];
  if (object === 'my') return BODY.has(words[i + 1] ?? '') || BODY.has(words[i + 2] ?? '');
  // "smacked the kid and then me".
  if (object !== 'me') return /^(?:\w+ ){0,3}and (?:then )?me\b/.test(words.slice(i, i + 6).join(' '));
  const next = words[i + 1];
  if (next === undefined || !IDIOM_AFTER_ME.has(next)) {
    // "beat me at chess", "beats me why": beating is a game, or a shrug, there.
    if (stem !== 'beat') return true;
    if (next === 'at') return ['home', 'night'].includes(words[i + 2] ?? '');
    return !['why', 'how', 'what', 'who', 'where', 'whether', 'if'].includes(next ?? '');
  }
  if (PARTICLE_OK[stem]?.has(next)) return true;
  const rest = words.slice(i + 2, i + 8).join(' ');
  if (next === 'in') return STILL_A_BLOW_AFTER_IN.test(rest);
  if (next === 'with') return STILL_A_BLOW_AFTER_WITH.test(rest);
  return false;
}

/** Whether the English view (`normaliseForSafety`) says a person struck the writer. */
export function readsAsBlowToMe(view: string): boolean {
  const words = view.trim().split(' ');
  for (let at = 0; at < words.length; at++) {
    const stem = stemEnglish(words[at] ?? '');
    if (!BLOWS.has(stem)) continue;
    if (personBefore(words, at) && meAfter(words, at, stem)) return true;
  }
  return false;
}
