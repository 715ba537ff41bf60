/**
 * The danger rules' anchors (program/safety-anchors.ts): the literal strings any match of a pattern must
 * contain, so a message runs only the rules it could match. An anchor set that is wrong drops a rule for a
 * message it would have matched: a missed cry for help. Each case here is a pattern, the anchors read from
 * it, and messages the pattern matches, every one of which must contain an anchor.
 */
import { describe, expect, it } from 'vitest';
import { AnchorIndex, anchorsOf } from '../../functions/program/safety-anchors';

const cases: [pattern: string, anchors: string[] | undefined, matches: string[]][] = [
  ['hit me', ['hit me'], ['he hit me']],
  // A quantifier binds the last character: "hits?" is "hit" and an optional "s".
  ['hits? me', ['hit'], ['he hit me', 'she hits me']],
  ['(?:punch|slap|kick)(?:ed|es)? me', ['punch', 'slap', 'kick'], ['he punched me', 'kick me', 'slapes me']],
  ['\\bhit\\b', ['hit'], ['a hit']],
  ['kill (?=myself)', ['kill '], ['i will kill myself']],
  ['kill (?!time)', ['kill '], ['kill them']],
  ['[abc]hit', ['hit'], ['ahit']],
  ['choke\\s+me', ['choke'], ['choke  me']],
  // The most selective part of a sequence: "hit"/"hits" over the common words around them.
  ['he (?:hit|hits) me', ['hit', 'hits'], ['he hits me']],
  ['(?:beat|hit)+ me', ['beat', 'hit'], ['beathit me']],
  ['(?:beat|hit){2} up', ['beat', 'hit'], ['beatbeat up']],
  // An optional group anchors nothing: what follows it does.
  ['(?:beat|hit)* me', [' me'], [' me', 'hit me']],
  ['(?:beat|hit){0,2} up', [' up'], [' up']],
  ['^hit$', ['hit'], ['hit']],
  ['hit\\.me', ['hit.me'], ['hit.me']],
  ['he (?:hit|slapped) (?:me|her)', ['hit', 'slapped'], ['he slapped her']],
  ['(?<=he )hit', ['hit'], ['he hit']],
  ['(?<!not )hit me', ['hit me'], ['he hit me']],
  ['x|y', ['x', 'y'], ['y']],
  ['(?:a|bb|ccc)dddd', ['dddd'], ['bbdddd']],
  ['(?:me|te) (?:voy a )?matar', ['matar'], ['te voy a matar', 'me matar']],
  // Nothing any match must contain: the rule always runs.
  ['.*', undefined, ['']],
  ['a|.*', undefined, ['zzz']],
  ['(unclosed', undefined, []],
];

describe('the anchors of a danger rule', () => {
  it.each(cases)('%s → %j', (pattern, anchors, matches) => {
    expect(anchorsOf(pattern)).toEqual(anchors);
    for (const text of matches) {
      const match = new RegExp(pattern).exec(text)?.[0];
      expect(match, `${pattern} matches "${text}"`).toBeDefined();
      if (anchors)
        expect(
          anchors.some((a) => match?.includes(a)),
          `an anchor in "${match}"`,
        ).toBe(true);
    }
  });

  it('reads a repeated group the same way the second time (groups are cached by their source)', () => {
    const group = '(?:strangle|smother|suffocate)';
    expect(anchorsOf(`${group}d me`)).toEqual(['strangle', 'smother', 'suffocate']);
    expect(anchorsOf(`she ${group}d me`)).toEqual(['strangle', 'smother', 'suffocate']);
    // Not the run of text around it when that is more selective.
    expect(anchorsOf(`${group}d me with a pillow`)).toEqual(['d me with a pillow']);
  });
});

describe('the anchor index', () => {
  const index = new AnchorIndex([['hit me'], ['slap', 'punch'], undefined, ['me'], ['kill myself']]);
  const touched = (text: string) => [...index.touched(text, 5)];

  it('finds every rule whose anchor a message contains, and the rules that always run', () => {
    expect(touched('he hit me')).toEqual([1, 0, 1, 1, 0]);
    expect(touched('she punched me')).toEqual([0, 1, 1, 1, 0]);
    expect(touched('i want to kill myself')).toEqual([0, 0, 1, 0, 1]);
  });

  it('finds anchors at the very start and end of a message, and short anchors in short messages', () => {
    expect(touched('slap')).toEqual([0, 1, 1, 0, 0]);
    expect(touched('xhit me')).toEqual([1, 0, 1, 1, 0]);
    expect(touched('me')).toEqual([0, 0, 1, 1, 0]);
  });

  it('runs only the rules that always run for a message with no anchor', () => {
    expect(touched('we had dinner together')).toEqual([0, 0, 1, 0, 0]);
    expect(touched('')).toEqual([0, 0, 1, 0, 0]);
  });

  it('needs the whole anchor, not its first three letters', () => {
    expect(touched('the hit list')).toEqual([0, 0, 1, 0, 0]);
    expect(touched('kill mice')).toEqual([0, 0, 1, 0, 0]);
  });
});
