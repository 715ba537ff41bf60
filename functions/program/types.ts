/** The program's own vocabulary: tracks, steps, check-ins, channels. Plain data, no I/O. */
import type { MessageLanguage } from './safety';

/** Which side of the breach a participant is on. */
export type Track = 'hurt' | 'repairing';

/** The languages the whole program is written in (content/ and content/es/): English and Spanish. */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Content may be written for one track or for both. */
export type ContentTrack = Track | 'both';

export const TRACKS: readonly Track[] = ['hurt', 'repairing'];

export type StepKind = 'lesson' | 'micro-action' | 'check-in' | 'checkpoint';

/** A delivery channel. */
export type Channel = 'email' | 'sms';

/**
 * Where a step goes. `checkin` means: by SMS when the participant has opted in to texts,
 * otherwise by email with one-click answer buttons.
 */
export type StepChannel = Channel | 'checkin';

export type Scale = '1-5' | 'yes-no';

export const METRICS = [
  'honesty-safety',
  'agreements-kept',
  'follow-through',
  'listened-without-defending',
  'still-willing',
  'behaviour-consistent',
  'feeling-safer',
  'behaving-differently',
  'safe-to-be-honest',
  'both-showing-up',
] as const;
export type Metric = (typeof METRICS)[number];

/** The three "quick method" questions, asked yes/no on days 30 and 60 (steps of kind `checkpoint`). */
export const QUICK_CHECK_METRICS = [
  'behaving-differently',
  'safe-to-be-honest',
  'both-showing-up',
] as const satisfies readonly Metric[];

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The program length in days; the checkpoint report goes out on this day. */
export const PROGRAM_DAYS = 90;

/**
 * One message of the program, as compiled from `content/` at build time.
 * Fixed steps carry `day` + `at`; weekly check-ins carry `weeks` and go out on the participant's
 * chosen check-in day and time within each listed program week (week 1 = days 0–6).
 */
export interface Step {
  id: string;
  track: ContentTrack;
  kind: StepKind;
  channel: StepChannel;
  /** Program day (0–90) for fixed steps. */
  day?: number;
  /** Local send time "HH:MM" for fixed steps. */
  at?: string;
  /** Program weeks (1–13) for weekly check-ins. */
  weeks?: number[];
  metric?: Metric;
  scale?: Scale;
  /** SMS text (SMS steps and check-ins). May hold placeholders such as {{checkinDay}}. */
  sms?: string;
  /** The SMS text for discreet mode, when `sms` carries relationship words (content/schema.ts). */
  discreetSms?: string;
  /** The check-in question as it reads in an email ("How safe did it feel to be honest this week?"). */
  question?: string;
  subject?: string;
  preheader?: string;
  /** Email body rendered from Markdown to an HTML fragment at build time. */
  bodyHtml?: string;
  /** Email body as plain text, rendered at build time. */
  bodyText?: string;
  ideas: string[];
}

/** A step email's body, HTML and plain text, as the build renders it. */
export interface StepBody {
  html: string;
  text: string;
}

/**
 * Where a function reads step bodies at their first use, one step at a time, rather than all of them with
 * its catalog at the start (functions/catalog/step-bodies-at-first-use.ts): undefined for a step without a body.
 */
export type StepBodies = (language: Language, stepId: string) => Promise<StepBody | undefined>;

/** An email the system sends that is not a program step (confirmation, report). */
export interface SystemEmail {
  subject: string;
  preheader: string;
  bodyHtml: string;
  bodyText: string;
  /** What comes after the button, when the body alone leads to it (the confirmation email). */
  detailsHtml?: string;
  detailsText?: string;
  /** Label of the call-to-action button, whose URL is the `{{actionUrl}}` placeholder. */
  action?: string;
}

/** A Markdown section of an email, rendered at build time. */
export interface RenderedText {
  html: string;
  text: string;
}

/**
 * The email with the crisis lines, in one language: to an email reply that shows signs of danger or
 * concern, and to a text when texts cannot reach the person (no button: its links are phone numbers).
 * Its body is `opening`, the lines of the person's country, `closing`, then `paused` if it applies.
 */
export interface SafetyEmail {
  subject: string;
  preheader: string;
  /** Subject and preheader for discreet mode: they say nothing of what the email is about. */
  discreetSubject: string;
  discreetPreheader: string;
  opening: RenderedText;
  /** The US lines: 911, 988, the National Domestic Violence Hotline. */
  us: RenderedText;
  /** Canada: 911, 988, and the directory for help with abuse. */
  canada: RenderedText;
  /** Elsewhere, when the emergency number is known: {{emergency}} and the directory. */
  elsewhere: RenderedText;
  /** Beside the US lines when nothing tells where the person is; alone when the country's number is unknown. */
  outsideUs: RenderedText;
  /**
   * Instead of `elsewhere` where the country's own free lines are known (program/crisis-lines.ts): both
   * ({{crisis}} and {{abuse}}), or one of them and the directory for the other; {{crisisTel}} and
   * {{abuseTel}} are the numbers as their links dial them.
   */
  nationalBoth: RenderedText;
  nationalCrisis: RenderedText;
  nationalAbuse: RenderedText;
  /** That nobody reads replies as they arrive; that the email can be deleted. */
  closing: RenderedText;
  /** Added when the program was paused: how to restart it. */
  paused: RenderedText;
}

/**
 * The crisis and concern texts in one language (program/crisis-lines.ts says which lines apply). A
 * crisis text: opening, lines, then `paused` or `stopped`, then in discreet mode `deleteThread`.
 */
export interface CrisisSms {
  /** Thanks, and that nobody reads replies as they arrive; names the program. */
  opening: string;
  /** The same without the program's name. */
  discreetOpening: string;
  /** US lines, each named: 911, 988, the National Domestic Violence Hotline. */
  us: string;
  /** The same lines without saying what they are for. */
  discreetUs: string;
  /** Canada: 911, 988, the directory. */
  canada: string;
  /** Elsewhere: {{emergency}} and the directory. */
  elsewhere: string;
  /** Elsewhere where the country's own free lines are known: {{emergency}}, {{national}}, the directory. */
  elsewhereNational: string;
  /** {{national}}, each line the country has: "Violence at home: {{number}}.", "Suicide or crisis: {{number}}.". */
  abuseLine: string;
  crisisLine: string;
  /** {{national}} in discreet mode: the numbers alone ({{numbers}}), not what they are for. */
  discreetNational: string;
  /** What {{emergency}} says when the country's emergency number is not known. */
  localEmergency: string;
  /** Added after the lines when the program was paused: how to restart it. */
  paused: string;
  /** Added after the lines when the message also said STOP. */
  stopped: string;
  discreetStopped: string;
  /** Ends every discreet crisis or concern text. */
  deleteThread: string;
  /** The short answer to signs of concern, one per region ({{emergency}} in `concernElsewhere`). */
  concernUs: string;
  concernCanada: string;
  concernElsewhere: string;
  concernElsewhereNational: string;
}

/** Which wording of a help line applies: the region of where the person lives, or (the emergency number) a country whose number is not known. */
export type HelpLineRegion = 'us' | 'canada' | 'elsewhere' | 'unknown' | 'national';

/**
 * The help lines a lesson or a system email names ({{emergencyLine}}, {{crisisLine}}, {{abuseLine}}), each
 * rendered from Markdown for each region: HTML with its links, and plain text. `unknown` is the emergency
 * number's only (the others say the same as `elsewhere`); `elsewhere` may hold {{emergency}}.
 */
export interface HelpLines {
  emergencyLine: Record<Exclude<HelpLineRegion, 'national'>, RenderedText>;
  /** `national`: the country's own free line, {{crisis}} or {{abuse}} (and {{crisisTel}}, {{abuseTel}} for its link). */
  crisisLine: Record<Exclude<HelpLineRegion, 'unknown'>, RenderedText>;
  abuseLine: Record<Exclude<HelpLineRegion, 'unknown'>, RenderedText>;
}

/** Every message that is not a program step, in Kintsugi's words. */
export interface SystemMessages {
  email: {
    confirm: SystemEmail;
    /**
     * To an address that already has a program, when the form is sent with it again: its own links, nothing
     * else. This one and the next are compiled apart, and given only to the functions that send them
     * (functions/catalog/with-enrollment-emails.ts): read them with `enrollmentEmail`.
     */
    alreadyEnrolled?: SystemEmail;
    report: SystemEmail;
    /** To the person a participant invited; its button goes to the enrollment form. */
    partnerInvite: SystemEmail;
    /** To the inviter when the person they invited links their program with theirs: says only that it did. */
    partnerLinked: SystemEmail;
    /** To the other partner when one of them ends the link: says only that it ended. */
    partnerUnlinked: SystemEmail;
    /**
     * The fresh link someone asked for on an expired or broken link's page, to an address in the program.
     * Compiled apart with the two above (only enrollment's function sends it).
     */
    freshLink?: SystemEmail;
    /**
     * To an address that already has a program, when the form came through a partner's invitation: its button
     * opens the person's partner page, where one more press links the two programs. Compiled apart too.
     */
    invitedWhileEnrolled?: SystemEmail;
  };
  /**
   * How often texts come, for each choice of texts (Enrollment.nudges): filled into the opt-in, START and
   * HELP texts as {{frequency}} (use-cases/services/compose.ts systemTexts).
   */
  /** How often texts come, as the opt-in, START and HELP texts say it; `ended` after the program. */
  textFrequency: { checkinsAndNudges: string; checkinsOnly: string; ended: string };
  /** The help lines of where the person lives, for the bodies that name them (use-cases/services/help-lines.ts). */
  helpLines: HelpLines;
  sms: SystemSms;
  /** How answers to open questions are confirmed (functions/use-cases/services/answers.ts). */
  answers: AnswerTexts;
  /** The answers to a message that shows signs of danger or concern (functions/program/safety.ts), per language. */
  safety: {
    sms: Record<MessageLanguage, CrisisSms>;
    email: Record<MessageLanguage, SafetyEmail>;
  };
  /** Discreet mode: for people whose messages may be read by someone else. */
  discreet: {
    /** The sender's display name on every email (the address stays the same). */
    fromName: string;
    /** Neutral subject and preheader for every program email; {{day}} is the program day. */
    email: {
      lesson: { subject: string; preheader: string };
      question: { subject: string; preheader: string };
    };
    /** System texts for discreet mode, where the usual one carries relationship words. */
    sms: Partial<SystemSms>;
  };
}

/** The system's SMS texts (answers to keywords, notices), each one GSM-7 segment. */
export interface SystemSms {
  /** After confirming: asks for YES. Carries brand, frequency, rates, STOP/HELP. */
  optInPrompt: string;
  optInConfirmed: string;
  /** YES from a number given weeks into the program (settings page): check-ins by text from now on. {{checkinDay}}. */
  optInConfirmedLater: string;
  stopConfirmed: string;
  /**
   * To a text (not a keyword) from a number no program holds (a forgotten one, a mistyped one, a
   * stranger's): that nothing comes to it and nothing it sends is kept; sent as the discreet wording.
   */
  notHeld: string;
  startConfirmed: string;
  /** START (or YES) after the 90 days: texts are on, but the program has ended, so none will come. */
  programOver: string;
  /**
   * YES from a number that more than one running program's form named, none of them holding it yet: which
   * one is the person's, by the start of the address it signed up with.
   */
  whichSignUp: string;
  help: string;
  /** HELP from a number outside the US and Canada: its country's emergency number ({{emergency}}), not 988. */
  helpElsewhere: string;
  /** Placeholders: {{score}}, {{max}}. */
  ratingRecorded: string;
  /** For yes/no check-ins. Placeholder: {{answer}}. */
  answerRecorded: string;
  /** A reply that could not be read as an answer to the open check-in. */
  ratingUnclear: string;
  /** A message when no check-in is open: kept as a journal note. */
  noteKept: string;
  /** The report is ready. Placeholder: {{reportUrl}}. */
  reportReady: string;
  /** After PAUSE. Placeholders: {{days}}, {{resumeDate}}. */
  paused: string;
  /** After RESUME, ending a pause early. */
  resumed: string;
  /** RESUME after the pause a message with signs of danger brought: no cheer, and how to pause again. */
  resumedAfterSafety: string;
  /** After RESUME when nothing was paused. */
  notPaused: string;
  /** After SKIP. Placeholder: {{checkinDay}}. */
  checkinSkipped: string;
  /** A second unclear answer, kept as a note; the check-in stays open. */
  noteKeptCheckinOpen: string;
  /** The same, when every question still open takes a number from 1 to 5. */
  noteKeptRatingOpen: string;
  /** The same, when every question still open takes yes or no. */
  noteKeptYesNoOpen: string;
  /** A doubt to a yes/no question ("no sé", "maybe"): kept as a note; the question stays open. */
  unsureKept: string;
  /** After three unanswered check-in texts: check-ins move to email; any text moves them back. */
  movedToEmail: string;
  /** The first text after that move (or after carrier failures), when it answers nothing: texts are back, and the text is kept as a note. */
  textsBack: string;
  /** Added after the confirmation when that first text did answer: texts are back. */
  textsBackAfterAnswer: string;
  /** After a first DELETE: asks for a second one within the window to erase everything. */
  deleteConfirm: string;
  /** After the second DELETE: everything is erased. */
  deleted: string;
}

/**
 * The pieces of the text that confirms answers: "Noted: day 30 question 1: yes. Still open: day 30
 * question 2 (Y/N). Only you see your answers." Each is GSM-7; the whole stays one segment.
 */
export interface AnswerTexts {
  /** Placeholders: {{answers}} (labelled answers), {{more}} (the still-open and unplaced sentences, or nothing). */
  recorded: string;
  /** Placeholder: {{questions}}. */
  stillOpen: string;
  /** After a doubt, when no other question waits: the doubted one stays open. */
  staysOpen: string;
  /** Answers that fit no open question. Placeholder: {{count}}. */
  unplaced: string;
  /** Ratings sent late for a week whose check-in has closed ("3 4" while only week 2 is open). Placeholder: {{count}}. */
  closedEarlier: string;
  /** An answer that fits none of the open questions. Placeholder: {{questions}}. */
  doesNotFit: string;
  /** Placeholders: {{label}}, {{value}}. */
  labelled: string;
  /** Question names. Placeholders: {{week}}; {{day}} and {{number}}; {{number}}. */
  checkin: string;
  quickCheck: string;
  checkpoint: string;
  /** Answer values. Placeholder: {{score}}. */
  rating: string;
  /** A lone answer that replaced the one given before: {{label}}, {{previous}}, {{value}}. */
  changed: string;
  yes: string;
  no: string;
  /** How to answer, after a still-open question's name. */
  ratingHint: string;
  yesNoHint: string;
  /** The email that answers an email reply with what became of it: its subject (neutral: discreet mode too). */
  emailSubject: string;
  /** After what became of it: how to change an answer given by email. */
  emailChange: string;
  /** The answer to RESUME sent by email, when it ended a pause. */
  emailResumed: string;
}

/** The compiled program: steps, system messages and email layouts with their placeholders. */
export interface Catalog {
  steps: Step[];
  messages: SystemMessages;
  /**
   * Compiled MJML layouts: HTML with `{{name}}` (HTML-escaped when filled) and `{{{name}}}` (raw HTML)
   * placeholders. Every layout has {{lang}}, {{subject}}, {{preheader}}, {{{body}}} and the footer's
   * {{unsubscribeUrl}}, {{privacyUrl}}, {{postalAddress}}. Compiled apart from the rest of the catalog and
   * added only to the functions that send email (functions/catalog/with-*-layout(s).ts): read them with
   * `layoutNamed` (program/layouts.ts), which says which part a function lacks.
   */
  layouts: Partial<Layouts>;
  /**
   * The same program in Spanish (content/es/): the same steps on the same schedule, in Spanish words,
   * with Spanish system messages and layouts. Read it with `inLanguage` (program/language.ts).
   */
  es?: Catalog;
}

/** Every compiled layout, as the build writes them (templates/build.ts). */
export interface Layouts {
  /** A plain message (withEmailLayouts). */
  message: string;
  /** A message with one button: {{actionLabel}}, {{actionUrl}} (withEmailLayouts). */
  action: string;
  /** A 1–5 check-in: {{question}}, {{answer1Url}} … {{answer5Url}} (withStepLayouts). */
  rating: string;
  /** A yes/no check-in: {{question}}, {{yesUrl}}, {{noUrl}} (withStepLayouts). */
  yesNo: string;
  /** The day-90 report: {{{charts}}} (table bar charts built per person), {{actionLabel}}, {{actionUrl}} (withStepLayouts). */
  report: string;
  /**
   * The partner invitation: the action layout with a footer of its own (why it came, what is kept, the
   * {{stopInvitationsUrl}} link), since the invited person is not a participant (withInvitationLayout,
   * the partner function's alone).
   */
  invitation: string;
}
