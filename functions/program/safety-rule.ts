/** The detector's vocabulary (program/safety.ts): levels, categories, and the shape of one rule. */
import type { MessageLanguage } from './language';

/** What kind of danger a message shows; the flag and the operator alert carry only this. */
export type SafetyCategory = 'self-harm' | 'abuse' | 'harm-to-others' | 'call-for-help';

/** In the order they are reported when a message shows more than one. */
export const SAFETY_CATEGORIES: readonly SafetyCategory[] = [
  'self-harm',
  'abuse',
  'harm-to-others',
  'call-for-help',
];

/** Danger: crisis reply, pause, operator alert. Concern: a short reply with resources, nothing else. */
export type SafetyLevel = 'danger' | 'concern';

export interface SafetySignal {
  level: SafetyLevel;
  category: SafetyCategory;
  /** The language to answer in. */
  language: MessageLanguage;
}

/** One rule of the English or Spanish set. */
export interface SafetyRule {
  level: SafetyLevel;
  category: SafetyCategory;
  /** The sub-kind it catches (physical, threat, indirect…), for reading the rules. */
  kind: string;
  /** Regular-expression source (folded when compiled), or a reader of the normalised view. */
  pattern: string | ((view: string) => boolean);
  /** A "kill" threat or intent that a laugh ("lol", "jaja") turns into hyperbole. */
  hyperbole?: boolean;
  /** Not when the message laughs ("lol", "jaja"): "hiding in the bathroom to text you lol". */
  unlessLaugh?: boolean;
  /** Not when the message says the person agreed to it ("I let her read my texts"). */
  unlessConsent?: boolean;
  /**
   * The learned model cannot overrule it: a concrete act or means ("me tomé el frasco", "oxy saved up")
   * that people write with a minimiser ("lol", "no es nada grave", "estoy bien") the model reads as ordinary.
   */
  firm?: boolean;
  /** Not when the message is about the program or the app ("please help, the link is broken"). */
  unlessAboutApp?: boolean;
}
