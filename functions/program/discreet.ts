/**
 * Discreet mode: for people whose messages may be read by someone else. Their texts, email subjects,
 * preheaders and sender name must not say what the program is about. The content build refuses a
 * discreet text that carries one of these words, and the tests read every message a discreet
 * participant can receive.
 */

/** Word stems that give away what the program is about ("marri" finds married and marriage). */
export const RELATIONSHIP_STEMS = [
  'trust',
  'distrust',
  'partner',
  'hurt',
  'affair',
  'betray',
  'relationship',
  'cheat',
  'infidel',
  'unfaithful',
  'marri',
  'marriage',
  'spous',
  'husband',
  'wife',
  'wives',
  'boyfriend',
  'girlfriend',
  'couple',
  'breach',
  'forgiv',
  'apolog',
  'lie',
  'lies',
  'lied',
  'lying',
  'therap',
  'divorc',
  'separat',
  'separaci',
  'abus',
  'violen',
  'domestic',
  // Safety at home, and working on it together: read on a lock screen, they say what is going on.
  'safe',
  'unsafe',
  'at home',
  'together',
  'why it happened',
  // A quarrel: read on a lock screen, it says what the texts are about.
  'fight',
  'argument',
  'arguing',
  // Spanish (content/es/): the same giveaways.
  'confian',
  'desconf',
  'pareja',
  'pelea',
  'discusi',
  'herid',
  'engañ',
  'traici',
  'relaci',
  'matrimon',
  'casad',
  'espos',
  'marido',
  'novio',
  'novia',
  'perdon',
  'perdón',
  'disculp',
  'mentir',
  'mentira',
  'mintió',
  'miente',
  'terap',
  'doméstic',
  'amante',
  'ruptura',
  'a salvo',
  'en casa',
  'juntos',
  'juntas',
  'el porqué',
] as const;

const WORDS = new RegExp(`\\b(?:${RELATIONSHIP_STEMS.join('|')})[a-z]*`, 'gi');

/** The relationship words a text carries ("partner", "trust"…), lower-cased; empty when it is discreet. */
export function relationshipWordsIn(text: string): string[] {
  return [...text.matchAll(WORDS)].map((m) => m[0].toLowerCase());
}
