import type { Step } from '../program/types';
import { escapeHtml, page } from './layout';

const STYLE = `<style>
textarea{font:inherit;width:100%;min-height:6.5rem;padding:.6rem;border:1px solid #8c8273;border-radius:6px;background:#fff;color:var(--ink)}
textarea:focus-visible{outline:3px solid var(--gold);outline-offset:2px}
.scale{display:flex;gap:.5rem;list-style:none;padding:0;margin:.4rem 0 .2rem}
.scale li{flex:1}
.scale a,.scale span{display:flex;align-items:center;justify-content:center;min-height:44px;border:1px solid #8c8273;border-radius:8px;text-decoration:none;font-weight:700;color:var(--ink);background:#fff}
.scale span[aria-current]{background:var(--ink);border-color:var(--ink);color:#fff}
.answer{font-size:1.25rem}
</style>`;

/** A question split from its scale: "How safe…? (1 = not safe at all, 5 = completely safe)". */
export function questionParts(step: Pick<Step, 'question' | 'scale' | 'sms'>): {
  question: string;
  scale: string;
} {
  const text = step.question ?? step.sms ?? '';
  const split = text.match(/^(.*?)\s*\(([^()]*=[^()]*)\)\s*$/);
  const fallback = step.scale === 'yes-no' ? 'Yes or no' : '1 is the lowest, 5 the highest';
  return split
    ? { question: split[1] as string, scale: split[2] as string }
    : { question: text, scale: fallback };
}

/** The answers of a scale, in order: 1 to 5, or Yes (1) and No (0). */
const choicesOf = (step: Pick<Step, 'scale'>): { score: number; label: string; name: string }[] =>
  step.scale === 'yes-no'
    ? [
        { score: 1, label: 'Yes', name: 'Yes' },
        { score: 0, label: 'No', name: 'No' },
      ]
    : [1, 2, 3, 4, 5].map((n) => ({ score: n, label: String(n), name: `${n} of 5` }));

/** How an answer reads in "changed from 3 to 5": the number alone, or Yes and No. */
const shortLabel = (step: Pick<Step, 'scale'>, score: number) =>
  step.scale === 'yes-no' ? (score === 1 ? 'Yes' : 'No') : String(score);

export interface CheckinView {
  step: Step;
  score: number;
  label: string;
  /** The answer recorded for this check-in before, if any. */
  previous?: number;
}

/**
 * The one-click check-in page (GET: it records nothing): the question, its scale, the answer the link
 * carries (another can be picked), what it replaces, an optional private note, and one button.
 */
export function checkinPage(
  view: CheckinView,
  links: { action: string; pick: (score: number) => string },
  form: { note?: string; error?: string } = {},
): string {
  const { question, scale } = questionParts(view.step);
  const choices = choicesOf(view.step)
    .map((c) =>
      c.score === view.score
        ? `<li><span aria-current="true" title="Your answer: ${escapeHtml(c.name)}">${escapeHtml(c.label)}</span></li>`
        : `<li><a href="${escapeHtml(links.pick(c.score))}" aria-label="Answer ${escapeHtml(c.name)} instead">${escapeHtml(c.label)}</a></li>`,
    )
    .join('');
  const change =
    view.previous === undefined
      ? ''
      : view.previous === view.score
        ? `<p class="note" id="change">You already answered ${escapeHtml(view.label)}. Recording it again keeps it, and adds your note if you write one.</p>`
        : `<p class="note" id="change">You answered ${escapeHtml(shortLabel(view.step, view.previous))} before. Recording this changes it from ${escapeHtml(shortLabel(view.step, view.previous))} to ${escapeHtml(shortLabel(view.step, view.score))}.</p>`;
  const described = ['note-hint', ...(form.error ? ['note-error'] : [])].join(' ');
  return page(
    'Your check-in',
    `<h1>Your check-in</h1>
<h2 class="question" id="question">${escapeHtml(question)}</h2>
<p class="hint" id="scale">${escapeHtml(scale)}</p>
<ol class="scale" aria-label="Answers">${choices}</ol>
<p>Your answer: <strong class="answer" id="answer">${escapeHtml(view.label)}</strong></p>
${change}
<form method="post" action="${escapeHtml(links.action)}">
<label for="note">A private note (optional)</label>
<p class="hint" id="note-hint">A few words about your week, if you like. Only you can read it, beside this answer in your report.</p>
<textarea id="note" name="note" rows="4" maxlength="1000" aria-describedby="${described}"${form.error ? ' aria-invalid="true"' : ''}>${escapeHtml(form.note ?? '')}</textarea>
${form.error ? `<p class="error" id="note-error">${escapeHtml(form.error)}</p>` : ''}
<button type="submit">${view.previous !== undefined && view.previous !== view.score ? `Change to ${escapeHtml(view.label)}` : `Record ${escapeHtml(view.label)}`}</button>
</form>`,
    STYLE,
  );
}

/** What the person's note showed, and the lines to show for it (the crisis email's sections, rendered). */
export interface NoteSafetyView {
  level: 'danger' | 'concern';
  language: 'en' | 'es';
  paused: boolean;
  /** Each an HTML section: the opening and the lines of the person's country. */
  sectionsHtml: string[];
}

/** After the button: what was recorded, what it replaced, and what became of the note. */
export function checkinRecordedPage(
  recorded: CheckinView & { note: 'kept' | 'none' | 'withheld' },
  safety?: NoteSafetyView,
): string {
  const { question } = questionParts(recorded.step);
  const changed = recorded.previous !== undefined && recorded.previous !== recorded.score;
  const title = changed
    ? `Changed from ${shortLabel(recorded.step, recorded.previous as number)} to ${shortLabel(recorded.step, recorded.score)}`
    : `Noted: ${recorded.label}`;
  const note =
    recorded.note === 'kept'
      ? '<p>Your note is kept with this answer. Only you can read it.</p>'
      : recorded.note === 'withheld'
        ? '<p>We did not keep your note: what you wrote sounded like you may be in danger, so nothing of it is stored.</p>'
        : '';
  const lines = safety
    ? `<section class="safety-lines" lang="${safety.language}" aria-labelledby="reach">
<h2 id="reach">${safety.language === 'es' ? 'Personas con quienes puedes hablar ahora mismo' : 'People you can reach right now'}</h2>
${safety.sectionsHtml.join('\n')}
<p>${safety.language === 'es' ? 'Nadie lee tus notas en el momento en que llegan.' : 'Nobody reads notes as they arrive, so please reach out to one of these now if you need to.'}</p>
${
  safety.paused
    ? `<p>${safety.language === 'es' ? 'Hemos pausado tu programa. Cuando quieras retomarlo, responde RESUME a uno de nuestros correos.' : 'We have paused your program, so no steps or check-ins will come for now. When you want it back, reply RESUME to one of our emails, or text RESUME if you get our texts.'}</p>`
    : ''
}
</section>`
    : '';
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1>
${lines}
<h2 class="question">${escapeHtml(question)}</h2>
<p>Your answer: <strong class="answer" id="answer">${escapeHtml(recorded.label)}</strong>${changed ? ` (it was ${escapeHtml(shortLabel(recorded.step, recorded.previous as number))})` : ''}</p>
${note}
<p>Thank you. Only you will see this in your day-90 report.</p>`,
    STYLE,
  );
}
