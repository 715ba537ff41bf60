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
 * track's ask about the partner's safety, not their own), or when their messages during the program
 * showed signs of abuse or a call for help, on either track (`harmDisclosed`). The caveat is always shown.
 */

import { type CrisisLines, HELPLINE_DIRECTORY } from './crisis-lines';
import { answerWords, type CheckpointReport, type QuestionAnswer } from './report';
import type { Language, Metric, Track } from './types';

export type WhatNowPattern = 'same-plan' | 'outside-help' | 'reconsider';

/** A pattern's title and text as this person's report shows it: outside help for them alone when safety comes first. */
export function patternWords(
  words: WhatNowWords,
  pattern: WhatNowPattern,
  safetyFirst: boolean,
): { title: string; text: string } {
  const { title, text } = words.patterns[pattern];
  return pattern === 'outside-help' && safetyFirst
    ? { title, text: words.outsideHelpWhenAfraid }
    : { title, text };
}

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

/** The words of "what now" in one language: the page's and the PDF's, and the reasons' sentences. */
export interface WhatNowWords {
  heading: string;
  intro: string;
  notEnough: string;
  leansHere: string;
  why: string;
  patterns: Record<WhatNowPattern, { title: string; text: string }>;
  /**
   * "Keep going, with outside help" when the safety caveat comes first: help for the person alone, never a
   * couples therapist first (a joint session can raise the danger for someone afraid of their partner).
   */
  outsideHelpWhenAfraid: string;
  /**
   * Safety first, with the lines of where the person lives (program/crisis-lines.ts): whom to talk to about
   * abuse (`text`), and the emergency number (`emergency`).
   */
  safety: { title: string; text: (lines: CrisisLines) => string; emergency: (lines: CrisisLines) => string };
  /** The reasons, one sentence each (`question` without its scale). */
  reasons: {
    unanswered: (question: string) => string;
    answered: (question: string, answer: string) => string;
    quickNo: (day: number, question: string) => string;
    slid: (question: string, first: string, last: string) => string;
    /** When the person's own messages showed harm or fear: the plan cannot be called working. */
    harmTold: string;
  };
}

const ENGLISH: WhatNowWords = {
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
  outsideHelpWhenAfraid:
    'Answers lean this way when you want to go on but something is stuck: agreements not kept, safety not growing, or weeks that slid. Going on the same way tends to bring more of the same. Because safety came up, start with help that is for you alone: a counselor of your own, or a domestic-violence advocate (above). Joint sessions can come later, if they are safe.',
  safety: {
    title: 'If you are afraid of your partner',
    text: (lines) =>
      `Put your own safety first, before any couples step. Couples therapy, a break, or a talk about parting can each raise the danger when one person is afraid of the other. Talk first with someone who is there for you alone: a counselor of your own, or ${
        lines.region === 'us'
          ? 'the National Domestic Violence Hotline at 1-800-799-7233 (or text START to 88788)'
          : lines.abuse
            ? `a free, confidential domestic-violence helpline in your country: ${lines.abuse}`
            : `a domestic-violence helpline near you (${HELPLINE_DIRECTORY} lists free ones)`
      }. They can help you plan what to do, and when.`,
    emergency: (lines) => {
      if (lines.region === 'elsewhere')
        return `If you are in danger right now, call ${lines.emergency ?? 'your local emergency number'}.`;
      return lines.located
        ? 'If you are in danger right now, call 911.'
        : `If you are in danger right now, call 911. Outside the US, ${HELPLINE_DIRECTORY} lists services near you.`;
    },
  },
  reasons: {
    unanswered: (question) => `You did not answer “${question}”`,
    answered: (question, answer) => `“${question}” You answered ${answer}.`,
    quickNo: (day, question) => `On day ${day}, “${question}” You answered No.`,
    slid: (question, first, last) =>
      `Your answers to “${question}” went from ${first} in the first 30 days to ${last} in the last 30.`,
    harmTold:
      'Something you wrote to us during these 90 days said you may have been hurt or afraid. Talk that through with someone trained to help before deciding anything else.',
  },
};

const SPANISH: WhatNowWords = {
  heading: 'Y ahora, ¿qué?',
  intro:
    'Tus respuestas no pueden decidir por ti, pero sí pueden mostrar hacia dónde se inclinan las cosas. En el día 90, las respuestas suelen caer en uno de tres patrones; el que más se parece a las tuyas está marcado.',
  notEnough:
    'Las tres preguntas del punto de control quedaron sin responder, así que Kintsugi no puede decir hacia dónde se inclinan tus respuestas. Lee los tres patrones y fíjate cuál se parece más a donde estás.',
  leansHere: 'Tus respuestas se inclinan hacia aquí',
  why: 'Por qué:',
  patterns: {
    'same-plan': {
      title: 'Seguir con el mismo plan',
      text: 'Las respuestas se inclinan hacia aquí cuando los hechos han ido de acuerdo con lo que se acordó, hay más seguridad que al principio y quieres seguir. Lo que estás haciendo funciona, así que sigue así. Pon fecha para otro punto de control, quizá dentro de 90 días, y sigue escribiendo tus notas.',
    },
    'outside-help': {
      title: 'Seguir, con ayuda de fuera',
      text: 'Las respuestas se inclinan hacia aquí cuando quieres seguir, pero algo está estancado: acuerdos que no se cumplen, una seguridad que no crece o semanas que fueron a menos. Seguir igual suele traer más de lo mismo. Un terapeuta de pareja o un consejero puede ayudarte a ver dónde está el bloqueo y qué cambiar.',
    },
    reconsider: {
      title: 'Momento de replantearlo',
      text: 'Las respuestas se inclinan hacia aquí cuando ya no quieres seguir, o cuando los hechos y la seguridad se quedaron bajos. Tómalo en serio. Puede apuntar a una pausa planeada, con fecha para volver a hablar, o a separarse. Ninguna de las dos es un fracaso. Háblalo con un terapeuta o con alguien de confianza antes de decidir.',
    },
  },
  outsideHelpWhenAfraid:
    'Las respuestas se inclinan hacia aquí cuando quieres seguir, pero algo está estancado: acuerdos que no se cumplen, una seguridad que no crece o semanas que fueron a menos. Seguir igual suele traer más de lo mismo. Como salió el tema de la seguridad, empieza por una ayuda solo para ti: un consejero propio o una línea de atención a la violencia en la pareja (arriba). Las sesiones juntos pueden venir después, si son seguras.',
  safety: {
    title: 'Si le tienes miedo a tu pareja',
    text: (lines) =>
      `Pon primero tu propia seguridad, antes de cualquier paso en pareja. La terapia de pareja, una pausa o una conversación sobre separarse pueden aumentar el peligro cuando una persona le tiene miedo a la otra. Habla primero con alguien que esté solo para ti: un consejero propio, o ${
        lines.region === 'us'
          ? 'la Línea Nacional sobre la Violencia Doméstica al 1-800-799-7233, donde atienden en español (o envía START al 88788)'
          : lines.abuse
            ? `una línea de ayuda gratuita y confidencial contra la violencia doméstica de tu país: el ${lines.abuse}`
            : `una línea de ayuda contra la violencia doméstica cerca de ti (en ${HELPLINE_DIRECTORY} hay líneas gratuitas)`
      }. Te pueden ayudar a planear qué hacer y cuándo.`,
    emergency: (lines) => {
      if (lines.region === 'elsewhere')
        return `Si estás en peligro ahora mismo, llama al ${lines.emergency ?? 'número de emergencias de tu país'}.`;
      return lines.located
        ? 'Si estás en peligro ahora mismo, llama al 911.'
        : `Si estás en peligro ahora mismo, llama al 911. Fuera de Estados Unidos, ${HELPLINE_DIRECTORY} tiene una lista de servicios cerca de ti.`;
    },
  },
  reasons: {
    unanswered: (question) => `No respondiste «${question}»`,
    answered: (question, answer) => `«${question}» Respondiste ${answer}.`,
    quickNo: (day, question) => `El día ${day}, «${question}» Respondiste No.`,
    slid: (question, first, last) =>
      `Tus respuestas a «${question}» pasaron de ${first} en los primeros 30 días a ${last} en los últimos 30.`,
    harmTold:
      'Algo que nos escribiste en estos 90 días decía que quizá te hicieron daño o que tenías miedo. Háblalo con alguien preparado para ayudar antes de decidir lo demás.',
  },
};

/** The words of "what now" in each language, in the order the page shows the patterns. */
export const WHAT_NOW_WORDS: Record<Language, WhatNowWords> = { en: ENGLISH, es: SPANISH };

export const WHAT_NOW_ORDER: readonly WhatNowPattern[] = ['same-plan', 'outside-help', 'reconsider'];

const plain = (question: string) => question.replace(/\s*\([^)]*\)\s*$/, '');
const sayer = (language: Language) => {
  const words = WHAT_NOW_WORDS[language].reasons;
  return (a: QuestionAnswer) =>
    a.answer === null
      ? words.unanswered(plain(a.question))
      : words.answered(plain(a.question), answerWords(a.answer, a.scale, language));
};

/** The answers of the latest day-30/60 round that has any, with its day. */
function latestQuickCheck(report: CheckpointReport): { day: number; answers: QuestionAnswer[] } | undefined {
  return [...(report.quickChecks ?? [])]
    .sort((a, b) => b.day - a.day)
    .find((check) => check.answers.some((a) => a.answer !== null));
}

/** Which pattern a report's answers lean towards, and why, its reasons in `language` (see the rule at the top of this file). */
export function whatNow(
  report: CheckpointReport,
  track: Track,
  language: Language = 'en',
  /** A number with one decimal as written where the person lives ("3.5", "3,5"). */
  decimal = (n: number) => n.toFixed(1),
): WhatNow {
  const said = sayer(language);
  const words = WHAT_NOW_WORDS[language].reasons;
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
    report.harmDisclosed === true ||
    (track === 'hurt' &&
      ((quick?.answers ?? []).some((a) => a.metric === 'safe-to-be-honest' && a.answer === 0) ||
        (s !== null && s <= 2) ||
        report.metrics.some((m) => m.metric === 'honesty-safety' && m.last30 !== null && m.last30 <= 2)));

  if (w === null && c === null && s === null) return { pattern: null, reasons: [], safetyFirst };

  const bothLow = c !== null && s !== null && c <= 2 && s <= 2;
  if (w === 0 || bothLow) {
    const reasons = [
      ...(w === 0 && willing ? [said(willing)] : []),
      ...(bothLow && consistent && safer ? [said(consistent), said(safer)] : []),
    ];
    return { pattern: 'reconsider', reasons, safetyFirst };
  }

  // Harm or fear in the person's own messages: "what you are doing is working" is never the answer.
  const harm = report.harmDisclosed === true;
  if (w === 1 && c !== null && c >= 4 && s !== null && s >= 4 && !quickNos.length && !slid.length && !harm) {
    const reasons = [willing, consistent, safer].filter((a) => a !== undefined).map(said);
    return { pattern: 'same-plan', reasons, safetyFirst };
  }

  const stuck = [
    ...[willing, consistent, safer].filter(
      (a): a is QuestionAnswer =>
        a !== undefined && (a.answer === null || (a.scale === '1-5' && a.answer <= 3)),
    ),
  ].map(said);
  const quickReasons = quickNos.map((a) => words.quickNo(quick?.day ?? 0, plain(a.question)));
  const slidReasons = slid.map((m) =>
    words.slid(
      plain(m.question),
      m.first30 === null ? '' : decimal(m.first30),
      m.last30 === null ? '' : decimal(m.last30),
    ),
  );
  return {
    pattern: 'outside-help',
    reasons: [...(harm ? [words.harmTold] : []), ...stuck, ...quickReasons, ...slidReasons],
    safetyFirst,
  };
}
