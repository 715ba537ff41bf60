import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderPhonePage } from '../../local/phone-page';

const page = renderPhonePage();
const inline = (tag: 'script' | 'style') => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(page)?.[1] ?? '';
const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('the local phone page', () => {
  it('is one self-contained HTML document that loads nothing from elsewhere', () => {
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).not.toMatch(/\s(src|href)=/);
    expect(page).not.toMatch(/@import|url\(/);
  });

  it('ships an inline script that parses and allows only itself and its style by hash', () => {
    const script = inline('script');
    expect(() => new Function(script)).not.toThrow();
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1] ?? '';
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(csp).toContain(`style-src ${hash(inline('style'))}`);
    expect(csp).toContain("default-src 'none'");
  });

  it('polls the SMS list and posts replies as JSON to the local routes', () => {
    const script = inline('script');
    expect(script).toContain("fetch('/_local/sms'");
    expect(script).toContain("fetch('/_local/sms/reply'");
    expect(script).toContain('JSON.stringify({ from: from, body: body })');
  });

  it('puts message text into the page only as text, never as markup', () => {
    expect(inline('script')).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('labels its reply box and announces new messages to screen readers', () => {
    expect(page).toContain('<label for="reply-text"');
    expect(page).toContain('aria-live="polite"');
    expect(page).toContain('<html lang="en">');
  });
});
