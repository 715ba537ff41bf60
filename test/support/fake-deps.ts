import type { OutgoingEmail } from '../../functions/ports/mailer';
import type { SafetyAlert } from '../../functions/ports/operator-alerts';
import type { SendJob } from '../../functions/ports/queue';
import type { SmsSendOutcome } from '../../functions/ports/sms';
import { contactHash } from '../../functions/program/consent';
import type { Catalog, CrisisSms, SafetyEmail, Step } from '../../functions/program/types';
import { parseConfig } from '../../functions/shared/config';
import { TokenSigner } from '../../functions/shared/tokens';
import type { Deps } from '../../functions/use-cases/deps';
import { send } from '../../functions/use-cases/sending/send';
import { InMemoryStore } from './in-memory-store';

const layout = (extra: string) =>
  `<html lang="{{lang}}"><title>{{subject}}</title><span class="pre">{{preheader}}</span>{{{body}}}${extra}<a href="{{unsubscribeUrl}}">unsubscribe</a><a href="{{privacyUrl}}">privacy</a><a href="{{settingsUrl}}">settings</a>{{postalAddress}}</html>`;

const lesson = (id: string, track: Step['track'], day: number, at = '08:00'): Step => ({
  id,
  track,
  kind: 'lesson',
  channel: 'email',
  day,
  at,
  subject: `Lesson ${id}`,
  preheader: `About ${id}`,
  bodyHtml: `<p>Body of ${id}</p>`,
  bodyText: `Body of ${id}`,
  ideas: [],
});

/** Crisis texts for the fakes: short, and each part recognisable by its language and name. */
const crisisTexts = (lang: 'en' | 'es'): CrisisSms => ({
  opening: `Kintsugi [${lang}] nobody reads replies live.`,
  discreetOpening: `[${lang}] nobody reads replies live.`,
  us: `[${lang}] call 911, 988, or the National Domestic Violence Hotline 1-800-799-7233.`,
  discreetUs: `[${lang}] call 911, 988, or 1-800-799-7233.`,
  canada: `[${lang}] call 911 or 988; findahelpline.com`,
  elsewhere: `[${lang}] call {{emergency}}; findahelpline.com`,
  elsewhereNational: `[${lang}] call {{emergency}}; {{national}} findahelpline.com`,
  abuseLine: `[${lang}] violence at home {{number}}.`,
  crisisLine: `[${lang}] suicide or crisis {{number}}.`,
  discreetNational: `[${lang}] free help {{numbers}}.`,
  localEmergency: `[${lang}] your local emergency number`,
  paused: `[${lang}] Paused. Reply RESUME to go on.`,
  stopped: `[${lang}] Kintsugi texts stopped.`,
  discreetStopped: `[${lang}] Texts stopped.`,
  deleteThread: `[${lang}] Delete this thread.`,
  concernUs: `[${lang}] concern: 911, 988, 1-800-799-7233.`,
  concernCanada: `[${lang}] concern: 911, 988, findahelpline.com`,
  concernElsewhere: `[${lang}] concern: {{emergency}}, findahelpline.com`,
  concernElsewhereNational: `[${lang}] concern: {{emergency}}, {{national}}`,
});

const section = (text: string) => ({ html: `<p>${text}</p>`, text });
const inline = (text: string) => ({ html: text, text });
const crisisEmail = (lang: 'en' | 'es'): SafetyEmail => ({
  subject: `[${lang}] Help you can reach now`,
  preheader: '911, 988, 1-800-799-7233',
  discreetSubject: `[${lang}] A few numbers`,
  discreetPreheader: 'Any time',
  opening: section(`[${lang}] Thank you.`),
  us: section(`[${lang}] Call 911 or 988.`),
  canada: section(`[${lang}] Canada: call 911 or 988.`),
  elsewhere: section(`[${lang}] Call {{emergency}}.`),
  outsideUs: section(`[${lang}] Outside the US: findahelpline.com`),
  nationalBoth: section(
    `[${lang}] Call {{emergency}}, {{crisis}} (tel:{{crisisTel}}) or {{abuse}} (tel:{{abuseTel}}).`,
  ),
  nationalCrisis: section(`[${lang}] Call {{emergency}} or {{crisis}} (tel:{{crisisTel}}).`),
  nationalAbuse: section(`[${lang}] Call {{emergency}} or {{abuse}} (tel:{{abuseTel}}).`),
  closing: section(`[${lang}] Nobody reads replies as they arrive.`),
  paused: section(`[${lang}] Paused: reply RESUME.`),
});

/** A small program for use-case tests, independent of the real content. */
/** The key the fakes hash erasure tombstones with. */
export const TEST_CONTACT_HASH_KEY = 'test-contact-hash-key-of-at-least-32-chars';

export const testCatalog: Catalog = {
  steps: [
    lesson('welcome', 'both', 0),
    lesson('hurt-d1', 'hurt', 1),
    lesson('repairing-d1', 'repairing', 1),
    {
      id: 'micro-d3',
      track: 'both',
      kind: 'micro-action',
      channel: 'sms',
      day: 3,
      at: '12:30',
      sms: 'Kintsugi: one small thing today.',
      ideas: [],
    },
    {
      id: 'hurt-safety',
      track: 'hurt',
      kind: 'check-in',
      channel: 'checkin',
      weeks: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
      metric: 'honesty-safety',
      scale: '1-5',
      sms: 'Kintsugi: how safe did it feel to be honest this week? Reply 1-5.',
      question: 'How safe did it feel to be honest this week?',
      subject: 'Your weekly check-in',
      preheader: 'One tap',
      ideas: [],
    },
    {
      id: 'repairing-follow',
      track: 'repairing',
      kind: 'check-in',
      channel: 'checkin',
      weeks: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
      metric: 'follow-through',
      scale: '1-5',
      sms: 'Kintsugi: did you follow through this week? Reply 1-5.',
      question: 'Did you follow through this week?',
      ideas: [],
    },
    {
      id: 'both-willing',
      track: 'both',
      kind: 'checkpoint',
      channel: 'checkin',
      day: 89,
      at: '18:00',
      metric: 'still-willing',
      scale: 'yes-no',
      sms: 'Kintsugi: are you still willing to keep going? Reply YES or NO.',
      question: 'Are you still willing to keep going?',
      ideas: [],
    },
  ],
  messages: {
    email: {
      partnerInvite: {
        subject: 'You are invited',
        preheader: 'A program of your own',
        bodyHtml: '<p>Invitation</p>',
        bodyText: 'Invitation',
        action: 'Enroll',
      },
      partnerLinked: {
        subject: 'The link is made',
        preheader: 'Each program stays private',
        bodyHtml: '<p>Linked</p>',
        bodyText: 'Linked',
        action: 'Partner page',
      },
      partnerUnlinked: {
        subject: 'The link has ended',
        preheader: 'Nothing else changes',
        bodyHtml: '<p>Ended</p>',
        bodyText: 'Ended',
        action: 'Privacy',
      },
      confirm: {
        subject: 'Confirm',
        preheader: 'One step',
        bodyHtml: '<p>Confirm please</p>',
        bodyText: 'Confirm please',
        action: 'Confirm',
      },
      freshLink: {
        subject: 'Your fresh link',
        preheader: 'As you asked',
        bodyHtml: '<p>Here is a fresh link.</p>',
        bodyText: 'Here is a fresh link.',
        action: 'Open',
      },
      alreadyEnrolled: {
        subject: 'A sign-up request for this address',
        preheader: 'Nothing has changed',
        bodyHtml: '<p>Already in. <a href="{{privacyUrl}}">Privacy</a></p>',
        bodyText: 'Already in. Privacy: {{privacyUrl}}',
        action: 'Open my settings',
      },
      report: {
        subject: 'Your report',
        preheader: 'Day 90',
        bodyHtml: '<p>Report</p>',
        bodyText: 'Report',
        action: 'Open my report',
      },
    },
    textFrequency: {
      checkinsAndNudges: '2 msgs/week',
      checkinsOnly: '1 msg/week',
      ended: 'program ended, no more msgs',
    },
    helpLines: {
      emergencyLine: {
        us: inline('911'),
        canada: inline('911 (Canada)'),
        elsewhere: inline('{{emergency}}'),
        unknown: inline('your local emergency number'),
      },
      crisisLine: {
        us: inline('988, the Lifeline'),
        canada: inline('988, the Canadian line'),
        elsewhere: inline('a crisis line where you live'),
        national: inline('the crisis line {{crisis}} (tel:{{crisisTel}})'),
      },
      abuseLine: {
        us: inline('the US hotline'),
        canada: inline('a helpline near you (Canada)'),
        elsewhere: inline('a helpline near you'),
        national: inline('the helpline {{abuse}} (tel:{{abuseTel}})'),
      },
    },
    sms: {
      optInPrompt: 'Kintsugi: reply YES for check-ins. Msg&data rates may apply. HELP for help, STOP to end.',
      optInConfirmed: 'Kintsugi: you are in.',
      optInConfirmedLater: 'Kintsugi: you are in; next check-in by text on {{checkinDay}}.',
      stopConfirmed: 'Kintsugi: no more texts. Reply START to come back.',
      notHeld: 'Kintsugi: no texts go to this number. {{supportEmail}}',
      startConfirmed: 'Kintsugi: texts are back on.',
      programOver: 'Kintsugi: texts are on, but your program is over.',
      whichSignUp: 'Kintsugi: more than one sign-up gave this number. Reply YES and the start of your email.',
      help: 'Kintsugi help: write to {{supportEmail}}. STOP to end.',
      helpElsewhere: 'Kintsugi help: call {{emergency}}, write to {{supportEmail}}. STOP to end.',
      ratingRecorded: '{{score}} of {{max}} noted.',
      answerRecorded: '{{answer}} noted.',
      ratingUnclear: 'Reply with a number from 1 to 5.',
      noteKept: 'Kept as a note for your report.',
      reportReady: 'Kintsugi: your day-90 report is in your email.',
      paused: 'Kintsugi: paused for {{days}} days, until {{resumeDate}}.',
      resumed: 'Kintsugi: welcome back.',
      resumedAfterSafety: 'Kintsugi: your program picks up again. PAUSE any time.',
      notPaused: 'Kintsugi: nothing was paused.',
      checkinSkipped: 'Kintsugi: check-in skipped. Next on {{checkinDay}}.',
      noteKeptCheckinOpen: 'Kept as a note. Reply 1 to 5, or Y or N.',
      noteKeptRatingOpen: 'Kept as a note. Reply 1 to 5 for the check-in.',
      noteKeptYesNoOpen: 'Kept as a note. Reply Y or N.',
      unsureKept: 'Not sure is an answer too; kept as a note with {{label}}. {{more}}',
      movedToEmail: 'Kintsugi: check-ins will come by email for a while. Text anything to move them back.',
      textsBack: 'Kintsugi: check-ins come by text again; kept as a note.',
      textsBackAfterAnswer: 'Check-ins come by text again.',
      deleteConfirm: 'Kintsugi: reply DELETE again within 10 minutes to erase everything.',
      deleted: 'Kintsugi: everything is erased.',
    },
    answers: {
      recorded: 'Noted {{answers}}. {{more}}',
      stillOpen: 'Still open: {{questions}}.',
      staysOpen: 'It stays open.',
      unplaced: '{{count}} more had no open question.',
      closedEarlier: '{{count}} more was for a check-in already closed, so not kept.',
      doesNotFit: 'Does not fit: {{questions}}.',
      labelled: '{{label}}: {{value}}',
      checkin: 'week {{week}} check-in',
      quickCheck: 'day {{day}} question {{number}}',
      checkpoint: 'checkpoint question {{number}}',
      rating: '{{score}} of 5',
      changed: 'Changed {{label}} from {{previous}} to {{value}}.',
      yes: 'yes',
      no: 'no',
      ratingHint: '1-5',
      yesNoHint: 'Y/N',
      emailSubject: 'We got your reply',
      emailChange: 'Reply again to change an answer.',
      emailResumed: 'Your program picks up again.',
    },
    safety: {
      sms: { en: crisisTexts('en'), es: crisisTexts('es') },
      email: { en: crisisEmail('en'), es: crisisEmail('es') },
    },
    discreet: {
      fromName: 'K. Program',
      email: {
        lesson: { subject: 'Your note for day {{day}}', preheader: 'A short read.' },
        question: { subject: 'A question for day {{day}}', preheader: 'One tap.' },
      },
      sms: { help: 'Kintsugi help (discreet): write to {{supportEmail}}. STOP to end.' },
    },
  },
  layouts: {
    message: layout(''),
    action: layout('<a class="action" href="{{actionUrl}}">{{actionLabel}}</a>'),
    rating: layout(
      '<p>{{question}}</p><a href="{{answer1Url}}">1</a><a href="{{answer2Url}}">2</a><a href="{{answer3Url}}">3</a><a href="{{answer4Url}}">4</a><a href="{{answer5Url}}">5</a>',
    ),
    yesNo: layout('<p>{{question}}</p><a href="{{yesUrl}}">Yes</a><a href="{{noUrl}}">No</a>'),
    report: layout('{{{charts}}}<a class="action" href="{{actionUrl}}">{{actionLabel}}</a>'),
    // The invited person is not a participant: a footer of its own, with no page of theirs.
    invitation:
      '<html lang="{{lang}}"><title>{{subject}}</title><span class="pre">{{preheader}}</span>{{{body}}}<a class="action" href="{{actionUrl}}">{{actionLabel}}</a>{{{details}}}<a href="{{stopInvitationsUrl}}">stop</a>{{postalAddress}}</html>',
  },
};

/** A settable clock. */
export class TestClock {
  constructor(public current: Date) {}
  now() {
    return new Date(this.current);
  }
  set(iso: string) {
    this.current = new Date(iso);
  }
}

export interface FakeWorld {
  deps: Deps;
  store: InMemoryStore;
  clock: TestClock;
  emails: OutgoingEmail[];
  texts: { to: string; body: string; sid: string }[];
  /** The next SMS sends return or throw these, in order. */
  smsOutcomes: (SmsSendOutcome | Error)[];
  /** Safety alerts the operators were sent. */
  alerts: SafetyAlert[];
}

/** Use-case dependencies with in-memory fakes of every port; the queue sends at once, like the local runtime. */
export function fakeWorld(start = '2026-03-02T12:00:00.000Z'): FakeWorld {
  const clock = new TestClock(new Date(start));
  const store = new InMemoryStore({ nowSeconds: () => Math.floor(clock.now().getTime() / 1000) });
  const emails: OutgoingEmail[] = [];
  const texts: FakeWorld['texts'] = [];
  const smsOutcomes: FakeWorld['smsOutcomes'] = [];
  const alerts: SafetyAlert[] = [];
  let ids = 0;
  const deps: Deps = {
    // Use-case tests enroll many people with no source IP: the limit per source is tested on its own.
    config: parseConfig({
      PUBLIC_URL: 'https://kintsugi.test',
      TOKEN_KEY: 'x'.repeat(40),
      DUE_SHARDS: '1',
      SOURCE_LIMIT_PER_HOUR: '0',
    }),
    contactHash: (contact) => contactHash(contact, TEST_CONTACT_HASH_KEY),
    catalog: testCatalog,
    store,
    clock,
    mailer: {
      async send(email) {
        emails.push(email);
        return `ses-${emails.length}`;
      },
    },
    sms: {
      async send(to, body) {
        const outcome = smsOutcomes.shift();
        if (outcome instanceof Error) throw outcome;
        if (outcome && outcome.kind !== 'accepted') return outcome;
        const sid = `SM${String(texts.length + 1).padStart(32, '0')}`;
        texts.push({ to, body, sid });
        return { kind: 'accepted', providerId: sid };
      },
    },
    webhooks: { isValid: (_url, signature) => signature === 'valid' },
    alerts: {
      async notify(alert) {
        alerts.push(alert);
      },
    },
    queue: {
      async enqueue(jobs: SendJob[]) {
        for (const job of jobs) await send(deps, job).catch(() => undefined);
      },
      async retryAfter() {},
    },
    tokens: new TokenSigner('x'.repeat(40), () => Math.floor(clock.now().getTime() / 1000)),
    newId: () => `id-${++ids}`,
  };
  return { deps, store, clock, emails, texts, smsOutcomes, alerts };
}
