import type { OutgoingEmail } from '../../ports/mailer';
import { type CrisisLines, crisisLinesFor } from '../../program/crisis-lines';
import type { Enrollment } from '../../program/enrollment';
import { layoutNamed } from '../../program/layouts';
import { timeInZone } from '../../program/local-words';
import type { CheckpointReport } from '../../program/report';
import type { MessageLanguage } from '../../program/safety';
import type { RenderedText, SafetyEmail, Step, SystemEmail, SystemSms } from '../../program/types';
import { fillHtml, fillText } from '../../render/fill';
import { reportChartsHtml, reportChartsText } from '../../render/report-charts';
import type { Deps } from '../deps';
import { footerLinks } from './links';

export type ComposeDeps = Pick<Deps, 'config' | 'tokens' | 'catalog'>;
export type Person = Pick<
  Enrollment,
  'id' | 'email' | 'checkinDay' | 'checkinTime' | 'timezone' | 'discreet'
>;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Values of the placeholders content may use, for one person: the check-in time as people write it where they are ("7 PM"). */
export function personalValues(
  deps: ComposeDeps,
  who: Pick<Enrollment, 'checkinDay' | 'checkinTime' | 'timezone'>,
) {
  return {
    supportEmail: deps.config.supportEmail,
    checkinDay: capitalise(who.checkinDay),
    checkinTime: timeInZone(who.checkinTime, who.timezone),
  };
}

/**
 * The system texts for this person: in discreet mode, the discreet one wherever there is one; the
 * frequency they promise is that of the texts this person chose (check-ins only, or with the nudges).
 */
export function systemTexts(
  deps: Pick<Deps, 'catalog'>,
  who?: Pick<Enrollment, 'discreet' | 'nudges'>,
): SystemSms {
  const { sms, discreet, textFrequency } = deps.catalog.messages;
  const texts = who?.discreet ? { ...sms, ...discreet.sms } : sms;
  const frequency = who?.nudges === false ? textFrequency.checkinsOnly : textFrequency.checkinsAndNudges;
  const withFrequency = (text: string) => text.replaceAll('{{frequency}}', frequency);
  return {
    ...texts,
    optInPrompt: withFrequency(texts.optInPrompt),
    startConfirmed: withFrequency(texts.startConfirmed),
    help: withFrequency(texts.help),
  };
}

/** The sender's display name for this person's emails: neutral in discreet mode, else the configured one. */
export const fromNameFor = (deps: ComposeDeps, who: Pick<Enrollment, 'discreet'>) =>
  who.discreet ? { fromName: deps.catalog.messages.discreet.fromName } : {};

export function unsubscribeHeaders(unsubscribeUrl: string, deps: ComposeDeps): Record<string, string> {
  const domain = deps.config.emailFrom.match(/@([^>\s]+)/)?.[1] ?? 'kintsugi.example';
  return {
    'List-Unsubscribe': `<${unsubscribeUrl}>, <mailto:unsubscribe@${domain}?subject=unsubscribe>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

type Footer = ReturnType<typeof footerLinks>;

/** Said in every email's footer (the MJML footer says it too): when this program is not the right help. */
export const SELF_GUIDED_LIMITS =
  'A self-guided program is not enough when there is abuse, addiction or years of deception: please work with a trained counselor. In danger? Call 911 or your local emergency number. In crisis? Call or text 988 (US and Canada).';

export function textFooter(footer: Footer): string {
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
  const { privacyUrl, settingsUrl } = footer;
  const values = { ...personalValues(deps, who), privacyUrl, settingsUrl, ...extra, actionUrl };
  const body = fillHtml(email.bodyHtml, values);
  const html = fillHtml(layoutNamed(deps.catalog, 'action'), {
    lang: 'en',
    subject: fillText(email.subject, values),
    preheader: fillText(email.preheader, values),
    body,
    actionLabel: email.action ?? 'Open',
    actionUrl,
    details: fillHtml(email.detailsHtml ?? '', values),
    ...footer,
  });
  const details = email.detailsText ? `\n\n${fillText(email.detailsText, values)}` : '';
  const text = `${fillText(email.bodyText, values)}\n\n${email.action ?? 'Open'}: ${actionUrl}${details}\n${textFooter(footer)}`;
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
  const html = fillHtml(layoutNamed(deps.catalog, 'report'), {
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

/** A program step as SMS text (its discreet wording in discreet mode). */
export function composeStepSms(deps: ComposeDeps, who: Person, step: Step): string {
  const text = (who.discreet ? step.discreetSms : undefined) ?? step.sms ?? '';
  return fillText(text, personalValues(deps, who));
}

/** Where the crisis email goes and in what language: the person's language and their country's lines. */
export interface CrisisReach {
  language: MessageLanguage;
  lines: CrisisLines;
}

/** The sections of the crisis email that give the lines of the person's country (program/crisis-lines.ts). */
export function lineSections(email: SafetyEmail, lines: CrisisLines): RenderedText[] {
  if (lines.region === 'us') return lines.located ? [email.us] : [email.us, email.outsideUs];
  if (lines.region === 'canada') return [email.canada];
  return lines.emergency ? [email.elsewhere] : [email.outsideUs];
}

/**
 * The email with the crisis lines (to an email reply showing signs of danger or concern, or to a text
 * that texts cannot answer), in the person's language with their country's lines, and how to restart
 * the program when it was paused. For a sender with no enrollment, the footer points at the start page.
 */
export function composeSafetyEmail(
  deps: ComposeDeps,
  to: string,
  who: Pick<Enrollment, 'id' | 'discreet'> | undefined,
  paused: boolean,
  reach: CrisisReach = { language: 'en', lines: crisisLinesFor(undefined) },
): OutgoingEmail {
  const email = deps.catalog.messages.safety.email[reach.language];
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
  // The usual preheader names the US lines; elsewhere, the neutral one says what is true anywhere.
  const preheader = who?.discreet || reach.lines.region !== 'us' ? email.discreetPreheader : email.preheader;
  const sections = [
    email.opening,
    ...lineSections(email, reach.lines),
    email.closing,
    ...(paused ? [email.paused] : []),
  ];
  const values = { emergency: reach.lines.emergency ?? '' };
  const html = fillHtml(layoutNamed(deps.catalog, 'message'), {
    lang: reach.language,
    subject,
    preheader,
    body: sections.map((section) => fillHtml(section.html, values)).join('\n'),
    ...footer,
  });
  const text = `${sections.map((section) => fillText(section.text, values)).join('\n\n')}\n${textFooter(footer)}`;
  return {
    to,
    subject,
    html,
    text,
    ...(who ? fromNameFor(deps, who) : {}),
    ...(who ? { headers: unsubscribeHeaders(footer.unsubscribeUrl, deps) } : {}),
  };
}
