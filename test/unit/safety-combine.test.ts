/**
 * How the danger detector (program/safety.ts) joins its two readers, one decision at a time: when the
 * learned model may overrule a rule, when it turns a rule's concern into danger, when it answers alone, and
 * what a denial or a story from long ago changes. The decisions are shown with readings made up for the
 * purpose (so each threshold can be seen at its edge), then with the real rules and model on messages.
 * How well the whole detector hears people is measured in safety-eval.test.ts.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  assessSafety,
  assessSafetyByRules,
  BURIED_WORDS,
  combine,
  combineAt,
  type LanguageThresholds,
  type MessageLanguage,
  modelReading,
  readableByModel,
  rulesAnswer,
  type SafetyCategory,
  type SafetySignal,
  setsHarmApart,
} from '../../functions/program/safety';
import type { ModelReading } from '../../functions/program/safety-model';
import { CALM, HURT, handMade } from '../support/hand-made-model';

const T: LanguageThresholds = {
  en: { danger: 0.8, stretch: 0.9, concern: 0.9, veto: 0.2, escalate: 0.8 },
  es: { danger: 0.7, stretch: 0.9, concern: 0.9, veto: 0.3, escalate: 0.8 },
};
const english = (): MessageLanguage => 'en';
const spanish = (): MessageLanguage => 'es';
const reading = (over: Partial<ModelReading>): ModelReading => ({
  danger: 0.5,
  signal: 0.5,
  category: 'abuse',
  words: 12,
  ...over,
});
const rule = (
  category: SafetyCategory,
  level: SafetySignal['level'] = 'danger',
  language: MessageLanguage = 'en',
): SafetySignal => ({ level, category, language });
const ABUSE = rule('abuse');

describe('a rule and the model', () => {
  it('a message too short for the model keeps what the rules said', () => {
    expect(combineAt(ABUSE, undefined, T, english)).toEqual(ABUSE);
    expect(combineAt(undefined, undefined, T, english)).toBeUndefined();
  });

  it('the model overrules a rule only when both its danger and its signal are under the veto', () => {
    expect(combineAt(ABUSE, reading({ danger: 0.1, signal: 0.19 }), T, english)).toBeUndefined();
    expect(combineAt(ABUSE, reading({ danger: 0.1, signal: 0.2 }), T, english)).toEqual(ABUSE);
    expect(combineAt(ABUSE, reading({ danger: 0.25, signal: 0.01 }), T, english)).toEqual(ABUSE);
  });

  it('never overrules a firm rule (a concrete act or means, often written with a minimiser)', () => {
    expect(combineAt(ABUSE, reading({ danger: 0.01, signal: 0.01 }), T, english, false, true)).toEqual(ABUSE);
  });

  it('reads the veto at the thresholds of the language the rule heard, not the guessed one', () => {
    const es = rule('abuse', 'danger', 'es');
    const guess = vi.fn(english);
    expect(combineAt(es, reading({ danger: 0.25, signal: 0.25 }), T, guess)).toBeUndefined();
    expect(guess).not.toHaveBeenCalled();
    expect(combineAt(ABUSE, reading({ danger: 0.25, signal: 0.25 }), T, spanish)).toEqual(ABUSE);
  });

  it('in a long email, a stretch that reads as danger keeps the rule though the whole reads ordinary', () => {
    const calmWhole = { danger: 0.05, signal: 0.05 };
    const peak = (danger: number) => ({ danger, signal: danger, category: 'abuse' as const });
    expect(
      combineAt(ABUSE, reading({ ...calmWhole, words: BURIED_WORDS, peak: peak(0.9) }), T, english),
    ).toEqual(ABUSE);
    expect(
      combineAt(ABUSE, reading({ ...calmWhole, words: BURIED_WORDS, peak: peak(0.89) }), T, english),
    ).toBe(undefined);
    expect(
      combineAt(ABUSE, reading({ ...calmWhole, words: BURIED_WORDS - 1, peak: peak(0.99) }), T, english),
    ).toBeUndefined();
    expect(combineAt(ABUSE, reading({ ...calmWhole, words: undefined, peak: peak(0.99) }), T, english)).toBe(
      undefined,
    );
  });

  it('in a long email, the sentence the rule heard must read ordinary alone too, and be long enough to read', () => {
    const calmWhole = { danger: 0.05, signal: 0.05, words: 80 };
    const at = (atRule: ModelReading['atRule']) =>
      combineAt(ABUSE, reading({ ...calmWhole, atRule }), T, english);
    expect(at({ danger: 0.95, signal: 0.97 })).toEqual(ABUSE);
    expect(at({ danger: 0.01, signal: 0.25 })).toEqual(ABUSE);
    expect(at({ danger: 0.01, signal: 0.02 })).toBeUndefined();
    expect(at('too-short')).toEqual(ABUSE);
    expect(at(undefined)).toBeUndefined();
  });
});

describe('a denial or a story from another time', () => {
  const heard = reading({ danger: 0.6, signal: 0.7 });

  it("lowers a rule's danger of abuse or harm to others to concern", () => {
    expect(combineAt(ABUSE, heard, T, english, true)).toEqual({ ...ABUSE, level: 'concern' });
    const others = rule('harm-to-others');
    expect(combineAt(others, heard, T, english, () => true)).toEqual({ ...others, level: 'concern' });
    expect(combineAt(ABUSE, heard, T, english, () => false)).toEqual(ABUSE);
  });

  it('never lowers self-harm, a call for help, or a firm rule, and is not even read for them', () => {
    const apart = vi.fn(() => true);
    expect(combineAt(rule('self-harm'), heard, T, english, apart)).toEqual(rule('self-harm'));
    expect(combineAt(rule('call-for-help'), heard, T, english, apart)).toEqual(rule('call-for-help'));
    expect(combineAt(ABUSE, heard, T, english, apart, true)).toEqual(ABUSE);
    expect(apart).not.toHaveBeenCalled();
  });

  it('is read once however many decisions ask', () => {
    const apart = vi.fn(() => true);
    const sure = reading({
      danger: 0.95,
      signal: 0.95,
      peak: { danger: 0.95, signal: 0.9, category: 'abuse' },
    });
    expect(combineAt(undefined, sure, T, english, apart)?.level).toBe('concern');
    expect(apart).toHaveBeenCalledTimes(1);
  });
});

describe("the model turns a rule's concern into danger", () => {
  const concern = rule('abuse', 'concern');

  it('when its danger is above the escalation threshold', () => {
    expect(combineAt(concern, reading({ danger: 0.81, category: 'self-harm' }), T, english)).toEqual({
      ...concern,
      level: 'danger',
    });
    expect(combineAt(concern, reading({ danger: 0.8, category: 'self-harm' }), T, english)).toEqual(concern);
  });

  it('unless what it hears is abuse or harm to others that the message sets apart', () => {
    const sure = reading({ danger: 0.95 });
    expect(combineAt(concern, sure, T, english, true)).toEqual(concern);
    expect(combineAt(concern, sure, T, english, false)?.level).toBe('danger');
    expect(
      combineAt(concern, reading({ danger: 0.95, category: 'self-harm' }), T, english, true)?.level,
    ).toBe('danger');
  });
});

describe('the model alone, where no rule answers', () => {
  it('answers danger of the kind it finds likeliest above the threshold of the guessed language', () => {
    const r = reading({ danger: 0.81, signal: 0.5, category: 'self-harm' });
    expect(combineAt(undefined, r, T, english)).toEqual(rule('self-harm'));
    expect(combineAt(undefined, reading({ danger: 0.8, category: 'self-harm' }), T, english)).toBeUndefined();
    const es = reading({ danger: 0.75, category: 'self-harm' });
    expect(combineAt(undefined, es, T, spanish)).toEqual(rule('self-harm', 'danger', 'es'));
    expect(combineAt(undefined, es, T, english)).toBeUndefined();
  });

  it('must be surer of abuse or harm to others in a message under eight words', () => {
    const short = (words: number | undefined, danger: number, category: SafetyCategory = 'abuse') =>
      combineAt(undefined, reading({ danger, words, category }), T, english)?.level;
    expect(short(7, 0.85)).toBeUndefined();
    expect(short(7, 0.9)).toBeUndefined();
    expect(short(7, 0.91)).toBe('danger');
    expect(short(8, 0.85)).toBe('danger');
    expect(short(undefined, 0.85)).toBe('danger');
    expect(short(7, 0.85, 'self-harm')).toBe('danger');
    expect(short(7, 0.85, 'harm-to-others')).toBeUndefined();
  });

  it('answers danger of the kind of the most dangerous stretch of a long message', () => {
    const stretch = (danger: number, category: SafetyCategory) =>
      reading({ danger: 0.1, signal: 0.1, words: 90, peak: { danger, signal: 0.5, category } });
    expect(combineAt(undefined, stretch(0.95, 'self-harm'), T, english)).toEqual(rule('self-harm'));
    expect(combineAt(undefined, stretch(0.9, 'self-harm'), T, english)).toBeUndefined();
    expect(combineAt(undefined, stretch(0.95, 'abuse'), T, english, true)).toEqual(rule('abuse', 'concern'));
  });

  it('answers concern when any signal is above its threshold, and lowers set-apart danger to concern', () => {
    expect(combineAt(undefined, reading({ danger: 0.5, signal: 0.91 }), T, english)).toEqual(
      rule('abuse', 'concern'),
    );
    expect(combineAt(undefined, reading({ danger: 0.5, signal: 0.9 }), T, english)).toBeUndefined();
    expect(combineAt(undefined, reading({ danger: 0.95 }), T, english, true)).toEqual(
      rule('abuse', 'concern'),
    );
    expect(combineAt(undefined, reading({ danger: 0.95, category: 'self-harm' }), T, english, true)).toEqual(
      rule('self-harm'),
    );
  });
});

describe('the model alone, held to what the rules already know', () => {
  const sure = (category: SafetyCategory) => reading({ danger: 0.99, signal: 0.99, category, words: 9 });

  it('hears no plea in a message about the app, and a plea anywhere else', () => {
    expect(
      combine('could someone help me find the link for day 12', undefined, sure('call-for-help')),
    ).toBeUndefined();
    expect(combine('could someone come over right now, please', undefined, sure('call-for-help'))).toEqual(
      rule('call-for-help'),
    );
  });

  it('takes a laughing "kill" threat as hyperbole, but never a laugh after self-harm or a blow', () => {
    expect(
      combine('if he parks in my spot again i will kill him lol', undefined, sure('harm-to-others')),
    ).toBeUndefined();
    expect(combine('she would murder me if she saw this 😂', undefined, sure('abuse'))).toBeUndefined();
    expect(combine('honestly thinking of killing myself tonight lol', undefined, sure('self-harm'))).toEqual(
      rule('self-harm'),
    );
    expect(combine('he slapped me across the face again lol', undefined, sure('abuse'))).toEqual(ABUSE);
    expect(combine('i will kill him, he knows what he did', undefined, sure('harm-to-others'))).toEqual(
      rule('harm-to-others'),
    );
  });

  it('leaves a rule’s answer as the rule gave it', () => {
    expect(combine('if he parks in my spot again i will kill him lol', ABUSE, sure('abuse'))).toEqual(ABUSE);
  });
});

describe('what sets harm apart', () => {
  it.each([
    'he has never hit me',
    'no threats, just a lot of silence',
    'there was no violence, only shouting',
    'growing up my dad yelled a lot',
    'my first husband was cruel to me',
    'nunca me ha pegado',
    'sin amenazas, solo silencio',
    'de niña vi muchas peleas',
  ])('a denial or another time: %s', (text) => {
    expect(setsHarmApart(text)).toBe(true);
  });

  it.each([
    'he hit me last night',
    'he has never hit me, but last night he choked me',
    'nunca me ha pegado pero anoche me ahorcó',
    'we had a good week',
  ])('not: %s', (text) => {
    expect(setsHarmApart(text)).toBe(false);
  });
});

describe('what the model reads', () => {
  const model = handMade();
  /** A calm message of exactly `n` words, in several sentences. */
  const calm = (n: number) => {
    const words = CALM.join(' ').split(' ');
    let out: string[] = [];
    while (out.length < n) out = [...out, ...words];
    return out.slice(0, n).join(' ');
  };

  it('messages of five words or more', () => {
    expect(readableByModel('one two three four')).toBe(false);
    expect(readableByModel('one - two - three - four - five')).toBe(true);
    expect(modelReading('he hit me hard', false, model)).toBeUndefined();
    expect(modelReading(HURT, false, model)?.danger).toBeGreaterThan(0.9);
  });

  it('the stretches of a long message that reads calm only when a rule answered it, from forty words', () => {
    expect(calm(BURIED_WORDS).match(/\p{L}+/gu)).toHaveLength(BURIED_WORDS);
    expect(modelReading(calm(BURIED_WORDS), true, model)?.peak).toBeDefined();
    expect(modelReading(calm(BURIED_WORDS), false, model)?.peak).toBeUndefined();
    expect(modelReading(calm(BURIED_WORDS), undefined, model)?.peak).toBeUndefined();
    expect(modelReading(calm(BURIED_WORDS - 1), true, model)?.peak).toBeUndefined();
  });

  it('the sentences of a long message that the rules answer alone, when a rule answered it', () => {
    const around = (sentence: string) => `${calm(30)}. ${sentence} ${calm(30)}.`;
    const hurt = modelReading(around(`${HURT}.`), true, model)?.atRule;
    expect(hurt).toMatchObject({ danger: expect.any(Number), signal: expect.any(Number) });
    expect(hurt !== 'too-short' && hurt?.danger).toBeGreaterThan(0.9);
    expect(modelReading(around('He choked me on Friday.'), true, model)?.atRule).toMatchObject({
      danger: expect.any(Number),
    });
    expect(modelReading(around('He hit me.'), true, model)?.atRule).toBe('too-short');
    expect(modelReading(around('We laughed.'), true, model)?.atRule).toBeUndefined();
    expect(modelReading(around(`${HURT}.`), false, model)?.atRule).toBeUndefined();
    expect(modelReading(`${calm(10)}. ${HURT}.`, true, model)?.atRule).toBeUndefined();
  });
});

describe('the detector on whole messages', () => {
  const email = (sentence: string) => [...CALM.slice(0, 3), sentence, ...CALM.slice(3)].join(' ');

  it.each([
    'He choked me on Friday.',
    'He slammed me into the wall.',
    'He threw a glass at my head.',
    'He hit me.',
  ])('one sentence of violence among a long email of news is danger: %s', (sentence) => {
    expect(assessSafety(email(sentence))).toEqual(ABUSE);
  });

  it('an idiom among a long email of news stays ordinary', () => {
    expect(assessSafetyByRules(email('I shot myself in the foot at work with that email.'))?.level).toBe(
      'danger',
    );
    expect(assessSafety(email('I shot myself in the foot at work with that email.'))).toBeUndefined();
  });

  it('a call for help with two or more exclamation marks, and not a bare HELP or one about the app', () => {
    for (const text of ['help!!', '  help !!! ', 'HELP!!!!'])
      expect(assessSafetyByRules(text)).toEqual(rule('call-for-help'));
    for (const text of ['help', 'help!', 'help!! with the homework', 'I love the help!!'])
      expect(assessSafetyByRules(text)).toBeUndefined();
  });

  it('skips a rule when the message says it was agreed, laughs, or is about the app', () => {
    expect(assessSafetyByRules('he tracks my location')?.level).toBe('concern');
    expect(assessSafetyByRules('I let him track my location')).toBeUndefined();
    expect(assessSafetyByRules('hiding in the bathroom from him')).toEqual(ABUSE);
    expect(assessSafetyByRules('hiding in the bathroom to text you lol')).toBeUndefined();
    expect(assessSafetyByRules('please help me')).toEqual(rule('call-for-help'));
    expect(assessSafetyByRules('please help me, the link is broken')).toBeUndefined();
  });

  it('names the most urgent kind when a message holds several', () => {
    expect(assessSafetyByRules('he said he would kill me and I want to die')?.category).toBe('self-harm');
    expect(assessSafetyByRules('I will kill him, he choked me')?.category).toBe('abuse');
    expect(assessSafetyByRules('I want to kill him')?.category).toBe('harm-to-others');
  });

  it('says whether the rule that answered is firm (the model cannot overrule it)', () => {
    expect(rulesAnswer('I cut my arm with a razor again')).toEqual({ signal: rule('self-harm'), firm: true });
    expect(rulesAnswer('he punched me in the face')).toEqual({ signal: ABUSE, firm: false });
    expect(rulesAnswer('help!!')).toEqual({ signal: rule('call-for-help'), firm: false });
    expect(rulesAnswer('he reads my texts')).toEqual({ signal: rule('abuse', 'concern'), firm: false });
    expect(rulesAnswer('   ')).toEqual({ signal: undefined, firm: false });
    expect(rulesAnswer('we had a good week')).toEqual({ signal: undefined, firm: false });
  });
});

describe('a function just started (the detector loaded afresh, as a cold Lambda loads it)', () => {
  // Loaded again here, not imported above: what the module builds when it loads (its laugh, SOS and
  // hyperbole patterns) and on its first message (the compiled rules) is then built in this test too.
  let fresh: typeof import('../../functions/program/safety');
  beforeAll(async () => {
    vi.resetModules();
    fresh = await import('../../functions/program/safety');
  });

  it('answers its first messages as it answers later ones (the rules are compiled on the first)', () => {
    expect(fresh.assessSafety('he punched me in the face')).toEqual(ABUSE);
    expect(fresh.assessSafety('I want to kill myself')).toEqual(rule('self-harm'));
    expect(fresh.assessSafety('I want to kill him')).toEqual(rule('harm-to-others'));
    expect(fresh.assessSafety('me pegó anoche')).toEqual(rule('abuse', 'danger', 'es'));
    expect(fresh.assessSafety('he reads my texts')).toEqual(rule('abuse', 'concern'));
    expect(fresh.assessSafety('me revisa el celular')).toEqual(rule('abuse', 'concern', 'es'));
    expect(fresh.assessSafety('we had a good week, 4')).toBeUndefined();
    expect(fresh.assessSafetyByRules('he said he would kill me and I want to die')?.category).toBe(
      'self-harm',
    );
  });

  it('hears a denial or another time, unless the message turns back to now', () => {
    expect(fresh.setsHarmApart('no threats, just a lot of silence')).toBe(true);
    expect(fresh.setsHarmApart('sin amenazas, solo silencio')).toBe(true);
    expect(fresh.setsHarmApart('he has never hit me, but last night he choked me')).toBe(false);
    expect(fresh.setsHarmApart('he never hit me until yesterday')).toBe(false);
    expect(fresh.setsHarmApart('he never hit me, but then yesterday he choked me')).toBe(false);
    expect(fresh.setsHarmApart('we had a good week')).toBe(false);
  });

  it.each([
    'haha',
    'hahaha',
    'hehe',
    'hehehe',
    'jaja',
    'jajaja',
    'jeje',
    'jejeje',
    'jiji',
    'jijiji',
    'lmao',
    'xd',
    '😂',
  ])('reads a threat to kill with a laugh as hyperbole: %s', (laugh) => {
    expect(fresh.assessSafetyByRules('she is going to kill me')).toEqual(ABUSE);
    expect(fresh.assessSafetyByRules(`she is going to kill me ${laugh}`)).toBeUndefined();
  });

  it.each([
    'she will literally murder me',
    'me va a matar',
    'i will strangle him',
    'lo voy a ahorcar',
    'me va a golpear',
    'me va a pegar',
    'i will stab him',
    'lo voy a apuñalar',
    'le voy a disparar',
  ])('in every word of the threat: %s', (threat) => {
    expect(fresh.assessSafetyByRules(threat)?.level).toBe('danger');
    expect(fresh.assessSafetyByRules(`${threat} lol`)).toBeUndefined();
  });

  it('hears SOS alone, in capitals in a sentence, or with a plea, and not the Argentine "sos"', () => {
    for (const text of [
      'SOS',
      'sos',
      '  sos!! ',
      'SOS come now',
      'I need an SOS',
      'sos please',
      'help sos',
      '🆘',
    ])
      expect(fresh.assessSafetyByRules(text)).toEqual(rule('call-for-help'));
    for (const text of ['vos sos un amor', 'que sos lindo', 'sosa', 'SOSO', 'xSOS'])
      expect(fresh.assessSafetyByRules(text)).toBeUndefined();
  });
});
