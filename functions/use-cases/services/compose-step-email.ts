import type { OutgoingEmail } from '../../ports/mailer';
import { crisisLinesOfZone } from '../../program/crisis-lines';
import { inLanguage, stepIn } from '../../program/in-language';
import { layoutNamed } from '../../program/layouts';
import { stepBodyOf } from '../../program/step-bodies';
import type { Step, StepBody } from '../../program/types';
import { fillHtml, fillText } from '../../render/fill';
import {
  type ComposeDeps,
  footerFor,
  fromNameFor,
  type Person,
  personalValues,
  textFooter,
  unsubscribeHeaders,
} from './compose';
import { helpLineValues } from './help-lines';
import { link } from './links';

/** The words of a check-in email's plain-text answers, in each language. */
/** The answers' names, and the other way to answer (a reply is read as an answer: replies/reply-by-email.ts). */
const ANSWER_WORDS = {
  en: {
    yes: 'Yes',
    no: 'No',
    replyRating: 'Or reply to this email with the number, and a few words if you like.',
    replyYesNo: 'Or reply to this email with yes or no.',
  },
  es: {
    yes: 'Sí',
    no: 'No',
    replyRating: 'O responde a este correo con el número, y unas palabras si quieres.',
    replyYesNo: 'O responde a este correo con sí o no.',
  },
} as const;

/**
 * A program step (lesson, micro-action or check-in) as an email, in the person's language. Its body is the
 * one given (read at its first use: `Deps.stepBodies`), else the catalog's.
 */
export function composeStepEmail(
  deps: ComposeDeps,
  who: Person,
  scheduled: Step,
  day: number,
  body?: StepBody,
): OutgoingEmail {
  const language = who.language ?? 'en';
  const catalog = inLanguage(deps.catalog, language);
  const step = stepIn(deps.catalog, scheduled, language);
  const lines = crisisLinesOfZone(who.timezone);
  const footer = footerFor(deps, who, lines);
  const values = personalValues(deps, who);
  const helpLines = helpLineValues(catalog.messages, lines);
  // Discreet mode: the inbox shows a neutral subject and preheader, never the step's own.
  const neutral = catalog.messages.discreet.email[step.scale ? 'question' : 'lesson'];
  const subject = who.discreet
    ? fillText(neutral.subject, { day: String(day) })
    : fillText(step.subject ?? step.question ?? 'Kintsugi', values);
  const preheader = who.discreet
    ? fillText(neutral.preheader, { day: String(day) })
    : fillText(step.preheader ?? step.question ?? '', values);
  const { html: bodyHtml, text: bodyText } = body ?? stepBodyOf(step);
  const common = {
    lang: language,
    subject,
    preheader,
    body: bodyHtml ? fillHtml(bodyHtml, { ...values, ...helpLines.html }) : '',
    ...footer,
  };
  let html: string;
  let answers = '';
  if (step.kind === 'check-in' || step.kind === 'checkpoint') {
    const question = fillText(step.question ?? step.sms ?? '', values);
    const answerUrl = (score: number) =>
      link(deps, '/checkin', 'checkin', who.id, { score: String(score) }, `${step.id}#${day}`);
    if (step.scale === 'yes-no') {
      html = fillHtml(layoutNamed(catalog, 'yesNo'), {
        ...common,
        question,
        yesUrl: answerUrl(1),
        noUrl: answerUrl(0),
      });
      const words = ANSWER_WORDS[language];
      answers = `\n\n${question}\n${words.yes}: ${answerUrl(1)}\n${words.no}: ${answerUrl(0)}\n${words.replyYesNo}`;
    } else {
      const urls = Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`answer${n}Url`, answerUrl(n)]));
      html = fillHtml(layoutNamed(catalog, 'rating'), { ...common, question, ...urls });
      answers = `\n\n${question}\n${[1, 2, 3, 4, 5].map((n) => `${n}: ${answerUrl(n)}`).join('\n')}\n${ANSWER_WORDS[language].replyRating}`;
    }
  } else {
    html = fillHtml(layoutNamed(catalog, 'message'), common);
  }
  const text =
    `${bodyText ? fillText(bodyText, { ...values, ...helpLines.text }) : ''}${answers}\n${textFooter(footer, language)}`.trimStart();
  return {
    to: who.email,
    subject,
    html,
    text,
    ...fromNameFor(deps, who),
    headers: unsubscribeHeaders(footer.unsubscribeUrl, deps),
  };
}
