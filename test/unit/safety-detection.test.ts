import { describe, expect, it } from 'vitest';
import {
  assessSafety,
  detectDanger,
  guessLanguage,
  normaliseForSafety,
  normaliseSpanish,
  SAFETY_CATEGORIES,
  type SafetyCategory,
} from '../../functions/program/safety';

const SELF_HARM = [
  'I want to die',
  'i want to kms',
  'kms',
  'sucide',
  'I keep thinking about suicde',
  'feeling suicidal tonight',
  'siucide is on my mind',
  'no point going on',
  'there is no point in living anymore',
  'everyone would be better off without me',
  'they are better off without me',
  'better off dead honestly',
  'i wanna die',
  'i just wanna diiiie',
  'I w4nt t0 d1e',
  'k1ll mys3lf',
  'im going to kill myself',
  'I might kill my self',
  'going to kil myslef tonight',
  'thinking of ending my life',
  'i want to end it all',
  'I have been cutting myself again',
  'hurting myself is the only thing that helps',
  'self-harm',
  'selfharm again',
  'i dont want to live anymore',
  "I don't want to be here anymore",
  'I dont want to wake up',
  'nothing to live for',
  'life is not worth living',
  "I can't go on",
  'i cant go on anymore',
  'Thinking of taking all my pills',
  'I could overdose',
  'wish i was dead',
  'I wish I could die',
  'I wish I had never been born',
  "I'd rather be dead",
  'i deserve to die',
  'I want to unalive myself',
  'sewerslide',
  'I took a bunch of pills',
  'He threatened to kill himself if I leave',
  "she says she'll hurt herself",
  '2 - i want to die',
  'nobody would miss me',
  "I'm a burden to everyone",
  'so tired of living',
  'i wish i could sleep forever',
  'i wanna disappear',
  'SUICIDE!!!',
  'S U I C I D A L',
];

const ABUSE = [
  'he hit me',
  'He hit me again last night',
  'my husband hits me',
  'she threatens me',
  'She threatened me with a knife',
  'he threatens to take the kids',
  'im scared to go home',
  "I'm too scared to go home tonight",
  'i am afraid of going home',
  "I don't feel safe at home",
  'not safe at home',
  'he choked me',
  'he str4ngled me',
  'he is strangling me',
  'she slapped me',
  'he pushed me into the wall',
  'he pushed me',
  'my boyfriend punched me',
  'my bf beat me up',
  'I got hit again',
  'I was raped',
  'He raped me',
  'he is abusive',
  'emotionally abusive',
  'it is domestic violence',
  'he keeps threatening me',
  'he thretens me',
  'he said he would kill me',
  "he's going to kill me",
  "He'll kill me if he finds out",
  'she will hurt the kids',
  'I fear for my life',
  'he has a gun',
  'he held a knife to my throat',
  'he locked me in the bedroom',
  "he won't let me leave",
  'I had to call the police',
  'I am in danger',
  'he told me to kys',
  'kill yourself he said',
  'she is being threatening',
  'I felt threatened',
  'he physically hurt me',
  'hurt me physically',
  'you hit me',
  'he h1t me',
  'HE HIT MEEE',
  '1 - he hit me when I told him',
  'he punched the wall next to my head',
  'he smashed my phone',
  // Control with a threat, violence, holding in or fear now stays danger.
  'he reads all my texts and said if he finds anything he will kill me',
  'he took my keys and my phone so i cant leave',
  "don't text back, he reads my phone",
  'he tracks my phone and last night he choked me',
  'he punched me in the face',
  'he threw a glass at my head',
  "she'd kill me",
  'hiding in the bathroom',
  'he forces me to have sex when i say no',
  'he said he will take the kids and i will never see them again',
];

const HARM_TO_OTHERS = [
  'I want to kill him',
  "I'm going to hurt her",
  'i will kill her',
  "I'm gonna kill him",
  'I hit her last night',
  'i lost control and hit her',
  'I might hurt someone',
  'i want to hit my wife',
];

const CALL_FOR_HELP = [
  'help me',
  'please help',
  "help!! he's here",
  'SOS',
  'HELP ME PLEASE',
  'send help',
  'ayuda',
  'auxilio',
  'ayúdenme',
  'socorro',
];

const SPANISH: [string, SafetyCategory][] = [
  ['no quiero vivir', 'self-harm'],
  ['me quiero morir', 'self-harm'],
  ['kiero morirme', 'self-harm'],
  ['estoy pensando en suicidarme', 'self-harm'],
  ['para que seguir', 'self-harm'],
  ['me pegó', 'abuse'],
  ['me pego otra vez anoche', 'abuse'],
  ['2 me golpio otra vez', 'abuse'],
  ['me va a matar', 'abuse'],
  ['me amenaza con quitarme a los niños', 'abuse'],
  ['me revisa el celular y dice que si encuentra algo me mata', 'abuse'],
  ['me amenasa todo el tiempo', 'abuse'],
  ['no me deja salir de la casa', 'abuse'],
  ['me obliga a tener relaciones', 'abuse'],
  ['estoy escondida en el baño', 'abuse'],
  ['lo voy a matar', 'harm-to-others'],
  // A threat to kill in the perfect tense, or going on, is abuse: the line for violence at home comes first.
  ['me ha amenazado con matarme si le dejo', 'abuse'],
  ['lleva semanas amenazándome con matarme', 'abuse'],
  // Spain's words (round 18).
  ['me ha roto el móvil y me ha tirado contra la pared', 'abuse'],
  ['me quitó el móvil y las llaves y no me deja salir', 'abuse'],
  ['me ha dado una hostia', 'abuse'],
  ['me ha dado un tortazo delante de los niños', 'abuse'],
  ['me ha cogido del cuello', 'abuse'],
  ['me ha zarandeado y me ha dejado moratones', 'abuse'],
];

/** Worrying, no emergency: a short reply with resources, no pause. */
const CONCERN = [
  'not safe',
  '1 not safe',
  'I feel unsafe',
  'i do not feel safe with him',
  "I'm terrified of him",
  'I am afraid of my husband',
  'scared of him',
  'he hurt me',
  'she hurt me again',
  "I can't do this anymore",
  'I cant do this anymore',
  "I can't go on like this",
  'I hate my life right now',
  'tengo miedo de el',
  'le tengo miedo',
  'no me siento segura',
  'me hizo daño',
  'ya no puedo mas',
  // Controlling behaviour with no threat, violence, holding in or fear now: a concern (round 6).
  'he never lets me see my friends',
  'he controls my money',
  'he checks my phone every night',
  'he reads all my texts',
  'he put a tracker on my car',
  'he tracks my phone and reads all my texts',
  'me revisa el celular',
  'me rastrea la ubicación todo el día',
  // Told as news, with a rating in front (a participant walkthrough, 2026-12-07).
  '2. he went through my phone again and yelled at me',
  'she read my texts while I was asleep',
  '2. me volvió a revisar el celular y me gritó',
  'mi esposo se metió a mi correo y leyó todo',
  'no me deja ver a mis amigas',
];

/**
 * Hurt and fear in words the issue itself files under concern ("he hurt me"), and which people also use
 * of lies and pain: never the crisis reply and the pause, and either nothing or the short reply with the
 * lines. Which of the two moves with each retraining on new writers' labels, so it is not pinned here.
 */
const NEVER_DANGER = ['I am afraid of him finding out', 'he hurt me so much when he lied'];

const NOT_DANGER = [
  // Asking the program for one's own answers is no plea (a participant walkthrough, 2026-12-07).
  'What did I answer last week? Send me all my answers please',
  'please send me my answers',
  'can you please send me my report again',
  'por favor mándame mis respuestas',
  'me mandas mis datos por favor',
  '4',
  '4/5',
  'four',
  '4 - better week',
  "I'd say a 3",
  'YES',
  'Y',
  'STOP',
  'PAUSE 10',
  'RESUME',
  'this week killed me lol',
  'you are killing me',
  'my back is killing me',
  "I'm dying to see the kids",
  'dying to know how it ends',
  'I nearly died laughing',
  'the dessert was to die for',
  "I'm dead tired",
  'I could die of embarrassment',
  'It hit me that he had lied for years',
  'reality hit me hard this week',
  'then it finally hit me',
  'he hit me up on text',
  'beats me why she did that',
  'he beat me at chess',
  'she beat me to it',
  'he pushed me away again',
  'she always pushes me to talk',
  'you hurt me',
  'she hurt me again with another lie',
  '2, did not feel safe to be honest',
  'it does not feel safe to talk about the affair yet',
  'she threatened to leave if I do not change',
  'he threatens to leave every time we fight',
  "I'm scared of her reaction",
  'I am scared of her leaving',
  'our marriage is in danger',
  'I want to end it with him',
  'I am going to end things',
  'trust is broken',
  'my heart is broken',
  'substance abuse counselor said we should talk',
  'he has a drinking problem',
  'I hit the gym today',
  'I hit a wall this week',
  'we hit a rough patch',
  'killing time before the talk',
  'shoot me a message later',
  'we are tracking each other on the app',
  'I am going to the movies',
  'that is odd',
  'I feel trapped in this marriage',
  'I will be here tomorrow',
  'the thread about the affair',
  'he overdoes it with apologies',
  'kill the lights',
  'I could kill him for forgetting',
  'she is dying her hair',
  'this deadline is brutal',
  'he grabbed me a coffee',
  'I feel unsafe talking about it',
  'she yelled at me',
  'we read about the hotline in the welcome email',
  'HELP',
  'help',
  'Help.',
  'we fought about money',
  'killing it this week',
  'the affair still kills me',
  'it hit me how much I lied',
  'she threatened to leave',
  'dying to see the kids',
  'he has never hit me',
  'she checked my phone once and we talked it through, I let her',
  'me muero de ganas',
  'me mata la culpa',
  'nos matamos de risa',
  'me pegó un susto',
  'nunca me ha pegado',
  'gracias por la ayuda',
  'necesito ayuda con el enlace',
  'vos sos un amor',
];

describe('the levels of a signal', () => {
  const danger: [string, SafetyCategory][] = [
    ...SELF_HARM.map((t): [string, SafetyCategory] => [t, 'self-harm']),
    ...ABUSE.map((t): [string, SafetyCategory] => [t, 'abuse']),
    ...HARM_TO_OTHERS.map((t): [string, SafetyCategory] => [t, 'harm-to-others']),
    ...CALL_FOR_HELP.map((t): [string, SafetyCategory] => [t, 'call-for-help']),
    ...SPANISH,
  ];

  it.each(danger)('reads "%s" as danger: %s', (text, category) => {
    expect(assessSafety(text)).toMatchObject({ level: 'danger', category });
    expect(detectDanger(text)).toBe(category);
  });

  it.each(CONCERN)('reads "%s" as concern, which is no danger', (text) => {
    expect(assessSafety(text)?.level).toBe('concern');
    expect(detectDanger(text)).toBeUndefined();
  });

  it.each(NEVER_DANGER)('never answers "%s" with the crisis reply', (text) => {
    expect(assessSafety(text)?.level).not.toBe('danger');
    expect(detectDanger(text)).toBeUndefined();
  });

  it.each(NOT_DANGER)('leaves "%s" alone', (text) => {
    expect(assessSafety(text)).toBeUndefined();
    expect(detectDanger(text)).toBeUndefined();
  });

  it('lists every category it reports', () => {
    expect(SAFETY_CATEGORIES).toEqual(['self-harm', 'abuse', 'harm-to-others', 'call-for-help']);
  });

  it('reports self-harm first when a message shows more than one kind of danger', () => {
    expect(detectDanger('he hit me and I want to die')).toBe('self-harm');
    expect(detectDanger('me pegó y ya no quiero vivir')).toBe('self-harm');
  });

  it('reports danger over concern in the same message', () => {
    expect(assessSafety('I am scared of him. he hit me again')).toMatchObject({
      level: 'danger',
      category: 'abuse',
    });
  });

  it('finds danger after the first line of a longer message', () => {
    expect(detectDanger('3\n\nthe week was ok mostly.\nbut honestly im scared to go home')).toBe('abuse');
  });

  it('never reads an empty or whitespace-only message as anything', () => {
    expect(assessSafety('')).toBeUndefined();
    expect(assessSafety('   \n ')).toBeUndefined();
  });

  it('takes a laugh as hyperbole only for a "kill" figure of speech', () => {
    expect(assessSafety('if he leaves the seat up again i will kill him lol')).toBeUndefined();
    expect(assessSafety('mi mamá me va a matar jaja')).toBeUndefined();
    expect(detectDanger('he punched me lol')).toBe('abuse');
  });

  it('stays fast on the longest message it reads (an email reply)', () => {
    const long = 'we talked about the affair and my husband and the kids and the money. '.repeat(80);
    const start = performance.now();
    expect(assessSafety(long)).toBeUndefined();
    // A guard against runaway regex backtracking (seconds, not milliseconds), loose enough to hold on two
    // busy cores and under Stryker's instrumentation (`npm run mutate` measured 278 ms for it).
    expect(performance.now() - start).toBeLessThan(1_000);
  });
});

describe('the language of the reply', () => {
  it.each([
    ['me pegó', 'es'],
    ['ayuda', 'es'],
    ['no quiero vivir', 'es'],
    ['me revisa el celular', 'es'],
    ['he hit me', 'en'],
    ['help me', 'en'],
    ['SOS', 'en'],
    ['4', 'en'],
  ] as const)('guesses "%s" is in %s', (text, language) => {
    expect(guessLanguage(text)).toBe(language);
  });

  it('answers in the language of the message', () => {
    expect(assessSafety('me quiero morir')?.language).toBe('es');
    expect(assessSafety('I want to die')?.language).toBe('en');
  });
});

describe('the normalised text the patterns read', () => {
  it('folds case, accents, apostrophes, punctuation, repeated letters and leetspeak', () => {
    expect(normaliseForSafety("I'M  SOOO scaaared!!! to go hóme...")).toBe(' i am so scared to go home ');
    expect(normaliseForSafety('k1ll mys3lf')).toBe(' kil myself ');
    expect(normaliseForSafety('su!c!de')).toBe(' suicide ');
  });

  it('keeps a lone digit a digit, so "4" stays an answer', () => {
    expect(normaliseForSafety('4 - better week')).toBe(' 4 beter wek ');
  });

  it('spells out text-speak and fixes one typing slip in the words that matter', () => {
    expect(normaliseForSafety('i wanna kms')).toBe(' i want to kil myself ');
    expect(normaliseForSafety('sucide')).toBe(' suicide ');
    expect(normaliseForSafety('he thretens me')).toBe(' he threatens me ');
    expect(normaliseForSafety('he puched me')).toBe(' he punched me ');
  });

  it('leaves real words one slip from a key word as they are', () => {
    expect(normaliseForSafety('she pinched my cheek')).toBe(' she pinched my chek ');
    expect(normaliseForSafety('sleeping')).toBe(' sleping ');
    expect(normaliseForSafety('struggling')).toBe(' strugling ');
  });

  it('folds Spanish by sound, so common misspellings meet the patterns', () => {
    expect(normaliseSpanish('me amenaza')).toBe(normaliseSpanish('me amenasa'));
    expect(normaliseSpanish('me ahorcó')).toBe(normaliseSpanish('me aorco'));
    expect(normaliseSpanish('quiero morir')).toBe(normaliseSpanish('kiero morir'));
    expect(normaliseSpanish('me violó')).toBe(normaliseSpanish('me bioló'));
    expect(normaliseSpanish('xq me pegó')).toBe(' porke me pego ');
  });
});

describe('a request for one’s own answers', () => {
  it('still hears danger written beside it', () => {
    expect(assessSafety('please send me my answers, he is hitting me again')?.level).toBe('danger');
    expect(
      assessSafety('please send me my answers, i can’t do this anymore, i have the pills ready')?.level,
    ).toBe('danger');
  });
});

describe('Spanish danger a second walkthrough found missed (2026-12-07)', () => {
  it.each([
    'tomé muchas pastillas',
    'tome muchas pastillas',
    'quiero desaparecer',
    'quisiera desaparecer',
    'solo quiero desaparecer del grupo y de todo para siempre',
    'se puso violento con los niños',
    'estoy sangrando',
    'tengo moretones',
    'tengo miedo de lo que le pueda hacer',
    "I'm scared of what I might do to her",
  ])('reads "%s" as danger', (text) => {
    expect(assessSafety(text)?.level).toBe('danger');
  });

  it.each([
    'tomé muchas pastillas para la gripa',
    'tengo moretones del gimnasio',
    'el perro se puso violento con los niños',
    'no se puso violento con los niños, solo gritó',
    'me quiero desaparecer del grupo de whatsapp',
    'quiero desaparecer del chat familiar',
  ])('leaves "%s" alone', (text) => {
    expect(assessSafety(text)).toBeUndefined();
  });
});

describe('fear at home and being yelled at, that a 90-day walkthrough found missed (2026-12-07)', () => {
  it.each([
    'hoy me gritó y me dio miedo estar en casa',
    'me dio miedo estar en casa',
    'me daba miedo quedarme en la casa con el',
    'he yelled at me today and i was scared to be at home',
    'i was scared to be at home last night',
    'im afraid to be in my own house',
  ])('reads "%s" as danger: afraid in one\'s own home, in any tense', (text) => {
    expect(assessSafety(text)?.level).toBe('danger');
  });

  it.each([
    'he yelled at me and i was scared',
    'i got scared when he shouted at me',
    'me gritó y me asusté mucho',
    'me dio miedo cuando me gritó',
  ])('reads "%s" as concern at least: yelled at, and afraid', (text) => {
    expect(assessSafety(text)?.level).toMatch(/^(concern|danger)$/);
  });

  it.each([
    'ya no me da miedo estar en casa',
    "i'm not scared to be at home anymore",
    'me gritó porque llegué tarde, luego hablamos bien',
    'he yelled at me about the dishes, we laughed after',
    'i was scared to be home alone during the storm',
    'i was afraid to be honest at home this week, maybe a 2',
  ])('leaves "%s" alone', (text) => {
    expect(assessSafety(text)).toBeUndefined();
  });
});

describe("a request for one's own words or data, read by the model alone as danger (2026-12-07)", () => {
  it.each([
    'please send me everything I wrote',
    'delete all my data please',
    'quiero que borren mis datos por favor',
    'bórrame todo lo que escribí',
  ])('leaves "%s" alone: it asks for the program\'s data', (text) => {
    expect(assessSafety(text)).toBeUndefined();
  });

  it.each([
    'send me everything i wrote before i go for good',
    'send me all my notes, this is my last message',
    'borren todo lo que escribí que ya no quiero vivir',
  ])('still reads "%s" as danger: a goodbye may ask for the same', (text) => {
    expect(assessSafety(text)?.level).toBe('danger');
  });
});
