/**
 * Signs of danger in a message a participant sends: self-harm or suicide, abuse (violence, threats,
 * coercion, fear at home), or a risk of harming someone. Plain TypeScript: a phrase list over a
 * normalised copy of the text (case, accents, punctuation, repeated letters, leetspeak, common
 * misspellings and text-speak). Nothing here keeps or logs the text.
 *
 * Trade-off, on purpose: it errs toward answering. A false alarm costs the person one text with crisis
 * lines and a paused program they restart with RESUME; a missed one can cost far more. Only phrases
 * that are plainly idioms stay out ("dying to see", "this week killed me", "my back is killing me",
 * "it hit me that…", "hit me up", "beats me"), and so do the program's own words for emotional pain
 * ("he hurt me", "not safe to be honest", "threatened to leave"), which would flag most of the people
 * the program is for.
 */

/** What kind of danger a message shows; the flag and the operator alert carry only this. */
export type SafetyCategory = 'self-harm' | 'abuse' | 'harm-to-others';

export const SAFETY_CATEGORIES: readonly SafetyCategory[] = ['self-harm', 'abuse', 'harm-to-others'];

/** Letters squeezed to one: "kiiill" and "kill" both read "kil"; patterns are squeezed the same way. */
const squeeze = (s: string) => s.replace(/(?<!\\)([a-z])\1+/g, '$1');

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};

/** Text-speak and common spellings, read as the words they stand for (keys already squeezed). */
const ALIASES: Record<string, string> = Object.fromEntries(
  Object.entries({
    im: 'i am',
    ive: 'i have',
    ill: 'i will',
    id: 'i would',
    wanna: 'want to',
    wana: 'want to',
    gonna: 'going to',
    gunna: 'going to',
    imma: 'i am going to',
    ima: 'i am going to',
    u: 'you',
    ur: 'your',
    r: 'are',
    cant: 'can not',
    cannot: 'can not',
    dont: 'do not',
    didnt: 'did not',
    doesnt: 'does not',
    wont: 'will not',
    isnt: 'is not',
    hes: 'he is',
    shes: 'she is',
    hell: 'he will',
    shell: 'she will',
    theyll: 'they will',
    youll: 'you will',
    theyre: 'they are',
    kms: 'kill myself',
    kys: 'kill yourself',
    unalive: 'kill',
    unalived: 'killed',
    unaliving: 'killing',
    sewerslide: 'suicide',
    selfharm: 'self harm',
    bf: 'boyfriend',
    gf: 'girlfriend',
    hubby: 'husband',
    hubs: 'husband',
  }).map(([k, v]) => [squeeze(k), squeeze(v)]),
);

/** Words a one-letter slip still finds ("sucide", "suicde", "thretens", "myslef"); six letters or more. */
const FUZZY_WORDS = [
  'suicide',
  'suicidal',
  'threaten',
  'threatens',
  'threatened',
  'threatening',
  'strangle',
  'strangled',
  'strangling',
  'overdose',
  'overdosed',
  'myself',
].map(squeeze);
/** Real words one letter away from those, left as they are. */
const NOT_FUZZY = new Set(['overdoes', 'thread', 'threads', 'threated'].map(squeeze));

/** Damerau-Levenshtein distance, capped: true when `a` and `b` differ by at most one edit. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (d[i - 1]?.[j] ?? 0) + 1,
        (d[i]?.[j - 1] ?? 0) + 1,
        (d[i - 1]?.[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (d[i - 2]?.[j - 2] ?? 0) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return (d[a.length]?.[b.length] ?? 2) <= 1;
}

function correct(word: string): string {
  if (word.length < 6 || NOT_FUZZY.has(word) || FUZZY_WORDS.includes(word)) return word;
  return FUZZY_WORDS.find((known) => oneEditApart(word, known)) ?? word;
}

/**
 * The text as the phrase list reads it: lower case, no accents or apostrophes, leetspeak letters
 * ("k1ll", "su!c!de") read as letters, punctuation as spaces, repeated letters squeezed, slips and
 * text-speak spelled out ("im scared" → "i am scared", "kms" → "kil myself").
 */
export function normaliseForSafety(text: string): string {
  const plain = text
    .slice(0, 5000)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '');
  const words = plain
    .split(/\s+/)
    .map((token) =>
      // A digit or symbol counts as a letter only inside a word: "k1ll", "5uicide"; "4" stays an answer.
      token
        .replace(/[013457@$](?=[a-z])|(?<=[a-z])[013457@$]/g, (c) => LEET[c] ?? c)
        .replace(/(?<=[a-z])[!|](?=[a-z])/g, (c) => LEET[c] ?? c),
    )
    .join(' ')
    .replace(/[^a-z0-9]+/g, ' ')
    // Letters typed one by one ("s u i c i d e") read as one word.
    .replace(/\b(?:[a-z] ){3,}[a-z]\b/g, (spaced) => spaced.replace(/ /g, ''))
    .trim()
    .split(' ')
    .filter(Boolean)
    .map((word) => {
      const squeezed = squeeze(word);
      return ALIASES[squeezed] ?? correct(squeezed);
    });
  return ` ${words.join(' ')} `.replace(/ my self /g, ' myself ');
}

// People a participant may name; a physical verb needs one of them as its subject, so "it hit me" stays out.
const PERSON =
  '(?:he|she|they|you|my (?:partner|husband|wife|boyfriend|girlfriend|ex|spouse|fiance|fiancee|dad|father|mom|mum|mother|stepdad|stepfather|stepmom|brother|sister|son|daughter)|partner|husband|wife|boyfriend|girlfriend|ex|spouse|fiance|fiancee|someone|somebody)';
const CLOSE =
  '(?:my (?:husband|wife|partner|boyfriend|girlfriend|ex|spouse|kids|children|son|daughter|baby)|the (?:kids|children|baby))';
const BLOWS =
  '(?:hit|hits|hitting|punch|punches|punched|punching|slap|slaps|slapped|slapping|kick|kicks|kicked|kicking|beat|beats|beating|choke|chokes|choked|choking|strangle|strangles|strangled|strangling|shove|shoves|shoved|shoving|push|pushes|pushed|pushing|grab|grabs|grabbed|grabbing|bite|bites|bit|burn|burns|burned|burnt|smack|smacks|smacked|throttle|throttled|pin|pinned|drag|dragged|spit on|spat on|threw things at|throws things at|rape|rapes|raped|attack|attacks|attacked|assault|assaults|assaulted|abuse|abuses|abused|abusing|threaten|threatens|threatened|threatening|stalk|stalks|stalked|stalking)';
const WEAPONS = '(?:kill|murder|shoot|stab|strangle|choke|hurt|harm|beat|hit|burn|rape)';

const SELF_HARM = [
  '\\bsuicide\\b',
  '\\bsuicidal\\b',
  '\\b(?:kill|killing|killed|hang|hanging|shoot|drown|poison|starve|starving) myself\\b',
  '\\b(?:hurt|hurting|harm|harming|cut|cutting|burn|burning) myself\\b',
  '\\bself (?:harm|harming|injury|injuring)\\b',
  '\\b(?:end|ending|take|taking|took) (?:my|my own) life\\b',
  '\\bend(?:ing)? it all\\b',
  '\\b(?:want|wanted|wanting|ready|planning|plan|deserve) to die\\b',
  '\\bi (?:should|could just|just want to|might as well) die\\b',
  '\\bwish (?:i|i had|i could) (?:was|were|had)? ?(?:dead|died|die|never been born|not alive|not here)\\b',
  '\\b(?:rather|better) (?:be|off) dead\\b',
  '\\bbetter off (?:dead|without me|if i (?:was|were) (?:dead|gone|not here))\\b',
  '\\bbetter (?:off )?without me\\b',
  '\\b(?:no|not any|any) (?:point|reason|use) (?:in |of )?(?:going on|carrying on|living|to live|being alive|being here|staying alive)\\b',
  '\\bnothing (?:left )?to live for\\b',
  '\\b(?:life|living) (?:is not|is) (?:not )?worth (?:it|living)\\b',
  '\\b(?:do not|no longer|not|never) want to (?:live|be alive|be here anymore|exist|wake up)\\b',
  '\\bcan not go on\\b(?! like this| with (?:him|her|this|them))',
  '\\b(?:will not|might not) be (?:alive|around|here) (?:much longer|for long)\\b',
  '\\b(?:overdose|overdosed|overdosing)\\b',
  '\\b(?:od|oded) on (?:pills|meds|my|something|drugs|sleeping)\\b',
  '\\b(?:take|took|swallow|swallowed|taking) (?:all|all of|a bunch of|a lot of) (?:my |the )?(?:pills|meds|tablets|medication)\\b',
  '\\bslit(?:ting)? my wrists?\\b',
  '\\bjump(?:ing)? (?:off|in front of) (?:a |the )?(?:bridge|building|roof|train|cliff)\\b',
  '\\b(?:disappear|vanish) forever\\b|\\bwant to (?:disappear|vanish)\\b',
  '\\b(?:no one|nobody) (?:would|will) (?:miss|notice|care about) me\\b',
  '\\b(?:am|i am|being) (?:just )?a burden\\b',
  '\\btired of (?:living|being alive|life)\\b',
  '\\bsleep forever\\b|\\bnever wake up\\b',
  // Someone close threatening their own life is a crisis too (and, often, a form of control).
  `\\b${PERSON} (?:\\w+ ){0,3}(?:kill|hurt|harm) (?:himself|herself|themselves|themself)\\b`,
];

const ABUSE = [
  `\\b${PERSON} (?:\\w+ ){0,2}${BLOWS} me\\b(?! (?:up|with|off|away|to|around|too|at chess|at cards|in|an? (?:coffee|drink|tea|beer|snack|sandwich))\\b)`,
  '\\b(?:beat|beats|beating) me up\\b',
  '\\b(?:physically|violently) (?:hurt|hurts|hurting|harm|harmed|attacked|abused)\\b',
  '\\b(?:hurt|hurts|hurting|harm|harmed) me physically\\b',
  '\\b(?:i am|i was|i got|got|was|been|being|keep getting|get) (?:hit|punched|slapped|kicked|beaten|beat up|choked|strangled|shoved|pushed around|raped|assaulted|attacked|abused|threatened|stalked)\\b',
  '\\bthreat(?:en|ens|ened|ening) (?:me|us|my|our|the kids|to (?!leave|divorce|go\\b|break up|end it|end things|move out|tell|walk|quit))',
  '\\b(?:is|was|being|gets|got|so|very|more) threatening\\b',
  '\\b(?:feel|felt|feeling) threatened\\b',
  '\\bkill yourself\\b',
  '\\b(?:told|tells|telling) me to (?:kill myself|die)\\b',
  '\\b(?:death|violent) threats?\\b',
  '\\bmakes? threats\\b|\\bmade threats\\b',
  `\\b${PERSON} (?:\\w+ ){0,3}(?:will|would|is going to|going to|wants to|want to|tried to|try to|threatened to|threatens to|could|might) ${WEAPONS} (?:me|us|${CLOSE})\\b`,
  '\\b(?:scared|afraid|terrified|frightened|nervous|do not want|can not|too scared) (?:to go|of going|going|go) (?:back )?home\\b',
  '\\b(?:not|never|do not feel|did not feel) (?:feel )?safe (?:at home|in my home|in my house|in the house|here|with him|with her|around him|around her|with my (?:husband|wife|partner|boyfriend|girlfriend|ex))\\b',
  '\\bunsafe (?:at home|in my home|in my house|here|with him|with her|around him|around her)\\b',
  '\\b(?:fear|fearing|scared|afraid|terrified|frightened) for my (?:life|safety|kids|children|baby)\\b',
  '\\b(?:scared|afraid|terrified|frightened) of (?:him|her|my (?:husband|wife|partner|boyfriend|girlfriend|ex|spouse))\\b(?! \\w+ing\\b| (?:reaction|response|anger|answer|mood|feelings))',
  '\\b(?:i am|we are|i feel|i might be|i could be|kids are|children are|baby is) in danger\\b|\\bin danger (?:here|at home|right now|now)\\b',
  '\\b(?:call|called|calling) (?:the )?(?:police|cops|911)\\b',
  '\\b(?:locked me (?:in|out)|(?:will not|would not|does not|did not|never) lets? me (?:leave|go out|out|see (?:my|anyone|friends|family)|call))\\b',
  '\\btook my (?:keys|car keys|passport|phone away)\\b',
  '\\b(?:punched|punches|kicked|kicks|smashed|smashes|broke|breaks|threw|throws) (?:a |the )?(?:wall|door|window|hole in)\\b|\\b(?:broke|smashed|breaks|smashes) my (?:phone|things|stuff)\\b',
  '\\bcontrols? (?:my money|all the money|where i go|who i see|everything i do)\\b',
  '\\bfeel(?:ing)? unsafe\\b(?! (?:to|talking|sharing|being|opening|telling|saying)\\b)',
  '\\bdomestic (?:violence|abuse)\\b',
  '\\b(?:emotional|emotionally|verbal|verbally|physical|physically|sexual|sexually|financial|financially|mental|mentally) abus(?:e|ed|ive|ing)\\b',
  '\\b(?<!substance |drug |alcohol |drinking |steroid )abus(?:e|ive|er)\\b',
  '\\b(?:raped|rape me|sexually assaulted|sexual assault|molested|molests)\\b',
  '\\bforced (?:himself|herself) on me\\b|\\bforced me (?:to have sex|into sex|to do things)\\b',
  '\\b(?:has|have|got|bought|owns|pulled|waved|pointed|held|keeps) (?:a |his |her |the )?(?:gun|knife|weapon)\\b',
  '\\b(?:gun|knife|weapon) (?:to|at) (?:me|my|us)\\b',
];

const HARM_TO_OTHERS = [
  `\\bi (?:\\w+ ){0,3}(?:want to|going to|will|am going to|might|feel like i (?:will|might)) (?:kill|murder|hurt|harm|hit|beat|strangle|choke|shoot|stab) (?:him|her|them|${CLOSE}|someone|somebody|people)\\b`,
  `\\bi (?:\\w+ ){0,3}(?:hit|punched|slapped|kicked|choked|strangled|shoved|beat|attacked) (?:him|her|them|${CLOSE})\\b(?! (?:up|with|back on|at)\\b)`,
];

const compile = (patterns: string[]) => patterns.map((p) => new RegExp(squeeze(p)));

/** Categories in the order they are reported when a message shows more than one. */
const RULES: readonly { category: SafetyCategory; patterns: RegExp[] }[] = [
  { category: 'self-harm', patterns: compile(SELF_HARM) },
  { category: 'abuse', patterns: compile(ABUSE) },
  { category: 'harm-to-others', patterns: compile(HARM_TO_OTHERS) },
];

/** The kind of danger a message shows (the most urgent when several), or undefined when none. */
export function detectDanger(text: string): SafetyCategory | undefined {
  if (!text.trim()) return undefined;
  const normalised = normaliseForSafety(text);
  return RULES.find((rule) => rule.patterns.some((p) => p.test(normalised)))?.category;
}
