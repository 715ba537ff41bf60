/**
 * "What now": which of three patterns a participant's day-90 answers lean towards, chosen by a small
 * rule, with the words the report page and its PDF show. The rule, in order:
 *
 * 1. None of the three checkpoint questions answered: `not-enough` (the page shows all three patterns).
 * 2. "Do you still want to go on?" answered no, or consistency and safety both 2 or lower:
 *    `reconsider`.
 * 3. Yes to going on, consistency and safety both 4 or higher, no "no" in the latest quick questions
 *    (day 60, else day 30) and no weekly check-in down by half a point or more from the first 30 days to
 *    the last 30: `same-plan`.
 * 4. Anything else (wanting to go on with something stuck, or answers missing): `outside-help`.
 *
 * Separately, `safetyFirst` puts the caveat for anyone afraid of their partner above the patterns when
 * the participant's own answers speak of not feeling safe (the hurt track's questions; the repairing
 * track's ask about the partner's safety, not their own). The caveat is always shown.
 */

import { answerWords, type CheckpointReport, type QuestionAnswer } from './report';
import type { Metric, Track } from './types';

export type WhatNowPattern = 'same-plan' | 'outside-help' | 'reconsider';

export interface WhatNow {
  /** The pattern the answers lean towards; null when the checkpoint questions were not answered. */
  pattern: WhatNowPattern | null;
  /** The answers that decided it, one sentence each. */
  reasons: string[];
  /** Show the safety caveat before the patterns. */
  safetyFirst: boolean;
}

/** A weekly average down by this much or more (1–5 scale) counts as having slid. */
export const SLIDE = -0.5;

/** The words of "what now", in the order the page shows the patterns. */
export const WHAT_NOW_WORDS = {
  heading: 'What now',
  intro:
    'Your answers cannot choose for you. They can show which way things lean. At day 90, answers tend to fall into one of three patterns; the one yours lean towards is marked.',
  notEnough:
    'The three checkpoint questions were not answered, so Kintsugi cannot say which way your answers lean. Read the three patterns and notice which one sounds like where you are.',
  leansHere: 'Your answers lean this way',
  why: 'Why:',
  patterns: {
    'same-plan': {
      title: 'Keep going with the same plan',
      text: 'Answers lean this way when actions have matched what was agreed, there is more safety than at the start, and you want to go on. What you are doing is working, so keep at it. Pick a date for another checkpoint, perhaps 90 days from now, and keep writing your notes.',
    },
    'outside-help': {
      title: 'Keep going, with outside help',
      text: 'Answers lean this way when you want to go on but something is stuck: agreements not kept, safety not growing, or weeks that slid. Going on the same way tends to bring more of the same. A couples therapist or counselor can help you find where it is stuck and what to change.',
    },
    reconsider: {
      title: 'Time to reconsider',
      text: 'Answers lean this way when you no longer want to go on, or when actions and safety both stayed low. Take that seriously. It may point to a planned break with a date to talk again, or to parting. Neither is a failure. Talk it over with a therapist or someone you trust before you choose.',
    },
  },
  safety: {
    title: 'If you are afraid of your partner',
    text: 'Put your own safety first, before any couples step. Couples therapy, a break, or a talk about parting can each raise the danger when one person is afraid of the other. Talk first with someone who is there for you alone: a counselor of your own, or the National Domestic Violence Hotline at 1-800-799-7233 (or text START to 88788). They can help you plan what to do, and when.',
    emergency:
      'If you are in danger right now, call 911. Outside the US, findahelpline.com lists services near you.',
  },
} as const;

export const WHAT_NOW_ORDER: readonly WhatNowPattern[] = ['same-plan', 'outside-help', 'reconsider'];

const plain = (question: string) => question.replace(/\s*\([^)]*\)\s*$/, '');
const said = (a: QuestionAnswer) =>
  a.answer === null
    ? `You did not answer “${plain(a.question)}”`
    : `“${plain(a.question)}” You answered ${answerWords(a.answer, a.scale)}.`;

/** The answers of the latest day-30/60 round that has any, with its day. */
function latestQuickCheck(report: CheckpointReport): { day: number; answers: QuestionAnswer[] } | undefined {
  return [...(report.quickChecks ?? [])]
    .sort((a, b) => b.day - a.day)
    .find((check) => check.answers.some((a) => a.answer !== null));
}

/** Which pattern a report's answers lean towards, and why (see the rule at the top of this file). */
export function whatNow(report: CheckpointReport, track: Track): WhatNow {
  const find = (metric: Metric) => report.checkpoint.find((c) => c.metric === metric);
  const willing = find('still-willing');
  const consistent = find('behaviour-consistent');
  const safer = find('feeling-safer');
  const value = (a: QuestionAnswer | undefined) => a?.answer ?? null;
  const [w, c, s] = [value(willing), value(consistent), value(safer)];

  const quick = latestQuickCheck(report);
  const quickNos = (quick?.answers ?? []).filter((a) => a.answer === 0);
  const slid = report.metrics.filter((m) => m.scale === '1-5' && m.change !== null && m.change <= SLIDE);
  const safetyFirst =
    track === 'hurt' &&
    ((quick?.answers ?? []).some((a) => a.metric === 'safe-to-be-honest' && a.answer === 0) ||
      (s !== null && s <= 2) ||
      report.metrics.some((m) => m.metric === 'honesty-safety' && m.last30 !== null && m.last30 <= 2));

  if (w === null && c === null && s === null) return { pattern: null, reasons: [], safetyFirst };

  const bothLow = c !== null && s !== null && c <= 2 && s <= 2;
  if (w === 0 || bothLow) {
    const reasons = [
      ...(w === 0 && willing ? [said(willing)] : []),
      ...(bothLow && consistent && safer ? [said(consistent), said(safer)] : []),
    ];
    return { pattern: 'reconsider', reasons, safetyFirst };
  }

  if (w === 1 && c !== null && c >= 4 && s !== null && s >= 4 && !quickNos.length && !slid.length) {
    const reasons = [willing, consistent, safer].filter((a) => a !== undefined).map(said);
    return { pattern: 'same-plan', reasons, safetyFirst };
  }

  const stuck = [
    ...[willing, consistent, safer].filter(
      (a): a is QuestionAnswer =>
        a !== undefined && (a.answer === null || (a.scale === '1-5' && a.answer <= 3)),
    ),
  ].map(said);
  const quickReasons = quickNos.map((a) => `On day ${quick?.day}, “${plain(a.question)}” You answered No.`);
  const slidReasons = slid.map(
    (m) =>
      `Your answers to “${plain(m.question)}” went from ${m.first30?.toFixed(1)} in the first 30 days to ${m.last30?.toFixed(1)} in the last 30.`,
  );
  return { pattern: 'outside-help', reasons: [...stuck, ...quickReasons, ...slidReasons], safetyFirst };
}
