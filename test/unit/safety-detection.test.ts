import { describe, expect, it } from 'vitest';
import { detectDanger, normaliseForSafety, type SafetyCategory } from '../../functions/program/safety';

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
  'i do not feel safe with him',
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
  "I'm terrified of him",
  'I am afraid of my husband',
  'I fear for my life',
  'he has a gun',
  'he held a knife to my throat',
  'he locked me in the bedroom',
  "he won't let me leave",
  'he never lets me see my friends',
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
  'he controls my money',
  'I feel unsafe',
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

const NOT_DANGER = [
  '4',
  '4/5',
  'four',
  '4 - better week',
  "I'd say a 3",
  'YES',
  'Y',
  'STOP',
  'HELP',
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
  'he hurt me so much when he lied',
  'you hurt me',
  'she hurt me again with another lie',
  '1 not safe',
  '2, did not feel safe to be honest',
  'it does not feel safe to talk about the affair yet',
  'she threatened to leave if I do not change',
  'he threatens to leave every time we fight',
  "I'm scared of her reaction",
  'I am afraid of him finding out',
  'I am scared of her leaving',
  'our marriage is in danger',
  'I want to end it with him',
  'I am going to end things',
  "I can't go on like this",
  'I cant do this anymore',
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
  'I hate my life right now',
  'he checks my phone every night',
  'she yelled at me',
  'we read about the hotline in the welcome email',
];

describe('detecting danger in a message', () => {
  const cases: [string, SafetyCategory][] = [
    ...SELF_HARM.map((t): [string, SafetyCategory] => [t, 'self-harm']),
    ...ABUSE.map((t): [string, SafetyCategory] => [t, 'abuse']),
    ...HARM_TO_OTHERS.map((t): [string, SafetyCategory] => [t, 'harm-to-others']),
  ];

  it.each(cases)('reads "%s" as %s', (text, category) => {
    expect(detectDanger(text)).toBe(category);
  });

  it.each(NOT_DANGER)('leaves "%s" alone', (text) => {
    expect(detectDanger(text)).toBeUndefined();
  });

  it('reports self-harm first when a message shows more than one kind of danger', () => {
    expect(detectDanger('he hit me and I want to die')).toBe('self-harm');
  });

  it('finds danger after the first line of a longer message', () => {
    expect(detectDanger('3\n\nthe week was ok mostly.\nbut honestly im scared to go home')).toBe('abuse');
  });

  it('never reads an empty or whitespace-only message as danger', () => {
    expect(detectDanger('')).toBeUndefined();
    expect(detectDanger('   \n ')).toBeUndefined();
  });
});

describe('the normalised text the phrase list reads', () => {
  it('folds case, accents, apostrophes, punctuation, repeated letters and leetspeak', () => {
    expect(normaliseForSafety("I'M  SOOO scaaared!!! to go hóme...")).toBe(' i am so scared to go home ');
    expect(normaliseForSafety('k1ll mys3lf')).toBe(' kil myself ');
    expect(normaliseForSafety('su!c!de')).toBe(' suicide ');
  });

  it('keeps a lone digit a digit, so "4" stays an answer', () => {
    expect(normaliseForSafety('4 - better week')).toBe(' 4 beter wek ');
  });

  it('spells out text-speak and fixes one-letter slips in the words that matter', () => {
    expect(normaliseForSafety('i wanna kms')).toBe(' i want to kil myself ');
    expect(normaliseForSafety('sucide')).toBe(' suicide ');
    expect(normaliseForSafety('he thretens me')).toBe(' he threatens me ');
  });
});
