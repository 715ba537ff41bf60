import type { Language } from '../../program/types';

/** The one-click check-in pages' words. */
export interface CheckinWords {
  title: string;
  yesOrNo: string;
  oneToFive: string;
  yes: string;
  no: string;
  /** "4 of 5": how an answer is named. */
  of5: (n: number) => string;
  yourAnswerIs: (name: string) => string;
  answerInstead: (name: string) => string;
  answers: string;
  yourAnswer: string;
  /** Before the button: the answer the link chose, not yet recorded. */
  youChose: string;
  /**
   * Before the button, when this question has an answer: never which one. Whoever opens the email may not
   * be the person who answered (a partner who reads the inbox).
   */
  answeredBefore: string;
  noteLabel: string;
  noteHint: string;
  /** A note over the limit (the API's JSON keeps its English message). */
  noteTooLong: (length: number, max: number) => string;
  record: (label: string) => string;
  noted: (label: string) => string;
  /** After the button, when it replaced an answer (which one, unsaid). */
  replaced: string;
  noteKept: string;
  noteWithheld: string;
  thanks: string;
}

export const CHECKIN_WORDS: Record<Language, CheckinWords> = {
  en: {
    title: 'Your check-in',
    yesOrNo: 'Yes or no',
    oneToFive: '1 is the lowest, 5 the highest',
    yes: 'Yes',
    no: 'No',
    of5: (n) => `${n} of 5`,
    yourAnswerIs: (name) => `You chose ${name}`,
    answerInstead: (name) => `Answer ${name} instead`,
    answers: 'Answers',
    yourAnswer: 'Your answer:',
    youChose: 'You chose:',
    answeredBefore:
      'This question already has your answer. Recording this one puts it in its place, and adds your note if you write one.',
    noteLabel: 'A private note (optional)',
    noteHint:
      'A few words about your week, if you like. Only you can read it, beside this answer in your report.',
    noteTooLong: (length, max) =>
      `Your note is ${length.toLocaleString('en-US')} characters long; the most it can hold is ${max.toLocaleString('en-US')}. Shorten it, or keep the rest for your next check-in.`,
    record: (label) => `Record ${label}`,
    noted: (label) => `Noted: ${label}`,
    replaced: 'It takes the place of the answer you gave before.',
    noteKept: 'Your note is kept with this answer. Only you can read it.',
    noteWithheld:
      'We did not keep your note: what you wrote sounded like you may be in danger, so nothing of it is stored.',
    thanks: 'Thank you. Only you will see this in your day-90 report.',
  },
  es: {
    title: 'Tu pregunta',
    yesOrNo: 'Sí o no',
    oneToFive: '1 es lo más bajo y 5 lo más alto',
    yes: 'Sí',
    no: 'No',
    of5: (n) => `${n} de 5`,
    yourAnswerIs: (name) => `Elegiste ${name}`,
    answerInstead: (name) => `Responder ${name} en su lugar`,
    answers: 'Respuestas',
    yourAnswer: 'Tu respuesta:',
    youChose: 'Elegiste:',
    answeredBefore:
      'Esta pregunta ya tiene tu respuesta. Si guardas esta, ocupa su lugar, y se añade tu nota si escribes una.',
    noteLabel: 'Una nota privada (opcional)',
    noteHint:
      'Unas palabras sobre tu semana, si quieres. Solo tú puedes leerla, junto a esta respuesta en tu informe.',
    noteTooLong: (length, max) =>
      `Tu nota tiene ${length.toLocaleString('es-US')} caracteres; lo máximo son ${max.toLocaleString('es-US')}. Acórtala, o guarda el resto para tu próxima pregunta.`,
    record: (label) => `Guardar ${label}`,
    noted: (label) => `Guardado: ${label}`,
    replaced: 'Ocupa el lugar de la respuesta que diste antes.',
    noteKept: 'Tu nota queda guardada con esta respuesta. Solo tú puedes leerla.',
    noteWithheld:
      'No guardamos tu nota: lo que escribiste sonaba a que podrías estar en peligro, así que no guardamos nada de ella.',
    thanks: 'Gracias. Solo tú verás esto en tu informe del día 90.',
  },
};
