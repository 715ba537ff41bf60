/**
 * Which rules can match a message at all, found without running (or compiling) them. Regular
 * expressions cost far more to compile (on first use, so on a cold start) than to run, and an ordinary
 * message would compile them all; so every pattern's source is read once for the literal strings that
 * any match must contain (its anchors: "hit me", or one of "punch", "slap", "kick"…), and a message
 * only runs the rules one of whose anchors it contains. A trigram index finds those in one pass.
 *
 * Reading the source covers the syntax the patterns use: groups, alternation, lookarounds, classes,
 * escapes, quantifiers. A pattern it cannot anchor always runs.
 */

/** Strings of which any match contains at least one; undefined when nothing is guaranteed. */
type Required = string[] | undefined;

const COMMON = new Set([
  'me',
  'my',
  'i',
  'the',
  'a',
  'to',
  'and',
  'he',
  'she',
  'you',
  'it',
  'is',
  'de',
  'la',
  'el',
  'que',
  'y',
  'en',
  'lo',
  'le',
  'se',
  'no',
  'mi',
  'of',
  'on',
  'in',
]);

/** How selective a set of anchors is: its shortest string, a common word counting as one letter. */
function selectivity(set: readonly string[]): number {
  let worst = Number.POSITIVE_INFINITY;
  for (const s of set) {
    let start = 0;
    let end = s.length;
    while (start < end && s.charCodeAt(start) === 32) start++;
    while (end > start && s.charCodeAt(end - 1) === 32) end--;
    const length = end - start;
    const score = length <= 3 && COMMON.has(s.slice(start, end)) ? 1 : length;
    if (score < worst) worst = score;
  }
  return worst;
}

/**
 * The source as tokens: an escape, a class, a group opening, a parenthesis or bar, a quantifier, an
 * assertion or dot, or a run of plain characters (read as one token: most of the source).
 */
const TOKENS =
  /\\[\s\S]|\[(?:\\[\s\S]|[^\]\\])*\]|\(\?(?:<[=!]|[=!:])|[()|]|\{\d+(?:,\d*)?\}\??|[?*+]\??|[$^.]|[^\\[\](){}|?*+$^.]+/g;

type Item =
  | { kind: 'text'; text: string }
  | { kind: 'any' }
  | { kind: 'zero-width' }
  | { kind: 'group'; required: Required };

/** Groups already read, by their source: the same person and verb lists recur in many patterns. */
const GROUPS = new Map<string, Item>();

class Reader {
  private at = 0;
  constructor(
    private readonly source: string,
    private readonly tokens: readonly string[],
    private readonly offsets: readonly number[],
    /** For each opening parenthesis, the token index just past its closing one. */
    private readonly closes: readonly number[],
  ) {}

  /** The whole pattern. */
  read(): Required {
    const required = this.alternation();
    return this.at === this.tokens.length ? required : undefined;
  }

  private alternation(): Required {
    const first = this.sequence();
    if (this.tokens[this.at] !== '|') return first;
    const union = new Set<string>(first);
    let anchored = first !== undefined;
    while (this.tokens[this.at] === '|') {
      this.at++;
      const next = this.sequence();
      if (!next) anchored = false;
      else for (const s of next) union.add(s);
    }
    return anchored ? [...union] : undefined;
  }

  /** A sequence: the most selective of its literal runs and of its required groups. */
  private sequence(): Required {
    let best: string[] | undefined;
    let bestScore = 0;
    const offer = (candidate: string[]) => {
      const score = selectivity(candidate);
      if (!best || score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    };
    let run = '';
    for (
      let token = this.tokens[this.at];
      token !== undefined && token !== '|' && token !== ')';
      token = this.tokens[this.at]
    ) {
      const item = this.item(token);
      const quantified = this.quantifier();
      if (item.kind === 'zero-width') continue;
      if (item.kind === 'text') {
        if (!quantified) {
          run += item.text;
          continue;
        }
        // A quantifier binds the last character only: "hits?" is "hit" then an optional "s".
        run += item.text.slice(0, -1);
        if (quantified.min >= 1) run += item.text.slice(-1);
      } else if (item.kind === 'group' && item.required?.length && (!quantified || quantified.min >= 1)) {
        offer(item.required);
      }
      if (run) offer([run]);
      run = '';
    }
    if (run) offer([run]);
    return best;
  }

  /** The quantifier after an item, if any. */
  private quantifier(): { min: number } | undefined {
    const token = this.tokens[this.at] ?? '';
    const c = token[0];
    if (c !== '?' && c !== '*' && c !== '+' && c !== '{') return undefined;
    this.at++;
    if (c === '?' || c === '*') return { min: 0 };
    if (c === '+') return { min: 1 };
    return { min: Number.parseInt(token.slice(1), 10) };
  }

  /** The token index just past the parenthesis closing the group that opens at token `open`. */
  private closing(open: number): number {
    return this.closes[open] ?? this.tokens.length;
  }

  /** A group, the reader past its opening token. */
  private group(open: string): Item {
    const lookaround = open.length === 4 || (open.length === 3 && open !== '(?:');
    const required = this.alternation();
    if (this.tokens[this.at] !== ')') throw new Error('unclosed group');
    this.at++;
    return lookaround ? { kind: 'zero-width' } : { kind: 'group', required };
  }

  private item(token: string): Item {
    this.at++;
    const c = token[0];
    if (c === '(') {
      const start = this.at - 1;
      const end = this.closing(start);
      // A lookaround consumes nothing: what it holds is no anchor, so it is skipped unread.
      if (token.length === 4 || (token.length === 3 && token !== '(?:')) {
        this.at = end;
        return { kind: 'zero-width' };
      }
      const key = end > start + 8 ? this.source.slice(this.offsets[start], this.offsets[end]) : undefined;
      const known = key === undefined ? undefined : GROUPS.get(key);
      if (known) {
        this.at = end;
        return known;
      }
      const item = this.group(token);
      if (key !== undefined) GROUPS.set(key, item);
      return item;
    }
    if (c === '[' || c === '.') return { kind: 'any' };
    if (c === '^' || c === '$') return { kind: 'zero-width' };
    if (c === '\\') {
      const e = token[1] ?? '';
      if (e === 'b' || e === 'B') return { kind: 'zero-width' };
      if (/[wWdDsS]/.test(e)) return { kind: 'any' };
      return { kind: 'text', text: e };
    }
    if (c === ')' || c === '|') throw new Error('unexpected token');
    return { kind: 'text', text: token };
  }
}

/** The anchors of a regular-expression source, or undefined when it cannot be anchored. */
export function anchorsOf(source: string): string[] | undefined {
  try {
    const tokens: string[] = [];
    const offsets: number[] = [];
    TOKENS.lastIndex = 0;
    for (let m = TOKENS.exec(source); m; m = TOKENS.exec(source)) {
      tokens.push(m[0]);
      offsets.push(m.index);
    }
    offsets.push(source.length);
    const closes: number[] = [];
    const open: number[] = [];
    tokens.forEach((token, i) => {
      if (token[0] === '(') open.push(i);
      else if (token === ')') {
        const start = open.pop();
        if (start !== undefined) closes[start] = i + 1;
      }
    });
    return new Reader(source, tokens, offsets, closes).read();
  } catch {
    return undefined;
  }
}

/** Finds, in one pass over a text, which of many anchor sets it touches. */
export class AnchorIndex {
  private readonly byTrigram = new Map<string, [number, string][]>();
  private readonly short: [number, string][] = [];
  private readonly always: number[] = [];

  /** `anchors[i]` for item i, or undefined for an item that must always be tried. */
  constructor(anchors: readonly (readonly string[] | undefined)[]) {
    anchors.forEach((set, item) => {
      if (!set) {
        this.always.push(item);
        return;
      }
      for (const s of set) {
        if (s.length < 3) {
          this.short.push([item, s]);
          continue;
        }
        const key = s.slice(0, 3);
        const list = this.byTrigram.get(key);
        if (list) list.push([item, s]);
        else this.byTrigram.set(key, [[item, s]]);
      }
    });
  }

  /** The items whose anchors `text` contains (and those always tried), as a lookup by item. */
  touched(text: string, size: number): Uint8Array {
    const hit = new Uint8Array(size);
    for (const item of this.always) hit[item] = 1;
    for (const [item, s] of this.short) if (!hit[item] && text.includes(s)) hit[item] = 1;
    for (let i = 0; i + 3 <= text.length; i++) {
      const list = this.byTrigram.get(text.slice(i, i + 3));
      if (!list) continue;
      for (const [item, s] of list) if (!hit[item] && text.startsWith(s, i)) hit[item] = 1;
    }
    return hit;
  }
}
