import type { Language, Step } from '../program/types';
import { escapeHtml, page } from './layout';
import { CHECKIN_WORDS } from './words/checkin';

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
export function questionParts(
  step: Pick<Step, 'question' | 'scale' | 'sms'>,
  language: Language = 'en',
): {
  question: string;
  scale: string;
} {
  const text = step.question ?? step.sms ?? '';
  const split = text.match(/^(.*?)\s*\(([^()]*=[^()]*)\)\s*$/);
  const words = CHECKIN_WORDS[language];
  const fallback = step.scale === 'yes-no' ? words.yesOrNo : words.oneToFive;
  return split
    ? { question: split[1] as string, scale: split[2] as string }
    : { question: text, scale: fallback };
}

/** The answers of a scale, in order: 1 to 5, or Yes (1) and No (0). */
const choicesOf = (
  step: Pick<Step, 'scale'>,
  language: Language,
): { score: number; label: string; name: string }[] => {
  const words = CHECKIN_WORDS[language];
  return step.scale === 'yes-no'
    ? [
        { score: 1, label: words.yes, name: words.yes },
        { score: 0, label: words.no, name: words.no },
      ]
    : [1, 2, 3, 4, 5].map((n) => ({ score: n, label: String(n), name: words.of5(n) }));
};

/** A yes/no answer by its word (Yes, Sí), a rating by its number alone. */
const shortLabel = (step: Pick<Step, 'scale'>, score: number, language: Language = 'en') =>
  step.scale === 'yes-no' ? CHECKIN_WORDS[language][score === 1 ? 'yes' : 'no'] : String(score);

/** The answer's name: "4 of 5", "Yes" ("4 de 5", "Sí"); English keeps the label the link was read with. */
const labelOf = (view: CheckinView) =>
  view.language === undefined || view.language === 'en'
    ? view.label
    : view.step.scale === 'yes-no'
      ? shortLabel(view.step, view.score, view.language)
      : CHECKIN_WORDS[view.language].of5(view.score);

export interface CheckinView {
  step: Step;
  score: number;
  label: string;
  /** The answer recorded for this check-in before, if any. */
  previous?: number;
  /** The enrollment's language: the page's (absent: English). */
  language?: Language;
  /** The enrollment's time zone: the footer gives the lines of where the person lives. */
  timezone?: string;
}

/**
 * The one-click check-in page (GET: it records nothing), in the enrollment's language: the question, its
 * scale, the answer the link carries (another can be picked), what it replaces, an optional private note,
 * and one button.
 */
export function checkinPage(
  view: CheckinView,
  links: { action: string; pick: (score: number) => string },
  form: { note?: string; error?: string } = {},
): string {
  const language = view.language ?? 'en';
  const words = CHECKIN_WORDS[language];
  const label = labelOf(view);
  const { question, scale } = questionParts(view.step, language);
  const choices = choicesOf(view.step, language)
    .map((c) =>
      c.score === view.score
        ? `<li><span aria-current="true" title="${escapeHtml(words.yourAnswerIs(c.name))}">${escapeHtml(c.label)}</span></li>`
        : `<li><a href="${escapeHtml(links.pick(c.score))}" aria-label="${escapeHtml(words.answerInstead(c.name))}">${escapeHtml(c.label)}</a></li>`,
    )
    .join('');
  // Whether there is an answer, never which: the same words whether this one repeats it or replaces it.
  const change =
    view.previous === undefined ? '' : `<p class="note" id="change">${escapeHtml(words.answeredBefore)}</p>`;
  // A note over the limit is the one error this page shows; in Spanish, in its own words.
  const error =
    form.error && language !== 'en'
      ? words.noteTooLong((form.note ?? '').trim().length, MAX_NOTE)
      : form.error;
  const described = ['note-hint', ...(error ? ['note-error'] : [])].join(' ');
  return page(
    words.title,
    `<h1>${words.title}</h1>
<h2 class="question" id="question">${escapeHtml(question)}</h2>
<p class="hint" id="scale">${escapeHtml(scale)}</p>
<ol class="scale" aria-label="${words.answers}">${choices}</ol>
<p>${words.youChose} <strong class="answer" id="answer">${escapeHtml(label)}</strong></p>
${change}
<form method="post" action="${escapeHtml(links.action)}">
<label for="note">${words.noteLabel}</label>
<p class="hint" id="note-hint">${words.noteHint}</p>
<textarea id="note" name="note" rows="4" maxlength="1000" aria-describedby="${described}"${error ? ' aria-invalid="true"' : ''}>${escapeHtml(form.note ?? '')}</textarea>
${error ? `<p class="error" id="note-error">${escapeHtml(error)}</p>` : ''}
<button type="submit">${escapeHtml(words.record(label))}</button>
</form>`,
    STYLE,
    language,
    view.timezone,
  );
}

/** The longest note (use-cases/replies/checkin-by-email.ts MAX_NOTE_CHARACTERS; the textarea's maxlength). */
const MAX_NOTE = 1000;

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
  const language = recorded.language ?? 'en';
  const words = CHECKIN_WORDS[language];
  const label = labelOf(recorded);
  const { question } = questionParts(recorded.step, language);
  const title = words.noted(label);
  const note =
    recorded.note === 'kept'
      ? `<p>${words.noteKept}</p>`
      : recorded.note === 'withheld'
        ? `<p>${words.noteWithheld}</p>`
        : '';
  const lines = safety
    ? `<section class="safety-lines" lang="${safety.language}" aria-labelledby="reach">
<h2 id="reach">${safety.language === 'es' ? 'Personas con quienes puedes hablar ahora mismo' : 'People you can reach right now'}</h2>
${safety.sectionsHtml.join('\n')}
<p>${safety.language === 'es' ? 'Nadie lee tus notas en el momento en que llegan.' : 'Nobody reads notes as they arrive, so please reach out to one of these now if you need to.'}</p>
${
  safety.paused
    ? `<p>${safety.language === 'es' ? 'Hemos pausado tu programa, así que por ahora no recibirás pasos ni preguntas. Cuando quieras retomarlo, responde REANUDAR a uno de nuestros correos, o envía REANUDAR por SMS si recibes nuestros mensajes.' : 'We have paused your program, so no steps or check-ins will come for now. When you want it back, reply RESUME to one of our emails, or text RESUME if you get our texts.'}</p>`
    : ''
}
</section>`
    : '';
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1>
${lines}
<h2 class="question">${escapeHtml(question)}</h2>
<p>${words.yourAnswer} <strong class="answer" id="answer">${escapeHtml(label)}</strong></p>
${recorded.previous !== undefined ? `<p>${words.replaced}</p>` : ''}
${note}
<p>${words.thanks}</p>`,
    STYLE,
    language,
    recorded.timezone,
  );
}
