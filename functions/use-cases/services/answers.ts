import { CORRECTION_CUES } from '../../program/corrections';
import type { Enrollment, Reply } from '../../program/enrollment';
import {
  type AnswerValue,
  correctedQuestion,
  finalQuestionsAwaited,
  isFinalCheckpoint,
  markAnswered,
  nameOf,
  type OpenQuestion,
  openQuestionsOf,
  type PlacedAnswer,
  routeAnswers,
  stillOpen,
  unanswered,
} from '../../program/open-questions';
import type { OutcomeTally } from '../../program/outcomes';
import { correctsEarlierAnswer, isDoubt, readAnswers } from '../../program/reply-parsing';
import { type Channel, PROGRAM_DAYS } from '../../program/types';
import { fillText } from '../../render/fill';
import { logger } from '../../shared/logger';
import type { Deps } from '../deps';
import { refreshReport } from './checkpoint-report';
import { answerChannelOf, answerTallies, recordTally } from './outcomes';
import { countReply, recordReply } from './record-reply';
import { noteConcern } from './safety';
import { updateEnrollment } from './update-enrollment';

/** A reply that may answer open questions: its words, who sent it, and when it first arrived. */
export interface IncomingAnswer {
  text: string;
  /** The provider's message id (a retry carries the same one). */
  sourceId: string;
  /** When it first arrived: windows are judged at this instant, so a retry routes as the first try. */
  at: string;
  channel: Channel;
  /** The question an email reply names (its In-Reply-To): the first answer goes to it when it is open. */
  named?: Pick<OpenQuestion, 'stepId' | 'day'>;
  /** Whether an unreadable reply is asked about again (texts) or kept as a note at once (email). */
  reask: boolean;
  /**
   * A one-click answer: the question the link names is the only one it answers (answered before or not:
   * a second click changes the answer), with the value the button carries instead of words.
   */
  only?: { question: OpenQuestion; answer: AnswerValue };
}

/** What became of a reply, for the confirmation the person gets. */
export type AnswerOutcome =
  /** Answers placed on their questions; `stillOpen` are the questions that still wait. */
  | {
      kind: 'answered';
      placed: PlacedAnswer[];
      unplaced: number;
      /** Of those unplaced, ratings sent late for weeks whose check-in has closed. */
      closedEarlier?: number;
      stillOpen: OpenQuestion[];
    }
  /** Read as answers, but none fits a question that is open (a 4 while only yes/no questions are). */
  | { kind: 'does-not-fit'; stillOpen: OpenQuestion[] }
  /** Not readable as an answer while questions are open: asked again once. */
  | { kind: 'reasked'; stillOpen: OpenQuestion[] }
  /**
   * A doubt ("no sé", "maybe") while a question waits: kept as a note beside `doubted` (the oldest yes/no
   * question waiting, else the oldest waiting), which stays open behind the others (`stillOpen`).
   */
  | { kind: 'unsure'; doubted: OpenQuestion; stillOpen: OpenQuestion[] }
  /** Not readable a second time: kept as a note beside the oldest open question. */
  | { kind: 'note-beside'; stillOpen: OpenQuestion[] }
  /** One answer that replaces the last one given to a question still in its window ("3", then "sorry, 4"). */
  | { kind: 'changed'; placed: [PlacedAnswer]; previous?: number }
  /** No question is open: a journal note. */
  | { kind: 'journal-note' };

/** The metrics whose question asks how safe the person feels: a 1 there is a sign of concern. */
export const SAFETY_METRICS: readonly string[] = ['honesty-safety', 'feeling-safer'];

/**
 * Routes a reply to the open questions it answers (program/open-questions.ts), records each answer, and
 * keeps what it cannot place as a note. The questions are claimed in the enrollment's own versioned write,
 * which carries the answers' replies and outcome counts (all or nothing), so two texts arriving together
 * never take the same question, and a provider's retry (same `sourceId`) routes exactly as the first try,
 * stores its replies once and counts them once.
 * A final checkpoint answer that leaves none awaited lets the held report go at once; an answer given
 * after the report was made updates it.
 */
export async function answerOpenQuestions(
  deps: Deps,
  enrollment: Enrollment,
  reply: IncomingAnswer,
): Promise<AnswerOutcome> {
  const readings = reply.only ? [[reply.only.answer]] : readAnswers(reply.text);
  const now = deps.clock.now().toISOString();
  let outcome: AnswerOutcome = { kind: 'journal-note' };
  let previous: number | undefined;
  let written: Reply[] = [];
  let left: OutcomeTally[] = [];
  const updated = await updateEnrollment(
    deps,
    enrollment.id,
    (e) => {
      const questions = openQuestionsOf(e);
      const waiting = unanswered(questions, reply.at);
      // Nothing waits: a note, unless it says it corrects an answer that can still be changed and could not
      // be read as one ("sorry meant 4 for this week, 3 was for last week"): that is asked again, not told
      // nothing is open.
      const nothingWaiting = (): AnswerOutcome =>
        CORRECTION_CUES.test(reply.text) && stillOpen(questions, reply.at).some((q) => q.answeredAt)
          ? { kind: 'reasked', stillOpen: [] }
          : { kind: 'journal-note' };
      // Asks the waiting questions again, once: marked so that a second unreadable reply is kept as a note.
      const reask = () => {
        outcome = { kind: 'reasked', stillOpen: waiting };
        e.openQuestions = questions.map((q) => (waiting.includes(q) ? { ...q, reasked: true } : q));
        delete e.openCheckin;
      };
      if (!readings) {
        if (!waiting.length) {
          outcome = nothingWaiting();
          return false;
        }
        if (isDoubt(reply.text)) {
          // The question it doubts: a yes/no one first (a doubt is most often one), not one doubted before
          // (a provider's retry of this very message finds the one it doubted).
          const free = waiting.filter((q) => !q.doubtedAt || q.doubtedBy === reply.sourceId);
          const doubted =
            free.find((q) => q.scale === 'yes-no') ??
            free[0] ??
            waiting.find((q) => q.scale === 'yes-no') ??
            (waiting[0] as OpenQuestion);
          outcome = { kind: 'unsure', doubted, stillOpen: waiting.filter((q) => q !== doubted) };
          if (doubted.doubtedAt) return false;
          e.openQuestions = questions.map((q) =>
            q === doubted ? { ...q, doubtedAt: reply.at, doubtedBy: reply.sourceId } : q,
          );
          delete e.openCheckin;
          return;
        }
        if (!reply.reask || waiting.some((q) => q.reasked)) {
          outcome = { kind: 'note-beside', stillOpen: waiting };
          return false;
        }
        reask();
        return;
      }
      const { placed, unplaced, closedEarlier } = reply.only
        ? {
            placed: [{ question: reply.only.question, answer: reply.only.answer }],
            unplaced: 0,
            closedEarlier: 0,
          }
        : routeAnswers(namedFirst(questions, reply.named), readings, reply.at, reply.sourceId);
      // More ratings than rating questions open, with no closed week they could be for ("3 4" in week 1): a
      // choice between numbers, not two answers. Asked again once, as "3 or 4" is, rather than guessed.
      const ratingsPlaced = placed.filter((p) => p.question.scale === '1-5').length;
      const ratingsSent = readings.filter((r) => r.some((v) => v.scale === '1-5')).length;
      if (
        unplaced &&
        !closedEarlier &&
        ratingsPlaced &&
        ratingsSent > ratingsPlaced &&
        reply.reask &&
        !waiting.some((q) => q.reasked)
      ) {
        reask();
        return;
      }
      // One answer that fits nothing waiting may replace the last one given: said plainly ("sorry, meant
      // 4", even while a yes/no question waits: the words that said so are not kept as its note), or just
      // the answer again when nothing at all is waiting (with questions waiting, a bare 4 is told what
      // they take instead).
      const corrects = (r: AnswerValue) =>
        correctsEarlierAnswer(r) &&
        (r.note !== undefined || !waiting.length || CORRECTION_CUES.test(reply.text));
      const correction =
        !placed.length && !reply.only && readings.length === 1
          ? correctedQuestion(questions, (readings[0] ?? []).filter(corrects), reply.at)
          : undefined;
      if (correction) {
        outcome = { kind: 'changed', placed: [correction] };
        e.openQuestions = markAnswered(questions, [correction.question], reply.sourceId, reply.at);
        delete e.openCheckin;
        return;
      }
      if (!placed.length) {
        outcome = waiting.length ? { kind: 'does-not-fit', stillOpen: waiting } : nothingWaiting();
        return false;
      }
      const after = markAnswered(
        questions,
        placed.map((p) => p.question),
        reply.sourceId,
        reply.at,
      );
      outcome = {
        kind: 'answered',
        placed,
        unplaced,
        ...(closedEarlier ? { closedEarlier } : {}),
        stillOpen: unanswered(after, reply.at),
      };
      e.openQuestions = after;
      delete e.openCheckin;
      e.unansweredSms = 0;
      if (placed.some((p) => isFinalCheckpoint(p.question)) && !finalQuestionsAwaited(after, reply.at).length)
        releaseReport(e, now);
    },
    enrollment,
    // Answers go in one write with the enrollment that closes their questions: their replies and their
    // outcome counts (saveAnswer), so a retry stores and counts each once. A re-ask is the enrollment alone.
    async (next) => {
      const answering = outcome as AnswerOutcome;
      if (answering.kind !== 'answered' && answering.kind !== 'changed')
        return deps.store.saveEnrollment(next);
      if (answering.kind === 'changed')
        previous = await latestScore(deps, next.id, answering.placed[0].question);
      written = answerReplies(next, reply, answering.placed);
      const tallies = answerTallies(
        next,
        answering.placed,
        answerChannelOf(reply.channel, Boolean(reply.only)),
      );
      left = await deps.store.saveAnswer({ enrollment: next, replies: written, tallies });
    },
  );
  // Set inside the write's change, which TypeScript cannot follow.
  let result = outcome as AnswerOutcome;
  if (result.kind === 'changed' && previous !== undefined) result = { ...result, previous };
  if (result.kind !== 'answered' && result.kind !== 'changed') await storeNote(deps, updated, reply, result);
  else {
    for (const stored of written) countReply(stored);
    for (const { question } of result.placed)
      logger.info('check-in answered', {
        enrollmentId: enrollment.id,
        metric: question.metric,
        channel: reply.channel,
      });
    // Counted before with a value that may have changed, or not counted with the answer: counted alone.
    for (const t of left) await recordTally(deps, t, updated.retainUntil);
    if (mayFollowReport(result.placed)) await refreshReport(deps, updated);
    // A 1 on a question about feeling safe: the operator's list shows it (the texted answer adds resources).
    if (lowSafetyAnswer(result)) await noteConcern(deps, updated, 'abuse', reply.channel);
  }
  return result;
}

/** The answer recorded for a question so far (the latest reply wins, as in the report), if any. */
export async function latestScore(
  deps: Pick<Deps, 'store'>,
  enrollmentId: string,
  question: Pick<OpenQuestion, 'stepId' | 'day'>,
): Promise<number | undefined> {
  return latestScoreIn(await deps.store.listReplies(enrollmentId), question);
}

/** The answer recorded for a question in replies already read. */
export function latestScoreIn(
  replies: readonly Reply[],
  question: Pick<OpenQuestion, 'stepId' | 'day'>,
): number | undefined {
  return replies
    .filter((r) => r.stepId === question.stepId && r.day === question.day && r.score !== undefined)
    .sort((a, b) => a.at.localeCompare(b.at))
    .at(-1)?.score;
}

/** An email reply that names its question: that question comes first when it is still open. */
function namedFirst(questions: OpenQuestion[], named: IncomingAnswer['named']): OpenQuestion[] {
  if (!named) return questions;
  const index = questions.findIndex((q) => q.stepId === named.stepId && q.day === named.day);
  if (index < 0) return questions;
  const first = questions[index] as OpenQuestion;
  // Asked "first" for routing only: the stored question keeps its own time.
  return [{ ...first, askedAt: '' }, ...questions.filter((_, i) => i !== index)];
}

/** The report held for the final checkpoint's answers goes with the next dispatch tick. */
function releaseReport(e: Enrollment, now: string): void {
  const report = (e.held ?? []).filter((h) => h.slot === 'report' && h.until > now);
  if (!report.length) return;
  e.held = (e.held ?? []).map((h) => (h.slot === 'report' ? { ...h, until: now } : h));
  if (!e.nextDueAt || now < e.nextDueAt) e.nextDueAt = now;
}

/**
 * Whether an answer may come after the report was made: only a question asked in the program's last two
 * weeks is still open on day 90 (a window is a week at most), so only then is the saved report read.
 */
const mayFollowReport = (placed: readonly PlacedAnswer[]): boolean =>
  placed.some((p) => p.question.day >= PROGRAM_DAYS - 14);

/** The replies of answers placed on their questions: one each, keyed by the message id and its place. */
function answerReplies(
  enrollment: Enrollment,
  reply: IncomingAnswer,
  placed: readonly PlacedAnswer[],
): Reply[] {
  return placed.map(({ question, answer }, i) => ({
    enrollmentId: enrollment.id,
    at: reply.at,
    sourceId: placed.length > 1 ? `${reply.sourceId}#${i + 1}` : reply.sourceId,
    channel: reply.channel,
    stepId: question.stepId,
    day: question.day,
    metric: question.metric,
    score: answer.score,
    ...(answer.note ? { note: answer.note } : {}),
  }));
}

/** Stores a reply that answers nothing as a note: beside the oldest open question, or a journal note. */
async function storeNote(
  deps: Deps,
  enrollment: Enrollment,
  reply: IncomingAnswer,
  outcome: Exclude<AnswerOutcome, { kind: 'answered' | 'changed' }>,
): Promise<void> {
  if (outcome.kind === 'reasked') return;
  const beside = questionBeside(outcome);
  await recordReply(deps, enrollment, {
    enrollmentId: enrollment.id,
    at: reply.at,
    sourceId: reply.sourceId,
    channel: reply.channel,
    ...(beside ? { stepId: beside.stepId, day: beside.day } : {}),
    note: reply.text,
  });
}

/**
 * The question a reply that answers nothing is kept beside: a doubt beside the yes/no question it doubts,
 * other words beside the oldest open question; none for a journal note.
 */
export function questionBeside(
  outcome: Exclude<AnswerOutcome, { kind: 'answered' | 'changed' }>,
): OpenQuestion | undefined {
  switch (outcome.kind) {
    case 'unsure':
      return outcome.doubted;
    case 'note-beside':
    case 'does-not-fit':
      return outcome.stillOpen[0];
    case 'reasked':
    case 'journal-note':
      return undefined;
  }
}

/** Characters of one GSM-7 text. */
const ONE_SEGMENT = 160;

/** Whether an answer was a 1 on a question about feeling safe. */
export const lowSafetyAnswer = (outcome: AnswerOutcome): boolean =>
  (outcome.kind === 'answered' || outcome.kind === 'changed') &&
  outcome.placed.some((p) => SAFETY_METRICS.includes(p.question.metric) && p.answer.score === 1);

/**
 * The confirmation text: what was recorded, under each question's name, and what is still open ("Kintsugi
 * noted day 30 question 1: yes. Still open: day 30 question 2 (Y/N)."). A single weekly answer with
 * nothing else open keeps the short form ("4 of 5 noted.").
 */
export function answerConfirmation(
  deps: Pick<Deps, 'catalog'>,
  outcome: AnswerOutcome,
  texts: {
    ratingRecorded: string;
    ratingUnclear: string;
    noteKept: string;
    noteKeptCheckinOpen: string;
    noteKeptRatingOpen: string;
    noteKeptYesNoOpen: string;
    unsureKept: string;
  },
): string {
  const words = deps.catalog.messages.answers;
  const steps = deps.catalog.steps;
  const label = (q: OpenQuestion) => {
    const name = nameOf(q, steps);
    if (name.kind === 'check-in') return fillText(words.checkin, { week: String(name.week) });
    if (name.kind === 'quick-check')
      return fillText(words.quickCheck, { day: String(name.day), number: String(name.number) });
    return fillText(words.checkpoint, { number: String(name.number) });
  };
  const value = (p: PlacedAnswer) =>
    p.question.scale === 'yes-no'
      ? p.answer.score === 1
        ? words.yes
        : words.no
      : fillText(words.rating, { score: String(p.answer.score) });
  const openList = (questions: readonly OpenQuestion[]) =>
    questions
      .map((q) => `${label(q)} (${q.scale === 'yes-no' ? words.yesNoHint : words.ratingHint})`)
      .join(', ');
  switch (outcome.kind) {
    case 'journal-note':
      return texts.noteKept;
    case 'reasked':
      return texts.ratingUnclear;
    case 'unsure': {
      const kept = (more: string) =>
        fillText(texts.unsureKept, { label: label(outcome.doubted), more })
          .replace(/\s{2,}/g, ' ')
          .trim();
      const more = outcome.stillOpen.length
        ? fillText(words.stillOpen, { questions: openList(outcome.stillOpen) })
        : words.staysOpen;
      const full = kept(more);
      // Too long for one text with every question still open: it says what it kept, and that they stay open.
      return full.length <= ONE_SEGMENT ? full : kept(words.staysOpen);
    }
    case 'note-beside':
      // How to answer what is still open: a number, yes or no, or either when both kinds wait.
      return outcome.stillOpen.every((q) => q.scale === 'yes-no')
        ? texts.noteKeptYesNoOpen
        : outcome.stillOpen.every((q) => q.scale !== 'yes-no')
          ? texts.noteKeptRatingOpen
          : texts.noteKeptCheckinOpen;
    case 'does-not-fit':
      return fillText(words.doesNotFit, { questions: openList(outcome.stillOpen) });
    case 'changed': {
      const [changed] = outcome.placed;
      const wording = (score: number) =>
        value({ question: changed.question, answer: { ...changed.answer, score } });
      return outcome.previous === undefined || outcome.previous === changed.answer.score
        ? fillText(words.recorded, {
            answers: fillText(words.labelled, { label: label(changed.question), value: value(changed) }),
            more: '',
          })
            .replace(/\s{2,}/g, ' ')
            .trim()
        : fillText(words.changed, {
            label: label(changed.question),
            previous: wording(outcome.previous),
            value: value(changed),
          });
    }
    case 'answered': {
      const [only] = outcome.placed;
      if (
        outcome.placed.length === 1 &&
        only &&
        only.question.kind === 'check-in' &&
        !outcome.stillOpen.length &&
        !outcome.unplaced
      )
        return fillText(texts.ratingRecorded, { score: String(only.answer.score), max: '5' });
      const answers = outcome.placed
        .map((p) => fillText(words.labelled, { label: label(p.question), value: value(p) }))
        .join(', ');
      const more = [
        outcome.stillOpen.length ? fillText(words.stillOpen, { questions: openList(outcome.stillOpen) }) : '',
        outcome.unplaced
          ? fillText(outcome.closedEarlier ? words.closedEarlier : words.unplaced, {
              count: String(outcome.unplaced),
            })
          : '',
      ]
        .filter(Boolean)
        .join(' ');
      const full = fillText(words.recorded, { answers, more })
        .replace(/\s{2,}/g, ' ')
        .trim();
      if (full.length <= ONE_SEGMENT) return full;
      // Too long for one text: the closing words after the list go.
      const head = words.recorded.slice(0, words.recorded.indexOf('{{more}}') + '{{more}}'.length);
      return fillText(head, { answers, more })
        .replace(/\s{2,}/g, ' ')
        .trim();
    }
  }
}
