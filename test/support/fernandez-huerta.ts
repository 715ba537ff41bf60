/**
 * Fernández-Huerta readability for Spanish (the Flesch reading ease adapted to Spanish):
 * 206.84 − 0.60 × syllables per 100 words − 1.02 × words per sentence (as textstat computes it; the
 * formula is often misquoted with sentences per 100 words, which makes short sentences harder). 90–100 very easy,
 * 80–90 easy, 70–80 fairly easy, 60–70 standard. Syllables are counted by Spanish rules: each run of
 * vowels is one syllable, except that two strong vowels (a, e, o, or an accented í/ú) side by side are
 * two (hiatus); "qu"/"gu" before e/i and a final "y" after a vowel carry no vowel of their own.
 */
const STRONG = new Set(['a', 'e', 'o', 'á', 'é', 'ó', 'í', 'ú']);
const VOWEL = /[aeiouáéíóúü]/;

export function spanishSyllables(word: string): number {
  const w = word
    .toLowerCase()
    .replace(/[^a-záéíóúüñ]/g, '')
    .replace(/(q|g)u(?=[eéií])/g, '$1');
  let count = 0;
  let previous = '';
  for (const ch of w) {
    if (VOWEL.test(ch)) {
      if (!previous || (STRONG.has(ch) && STRONG.has(previous))) count++;
      previous = ch;
    } else previous = '';
  }
  return Math.max(1, count);
}

/** The score of a text (plain text, sentences ending with . ! ? or a line end). */
export function fernandezHuerta(text: string): { score: number; words: number } {
  const sentences = text.split(/[.!?:;]+(?:\s|$)|\n+/).filter((s) => /\p{L}/u.test(s)).length;
  const words = text.match(/\p{L}+/gu) ?? [];
  if (!words.length) return { score: 0, words: 0 };
  const syllables = words.reduce((sum, word) => sum + spanishSyllables(word), 0);
  const P = (syllables / words.length) * 100;
  const F = words.length / Math.max(1, sentences);
  return { score: 206.84 - 0.6 * P - 1.02 * F, words: words.length };
}
