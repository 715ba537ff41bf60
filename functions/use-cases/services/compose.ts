import type { OutgoingEmail } from '../../ports/mailer';
import {
  type CrisisLines,
  crisisLinesOfZone,
  HELPLINE_DIRECTORY,
  linesWithoutANumber,
} from '../../program/crisis-lines';
import type { Enrollment } from '../../program/enrollment';
import { inLanguage, stepIn } from '../../program/in-language';
import { layoutNamed } from '../../program/layouts';
import { timeInZone, weekdayInWords } from '../../program/local-words';
import { isFinalCheckpoint } from '../../program/open-questions';
import type { CheckpointReport } from '../../program/report';
import type { MessageLanguage } from '../../program/safety';
import type { Language, RenderedText, SafetyEmail, Step, SystemEmail, SystemSms } from '../../program/types';
import { fillHtml, fillText } from '../../render/fill';
import {
  reportChartsHtml,
  reportChartsText,
  safetyFirstHtml,
  safetyFirstText,
} from '../../render/report-charts';
import type { Deps } from '../deps';
import { helpLineValues, nationalValues } from './help-lines';
import { footerLinks } from './links';

export type ComposeDeps = Pick<Deps, 'config' | 'tokens' | 'catalog'>;
export type Person = Pick<
  Enrollment,
  'id' | 'email' | 'checkinDay' | 'checkinTime' | 'timezone' | 'discreet' | 'language'
>;

/**
 * Values of the placeholders content may use, for one person, in their language: the check-in day and
 * time as people write them where they are ("Sunday", "7 PM"; "domingo", "7 p. m.").
 */
export function personalValues(
  deps: ComposeDeps,
  who: Pick<Enrollment, 'checkinDay' | 'checkinTime' | 'timezone' | 'language'>,
) {
  const [quickTime1 = '', quickTime2 = '', quickTime3 = ''] = quickCheckTimes(deps.catalog.steps).map((at) =>
    timeInZone(at, who.timezone, who.language),
  );
  return {
    supportEmail: deps.config.supportEmail,
    checkinDay: weekdayInWords(who.checkinDay, who.language),
    checkinTime: timeInZone(who.checkinTime, who.timezone, who.language),
    quickTime1,
    quickTime2,
    quickTime3,
  };
}

/** When the day-30 quick questions are asked ("12:00", "15:00", "18:00"): the lessons name these times. */
function quickCheckTimes(steps: readonly Step[]): string[] {
  const times = steps
    .filter((s) => s.kind === 'checkpoint' && s.day === 30 && s.at && !isFinalCheckpoint(s))
    .map((s) => s.at as string);
  return [...new Set(times)].sort();
}

/**
 * The system texts for this person: in discreet mode, the discreet one wherever there is one; the
 * frequency they promise is that of the texts this person chose (check-ins only, or with the nudges).
 */
export function systemTexts(
  deps: Pick<Deps, 'catalog'>,
  who?: Pick<Enrollment, 'discreet' | 'nudges' | 'language'> & Partial<Pick<Enrollment, 'status'>>,
): SystemSms {
  const { sms, discreet, textFrequency } = inLanguage(deps.catalog, who?.language).messages;
  const texts = who?.discreet ? { ...sms, ...discreet.sms } : sms;
  const frequency =
    who?.status === 'completed'
      ? textFrequency.ended
      : who?.nudges === false
        ? textFrequency.checkinsOnly
        : textFrequency.checkinsAndNudges;
  const withFrequency = (text: string) => text.replaceAll('{{frequency}}', frequency);
  const all = {
    ...texts,
    optInPrompt: withFrequency(texts.optInPrompt),
    startConfirmed: withFrequency(texts.startConfirmed),
    help: withFrequency(texts.help),
    helpElsewhere: withFrequency(texts.helpElsewhere),
  };
  if (!who?.discreet) return all;
  // On a lock screen, the name the emails hide is hidden too.
  return Object.fromEntries(
    Object.entries(all).map(([key, text]) => [key, atAGlance(deps, who, text)]),
  ) as unknown as SystemSms;
}

/** The sender's display name for this person's emails: neutral in discreet mode, else the configured one. */
export const fromNameFor = (deps: ComposeDeps, who: Pick<Enrollment, 'discreet' | 'language'>) =>
  who.discreet ? { fromName: inLanguage(deps.catalog, who.language).messages.discreet.fromName } : {};

/**
 * A subject, a preheader or a text as an inbox or a lock screen shows it: in discreet mode, the neutral
 * sender name where it would say "Kintsugi" ("Please confirm: start your 90 days with K. Program"), since
 * the sender's name hides it too.
 */
export function atAGlance(
  deps: Pick<Deps, 'catalog'>,
  who: Pick<Enrollment, 'discreet' | 'language'> | undefined,
  text: string,
): string {
  if (!who?.discreet) return text;
  return text.replaceAll('Kintsugi', inLanguage(deps.catalog, who.language).messages.discreet.fromName);
}

export function unsubscribeHeaders(unsubscribeUrl: string, deps: ComposeDeps): Record<string, string> {
  const domain = deps.config.emailFrom.match(/@([^>\s]+)/)?.[1] ?? 'kintsugi.example';
  return {
    'List-Unsubscribe': `<${unsubscribeUrl}>, <mailto:unsubscribe@${domain}?subject=unsubscribe>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

/**
 * The links every email footer carries, when a self-guided program is not enough and the crisis lines
 * (`crisisLines`, in the HTML and the text), the name over the email (`brand`) and
 * why it came (`whyThis`): in discreet mode, none of them names the program or what it is for.
 */
type Footer = ReturnType<typeof footerLinks> & {
  crisisLines: string;
  brand: string;
  whyThis: string;
};

/** The words of every email's plain-text footer, in each language (the MJML footer: templates/words.yaml). */
const TEXT_FOOTER: Record<
  Language,
  {
    whyThis: string;
    whyThisDiscreet: string;
    selfGuided: string;
    /** The same for an email someone else may open: it names no abuse, addiction or deception. */
    selfGuidedDiscreet: string;
    lines: (lines: CrisisLines) => string;
    unsubscribe: string;
    data: string;
    settings: string;
    open: string;
  }
> = {
  en: {
    whyThis:
      'You are getting this email because you signed up for Kintsugi, a 90-day program for rebuilding trust, with this address. Your answers stay private to you.',
    whyThisDiscreet:
      'You are getting this email because you signed up with this address. Your answers stay private to you.',
    selfGuided:
      'A self-guided program is not enough when there is abuse, addiction or years of deception: please work with a trained counselor.',
    selfGuidedDiscreet: 'A self-guided program is not enough for everyone: a trained counselor can help.',
    lines: (lines) => {
      if (lines.region === 'elsewhere')
        return `In danger? Call ${lines.emergency ?? 'your local emergency number'}.${lines.crisis ? ` In crisis? Call ${lines.crisis}.` : ''} Free helplines in your country: ${HELPLINE_DIRECTORY}.`;
      if (!lines.located)
        return 'In danger? Call 911 or your local emergency number. In crisis? Call or text 988 (US and Canada).';
      return 'In danger? Call 911. In crisis? Call or text 988.';
    },
    unsubscribe: 'Stop these emails',
    data: 'Your data (export or delete)',
    settings: 'Change your time zone, check-in day, language or texts',
    open: 'Open',
  },
  es: {
    whyThis:
      'Recibes este correo porque te inscribiste con esta dirección en Kintsugi, un programa de 90 días para reconstruir la confianza. Tus respuestas son solo tuyas.',
    whyThisDiscreet:
      'Recibes este correo porque te inscribiste con esta dirección. Tus respuestas son solo tuyas.',
    selfGuided:
      'Un programa que sigues por tu cuenta no basta si hay abuso, adicción o años de engaño: busca a un consejero o terapeuta con formación.',
    selfGuidedDiscreet:
      'Un programa que sigues por tu cuenta no basta para todo el mundo: un consejero con formación puede ayudarte.',
    lines: (lines) => {
      if (lines.region === 'elsewhere')
        return `¿En peligro? Llama al ${lines.emergency ?? 'número de emergencias de tu país'}.${lines.crisis ? ` ¿En crisis? Llama al ${lines.crisis}.` : ''} Líneas de ayuda gratuitas en tu país: ${HELPLINE_DIRECTORY}.`;
      if (!lines.located)
        return '¿En peligro? Llama al 911 o al número de emergencias de tu país. ¿En crisis? Llama al 988 y oprime 2 para español (EE. UU.).';
      if (lines.region === 'canada') return '¿En peligro? Llama al 911. ¿En crisis? Llama o escribe al 988.';
      return '¿En peligro? Llama al 911. ¿En crisis? Llama al 988 y oprime 2 para español.';
    },
    unsubscribe: 'Dejar de recibir estos correos',
    data: 'Tus datos (descargar o borrar)',
    settings: 'Cambiar tu zona horaria, el día del check-in, el idioma o los mensajes de texto',
    open: 'Abrir',
  },
};

/** When a self-guided program is not the right help, with the crisis lines of where the person is. */
export const limitsFor = (lines: CrisisLines, language: Language = 'en', discreet = false): string =>
  `${discreet ? TEXT_FOOTER[language].selfGuidedDiscreet : TEXT_FOOTER[language].selfGuided} ${TEXT_FOOTER[language].lines(lines)}`;

/** Said in every email's footer (the MJML footer says it too) to someone nothing places: the US lines and a word for anyone elsewhere. */
export const SELF_GUIDED_LIMITS = limitsFor(linesWithoutANumber(), 'en');
export const SELF_GUIDED_LIMITS_ES = limitsFor(linesWithoutANumber(), 'es');

/**
 * A participant's email footer: their links, and the crisis lines of where they live (by their time zone's
 * country; `lines` when something else places them, a crisis email by the number it answers).
 */
export function footerFor(
  deps: Parameters<typeof footerLinks>[0] & Pick<Deps, 'catalog'>,
  who: Pick<Person, 'id' | 'timezone' | 'language'> & Partial<Pick<Person, 'discreet'>>,
  lines: CrisisLines = crisisLinesOfZone(who.timezone),
  language: Language = who.language ?? 'en',
): Footer {
  const links = footerLinks(deps, who.id);
  return {
    ...links,
    // The postal address the law asks for, without the program's name where the person chose discretion.
    postalAddress: atAGlance(deps, { discreet: who.discreet, language }, links.postalAddress),
    crisisLines: limitsFor(lines, language, who.discreet === true),
    ...brandFor(deps, who, language),
  };
}

/** The name over an email and why it came: in discreet mode, the neutral sender name and no word of what for. */
export function brandFor(
  deps: Pick<Deps, 'catalog'>,
  who: Partial<Pick<Person, 'discreet'>> | undefined,
  language: Language = 'en',
): { brand: string; whyThis: string } {
  if (!who?.discreet) return { brand: 'KINTSUGI', whyThis: TEXT_FOOTER[language].whyThis };
  const named = inLanguage(deps.catalog, language).messages.discreet.fromName;
  return { brand: named.toUpperCase(), whyThis: TEXT_FOOTER[language].whyThisDiscreet };
}

export function textFooter(footer: Footer, language: Language = 'en'): string {
  const words = TEXT_FOOTER[language];
  return [
    '',
    '—',
    footer.crisisLines,
    `${words.unsubscribe}: ${footer.unsubscribeUrl}`,
    `${words.data}: ${footer.privacyUrl}`,
    `${words.settings}: ${footer.settingsUrl}`,
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
  otherFooter?: Footer,
): OutgoingEmail {
  const lines = crisisLinesOfZone(who.timezone);
  const footer = otherFooter ?? footerFor(deps, who, lines);
  const { privacyUrl, settingsUrl } = footer;
  const language = who.language ?? 'en';
  const values = { ...personalValues(deps, who), privacyUrl, settingsUrl, ...extra, actionUrl };
  const helpLines = helpLineValues(inLanguage(deps.catalog, language).messages, lines);
  const body = fillHtml(email.bodyHtml, { ...values, ...helpLines.html });
  const subject = atAGlance(deps, who, fillText(email.subject, values));
  const html = fillHtml(layoutNamed(inLanguage(deps.catalog, language), 'action'), {
    lang: language,
    subject,
    preheader: atAGlance(deps, who, fillText(email.preheader, values)),
    body,
    actionLabel: email.action ?? TEXT_FOOTER[language].open,
    actionUrl,
    details: fillHtml(email.detailsHtml ?? '', { ...values, ...helpLines.html }),
    ...footer,
  });
  const details = email.detailsText
    ? `\n\n${fillText(email.detailsText, { ...values, ...helpLines.text })}`
    : '';
  const text = `${fillText(email.bodyText, { ...values, ...helpLines.text })}\n\n${email.action ?? TEXT_FOOTER[language].open}: ${actionUrl}${details}\n${textFooter(footer, language)}`;
  return {
    to: who.email,
    subject,
    html,
    text,
    ...fromNameFor(deps, who),
    ...(otherFooter ? {} : { headers: unsubscribeHeaders(footer.unsubscribeUrl, deps) }),
  };
}

/** The day-90 report email: the report's numbers as table bar charts, and a button to its web page. */
export function composeReportEmail(
  deps: ComposeDeps,
  who: Person,
  report: CheckpointReport,
  reportUrl: string,
): OutgoingEmail {
  const language = who.language ?? 'en';
  const catalog = inLanguage(deps.catalog, language);
  const email = catalog.messages.email.report;
  const lines = crisisLinesOfZone(who.timezone);
  const footer = footerFor(deps, who, lines);
  const values = { ...personalValues(deps, who), actionUrl: reportUrl };
  const helpLines = helpLineValues(catalog.messages, lines);
  const subject = atAGlance(deps, who, fillText(email.subject, values));
  const actionLabel = email.action ?? TEXT_FOOTER[language].open;
  const html = fillHtml(layoutNamed(catalog, 'report'), {
    lang: language,
    subject,
    preheader: atAGlance(deps, who, fillText(email.preheader, values)),
    body: fillHtml(email.bodyHtml, { ...values, ...helpLines.html }),
    charts: safetyFirstHtml(report, language, lines) + reportChartsHtml(report, language, who.timezone),
    actionLabel,
    actionUrl: reportUrl,
    ...footer,
  });
  const text = [
    fillText(email.bodyText, { ...values, ...helpLines.text }),
    `${actionLabel}: ${reportUrl}`,
    ...safetyFirstText(report, language, lines),
    reportChartsText(report, language, who.timezone),
    `${actionLabel}: ${reportUrl}`,
  ].join('\n\n');
  return {
    to: who.email,
    subject,
    html,
    text: `${text}\n${textFooter(footer, language)}`,
    ...fromNameFor(deps, who),
    headers: unsubscribeHeaders(footer.unsubscribeUrl, deps),
  };
}

/** A program step as SMS text, in the person's language (its discreet wording in discreet mode). */
export function composeStepSms(deps: ComposeDeps, who: Person, step: Step): string {
  const own = stepIn(deps.catalog, step, who.language);
  const text = (who.discreet ? own.discreetSms : undefined) ?? own.sms ?? '';
  return atAGlance(deps, who, fillText(text, personalValues(deps, who)));
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
  if (!lines.emergency) return [email.outsideUs];
  if (lines.crisis && lines.abuse) return [email.nationalBoth];
  if (lines.crisis) return [email.nationalCrisis];
  return lines.abuse ? [email.nationalAbuse] : [email.elsewhere];
}

/**
 * The email with the crisis lines (to an email reply showing signs of danger or concern, or to a text
 * that texts cannot answer), in the person's language with their country's lines, and how to restart
 * the program when it was paused. For a sender with no enrollment, the footer points at the start page.
 */
export function composeSafetyEmail(
  deps: ComposeDeps,
  to: string,
  who: Pick<Enrollment, 'id' | 'discreet' | 'language'> | undefined,
  paused: boolean,
  reach: CrisisReach = { language: 'en', lines: linesWithoutANumber() },
): OutgoingEmail {
  const email = deps.catalog.messages.safety.email[reach.language];
  const publicPage = `${deps.config.publicUrl}/`;
  // The crisis lines of the number it answers (or none: an email sender), in the reply's language.
  const footer = who
    ? footerFor(deps, { ...who, timezone: '' }, reach.lines, reach.language)
    : {
        unsubscribeUrl: publicPage,
        privacyUrl: publicPage,
        settingsUrl: publicPage,
        postalAddress: deps.config.postalAddress,
        crisisLines: limitsFor(reach.lines, reach.language),
        ...brandFor(deps, undefined, reach.language),
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
  const values = nationalValues(reach.lines);
  const html = fillHtml(layoutNamed(inLanguage(deps.catalog, reach.language), 'message'), {
    lang: reach.language,
    subject,
    preheader,
    body: sections.map((section) => fillHtml(section.html, values)).join('\n'),
    ...footer,
  });
  const text = `${sections.map((section) => fillText(section.text, values)).join('\n\n')}\n${textFooter(footer, reach.language)}`;
  return {
    to,
    subject,
    html,
    text,
    ...(who ? fromNameFor(deps, who) : {}),
    ...(who ? { headers: unsubscribeHeaders(footer.unsubscribeUrl, deps) } : {}),
  };
}

/**
 * The email that answers a typed email reply with what became of it: the words a text reply gets back
 * ("Kintsugi noted week 3 check-in: 4 of 5…", "kept as a private note…") and how to change an answer. Its
 * subject names nothing but a reply, so it reads the same in discreet mode.
 */
export function composeReplyNotedEmail(
  deps: ComposeDeps,
  who: Person,
  said: string,
  /** Answers were recorded: how to change one follows. */
  answered = true,
): OutgoingEmail {
  const language = who.language ?? 'en';
  const words = inLanguage(deps.catalog, language).messages.answers;
  const footer = footerFor(deps, who);
  const subject = words.emailSubject;
  // A text names its sender first ("Kintsugi: kept as a private note…"); an email has it above already.
  const sender = ['Kintsugi', inLanguage(deps.catalog, language).messages.discreet.fromName].find((name) =>
    said.startsWith(`${name}:`),
  );
  const unsigned = sender ? said.slice(sender.length + 1).trimStart() : said;
  const sentence = unsigned.charAt(0).toUpperCase() + unsigned.slice(1);
  const paragraphs = [atAGlance(deps, who, sentence), ...(answered ? [words.emailChange] : [])];
  const html = fillHtml(layoutNamed(inLanguage(deps.catalog, language), 'message'), {
    lang: language,
    subject,
    preheader: paragraphs[0] as string,
    body: paragraphs.map((p) => fillHtml('<p>{{p}}</p>', { p })).join('\n'),
    ...footer,
  });
  return {
    to: who.email,
    subject,
    html,
    text: `${paragraphs.join('\n\n')}\n${textFooter(footer, language)}`,
    ...fromNameFor(deps, who),
    headers: unsubscribeHeaders(footer.unsubscribeUrl, deps),
  };
}
