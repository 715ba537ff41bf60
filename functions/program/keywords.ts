/** SMS keywords, as carriers and Twilio define them, tolerant of case, punctuation and extra words. */
export type Keyword = 'stop' | 'start' | 'yes' | 'help';

const KEYWORDS: Record<string, Keyword> = {
  stop: 'stop',
  stopall: 'stop',
  unsubscribe: 'stop',
  cancel: 'stop',
  end: 'stop',
  quit: 'stop',
  revoke: 'stop',
  optout: 'stop',
  start: 'start',
  unstop: 'start',
  yes: 'yes',
  help: 'help',
  info: 'help',
};

/** The keyword a message opens with ("Stop.", "stop please", "STOP!!"), if any. */
export function keywordOf(body: string): Keyword | undefined {
  const first = body
    .trim()
    .toLowerCase()
    .split(/\s+/)[0]
    ?.replace(/[^a-z]/g, '');
  return first ? KEYWORDS[first] : undefined;
}
