/**
 * What a Spanish participant's texts cost beside an English one's: a Spanish text keeps its accents, so
 * one with á, í, ó or ú goes as UCS-2 (70 characters a segment), and Kintsugi writes each to fit two
 * segments at most (docs/SPANISH.md). Counted from the real schedule: every text one participant gets in
 * 90 days (the program's texts, the opt-in, one answer per question), composed as the send path
 * composes it, in each language, split into segments by sms-segments-calculator, times the list price
 * of a segment.
 */
import { SegmentedMessage } from 'sms-segments-calculator';
import { completeCatalog } from '../functions/catalog/complete';
import type { Enrollment } from '../functions/program/enrollment';
import { inLanguage } from '../functions/program/in-language';
import { programSlots } from '../functions/program/schedule';
import type { Language, Track } from '../functions/program/types';
import { fillText } from '../functions/render/fill';
import { type ComposeDeps, composeStepSms, systemTexts } from '../functions/use-cases/services/compose';
import { PRICES } from './cost';

export interface LanguageTexts {
  language: Language;
  track: Track;
  texts: number;
  segments: number;
  ucs2: number;
  usd: number;
}

const PER_SEGMENT = PRICES.twilioPerSegment.usd + PRICES.carrierFeePerSegment.usd;

/** One participant's 90 days of texts in `language`, with check-ins and nudges (the default choice). */
export function textsOfOneParticipant(track: Track, language: Language): LanguageTexts {
  // What composing a text reads: the catalog and the support address.
  const deps = {
    catalog: completeCatalog,
    config: { supportEmail: 'help@kintsugi.example.org' },
  } as ComposeDeps;
  const who = {
    id: 'bench',
    email: 'bench@example.org',
    track,
    timezone: 'America/Los_Angeles',
    checkinDay: 'wednesday',
    checkinTime: '19:00',
    day0: '2027-01-05',
    language,
    phone: '+14155550100',
    smsStatus: 'active',
  } as unknown as Enrollment;
  const texts = systemTexts(deps, who);
  const steps = programSlots(completeCatalog.steps, who)
    .map((slot) => slot.step)
    .filter((step) => step && (step.channel === 'sms' || step.channel === 'checkin'));
  const sent = steps.map((step) => composeStepSms(deps, who, step as NonNullable<typeof step>));
  const words = inLanguage(completeCatalog, language).messages.answers;
  // Each question answered: the short answer to a rating, or the listed one to a yes/no question.
  const answers = steps.map((step) =>
    step?.scale === 'yes-no'
      ? fillText(words.recorded, {
          answers: fillText(words.labelled, {
            label: fillText(words.checkpoint, { number: '2' }),
            value: words.yes,
          }),
          more: '',
        })
      : fillText(texts.ratingRecorded, { score: '4', max: '5' }),
  );
  const all = [texts.optInPrompt, texts.optInConfirmed, ...sent, ...answers, texts.reportReady];
  const split = all.map((text) => new SegmentedMessage(text));
  const segments = split.reduce((sum, s) => sum + s.segmentsCount, 0);
  return {
    language,
    track,
    texts: all.length,
    segments,
    ucs2: split.filter((s) => s.encodingName === 'UCS-2').length,
    usd: segments * PER_SEGMENT,
  };
}

/** Both tracks, both languages. */
export const textsByLanguage = (): LanguageTexts[] =>
  (['hurt', 'repairing'] as const).flatMap((track) =>
    (['en', 'es'] as const).map((language) => textsOfOneParticipant(track, language)),
  );
