/**
 * Signs of danger in a message a participant sends, in English or Spanish, at two levels:
 * - danger: self-harm or suicide (direct, indirect, plans, means, goodbyes, past attempts), abuse
 *   (violence with any body part or object, threats, being held in, threats about the children, sexual
 *   coercion, fear right now), a risk of harming someone, or a call for help ("help me", "SOS", "ayuda").
 *   It gets the crisis reply, a pause and an operator alert.
 * - concern: worrying but no emergency ("not safe", "scared of him", "he hurt me", "I can't do this
 *   anymore"), and controlling behaviour with no threat, violence, holding in or fear now ("he reads my
 *   texts", "tracks my location", "controls the money", "me revisa el celular"). It gets a short reply that
 *   still carries the crisis lines (911, 988, the hotline), no pause; the operator sees it in the list.
 * A bare "HELP" is the carrier keyword and nothing here.
 *
 * How, and its limits: hand-written rules and a small learned model, in plain TypeScript, no dependency.
 * The rules answer what they name; the model (safety-model.ts, below `combine`) hears phrasings no rule
 * names and overrules a rule when it is all but sure the message is ordinary.
 * - Every message is read twice (safety-normalise.ts), as English and as Spanish, and both rule sets run,
 *   so a message in either language or a mix is caught whatever the language guess says. Both views fold
 *   case, accents, punctuation, repeated letters, leetspeak and text-speak ("wanna", "hes gona", "q",
 *   "xq", dropped g's: "hidin"), and correct one typing slip in the words that matter (an edit distance
 *   with keyboard neighbours against a small lexicon; real words one slip away, found with dictionaries,
 *   stay as they are). The Spanish view is also folded by sound (h, v/b, z/c/s, ll/y, qu/k), so "amenasa",
 *   "kiero" and "aorcó" meet the patterns.
 * - English (safety-patterns-en.ts): clause patterns rather than a list of phrases: a person, a few words
 *   that are no negation, a violence verb in any tense, then me, my body part, or an object thrown at me
 *   ("punched me in the face", "threw a glass at my head"; "he has never hit me" stays out). A clause
 *   reader (safety-clauses.ts) does the same over words with a light stemmer, for verb forms and slang
 *   the patterns do not list ("beatin", "bodyslammed", "roughed me up", "mike hit me").
 * - Spanish (safety-patterns-es.ts): a clitic and a verb stem cover every tense ("me pegó", "me golpeaba",
 *   "me ha empujado"); stems are hand-written for this closed vocabulary (a general Spanish stemmer such as
 *   natural's Porter conflates these verbs inconsistently, and its package is large).
 * - Idioms that share the words are named and left out ("killing it", "dying to see the kids", "it hit
 *   me", "she threatened to leave", "me muero de ganas", "me pegó un susto"), as are agreed phone
 *   transparency ("I let her read my texts") and questions about the app ("please help, the link is
 *   broken"); a "kill" threat said with "lol"/"jaja" is hyperbole.
 * - Speed: compiling ~340 regular expressions on first use would cost a cold start hundreds of ms, so
 *   each pattern's source is read once for the literal strings any match must contain, and a message
 *   only runs (and compiles) the rules whose strings it contains (safety-anchors.ts).
 * - The language of the reply is a per-message guess (language.ts).
 * It is measured like a classifier: `npm run eval:safety` (bench/safety-eval.ts) over labelled messages
 * in test/fixtures/safety-eval; on round 3's blind set, rules and model found 89% (English) and 90%
 * (Spanish) of the danger, with 5.6% false alarms on ordinary messages built to trip it; round 4's
 * figures, and why the thresholds differ by language, are in docs/SAFETY-EVAL.md. Expect misses on phrasings nobody has written yet: add them to a dev*.jsonl file
 * and retrain (`npm run train:safety`).
 *
 * Trade-off, on purpose: it errs toward answering. A false alarm costs the person one text with crisis
 * lines and a paused program they restart with RESUME; a missed one can cost far more. Nothing here keeps
 * or logs the text.
 */
import { guessLanguage, type MessageLanguage } from './language';
import { AnchorIndex, anchorsOf } from './safety-anchors';
import {
  type LinearModel,
  type ModelReading,
  readWith,
  type ShippedModel,
  sentencesOf,
  unpack,
} from './safety-model';
import shipped from './safety-model-weights.json';
import { englishPattern, normaliseForSafety, normaliseSpanish, spanishPattern } from './safety-normalise';
import { ABOUT_THE_APP, CONSENT, EN_RULES, PROGRAM_REQUEST } from './safety-patterns-en';
import { ES_RULES } from './safety-patterns-es';
import { SAFETY_CATEGORIES, type SafetyCategory, type SafetyRule, type SafetySignal } from './safety-rule';

export { guessLanguage, type MessageLanguage } from './language';
export { normaliseForSafety, normaliseSpanish } from './safety-normalise';

export {
  SAFETY_CATEGORIES,
  type SafetyCategory,
  type SafetyLevel,
  type SafetyRule,
  type SafetySignal,
} from './safety-rule';

interface CompiledRule extends SafetyRule {
  language: MessageLanguage;
  /** Its place among the rules of its language (in the anchor index). */
  slot: number;
  /** The literal strings any match contains, or undefined (always tried). */
  anchors: string[] | undefined;
  /** The matched text, or undefined. */
  match: (view: string) => string | undefined;
}

/** The rules, each regular expression compiled when first tried: compiling is most of a cold start. */
const compile = (rules: readonly SafetyRule[], language: MessageLanguage, fold: (p: string) => string) =>
  rules.map((rule, slot): CompiledRule => {
    const { pattern } = rule;
    if (typeof pattern === 'function')
      return {
        ...rule,
        language,
        slot,
        anchors: undefined,
        match: (view) => (pattern(view) ? view : undefined),
      };
    const source = fold(pattern);
    let regex: RegExp | undefined;
    return {
      ...rule,
      language,
      slot,
      anchors: anchorsOf(source),
      match: (view) => {
        regex ??= new RegExp(source);
        return regex.exec(view)?.[0];
      },
    };
  });

/**
 * The rules read for their anchors and indexed, on the first message assessed rather than when the module
 * loads: reading every pattern's source is most of this module's start-up cost, and the functions that
 * carry the detector (the reply webhooks, check-ins) are started by many events that never assess a text
 * (a check-in page, a bounce, a signature refused).
 */
function compileRules() {
  const rules = { en: compile(EN_RULES, 'en', englishPattern), es: compile(ES_RULES, 'es', spanishPattern) };
  const all = [...rules.en, ...rules.es];
  return {
    rules,
    index: {
      en: new AnchorIndex(rules.en.map((rule) => rule.anchors)),
      es: new AnchorIndex(rules.es.map((rule) => rule.anchors)),
    },
    dangerByCategory: SAFETY_CATEGORIES.map((category) =>
      all.filter((rule) => rule.level === 'danger' && rule.category === category),
    ),
    concern: all.filter((rule) => rule.level === 'concern'),
  };
}
let compiledRules: ReturnType<typeof compileRules> | undefined;

const LAUGH = /\b(?:lol|lmao|lmfao|rofl|haha\w*|hehe\w*|jk|jaja\w*|jeje\w*|jiji\w*|xd)\b/;
/** Laughing emoji, read on the raw text (the views drop them): "she'd kill me 😂" is hyperbole. */
const LAUGH_EMOJI = /[\u{1F602}\u{1F923}\u{1F606}\u{1F605}\u{1F61C}\u{1F61D}\u{1F92A}\u{1F643}]/u;
/** A laugh in the English view, or a laughing emoji in the raw text (the views drop emoji). */
const laughs = (view: string, text: string) => LAUGH.test(view) || LAUGH_EMOJI.test(text);
const HYPERBOLE_WORD =
  /\b(?:kil\w*|murder\w*|mat\w*|strangl\w*|ahorc\w*|aorc\w*|golpe\w*|peg\w*|stab\w*|shot|shoot\w*|apunal\w*|disparar\w*)\b/;
/** HELP typed in a hurry, alone: not the keyword (keywords.ts folds only a repeated last letter). */
const GARBLED_HELP = /^\W*(?:hlp|hel{2,}p+|he{2,}l+p+|hlep+|halp+|hhelp+)\W*$/i;
const CONSENT_RE = new RegExp(englishPattern(CONSENT));
const ABOUT_THE_APP_RE = new RegExp(englishPattern(ABOUT_THE_APP));
const PROGRAM_REQUEST_RE = new RegExp(englishPattern(PROGRAM_REQUEST));
/** Words of dying or of leaving for good, beside which a request for one's own data may be a goodbye. */
const FAREWELL_RE = new RegExp(
  englishPattern(
    '\\b(?:die|dying|dead|death|kill|suicid\\w*|end it|gone|goodbye|good bye|bye|farewell|last|not be here|wont be here|will not be here|pills|overdose|hurt myself|morir|muert\\w*|matar\\w*|suicid\\w*|adios|despedi\\w*|ya no estare|no voy a estar|pastillas|ultima|ultimo|for good|before i go|when i am gone|forever|me voy|para siempre|cuando ya no)\\b',
  ),
);

/**
 * "SOS" in capitals, alone, or with "please"/"help"/"ayuda"; not the Argentine "sos" ("you are": "vos
 * sos un amor"). The police-light emoji with a plea ("🚨 help"), not alone ("🚨 new episode 🚨").
 */
const SOS =
  /\u{1F198}|\u{1F6A8}\W*(?:help|ayuda|auxilio|please|pls|por favor)\b|\b(?:help|ayuda|auxilio)\W*\u{1F6A8}|(?:^|[^A-Za-z])SOS(?:$|[^A-Za-z])|^\W*sos\W*$|\bsos\W+(?:please|pls|plz|help|ayuda|por favor|auxilio)\b|\b(?:please|help|ayuda)\W+sos\b/iu;
const NOT_SOS =
  /\b(?:vos|tu|que|si|no)\s+sos\b|\bsos\s+(?:un|una|el|la|muy|re|lo|mi|tan|como|de|bien|mas|mejor|peor|vos|tu|lo|la)\b/i;

/** What the whole message says, read once. */
interface MessageCues {
  laugh: boolean;
  consent: boolean;
  aboutApp: boolean;
  /** By language, the rules whose anchors the message contains (undefined: try them all). */
  possible: Record<MessageLanguage, Uint8Array | undefined>;
}

function firstMatch(
  rules: readonly CompiledRule[],
  views: Record<MessageLanguage, string>,
  cues: MessageCues,
) {
  for (const rule of rules) {
    const possible = cues.possible[rule.language];
    if (possible && !possible[rule.slot]) continue;
    if (
      (rule.unlessConsent && cues.consent) ||
      (rule.unlessAboutApp && cues.aboutApp) ||
      (rule.unlessLaugh && cues.laugh)
    )
      continue;
    const match = rule.match(views[rule.language]);
    if (match === undefined) continue;
    if (cues.laugh && rule.hyperbole && HYPERBOLE_WORD.test(match)) continue;
    return rule;
  }
  return undefined;
}

/** The rules' answer, and whether the rule that gave it is firm (see `SafetyRule.firm`). */
interface RulesAnswer {
  signal: SafetySignal | undefined;
  firm: boolean;
}

function assess(text: string, indexed: boolean): SafetySignal | undefined {
  return assessRules(text, indexed).signal;
}

function assessRules(text: string, indexed: boolean): RulesAnswer {
  const none: RulesAnswer = { signal: undefined, firm: false };
  if (!text.trim()) return none;
  compiledRules ??= compileRules();
  const { rules, index, dangerByCategory, concern } = compiledRules;
  const views = { en: normaliseForSafety(text), es: normaliseSpanish(text) };
  const cues: MessageCues = {
    laugh: laughs(views.en, text),
    consent: CONSENT_RE.test(views.en),
    aboutApp: ABOUT_THE_APP_RE.test(views.en),
    possible: indexed
      ? { en: index.en.touched(views.en, rules.en.length), es: index.es.touched(views.es, rules.es.length) }
      : { en: undefined, es: undefined },
  };
  for (const danger of dangerByCategory) {
    const rule = firstMatch(danger, views, cues);
    if (rule)
      return {
        signal: { level: 'danger', category: rule.category, language: guessLanguage(text, rule.language) },
        firm: rule.firm === true,
      };
  }
  // A bare HELP is the carrier keyword; "help!!" (or more) is someone calling out, and so is a HELP
  // misspelt in a hurry ("hlp", "hellp", "heeelp"), which no carrier reads as the keyword.
  if (
    (SOS.test(text) && !NOT_SOS.test(text) && !cues.laugh && !cues.aboutApp) ||
    /^\s*help\s*!{2,}\s*$/i.test(text) ||
    GARBLED_HELP.test(text)
  )
    return {
      signal: { level: 'danger', category: 'call-for-help', language: guessLanguage(text) },
      firm: false,
    };
  const rule = firstMatch(concern, views, cues);
  return rule
    ? {
        signal: { level: 'concern', category: rule.category, language: guessLanguage(text, rule.language) },
        firm: rule.firm === true,
      }
    : none;
}

/** The rules' answer with whether its rule is firm (the model cannot overrule it): for training. */
export function rulesAnswer(text: string): RulesAnswer {
  return assessRules(text, true);
}

/** What the hand-written rules alone say (the model is not asked): for the evaluation and training. */
export function assessSafetyByRules(text: string): SafetySignal | undefined {
  return assess(text, true);
}

/**
 * Above `danger` the model alone answers danger; above `stretch`, the most dangerous stretch of a long
 * message does; above `concern` (any signal), concern; when both its danger and its signal are below
 * `veto`, it overrules a rule; above `escalate`, it turns a rule's concern into danger.
 */
export interface ModelThresholds {
  danger: number;
  stretch: number;
  concern: number;
  veto: number;
  escalate: number;
}

/** Thresholds per language of the message (its guessed language, `guessLanguage`). */
export type LanguageThresholds = Record<MessageLanguage, ModelThresholds>;

/**
 * How sure the model must be before it alone answers danger, and how sure that a message is nothing
 * before it overrules a rule, by the message's language. Chosen by leaving each writer's file out of
 * training in turn (`npm run train:safety -- --validate <file>…` prints the trade-off per language),
 * never on a blind set (docs/SAFETY-EVAL.md, round 4). English's danger bar went 0.8 → 0.75 in round 10:
 * left out in turn, six new writers' danger found 85.6% → 87.2% and round 9's blind writers' 84.7% →
 * 86.8%, for false alarms on everyday replies 1.8% → 2.1%. At 0.7 (88.9%, 89.6%, 2.3%) app questions
 * and plain news in the constructions' tests read as danger ("someone help me understand step 4 please").
 */
export const MODEL_THRESHOLDS: LanguageThresholds = {
  en: { danger: 0.75, stretch: 0.9, concern: 0.9, veto: 0.2, escalate: 0.8 },
  es: { danger: 0.7, stretch: 0.9, concern: 0.9, veto: 0.2, escalate: 0.8 },
};

let model: LinearModel | undefined;
/** The weights are unpacked on first use, not at load: a cold start that reads no text pays nothing. */
const theModel = () => {
  model ??= unpack(shipped as ShippedModel);
  return model;
};

/**
 * The model reads messages of five words or more. Shorter ones ("n", "4 good week", "you hurt me", "te
 * quiero") give it too little to go on: left out in turn from training, it found 3 more of 101 short
 * danger messages than the rules did, and raised 15 false alarms on 552 short ordinary ones.
 */
export const MODEL_MIN_WORDS = 5;
export const readableByModel = (text: string) => (text.match(/\p{L}+/gu)?.length ?? 0) >= MODEL_MIN_WORDS;

/**
 * What the model says of a message, or undefined when it is too short to read. `ruleFound`: a rule that
 * the model may overrule answered it; then a long message's stretches are always read, and so are the
 * sentences the rules answer on their own (BURIED_WORDS, `readingAtRule`).
 */
export function modelReading(text: string, ruleFound = false, model = theModel()): ModelReading | undefined {
  if (!readableByModel(text)) return undefined;
  if (!(ruleFound && isLong(text))) return readWith(model, text, true);
  const reading = readWith(model, text, 'always');
  const atRule = readingAtRule(text, model);
  if (atRule) reading.atRule = atRule;
  return reading;
}

/**
 * The model's reading of the sentences of a long message that the rules answer on their own (the highest
 * danger and signal among them), 'too-short' when one of them is too short for the model, or undefined when
 * the message is one sentence or the rules answer no sentence alone (what they heard spans sentences).
 * Only for long messages: in shorter ones the sentences around the rule's are mostly what tells an idiom,
 * a denial or a story from long ago ("She asked if I wanted to kill him when I found out. Honestly no."),
 * and reading the rule's sentence alone in every message of 25 words or more raised the development set's
 * false alarms from 9 to 29 of 7,126; from 40 words, to 10 (docs/SAFETY-EVAL.md, round 8).
 */
function readingAtRule(text: string, model: LinearModel): ModelReading['atRule'] {
  const sentences = sentencesOf(text);
  if (sentences.length < 2) return undefined;
  let highest: { danger: number; signal: number } | undefined;
  for (const sentence of sentences) {
    if (!assessRules(sentence, true).signal) continue;
    if (!readableByModel(sentence)) return 'too-short';
    const { danger, signal } = readWith(model, sentence, false);
    highest = {
      danger: Math.max(danger, highest?.danger ?? 0),
      signal: Math.max(signal, highest?.signal ?? 0),
    };
  }
  return highest;
}

/**
 * From this many words a message is an email where one sentence of danger can sit among paragraphs of
 * ordinary news ("…he got me by the throat against the fridge… My question is whether we share the
 * worksheets"): the whole message reads ordinary to the model, so it vetoes a rule only when no stretch of
 * it reads as danger either (BURIED_PEAK). Round 5's blind sets lost three such emails to the veto.
 */
export const BURIED_WORDS = 40;
const BURIED_PEAK = 0.9;
const isLong = (text: string) => (text.match(/\p{L}+/gu)?.length ?? 0) >= BURIED_WORDS;

/**
 * The message says the harm is not there, or not now: denied ("he's never touched me", "no threats",
 * "not at me", "nunca me ha pegado", "no me amenaza", "no pienso hacerle nada") or told as the history of
 * another time ("growing up", "my first husband", "years ago", "de niña"). Such a message is concern at
 * most when only the model hears abuse or harm to others in it: past tense, negation and history are
 * what the round-4 blind sets showed read as danger (concern read as danger 40-47%). Self-harm is never
 * lowered by it, and a rule's own danger stands.
 */
const SETS_HARM_APART_EN = () =>
  englishPattern(
    [
      '\\b(?:never|not ever|not once|has not|have not|did not|does not|do not|is never|has never|was never|have never) (?:\\w+ ){0,2}(?:touched|touch|hit|hurt|harmed|laid a (?:hand|finger)|put (?:a|his|her) hands?|threatened|threaten|hurts|hits) (?:me|us|the kids)\\b(?! (?:\\w+ ){0,4}(?:before|this time|until|till)\\b)',
      '\\b(?:did not|has not|does not|he did not|she did not) do anything\\b',
      '\\bno (?:threats?|violence)\\b',
      '\\bnot at me\\b',
      '\\bi am not (?:going|gonna) to (?:do|hurt|touch) (?:anything|anyone|him|her|them)\\b(?! else\\b)',
      '\\b(?:growing up|when i was (?:a kid|little|young|a child|a teen|a teenager|\\d+)|as a (?:kid|child)|my (?:first|old) (?:husband|wife|marriage|boyfriend|girlfriend)|\\w+ years ago)\\b',
    ].join('|'),
  );
const SETS_HARM_APART_ES = () =>
  spanishPattern(
    [
      '\\bnunca me (?:ha|a) (?:tocado|pegado|golpeado|puesto (?:una )?(?:mano|dedo)|hecho nada|amenazado|lastimado)\\b',
      '\\bno me (?:ha )?puesto (?:una )?mano encima\\b',
      '\\bno me (?:amenaza|amenazo|ha amenazado)\\b',
      '\\bsin amenazas\\b',
      '\\bno pienso hacer(?:le|les)? nada\\b',
      '\\bya no estoy en esas\\b',
      '\\bno (?:hizo|ha hecho|hace) nada\\b',
      '\\b(?:de nina|de nino|de chica|de chico|de pequena|de pequeno|cuando (?:yo )?era (?:nina|nino|chica|chico|pequena|pequeno|joven)|mi primer (?:marido|esposo|matrimonio)|hace \\w+ anos)\\b',
    ].join('|'),
  );
let setsApart: { en: RegExp; es: RegExp } | undefined;

/**
 * A turn back to now after the denial or the history: "he has never hit me, but last night he choked me",
 * "nunca me ha pegado pero anoche me ahorcó". Such a message is not set apart.
 */
const BACK_TO_NOW =
  /\b(?:but|until|pero|hasta que|and then|y luego)\b(?: \w+){0,3} (?:last night|yesterday|today|tonight|this (?:morning|week|time|weekend)|now|just now|anoche|ayer|hoy|ahora|ahorita|esta (?:manana|semana|noche|vez)|este fin)\b/;

/** Whether a message denies the harm or sets it in another time (see SETS_HARM_APART_EN). */
export function setsHarmApart(text: string): boolean {
  setsApart ??= { en: new RegExp(SETS_HARM_APART_EN()), es: new RegExp(SETS_HARM_APART_ES()) };
  const en = normaliseForSafety(text);
  if (BACK_TO_NOW.test(en)) return false;
  return setsApart.en.test(en) || setsApart.es.test(normaliseSpanish(text));
}

/** Harm to or from someone else: the kinds that denial or history lowers to concern (never self-harm). */
const lowered = (category: SafetyCategory) => category === 'abuse' || category === 'harm-to-others';

/**
 * A message under SHORT_WORDS words that the model reads as abuse or harm to others is answered danger by
 * the model alone only above SHORT_DANGER: after the round-5 retraining, short violence idioms the rules
 * name ("he hit me up on text") read 0.87. Self-harm keeps the language's threshold ("estoy cansada de
 * estar aquí" reads between 0.7 and 0.9).
 */
const SHORT_WORDS = 8;
const SHORT_DANGER = 0.9;

/** `combine` at other thresholds: for choosing them (bench/train-safety-model.ts). */
export function combineAt(
  byRules: SafetySignal | undefined,
  reading: ModelReading | undefined,
  thresholds: LanguageThresholds,
  language: () => MessageLanguage,
  setApart: boolean | (() => boolean) = false,
  firm = false,
): SafetySignal | undefined {
  if (!reading) return byRules;
  // Read only where it can change the answer (it costs a pass of two patterns over the message).
  let known: boolean | undefined = typeof setApart === 'boolean' ? setApart : undefined;
  const apartOf = () => {
    known ??= (setApart as () => boolean)();
    return known;
  };
  const lang = byRules?.language ?? language();
  const t = thresholds[lang];
  if (byRules) {
    const buried = (reading.words ?? 0) >= BURIED_WORDS && (reading.peak?.danger ?? 0) >= BURIED_PEAK;
    const ordinary = (r: { signal: number; danger: number }) => Math.max(r.signal, r.danger) < t.veto;
    // In a long message, the sentence the rule heard must read ordinary too, alone; then the whole message
    // need only read free of danger: its signal also hears the feelings of the paragraphs around the
    // sentence (the affair, a hard week), which say nothing of whether that sentence is danger.
    const atRule = reading.atRule;
    const vetoed =
      atRule === undefined
        ? ordinary(reading)
        : atRule !== 'too-short' && ordinary(atRule) && reading.danger < t.veto;
    if (!firm && !buried && vetoed) return undefined;
    if (byRules.level === 'danger' && !firm && lowered(byRules.category) && apartOf())
      return { ...byRules, level: 'concern' };
    if (
      byRules.level === 'concern' &&
      reading.danger > t.escalate &&
      !(lowered(reading.category) && apartOf())
    )
      return { ...byRules, level: 'danger' };
    return byRules;
  }
  const level = (category: SafetyCategory) => (lowered(category) && apartOf() ? 'concern' : 'danger');
  // Under SHORT_WORDS words the model alone must be surer ("he hit me up on text" is five words).
  const short = (reading.words ?? SHORT_WORDS) < SHORT_WORDS && lowered(reading.category);
  const bar = short ? Math.max(t.danger, SHORT_DANGER) : t.danger;
  if (reading.danger > bar)
    return { level: level(reading.category), category: reading.category, language: lang };
  if (reading.peak && reading.peak.danger > t.stretch)
    return { level: level(reading.peak.category), category: reading.peak.category, language: lang };
  if (reading.signal > t.concern) return { level: 'concern', category: reading.category, language: lang };
  return undefined;
}

/**
 * The rules and the model together: a rule's answer stands unless the model is all but sure the message
 * is ordinary ("I shot myself in the foot"); where no rule answers, the model alone answers danger when
 * it is sure enough, of the kind it finds likeliest.
 */
export function combine(
  text: string,
  byRules: SafetySignal | undefined,
  reading: ModelReading | undefined,
  firm = false,
): SafetySignal | undefined {
  const answer = combineAt(
    byRules,
    reading,
    MODEL_THRESHOLDS,
    () => guessLanguage(text),
    () => setsHarmApart(text),
    firm,
  );
  if (!answer || byRules) return answer;
  // The model alone makes two mistakes the rules are written to avoid. A plea in a message about the app
  // ("someone help me understand step 4 please": `unlessAboutApp`), and a threat to someone said with a
  // laugh and a "kill" figure ("if he leaves the seat up again i will kill him lol": `hyperbole`). Not
  // for self-harm: "i want to kill myself lol" is danger.
  const view = normaliseForSafety(text);
  if (answer.category === 'call-for-help' && ABOUT_THE_APP_RE.test(view)) return undefined;
  const threat = answer.category === 'harm-to-others' || answer.category === 'abuse';
  // A request for the person's own answers, report or data, read by the model alone as a plea or a threat.
  // Read as self-harm, only when nothing in it speaks of dying or leaving: a goodbye may ask for the same.
  if (PROGRAM_REQUEST_RE.test(view)) {
    if (threat || answer.category === 'call-for-help') return undefined;
    if (answer.category === 'self-harm' && !FAREWELL_RE.test(view)) return undefined;
  }
  if (threat && laughs(view, text) && HYPERBOLE_WORD.test(view)) return undefined;
  return answer;
}

/** Danger (crisis reply, pause, operator alert) or concern (short reply with resources), or undefined. */
export function assessSafety(text: string): SafetySignal | undefined {
  const { signal, firm } = assessRules(text, true);
  return combine(text, signal, modelReading(text, signal !== undefined && !firm), firm);
}

/** The rules trying every rule, whatever the anchor index says: for the test that it changes nothing. */
export function assessSafetyWithoutIndex(text: string): SafetySignal | undefined {
  return assess(text, false);
}

/** The kind of danger a message shows (the most urgent when several), or undefined when none or only concern. */
export function detectDanger(text: string): SafetyCategory | undefined {
  const signal = assessSafety(text);
  return signal?.level === 'danger' ? signal.category : undefined;
}
