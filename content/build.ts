/**
 * Loads the program from content/ (YAML), validates it, and renders every Markdown body to an HTML
 * fragment and to plain text. Build time only: nothing here is bundled into a Lambda.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Marked, type RendererObject, type Token, type Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';
import type { MessageLanguage } from '../functions/program/safety';
import type {
  HelpLines,
  Language,
  SafetyEmail,
  Step,
  SystemEmail,
  SystemMessages,
} from '../functions/program/types';
import { PALETTE } from '../functions/render/palette';
import { SEED_IDEAS, type SeedIdea } from './ideas';
import {
  ContentError,
  HELP_LINE_PLACEHOLDERS,
  mergeTranslatedSteps,
  parseSteps,
  parseSystem,
  type SourceStep,
} from './schema';

export const CONTENT_DIR = __dirname;

/** The heading of the closing block every lesson ends with, in each language. */
export const TODO_HEADINGS: Record<Language, string> = { en: 'Your step today', es: 'Tu paso de hoy' };
export const TODO_HEADING = TODO_HEADINGS.en;

/** Where a language's words live: English in content/ itself, every other language in content/<language>/. */
export const languageDir = (dir: string, language: Language) =>
  language === 'en' ? dir : path.join(dir, language);

// Placeholders are swapped for plain words while Markdown renders, so `{{name}}` survives intact
// (marked would percent-encode the braces inside a link).
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const SHIELDED = /KINTSUGIPLACEHOLDER([A-Za-z0-9]+)X/g;
const shield = (md: string) => md.replace(PLACEHOLDER, (_m, name: string) => `KINTSUGIPLACEHOLDER${name}X`);
const unshield = (out: string) => out.replace(SHIELDED, (_m, name: string) => `{{${name}}}`);
/**
 * In HTML, a help line's placeholder is filled as it is (`{{{name}}}`): its value is HTML this build rendered
 * from content/system.yaml (its links), never anything a person typed.
 */
const HELP_LINES: ReadonlySet<string> = new Set(HELP_LINE_PLACEHOLDERS);
const unshieldHtml = (out: string) =>
  out.replace(SHIELDED, (_m, name: string) => (HELP_LINES.has(name) ? `{{{${name}}}}` : `{{${name}}}`));

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const P_STYLE = 'margin:0 0 16px;';
const LINK_STYLE = `color:${PALETTE.link};text-decoration:underline;`;

/** HTML for email: inline styles, because many mail clients drop <style> rules. */
const htmlRenderer: RendererObject = {
  paragraph({ tokens }) {
    return `<p style="${P_STYLE}">${this.parser.parseInline(tokens)}</p>\n`;
  },
  heading({ tokens }) {
    return `<p style="margin:24px 0 8px;font-size:19px;line-height:1.4;font-weight:bold;">${this.parser.parseInline(tokens)}</p>\n`;
  },
  list(list: Tokens.List) {
    const tag = list.ordered ? 'ol' : 'ul';
    const items = list.items
      .map((item) => `<li style="margin:0 0 8px;">${this.parser.parse(item.tokens)}</li>\n`)
      .join('');
    return `<${tag} style="margin:0 0 16px;padding:0 0 0 24px;">\n${items}</${tag}>\n`;
  },
  link({ href, tokens }) {
    return `<a class="k-link" href="${escapeAttr(href)}" style="${LINK_STYLE}">${this.parser.parseInline(tokens)}</a>`;
  },
};

/** Plain text for the email's text part: no markup, links written out. */
const textRenderer: RendererObject = {
  paragraph({ tokens }) {
    return `${this.parser.parseInline(tokens)}\n\n`;
  },
  heading({ tokens }) {
    return `${this.parser.parseInline(tokens)}\n\n`;
  },
  list(list: Tokens.List) {
    const start = typeof list.start === 'number' ? list.start : 1;
    const items = list.items.map(
      (item, i) => `${list.ordered ? `${start + i}.` : '-'} ${this.parser.parse(item.tokens).trim()}`,
    );
    return `${items.join('\n')}\n\n`;
  },
  blockquote({ tokens }) {
    const inner = this.parser.parse(tokens).trim();
    return `${inner.replace(/^/gm, '> ')}\n\n`;
  },
  hr() {
    return '---\n\n';
  },
  strong({ tokens }) {
    return this.parser.parseInline(tokens);
  },
  em({ tokens }) {
    return this.parser.parseInline(tokens);
  },
  codespan({ text }) {
    return text;
  },
  br() {
    return '\n';
  },
  link({ href, tokens }) {
    const text = this.parser.parseInline(tokens);
    // A number, or a site named by its own address ("findahelpline.com"), is written once.
    return text === href || href === `https://${text}` || href.startsWith('tel:')
      ? text
      : `${text} (${href})`;
  },
  text(token: Tokens.Text | Tokens.Escape) {
    return 'tokens' in token && token.tokens ? this.parser.parseInline(token.tokens) : token.text;
  },
};

const ALLOWED_TOKENS = new Set([
  'space',
  'paragraph',
  'heading',
  'list',
  'list_item',
  'text',
  'strong',
  'em',
  'link',
  'br',
  'escape',
  'codespan',
  'blockquote',
  'hr',
]);

const htmlMarked = new Marked({ gfm: true, renderer: htmlRenderer });
const textMarked = new Marked({ gfm: true, renderer: textRenderer });

/** Rejects Markdown an email can't carry safely: raw HTML, images, tables, code blocks. */
function checkTokens(markdown: string, where: string): void {
  htmlMarked.walkTokens(htmlMarked.lexer(markdown), (token: Token) => {
    if (!ALLOWED_TOKENS.has(token.type))
      throw new Error(`${where}: Markdown "${token.type}" is not allowed in an email body`);
    if (token.type === 'link' && !/^(https:\/\/|mailto:|tel:|KINTSUGIPLACEHOLDER)/.test(token.href)) {
      throw new Error(`${where}: link "${token.href}" must be https:, mailto:, tel: or a {{placeholder}}`);
    }
  });
}

/** Renders a Markdown body (and a lesson's closing step) to an HTML fragment and to plain text. */
export function renderBody(
  markdown: string,
  todo: string | undefined,
  where: string,
  language: Language = 'en',
): { html: string; text: string } {
  const todoHeading = TODO_HEADINGS[language];
  const md = shield(markdown);
  checkTokens(md, where);
  let html = htmlMarked.parse(md, { async: false }).trim();
  let text = textMarked.parse(md, { async: false });
  if (todo !== undefined) {
    const todoMd = shield(todo);
    checkTokens(todoMd, `${where} todo`);
    const inline = htmlMarked.parseInline(todoMd, { async: false });
    html +=
      `\n<table role="presentation" class="k-todo" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:24px 0 0;border-collapse:collapse;">` +
      `<tr><td style="border-left:4px solid ${PALETTE.seam};background-color:${PALETTE.todo};padding:14px 18px;color:${PALETTE.ink};">` +
      `<p style="margin:0 0 6px;font-weight:bold;">${todoHeading}</p><p style="margin:0;">${inline}</p></td></tr></table>`;
    text += `${todoHeading.toLocaleUpperCase(language)}\n${textMarked.parseInline(todoMd, { async: false })}\n`;
  }
  return {
    html: unshieldHtml(html),
    text: unshield(text)
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
  };
}

/** Renders a line of Markdown (a help line's wording) to inline HTML and plain text. */
export function renderInline(markdown: string, where: string): { html: string; text: string } {
  const md = shield(markdown.trim());
  checkTokens(md, where);
  return {
    html: unshield(htmlMarked.parseInline(md, { async: false })),
    text: unshield(textMarked.parseInline(md, { async: false })),
  };
}

function readYaml(file: string): unknown {
  try {
    return parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ContentError(file, [error instanceof Error ? error.message : String(error)]);
  }
}

/** Turns a validated source step into the compiled Step the runtime reads. */
function compileStep(s: SourceStep, file: string, language: Language): Step {
  const body =
    s.body === undefined ? undefined : renderBody(s.body, s.todo, `${file}: ${s.id}: body`, language);
  const step: Step = {
    id: s.id,
    track: s.track,
    kind: s.kind,
    channel: s.channel,
    day: s.day,
    at: s.at,
    weeks: s.weeks && [...s.weeks].sort((a, b) => a - b),
    metric: s.metric,
    scale: s.scale,
    sms: s.sms?.trim(),
    discreetSms: s.discreetSms?.trim(),
    question: s.question?.trim(),
    subject: s.subject?.trim(),
    preheader: s.preheader?.trim(),
    bodyHtml: body?.html,
    bodyText: body?.text,
    ideas: s.ideas,
  };
  // Absent fields are left out, not stored as undefined.
  return Object.fromEntries(Object.entries(step).filter(([, v]) => v !== undefined)) as unknown as Step;
}

/** Fixed steps by day and time, then weekly check-ins; ids break ties so the order is stable. */
function byWhen(a: Step, b: Step): number {
  const key = (s: Step) =>
    s.weeks ? `1:${String(s.weeks[0]).padStart(2, '0')}` : `0:${String(s.day).padStart(2, '0')}:${s.at}`;
  return key(a).localeCompare(key(b)) || a.id.localeCompare(b.id);
}

export interface BuiltContent {
  steps: Step[];
  /** Source steps as validated, for checks that need fields the runtime does not (e.g. `todo`). */
  sources: SourceStep[];
  messages: SystemMessages;
}

/**
 * Loads, validates and renders every file under content/ in one language: English from content/, and
 * another language from content/<language>/, whose steps give only their words (the schedule is the
 * English one) and must match the English step for step. Throws a ContentError on any problem.
 */
export function buildContent(dir: string = CONTENT_DIR, language: Language = 'en'): BuiltContent {
  if (language !== 'en') return buildTranslation(dir, language);
  const stepsDir = path.join(dir, 'steps');
  const files = readdirSync(stepsDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const sources: SourceStep[] = [];
  const steps: Step[] = [];
  const seen = new Map<string, string>();
  for (const name of files) {
    const file = path.join(stepsDir, name);
    const rel = path.relative(dir, file);
    const track = name.replace(/\.ya?ml$/, '');
    const entries = parseSteps(readYaml(file), rel);
    const problems: string[] = [];
    for (const s of entries) {
      if (s.track !== track)
        problems.push(`${s.id}: track: is "${s.track}" but the file holds "${track}" steps`);
      const other = seen.get(s.id);
      if (other) problems.push(`${s.id}: id: also used in ${other}`);
      seen.set(s.id, rel);
    }
    if (problems.length) throw new ContentError(rel, problems);
    for (const s of entries) {
      sources.push(s);
      steps.push(compileStep(s, rel, 'en'));
    }
  }
  steps.sort(byWhen);
  return { steps, sources, messages: compileSystem(path.join(dir, 'system.yaml'), dir, 'en') };
}

function buildTranslation(dir: string, language: Language): BuiltContent {
  const english = buildContent(dir, 'en');
  const own = languageDir(dir, language);
  const sources: SourceStep[] = [];
  const steps: Step[] = [];
  const tracks = [...new Set(english.sources.map((s) => s.track))];
  for (const track of tracks) {
    const file = path.join(own, 'steps', `${track}.yaml`);
    const rel = path.relative(dir, file);
    const merged = mergeTranslatedSteps(
      readYaml(file),
      english.sources.filter((s) => s.track === track),
      rel,
    );
    for (const s of parseSteps(merged, rel, language)) {
      sources.push(s);
      steps.push(compileStep(s, rel, language));
    }
  }
  const extra = readdirSync(path.join(own, 'steps')).filter(
    (f) => /\.ya?ml$/.test(f) && !tracks.includes(f.replace(/\.ya?ml$/, '') as SourceStep['track']),
  );
  if (extra.length)
    throw new ContentError(path.relative(dir, path.join(own, 'steps')), [
      `${extra.join(', ')}: no English steps file of that name`,
    ]);
  steps.sort(byWhen);
  return { steps, sources, messages: compileSystem(path.join(own, 'system.yaml'), dir, language) };
}

function compileSystem(file: string, dir: string, language: Language): SystemMessages {
  const rel = path.relative(dir, file);
  const raw = readYaml(file);
  // The crisis and concern answers are written once, in both languages, in the English file: they follow
  // the language a person writes in, whatever their program's language.
  if (language !== 'en' && raw && typeof raw === 'object' && !('safety' in raw)) {
    const english = readYaml(path.join(dir, 'system.yaml')) as { safety?: unknown };
    (raw as { safety?: unknown }).safety = english.safety;
  }
  const system = parseSystem(raw, rel);
  const email = (name: keyof SystemMessages['email']): SystemEmail => {
    const source = system.email[name];
    const { html, text } = renderBody(source.body, undefined, `${rel}: email.${name}: body`, language);
    const details =
      source.details === undefined
        ? undefined
        : renderBody(source.details, undefined, `${rel}: email.${name}: details`, language);
    return {
      subject: source.subject.trim(),
      preheader: source.preheader.trim(),
      bodyHtml: html,
      bodyText: text,
      ...(details ? { detailsHtml: details.html, detailsText: details.text } : {}),
      action: source.action.trim(),
    };
  };
  const trimmed = <T extends Record<string, string | undefined>>(texts: T): T =>
    Object.fromEntries(
      Object.entries(texts)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, (v as string).trim()]),
    ) as T;
  const { safety, discreet } = system;
  const helpLine = <R extends string>(name: keyof HelpLines, wordings: Partial<Record<R, string>>) =>
    Object.fromEntries(
      Object.entries(wordings)
        .filter(([, wording]) => wording !== undefined)
        .map(([region, wording]) => [
          region,
          renderInline(wording as string, `${rel}: helpLines.${name}.${region}`),
        ]),
    );
  const helpLines = {
    emergencyLine: helpLine('emergencyLine', system.helpLines.emergencyLine),
    crisisLine: helpLine('crisisLine', system.helpLines.crisisLine),
    abuseLine: helpLine('abuseLine', system.helpLines.abuseLine),
  } as HelpLines;
  const safetyEmail = (language: MessageLanguage): SafetyEmail => {
    const source = safety.email[language];
    const section = (name: keyof typeof source) =>
      renderBody(source[name], undefined, `${rel}: safety.email.${language}.${name}`);
    return {
      subject: source.subject.trim(),
      preheader: source.preheader.trim(),
      discreetSubject: source.discreetSubject.trim(),
      discreetPreheader: source.discreetPreheader.trim(),
      opening: section('opening'),
      us: section('us'),
      canada: section('canada'),
      elsewhere: section('elsewhere'),
      outsideUs: section('outsideUs'),
      nationalBoth: section('nationalBoth'),
      nationalCrisis: section('nationalCrisis'),
      nationalAbuse: section('nationalAbuse'),
      closing: section('closing'),
      paused: section('paused'),
    };
  };
  return {
    email: {
      confirm: email('confirm'),
      alreadyEnrolled: email('alreadyEnrolled'),
      report: email('report'),
      partnerInvite: email('partnerInvite'),
      partnerLinked: email('partnerLinked'),
      partnerUnlinked: email('partnerUnlinked'),
      freshLink: email('freshLink'),
      invitedWhileEnrolled: email('invitedWhileEnrolled'),
    },
    textFrequency: trimmed(system.textFrequency),
    helpLines,
    sms: trimmed(system.sms),
    answers: trimmed(system.answers),
    safety: {
      sms: { en: trimmed(safety.sms.en), es: trimmed(safety.sms.es) },
      email: { en: safetyEmail('en'), es: safetyEmail('es') },
    },
    discreet: {
      fromName: discreet.fromName.trim(),
      email: {
        lesson: trimmed(discreet.email.lesson),
        question: trimmed(discreet.email.question),
      },
      sms: trimmed(discreet.sms),
    },
  };
}

function where(step: Step): string {
  if (step.weeks) return `weeks ${step.weeks.join(', ')}`;
  return `day ${step.day} ${step.at}`;
}

/**
 * content/coverage.md: where each seed idea sits in the program, built from the steps' `ideas:`, and
 * whether the Spanish places it too (the same step, in Spanish words).
 */
export function coverageMarkdown(steps: readonly Step[], spanish: readonly Step[] = []): string {
  const inSpanish = new Set(spanish.map((s) => s.id));
  const lines = [
    '# Where each seed idea sits',
    '',
    'Built by `npm run build` from the `ideas:` of content/steps/*.yaml. Do not edit by hand. Each line says',
    'whether the step is in English (en) and in Spanish (es, content/es/steps/).',
  ];
  for (const [idea, what] of Object.entries(SEED_IDEAS) as [SeedIdea, string][]) {
    const places = steps
      .filter((s) => s.ideas.includes(idea))
      .map(
        (s) => `- ${s.track}, ${where(s)}: \`${s.id}\` (en${inSpanish.has(s.id) ? ', es' : ', not in es'})`,
      );
    lines.push('', `## ${idea}`, '', what, '', ...(places.length ? places : ['- not placed yet']));
  }
  return `${lines.join('\n')}\n`;
}
