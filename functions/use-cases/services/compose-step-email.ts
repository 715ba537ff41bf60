import type { OutgoingEmail } from '../../ports/mailer';
import { layoutNamed } from '../../program/layouts';
import { stepBodyOf } from '../../program/step-bodies';
import type { Step } from '../../program/types';
import { fillHtml, fillText } from '../../render/fill';
import {
  type ComposeDeps,
  fromNameFor,
  type Person,
  personalValues,
  textFooter,
  unsubscribeHeaders,
} from './compose';
import { footerLinks, link } from './links';

/** A program step (lesson, micro-action or check-in) as an email. */
export function composeStepEmail(deps: ComposeDeps, who: Person, step: Step, day: number): OutgoingEmail {
  const footer = footerLinks(deps, who.id);
  const values = personalValues(deps, who);
  // Discreet mode: the inbox shows a neutral subject and preheader, never the step's own.
  const neutral = deps.catalog.messages.discreet.email[step.scale ? 'question' : 'lesson'];
  const subject = who.discreet
    ? fillText(neutral.subject, { day: String(day) })
    : fillText(step.subject ?? step.question ?? 'Kintsugi', values);
  const preheader = who.discreet
    ? fillText(neutral.preheader, { day: String(day) })
    : fillText(step.preheader ?? step.question ?? '', values);
  const { html: bodyHtml, text: bodyText } = stepBodyOf(step);
  const body = bodyHtml ? fillHtml(bodyHtml, values) : '';
  const common = { lang: 'en', subject, preheader, body, ...footer };
  let html: string;
  let answers = '';
  if (step.kind === 'check-in' || step.kind === 'checkpoint') {
    const question = fillText(step.question ?? step.sms ?? '', values);
    const answerUrl = (score: number) =>
      link(deps, '/checkin', 'checkin', who.id, { score: String(score) }, `${step.id}#${day}`);
    if (step.scale === 'yes-no') {
      html = fillHtml(layoutNamed(deps.catalog, 'yesNo'), {
        ...common,
        question,
        yesUrl: answerUrl(1),
        noUrl: answerUrl(0),
      });
      answers = `\n\n${question}\nYes: ${answerUrl(1)}\nNo: ${answerUrl(0)}`;
    } else {
      const urls = Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`answer${n}Url`, answerUrl(n)]));
      html = fillHtml(layoutNamed(deps.catalog, 'rating'), { ...common, question, ...urls });
      answers = `\n\n${question}\n${[1, 2, 3, 4, 5].map((n) => `${n}: ${answerUrl(n)}`).join('\n')}`;
    }
  } else {
    html = fillHtml(layoutNamed(deps.catalog, 'message'), common);
  }
  const text = `${bodyText ? fillText(bodyText, values) : ''}${answers}\n${textFooter(footer)}`.trimStart();
  return {
    to: who.email,
    subject,
    html,
    text,
    ...fromNameFor(deps, who),
    headers: unsubscribeHeaders(footer.unsubscribeUrl, deps),
  };
}
