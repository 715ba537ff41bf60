/**
 * The texts the safety patterns read: one English view and one Spanish view of a message, both folded
 * (case, accents, apostrophes, punctuation, repeated letters, leetspeak), with text-speak spelled out and
 * one- or two-letter slips in the words that matter corrected (edit distance against a small lexicon).
 * The Spanish view is also folded by sound (h, v/b, z/c/s, ll/y, qu/k), the way people misspell when
 * they type fast, so "amenasa", "aorco" and "kiero" read as "amenaza", "ahorcó" and "quiero".
 * Patterns are folded the same way when they are compiled (`englishPattern`, `spanishPattern`).
 */

/** Letters squeezed to one: "kiiill" and "kill" both read "kil"; patterns are squeezed the same way. */
export const squeeze = (s: string) => s.replace(/(?<!\\)([a-z])\1+/g, '$1');

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

/** Lower case, no accents or apostrophes, leetspeak inside words read as letters, words split on the rest. */
export function words(text: string): string[] {
  return (
    text
      .slice(0, 5000)
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/['’‘`´]/g, '')
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
  );
}

// ---------------------------------------------------------------------------------------------
// Fuzzy matching: a word one edit (two for long words) from a key word reads as that key word.

/** Keys next to each other on a QWERTY keyboard, and letters that sound alike (c/s/k, i/y): typing slips. */
const NEAR: Record<string, string> = {
  q: 'wa',
  w: 'qeas',
  e: 'wrsd',
  r: 'etdf',
  t: 'ryfg',
  y: 'tughi',
  u: 'yihjo',
  i: 'uojky',
  o: 'iplku',
  p: 'ol',
  a: 'qwsz',
  s: 'awedxzc',
  d: 'serfcx',
  f: 'drtgvc',
  g: 'ftyhbv',
  h: 'gyujnb',
  j: 'huikmn',
  k: 'jiolmc',
  l: 'kopi',
  z: 'asxs',
  x: 'zsdc',
  c: 'xdfvsk',
  v: 'cfgbw',
  b: 'vghn',
  n: 'bhjm',
  m: 'njk',
};

/** One typing slip apart: a letter dropped, added or swapped with the next, or a neighbouring key hit. */
export function oneSlipApart(word: string, key: string): boolean {
  if (word === key) return false;
  const lw = word.length;
  const lk = key.length;
  if (lw === lk) {
    let first = -1;
    for (let i = 0; i < lw; i++) {
      if (word[i] === key[i]) continue;
      if (first >= 0) {
        // Two differences: only a swap of neighbours ("myslef").
        return (
          i === first + 1 &&
          word[i] === key[first] &&
          word[first] === key[i] &&
          word.slice(i + 1) === key.slice(i + 1)
        );
      }
      first = i;
    }
    const typed = word[first] ?? '';
    const meant = key[first] ?? '';
    return (NEAR[meant] ?? '').includes(typed);
  }
  if (Math.abs(lw - lk) !== 1) return false;
  const [long, short] = lw > lk ? [word, key] : [key, word];
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  return long.slice(i + 1) === short.slice(i);
}

/** Corrects a word to a key word it is one typing slip from, its first letter kept. */
export class Lexicon {
  private readonly keys: readonly string[];
  private readonly exact: ReadonlySet<string>;

  /** `keys` and `realWords` already folded as the view folds its words. */
  constructor(keys: readonly string[], realWords: readonly string[]) {
    this.keys = [...new Set(keys)];
    this.exact = new Set([...keys, ...realWords]);
  }

  correct(word: string): string {
    if (word.length < 5 || this.exact.has(word) || /\d/.test(word)) return word;
    for (const key of this.keys) {
      if (key.charCodeAt(0) !== word.charCodeAt(0) || Math.abs(key.length - word.length) > 1) continue;
      if (oneSlipApart(word, key)) return key;
    }
    return word;
  }
}

// ---------------------------------------------------------------------------------------------
// English view.

/** Text-speak, contractions and common spellings, read as the words they stand for (keys squeezed). */
const EN_ALIASES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    im: 'i am',
    ive: 'i have',
    ill: 'i will',
    id: 'i would',
    hed: 'he would',
    shed: 'she would',
    theyd: 'they would',
    youd: 'you would',
    wanna: 'want to',
    thru: 'through',
    wana: 'want to',
    wnt: 'want',
    wnna: 'want to',
    gonna: 'going to',
    gona: 'going to',
    gunna: 'going to',
    finna: 'going to',
    tryna: 'trying to',
    imma: 'i am going to',
    ima: 'i am going to',
    gotta: 'got to',
    u: 'you',
    ur: 'your',
    r: 'are',
    n: 'and',
    cant: 'can not',
    cannot: 'can not',
    dont: 'do not',
    didnt: 'did not',
    doesnt: 'does not',
    wont: 'will not',
    isnt: 'is not',
    wasnt: 'was not',
    werent: 'were not',
    arent: 'are not',
    hasnt: 'has not',
    havent: 'have not',
    hadnt: 'had not',
    wouldnt: 'would not',
    couldnt: 'could not',
    shouldnt: 'should not',
    aint: 'is not',
    hes: 'he is',
    shes: 'she is',
    whats: 'what is',
    thats: 'that is',
    theres: 'there is',
    hell: 'he will',
    shell: 'she will',
    theyll: 'they will',
    youll: 'you will',
    theyre: 'they are',
    youre: 'you are',
    pls: 'please',
    plz: 'please',
    plis: 'please',
    rn: 'right now',
    bc: 'because',
    cuz: 'because',
    coz: 'because',
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
    mself: 'myself',
    mysef: 'myself',
    b: 'be',
    da: 'the',
    teh: 'the',
    wat: 'what',
    wut: 'what',
    wht: 'what',
    wats: 'what is',
    wuts: 'what is',
    evry: 'every',
    evry1: 'everyone',
    every1: 'everyone',
    evryone: 'everyone',
    some1: 'someone',
    sum1: 'someone',
    no1: 'no one',
    any1: 'anyone',
    wud: 'would',
    wld: 'would',
    cud: 'could',
    cld: 'could',
    shud: 'should',
    sed: 'said',
    sez: 'says',
    sayd: 'said',
    agen: 'again',
    agin: 'again',
    nite: 'night',
    tonite: 'tonight',
    '2nite': 'tonight',
    '2day': 'today',
    '2morrow': 'tomorrow',
    txt: 'text',
    txts: 'texts',
    txted: 'texted',
    msg: 'message',
    msgs: 'messages',
    fone: 'phone',
    phne: 'phone',
    fon: 'phone',
    keyz: 'keys',
    leeve: 'leave',
    hlp: 'help',
    hidng: 'hiding',
    nobodys: 'nobody is',
    everyones: 'everyone is',
    someones: 'someone is',
    somebodys: 'somebody is',
    whos: 'who is',
    hows: 'how is',
    wheres: 'where is',
    reeds: 'reads',
    halp: 'help',
    abt: 'about',
    w: 'with',
    bout: 'about',
    luv: 'love',
    lyfe: 'life',
    lif: 'life',
    chks: 'checks',
    yall: 'you all',
    ya: 'you',
    em: 'them',
    tho: 'though',
  }).map(([k, v]): [string, string] => [squeeze(k), squeeze(v)]),
);

/** Words whose slips the English patterns should still read, with their whole families. */
const EN_KEYS = [
  'suicide',
  'suicides',
  'suicidal',
  'myself',
  'himself',
  'herself',
  'threaten',
  'threatens',
  'threatened',
  'threatening',
  'strangle',
  'strangled',
  'strangles',
  'strangling',
  'punch',
  'punched',
  'pushed',
  'pushes',
  'punches',
  'punching',
  'choke',
  'choked',
  'chokes',
  'choking',
  'slapped',
  'slapping',
  'smacked',
  'kicked',
  'stabbed',
  'overdose',
  'overdosed',
  'overdosing',
  'murder',
  'murdered',
  'attacked',
  'assaulted',
  'abuse',
  'abusive',
  'abused',
  'bruise',
  'bruises',
  'bruised',
  'beaten',
  'throat',
  'tracker',
  'tracking',
  'tracked',
  'anymore',
  'please',
  'police',
  'terrified',
].map(squeeze);

/**
 * Real words one slip from a key word ("pinching" is not "punching"), found by running an English
 * dictionary through `normaliseForSafety` and kept as they are.
 */
const EN_REAL = [
  'pusher',
  'pushers',
  'pusses',
  'pleas',
  'abuser',
  'abuses',
  'assaulter',
  'attacker',
  'batten',
  'bruiser',
  'bruisers',
  'choker',
  'chokers',
  'coked',
  'cokes',
  'coking',
  'cooked',
  'cooking',
  'kicker',
  'murderer',
  'murderess',
  'murders',
  'overdoes',
  'overdoing',
  'overdoses',
  'paunch',
  'paunches',
  'pease',
  'pinch',
  'pinched',
  'pinches',
  'pinching',
  'pleas',
  'pleased',
  'pleases',
  'policed',
  'polices',
  'punchy',
  'sacked',
  'sapped',
  'sapping',
  'sleeping',
  'slipped',
  'slipping',
  'smacker',
  'snacked',
  'soaped',
  'soaping',
  'stabled',
  'staged',
  'staved',
  'straggle',
  'straggled',
  'straggles',
  'straggling',
  'strange',
  'strangler',
  'stranglers',
  'tacked',
  'tacking',
  'terrifies',
  'throats',
  'throaty',
  'traced',
  'tracer',
  'tracing',
  'trackers',
  'tricked',
  'tricking',
].map(squeeze);

const EN_LEXICON = new Lexicon(EN_KEYS, EN_REAL);

/** Words that, before "2", make it read "to": "want 2 die", "going 2 kill", "scared 2 go home". */
const BEFORE_TO = new Set(
  'want going got have has had need ready try trying plan deserve wish scared afraid terrified able supposed used back how where what'
    .split(' ')
    .map(squeeze),
);

/** Verbs whose dropped g is restored: "hidin" → "hiding", "bangin" → "banging" (bases squeezed). */
const DROPPED_G = new Set(
  (
    'hid bang liv hit beat kil dy cut push chok threaten track follow stalk watch read check hurt bled cry ' +
    'shak pound kick punch slap scream yel com go try think plan smack strangl hang end tak los leav jump ' +
    'shot stab burn drink lock hold grab drag shov fight sleep wak run walk talk start keep freak panick tremb'
  )
    .split(' ')
    .map(squeeze),
);

/**
 * The text as the English patterns read it: lower case, no accents or apostrophes, leetspeak read as
 * letters, punctuation as spaces, repeated letters squeezed, slips and text-speak spelled out
 * ("im scared" → "i am scared", "kms" → "kil myself"), padded with one space at each end.
 */
export function normaliseForSafety(text: string): string {
  const out: string[] = [];
  for (const word of words(text)) {
    const squeezed = squeeze(word);
    if (squeezed === '2' && BEFORE_TO.has(out.at(-1) ?? '')) {
      out.push('to');
      continue;
    }
    // "my ID" is no "my I would".
    if (squeezed === 'id' && /^(?:my|your|his|her|their|the|an|photo|our)$/.test(out.at(-1) ?? '')) {
      out.push('id');
      continue;
    }
    if (squeezed.endsWith('in') && DROPPED_G.has(squeezed.slice(0, -2))) {
      out.push(`${squeezed}g`);
      continue;
    }
    out.push(EN_ALIASES.get(squeezed) ?? EN_LEXICON.correct(squeezed));
  }
  return ` ${out.join(' ')} `.replace(/ my self /g, ' myself ');
}

/** An English pattern folded as the English view is (its letters squeezed). */
export const englishPattern = squeeze;

// ---------------------------------------------------------------------------------------------
// Spanish view.

/** Spanish text-speak, before folding by sound (keys as typed, accents already off). */
const ES_ALIASES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    q: 'que',
    k: 'que',
    ke: 'que',
    xq: 'porque',
    pq: 'porque',
    porq: 'porque',
    xk: 'porque',
    x: 'por',
    xfa: 'por favor',
    xfavor: 'por favor',
    porfa: 'por favor',
    porfis: 'por favor',
    plis: 'por favor',
    tb: 'tambien',
    tmb: 'tambien',
    d: 'de',
    dl: 'del',
    toy: 'estoy',
    toi: 'estoy',
    stoy: 'estoy',
    sta: 'esta',
    tas: 'estas',
    ta: 'esta',
    pa: 'para',
    pal: 'para el',
    m: 'me',
    n: 'en',
    nd: 'nada',
    bn: 'bien',
    tqm: 'te quiero mucho',
    aiuda: 'ayuda',
    aiudame: 'ayudame',
    yuda: 'ayuda',
    msj: 'mensaje',
    msjs: 'mensajes',
    mjs: 'mensajes',
    mensajs: 'mensajes',
    wasa: 'whatsapp',
    anoxe: 'anoche',
    kiere: 'quiere',
    tngo: 'tengo',
    trabajr: 'trabajar',
    grenas: 'pelo',
    grenias: 'pelo',
    mechas: 'pelo',
  }),
);

/**
 * Spanish spelled by sound, as it is often typed: silent h dropped (except "ch"), v→b, z→s, ce/ci→se/si,
 * ll→y, qu→k and q→k, ge/gi→je/ji. Applied to the text and to the patterns, so they meet halfway.
 * In a pattern, keep these letters next to each other (write "quiero", not "qu(?:iero)").
 */
export function foldSpanish(s: string): string {
  return s
    .replace(/(?<![c\\])h/g, '')
    .replace(/(?<!\\)v/g, 'b')
    .replace(/z/g, 's')
    .replace(/c(?=[ei])/g, 's')
    .replace(/ll/g, 'y')
    .replace(/qu(?=[ei])/g, 'k')
    .replace(/q/g, 'k')
    .replace(/g(?=[ei])/g, 'j');
}

/** A Spanish pattern folded as the Spanish view is (by sound, then squeezed). */
export const spanishPattern = (pattern: string) =>
  squeeze(foldSpanish(pattern.normalize('NFKD').replace(/\p{M}+/gu, '')));

/** Spanish words whose slips the Spanish patterns should still read (as written; folded below). */
const ES_KEYS = [
  'suicidio',
  'suicidarme',
  'suicidar',
  'suicida',
  'matarme',
  'morirme',
  'quiero',
  'golpea',
  'golpeo',
  'golpes',
  'golpear',
  'golpeando',
  'golpiza',
  'amenaza',
  'amenazo',
  'amenazando',
  'amenazas',
  'estrangulo',
  'cachetada',
  'bofetada',
  'puñetazo',
  'patada',
  'paliza',
  'ahorco',
  'ahorcarme',
  'cuchillo',
  'pistola',
  'pastillas',
  'empujo',
  'violo',
  'violada',
  'obliga',
  'revisa',
  'rastrea',
  'vigila',
  'encierra',
  'encerro',
  'escondida',
  'escondido',
  'auxilio',
  'socorro',
  'ayudame',
  'ayudenme',
  'moretones',
  'lastimo',
  'despedida',
  'celular',
  'telefono',
  'mensajes',
  'policia',
].map((w) => spanishPattern(words(w).join(' ')));

/** Real Spanish words one slip from a key word (found with a Spanish dictionary), left as they are. */
const ES_REAL = [
  'cachetadas',
  'bofetadas',
  'patadas',
  'golpizas',
  'punetazos',
  'cuchillos',
  'pastillas',
  'amenazas',
  'despedidas',
  'suicidios',
  'policias',
  'amenazar',
  'encierro',
  'escondidas',
  'golpe',
  'golpeado',
  'mensaje',
  'pastilla',
  'policial',
  'quieto',
  'revisar',
  'revista',
  'vigilar',
  'quiere',
  'quieren',
  'golpean',
  'golpee',
  'lastima',
  'lastime',
  'matarte',
  'matarla',
  'matarlo',
  'matarse',
  'morirse',
  'bolada',
  'célula',
  'cuchillón',
  'empujón',
  'encebro',
  'encerco',
  'encimera',
  'enero',
  'goles',
  'obligar',
  'palia',
  'pálida',
  'papisa',
  'parada',
  'parrada',
  'pataca',
  'patarra',
  'pautada',
  'payada',
  'pitada',
  'póliza',
  'quiebro',
  'quijero',
  'rastra',
  'rastrear',
  'rastrera',
  'revesa',
  'reveza',
  'susidio',
  'vigía',
  'vigilia',
  'violón',
  'volada',
].map((w) => spanishPattern(words(w).join(' ')));

const ES_LEXICON = new Lexicon(ES_KEYS, ES_REAL);

/** The text as the Spanish patterns read it: folded like the English view, then by sound; padded. */
export function normaliseSpanish(text: string): string {
  const out: string[] = [];
  for (const word of words(text)) {
    const expanded = ES_ALIASES.get(word) ?? word;
    for (const part of expanded.split(' ')) out.push(ES_LEXICON.correct(squeeze(foldSpanish(part))));
  }
  return ` ${out.join(' ')} `;
}
