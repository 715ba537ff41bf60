import type { OutgoingEmail } from '../ports/mailer';
import type { Enrollment } from '../program/enrollment';
import { fillHtml, fillText } from '../program/render';
import type { CheckpointReport } from '../program/report';
import { reportChartsHtml, reportChartsText } from '../program/report-charts';
import type { Step, SystemEmail, SystemSms } from '../program/types';
import type { Deps } from './deps';
import { footerLinks, link } from './links';

type ComposeDeps = Pick<Deps, 'config' | 'tokens' | 'catalog'>;
type Person = Pick<Enrollment, 'id' | 'email' | 'checkinDay' | 'checkinTime' | 'discreet'>;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Values of the placeholders content may use, for one person. */
export function personalValues(deps: ComposeDeps, who: Pick<Enrollment, 'checkinDay' | 'checkinTime'>) {
  return {
    supportEmail: deps.config.supportEmail,
    checkinDay: capitalise(who.checkinDay),
    checkinTime: who.checkinTime,
  };
}

/** The system texts for this person: in discreet mode, the discreet one wherever there is one. */
export function systemTexts(deps: Pick<Deps, 'catalog'>, who?: Pick<Enrollment, 'discreet'>): SystemSms {
  const { sms, discreet } = deps.catalog.messages;
  return who?.discreet ? { ...sms, ...discreet.sms } : sms;
}

/** The sender's display name for this person's emails: neutral in discreet mode, else the configured one. */
const fromNameFor = (deps: ComposeDeps, who: Pick<Enrollment, 'discreet'>) =>
  who.discreet ? { fromName: deps.catalog.messages.discreet.fromName } : {};

function unsubscribeHeaders(unsubscribeUrl: string, deps: ComposeDeps): Record<string, string> {
  const domain = deps.config.emailFrom.match(/@([^>\s]+)/)?.[1] ?? 'kintsugi.example';
  return {
    'List-Unsubscribe': `<${unsubscribeUrl}>, <mailto:unsubscribe@${domain}?subject=unsubscribe>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

type Footer = ReturnType<typeof footerLinks>;

/** Said in every email's footer (the MJML footer says it too): when this program is not the right help. */
export const SELF_GUIDED_LIMITS =
  'A self-guided program is not enough when there is abuse, addiction or years of deception: please work with a trained counselor. In danger? Call 911. In crisis? Call or text 988.';

function textFooter(footer: Footer): string {
  return [
    '',
    '—',
    SELF_GUIDED_LIMITS,
    `Stop these emails: ${footer.unsubscribeUrl}`,
    `Your data (export or delete): ${footer.privacyUrl}`,
    `Change your time zone or check-in day: ${footer.settingsUrl}`,
    footer.postalAddress,
  ].join('\n');
}

/** A system email (confirmation, report) with its one call-to-action. */
export function composeSystemEmail(
  deps: ComposeDeps,
  who: Person,
  email: SystemEmail,
  actionUrl: string,
  extra: Record<string, string> = {},
  /** Footer links for an email to someone who is not (yet) a participant, e.g. an invited partner. */
  footerFor?: Footer,
): OutgoingEmail {
  const footer = footerFor ?? footerLinks(deps, who.id);
  const values = { ...personalValues(deps, who), ...extra, actionUrl };
  const body = fillHtml(email.bodyHtml, values);
  const html = fillHtml(deps.catalog.layouts.action, {
    lang: 'en',
    subject: fillText(email.subject, values),
    preheader: fillText(email.preheader, values),
    body,
    actionLabel: email.action ?? 'Open',
    actionUrl,
    ...footer,
  });
  const text = `${fillText(email.bodyText, values)}\n\n${email.action ?? 'Open'}: ${actionUrl}\n${textFooter(footer)}`;
  return {
    to: who.email,
    subject: fillText(email.subject, values),
    html,
    text,
    ...fromNameFor(deps, who),
    ...(footerFor ? {} : { headers: unsubscribeHeaders(footer.unsubscribeUrl, deps) }),
  };
}

/** The day-90 report email: the report's numbers as table bar charts, and a button to its web page. */
export function composeReportEmail(
  deps: ComposeDeps,
  who: Person,
  report: CheckpointReport,
  reportUrl: string,
): OutgoingEmail {
  const email = deps.catalog.messages.email.report;
  const footer = footerLinks(deps, who.id);
  const values = { ...personalValues(deps, who), actionUrl: reportUrl };
  const subject = fillText(email.subject, values);
  const actionLabel = email.action ?? 'Open my report';
  const html = fillHtml(deps.catalog.layouts.report, {
    lang: 'en',
    subject,
    preheader: fillText(email.preheader, values),
    body: fillHtml(email.bodyHtml, values),
    charts: reportChartsHtml(report),
    actionLabel,
    actionUrl: reportUrl,
    ...footer,
  });
  const text = [
    fillText(email.bodyText, values),
    `${actionLabel}: ${reportUrl}`,
    reportChartsText(report),
    `${actionLabel}: ${reportUrl}`,
  ].join('\n\n');
  return {
    to: who.email,
    subject,
    html,
    text: `${text}\n${textFooter(footer)}`,
    ...fromNameFor(deps, who),
    headers: unsubscribeHeaders(footer.unsubscribeUrl, deps),
  };
}

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
  const body = step.bodyHtml ? fillHtml(step.bodyHtml, values) : '';
  const common = { lang: 'en', subject, preheader, body, ...footer };
  let html: string;
  let answers = '';
  if (step.kind === 'check-in' || step.kind === 'checkpoint') {
    const question = fillText(step.question ?? step.sms ?? '', values);
    const answerUrl = (score: number) =>
      link(deps, '/checkin', 'checkin', who.id, { score: String(score) }, `${step.id}#${day}`);
    if (step.scale === 'yes-no') {
      html = fillHtml(deps.catalog.layouts.yesNo, {
        ...common,
        question,
        yesUrl: answerUrl(1),
        noUrl: answerUrl(0),
      });
      answers = `\n\n${question}\nYes: ${answerUrl(1)}\nNo: ${answerUrl(0)}`;
    } else {
      const urls = Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`answer${n}Url`, answerUrl(n)]));
      html = fillHtml(deps.catalog.layouts.rating, { ...common, question, ...urls });
      answers = `\n\n${question}\n${[1, 2, 3, 4, 5].map((n) => `${n}: ${answerUrl(n)}`).join('\n')}`;
    }
  } else {
    html = fillHtml(deps.catalog.layouts.message, common);
  }
  const text =
    `${step.bodyText ? fillText(step.bodyText, values) : ''}${answers}\n${textFooter(footer)}`.trimStart();
  return {
    to: who.email,
    subject,
    html,
    text,
    ...fromNameFor(deps, who),
    headers: unsubscribeHeaders(footer.unsubscribeUrl, deps),
  };
}

/** A program step as SMS text (its discreet wording in discreet mode). */
export function composeStepSms(deps: ComposeDeps, who: Person, step: Step): string {
  const text = (who.discreet ? step.discreetSms : undefined) ?? step.sms ?? '';
  return fillText(text, personalValues(deps, who));
}

/**
 * The email that answers an email reply showing signs of danger: the crisis lines, and how to restart
 * the program when it was paused. For a sender with no enrollment, the footer points at the start page.
 */
export function composeSafetyEmail(
  deps: ComposeDeps,
  to: string,
  who: Pick<Enrollment, 'id' | 'discreet'> | undefined,
  paused: boolean,
): OutgoingEmail {
  const email = deps.catalog.messages.safety.email;
  const publicPage = `${deps.config.publicUrl}/`;
  const footer = who
    ? footerLinks(deps, who.id)
    : {
        unsubscribeUrl: publicPage,
        privacyUrl: publicPage,
        settingsUrl: publicPage,
        postalAddress: deps.config.postalAddress,
      };
  const subject = who?.discreet ? email.discreetSubject : email.subject;
  const preheader = who?.discreet ? email.discreetPreheader : email.preheader;
  const html = fillHtml(deps.catalog.layouts.message, {
    lang: 'en',
    subject,
    preheader,
    body: paused ? `${email.bodyHtml}\n${email.pausedHtml}` : email.bodyHtml,
    ...footer,
  });
  const text = `${email.bodyText}${paused ? `\n\n${email.pausedText}` : ''}\n${textFooter(footer)}`;
  return {
    to,
    subject,
    html,
    text,
    ...(who ? fromNameFor(deps, who) : {}),
    ...(who ? { headers: unsubscribeHeaders(footer.unsubscribeUrl, deps) } : {}),
  };
}
