/** Fills `{{name}}` (HTML-escaped) and `{{{name}}}` (raw) placeholders in precompiled templates. */

type Part = { text: string } | { name: string; raw: boolean };

const compiled = new Map<string, Part[]>();
const PLACEHOLDER = /\{\{(\{?)\s*([a-zA-Z0-9]+)\s*\}?\}\}/g;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const SPECIAL = /[&<>"']/;

/** Escapes text for HTML content and attribute values (most values need nothing: they come back as they are). */
export const escapeHtml = (s: string) =>
  SPECIAL.test(s) ? s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string) : s;

function parts(template: string): Part[] {
  let cached = compiled.get(template);
  if (cached) return cached;
  cached = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    cached.push({ text: template.slice(last, m.index) });
    cached.push({ name: m[2] as string, raw: m[1] === '{' });
    last = (m.index ?? 0) + m[0].length;
  }
  cached.push({ text: template.slice(last) });
  compiled.set(template, cached);
  return cached;
}

/**
 * Fills an HTML template. Unknown placeholders throw, so a typo never reaches a participant.
 * The template is split once and cached; each fill concatenates its pieces.
 */
export function fillHtml(template: string, values: Record<string, string>): string {
  return fill(template, values, true);
}

/** Fills a plain-text template (SMS, email text part): no escaping. */
export function fillText(template: string, values: Record<string, string>): string {
  return fill(template, values, false);
}

// Concatenation, not map and join: no array per message; V8 copies the pieces once, when the email is encoded.
function fill(template: string, values: Record<string, string>, html: boolean): string {
  let filled = '';
  for (const part of parts(template)) {
    if ('text' in part) {
      filled += part.text;
      continue;
    }
    const value = values[part.name];
    if (value === undefined) throw new Error(`No value for placeholder {{${part.name}}}`);
    filled += html && !part.raw ? escapeHtml(value) : value;
  }
  return filled;
}
