import { crisisLinesOfZone } from '../program/crisis-lines';
import type { Language } from '../program/types';
import { escapeHtml } from '../render/fill';
import { LAYOUT_WORDS } from './words/layout';

export { escapeHtml };

const STYLE = `
:root{--ink:#1f1b16;--muted:#5b5247;--paper:#fbf8f3;--gold:#8a6a12;--gold-bg:#f3e7c4;--line:#e4dccd;--bad:#a3261b}
*{box-sizing:border-box}
body{margin:0;font:17px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--paper)}
main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem 3rem}
header{border-bottom:2px solid var(--gold);margin-bottom:1.5rem;padding-bottom:.5rem}
header a{color:var(--ink);text-decoration:none;font-weight:700;letter-spacing:.04em}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.25rem;line-height:1.3;margin:2rem 0 .5rem}
h2.question{font-size:1.05rem}
a{color:var(--gold)}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
.hint{color:var(--muted);font-size:.92rem;margin:.15rem 0 .4rem;font-weight:400}
input,select{font:inherit;width:100%;padding:.6rem;border:1px solid #8c8273;border-radius:6px;background:#fff;color:var(--ink)}
input[type=checkbox],input[type=radio]{width:auto;margin-right:.5rem;transform:scale(1.2)}
fieldset{border:1px solid var(--line);border-radius:8px;padding:.5rem 1rem 1rem;margin:1rem 0}
legend{font-weight:600;padding:0 .3rem}
.choice{display:flex;align-items:flex-start;font-weight:400;margin:.6rem 0}
button{font:inherit;font-weight:600;background:var(--ink);color:#fff;border:0;border-radius:8px;padding:.8rem 1.4rem;margin-top:1.2rem;cursor:pointer;min-height:44px}
button:focus-visible,input:focus-visible,select:focus-visible,a:focus-visible{outline:3px solid var(--gold);outline-offset:2px}
.error{color:var(--bad);font-weight:600;font-size:.95rem;margin:.3rem 0}
.note{background:var(--gold-bg);border-radius:8px;padding:.8rem 1rem;margin:1rem 0}
.safety{border-left:4px solid var(--gold);padding:.2rem 0 .2rem 1rem;color:var(--muted);font-size:.95rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{text-align:left;padding:.4rem;border-bottom:1px solid var(--line)}
footer{margin-top:3rem;color:var(--muted);font-size:.85rem}
`;

/**
 * The page shell every web page of Kintsugi uses, in the page's language (`<html lang>` and the footer);
 * `head` adds a page's own styles (the report's charts); `zone`, the person's time zone, picks the crisis
 * lines the footer names.
 */
export function page(
  title: string,
  body: string,
  head = '',
  language: Language = 'en',
  zone?: string,
): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Kintsugi</title>
<style>${STYLE}</style>${head}
</head>
<body>
<main>
<header><a href="/">Kintsugi</a></header>
${body}
<footer>${LAYOUT_WORDS[language].footer(crisisLinesOfZone(zone))}</footer>
</main>
</body>
</html>`;
}

/** A page that says what went wrong, in plain words. */
export function errorPage(
  status: number,
  message: string,
  language: Language = 'en',
  /** The person's time zone, when the error is about them: the footer's lines are those of where they live. */
  zone?: string,
): string {
  const words = LAYOUT_WORDS[language];
  const title = status === 404 ? words.notFound : status >= 500 ? words.wentWrong : words.didNotWork;
  // A link whose program was deleted or never stored: a way forward, not a dead end.
  const next = status === 404 ? `\n<p>${words.notFoundNext}</p>` : '';
  return page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${next}`, '', language, zone);
}

/** The 500 page's words: never the error's own. */
export const internalErrorMessage = (language: Language = 'en'): string => LAYOUT_WORDS[language].internal;

/** A page with one form whose button POSTs back to the same URL. */
export function confirmButtonPage(
  title: string,
  intro: string,
  button: string,
  action: string,
  language: Language = 'en',
  /** The person's time zone, when the page is theirs: its footer gives the lines of where they live. */
  zone?: string,
  /** Sentences said under the intro, before the button. */
  more: readonly string[] = [],
): string {
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(intro)}</p>
${more.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
<form method="post" action="${escapeHtml(action)}"><button type="submit">${escapeHtml(button)}</button></form>`,
    '',
    language,
    zone,
  );
}
