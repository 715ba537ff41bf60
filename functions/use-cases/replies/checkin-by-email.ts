import { crisisLinesOfPerson } from '../../program/crisis-lines';
import type { Enrollment } from '../../program/enrollment';
import { stepIn } from '../../program/in-language';
import { dateInZone } from '../../program/local-words';
import { closesAt, type OpenQuestion, openQuestionsOf } from '../../program/open-questions';
import type { MessageLanguage } from '../../program/safety';
import type { Language, Metric, Scale, Step } from '../../program/types';
import { fillHtml } from '../../render/fill';
import { about, ConflictError, NotFoundError, ValidationError } from '../../shared/errors';
import type { Deps } from '../deps';
import { answerOpenQuestions, latestScore, latestScoreIn, SAFETY_METRICS } from '../services/answers';
import { lineSections } from '../services/compose';
import { nationalValues } from '../services/help-lines';

export interface EmailAnswer {
  step: Step;
  day: number;
  score: number;
  label: string;
}

/**
 * Reads a one-click check-in link without recording anything (mail scanners open every link); a score the
 * link's question cannot take is refused in the person's `language`.
 */
export function readEmailAnswer(
  deps: Deps,
  token: string | undefined,
  score: string | undefined,
  language: Language = 'en',
): EmailAnswer & { enrollmentId: string } {
  const claims = deps.tokens.verify(token, 'checkin');
  const [stepId, dayText] = (claims.ref ?? '').split('#');
  const step = deps.catalog.steps.find((s) => s.id === stepId);
  if (!step?.metric) throw new NotFoundError('This check-in is no longer part of the program.');
  const value = Number(score);
  const valid =
    step.scale === 'yes-no'
      ? value === 0 || value === 1
      : Number.isInteger(value) && value >= 1 && value <= 5;
  if (!valid) {
    const words = SCORE_PROBLEM[language];
    throw new ValidationError(
      'invalid_score',
      step.scale === 'yes-no' ? words.yesNo : words.rating,
      'score',
      undefined,
      language,
    );
  }
  return {
    enrollmentId: claims.sub,
    step,
    day: Number(dayText),
    score: value,
    label: answerLabel(step, value),
  };
}

/** How an answer reads: "Yes", "No", or "4 of 5". */
export const answerLabel = (step: Pick<Step, 'scale'>, score: number): string =>
  step.scale === 'yes-no' ? (score === 1 ? 'Yes' : 'No') : `${score} of 5`;

/** The longest private note the check-in page takes (a long text message is 1,600 characters). */
export const MAX_NOTE_CHARACTERS = 1000;

/** What is wrong with a link's score or a note, in each language of the program. */
const SCORE_PROBLEM: Record<Language, { yesNo: string; rating: string }> = {
  en: {
    yesNo: 'The answer must be 1 (yes) or 0 (no).',
    rating: 'The answer must be a whole number from 1 to 5.',
  },
  es: {
    yesNo: 'La respuesta tiene que ser 1 (sí) o 0 (no).',
    rating: 'La respuesta tiene que ser un número entero del 1 al 5.',
  },
};
const NOTE_PROBLEM: Record<Language, { notText: string; tooLong: (length: number) => string }> = {
  en: {
    notText: 'The note must be text.',
    tooLong: (length) =>
      `Your note is ${length.toLocaleString('en-US')} characters long; the most it can hold is ${MAX_NOTE_CHARACTERS.toLocaleString('en-US')}. Shorten it, or keep the rest for your next check-in.`,
  },
  es: {
    notText: 'La nota tiene que ser texto.',
    tooLong: (length) =>
      `Tu nota tiene ${length.toLocaleString('es-MX')} caracteres; caben ${MAX_NOTE_CHARACTERS.toLocaleString('es-MX')} como máximo. Acórtala, o guarda el resto para tu próxima pregunta.`,
  },
};

/**
 * A note as the page sent it: trimmed, absent when empty; too long is a clear 400 naming `note`, in the
 * person's `language`.
 */
export function readNote(note: unknown, language: Language = 'en'): string | undefined {
  if (note === undefined || note === null) return undefined;
  const words = NOTE_PROBLEM[language];
  if (typeof note !== 'string')
    throw new ValidationError('invalid_note', words.notText, 'note', undefined, language);
  const text = note.trim();
  if (text.length > MAX_NOTE_CHARACTERS)
    throw new ValidationError('note_too_long', words.tooLong(text.length), 'note', undefined, language);
  return text || undefined;
}

/**
 * A question past its window takes no answer: said in words where the person is (Intl rather than Luxon:
 * this loads on every click), and without promising a next question once the 90 days are over.
 */
function refuseIfClosed(enrollment: Enrollment, question: { closesAt: string }, at: string): void {
  if (question.closesAt > at) return;
  const closed = dateInZone(question.closesAt, enrollment.timezone, enrollment.language);
  const over = enrollment.status !== 'active';
  const es = enrollment.language === 'es';
  const next = es
    ? over
      ? 'Tus 90 días terminaron, así que no llegarán más preguntas.'
      : 'Cada correo responde solo a su propia pregunta: responde la más reciente desde su correo, o espera la siguiente.'
    : over
      ? 'Your 90 days are over, so no more questions will come.'
      : "Each email's buttons answer only its own question: answer the newest one from its email, or wait for the next.";
  throw about(
    new ConflictError(
      'question_closed',
      es
        ? `Esta pregunta se cerró el ${closed}, así que ya no se cuentan respuestas a ella. ${next}`
        : `This question closed on ${closed}, so answers to it are no longer counted. ${next}`,
      'token',
    ),
    enrollment,
  );
}

/** The check-in page's view: the answer the link carries and the one recorded before, changing nothing. */
export async function viewEmailAnswer(
  deps: Deps,
  token: string | undefined,
  score: string | undefined,
): Promise<EmailAnswer & { previous?: number; language: Language; timezone?: string }> {
  const { sub } = deps.tokens.verify(token, 'checkin');
  // Read side by side: the enrollment (the page's language) and the answers so far (the one it replaces).
  const [enrollment, replies] = await Promise.all([
    deps.store.getEnrollment(sub),
    deps.store.listReplies(sub),
  ]);
  // A score the link cannot take is said in the person's language, as the page is.
  const answer = readEmailAnswer(deps, token, score, enrollment?.language);
  const previous = latestScoreIn(replies, { stepId: answer.step.id, day: answer.day });
  // A closed question says so before the person picks an answer or writes a note, not after. (What the
  // button cannot find, a gone enrollment or a question never sent, it says when pressed.)
  const question = enrollment ? await questionOf(deps, enrollment, answer).catch(() => undefined) : undefined;
  if (enrollment && question) refuseIfClosed(enrollment, question, deps.clock.now().toISOString());
  // The page speaks the enrollment's language, the question too.
  const language = enrollment?.language ?? 'en';
  const step = stepIn(deps.catalog, answer.step, language);
  return {
    ...answer,
    step,
    ...(previous !== undefined ? { previous } : {}),
    language,
    ...(enrollment ? { timezone: enrollment.timezone } : {}),
  };
}

/** What the person's note showed, when it showed signs of danger or concern (program/safety.ts). */
export interface NoteSafety {
  level: 'danger' | 'concern';
  language: MessageLanguage;
  /** Whether the program is (now) paused: after danger, until the person says RESUME. */
  paused: boolean;
  /** The crisis email's opening and the lines of the person's country, as HTML, for the page. */
  sectionsHtml: string[];
}

/** What a one-click answer did: the answer, the one it replaced, whether the note was kept. */
export interface RecordedEmailAnswer extends EmailAnswer {
  previous?: number;
  /** The enrollment's language: the page's. */
  language: Language;
  /** The enrollment's time zone: the page's footer gives the lines of where the person lives. */
  timezone: string;
  note: 'kept' | 'none' | 'withheld';
  safety?: NoteSafety;
}

/**
 * Records a one-click check-in answer (the POST after the person pressed the button), under the same
 * rules as a text: it counts within the question's window (a second click changes it, and says from
 * what), updates a report already made, and lets a report waiting for it go. After the window it is
 * refused, and says so. An optional private note goes with the answer as a text's words do ("4 - better
 * week"), through the same use case (use-cases/services/answers.ts), and is read for danger first, as every reply
 * is: danger keeps the note nowhere and does what a danger text does (pause, flag, operator alert).
 */
export async function answerByEmail(
  deps: Deps,
  token: string | undefined,
  score: string | undefined,
  noteInput?: unknown,
): Promise<RecordedEmailAnswer> {
  const { sub } = deps.tokens.verify(token, 'checkin');
  const enrollment = await deps.store.getEnrollment(sub);
  const answer = readEmailAnswer(deps, token, score, enrollment?.language);
  const note = readNote(noteInput, enrollment?.language);
  if (!enrollment) throw new NotFoundError('This enrollment no longer exists.');
  const at = deps.clock.now().toISOString();
  const question = await questionOf(deps, enrollment, answer);
  refuseIfClosed(enrollment, question, at);
  const previous = await latestScore(deps, enrollment.id, { stepId: answer.step.id, day: answer.day });
  // Loaded only with a note: the detector (and its model) would slow every click's cold start.
  const signal = note ? (await import('../../program/safety')).assessSafety(note) : undefined;
  const kept = note && signal?.level !== 'danger' ? note : undefined;
  await answerOpenQuestions(deps, enrollment, {
    text: kept ?? '',
    sourceId: `web-${deps.newId()}`,
    at,
    channel: 'email',
    reask: false,
    only: {
      question,
      answer: { scale: answer.step.scale as Scale, score: answer.score, ...(kept ? { note: kept } : {}) },
    },
  });
  const recorded: RecordedEmailAnswer = {
    ...answer,
    step: stepIn(deps.catalog, answer.step, enrollment.language),
    ...(previous !== undefined ? { previous } : {}),
    language: enrollment.language ?? 'en',
    timezone: enrollment.timezone,
    note: kept ? 'kept' : note ? 'withheld' : 'none',
  };
  if (!signal) {
    // A 1 on feeling safe is a sign of concern (answerOpenQuestions noted it for the operator): the page
    // gives the lines, as a text's answer does, in the program's language.
    if (answer.score !== 1 || !SAFETY_METRICS.includes(answer.step.metric ?? '')) return recorded;
    const language = enrollment.language ?? 'en';
    return {
      ...recorded,
      safety: {
        level: 'concern',
        language,
        paused: false,
        sectionsHtml: await linesHtml(deps, enrollment, language, false),
      },
    };
  }
  const { protect, noteConcern } = await import('../services/safety');
  let paused = false;
  if (signal.level === 'danger') paused = (await protect(deps, enrollment, signal.category, 'email')).paused;
  else await noteConcern(deps, enrollment, signal.category, 'email');
  // The lines of the crisis email, for the country of the person's number, in the language written.
  const sectionsHtml = await linesHtml(deps, enrollment, signal.language);
  return { ...recorded, safety: { level: signal.level, language: signal.language, paused, sectionsHtml } };
}

/**
 * The lines for the country of the person's number, as HTML sections, after the crisis email's opening
 * ("thank you for telling us…") when words were written.
 */
async function linesHtml(
  deps: Deps,
  enrollment: Enrollment,
  language: MessageLanguage,
  opening = true,
): Promise<string[]> {
  const email = deps.catalog.messages.safety.email[language];
  const lines = await crisisLinesOfPerson(enrollment);
  return [...(opening ? [email.opening] : []), ...lineSections(email, lines)].map((section) =>
    fillHtml(section.html, nationalValues(lines)),
  );
}

/** The question a link names: from the open questions, else rebuilt from the message that asked it. */
async function questionOf(deps: Deps, enrollment: Enrollment, answer: EmailAnswer): Promise<OpenQuestion> {
  const open = openQuestionsOf(enrollment).find((q) => q.stepId === answer.step.id && q.day === answer.day);
  if (open) return open;
  const message = await deps.store.getMessage(enrollment.id, answer.day, answer.step.id, 'email');
  if (!message) throw new NotFoundError('This check-in was not sent to you.');
  const kind = answer.step.kind === 'checkpoint' ? 'checkpoint' : 'check-in';
  const askedAt = message.sendingAt ?? message.claimedAt;
  return {
    stepId: answer.step.id,
    day: answer.day,
    metric: answer.step.metric as Metric,
    scale: answer.step.scale as Scale,
    kind,
    channel: 'email',
    askedAt,
    closesAt: closesAt(kind, askedAt),
  };
}
