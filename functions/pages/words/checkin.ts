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
  alreadyAnswered: (label: string) => string;
  changes: (from: string, to: string) => string;
  noteLabel: string;
  noteHint: string;
  /** A note over the limit (the API's JSON keeps its English message). */
  noteTooLong: (length: number, max: number) => string;
  changeTo: (label: string) => string;
  record: (label: string) => string;
  changedFrom: (from: string, to: string) => string;
  noted: (label: string) => string;
  noteKept: string;
  noteWithheld: string;
  itWas: (label: string) => string;
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
    alreadyAnswered: (label) =>
      `You already answered ${label}. Recording it again keeps it, and adds your note if you write one.`,
    changes: (from, to) => `You answered ${from} before. Recording this changes it from ${from} to ${to}.`,
    noteLabel: 'A private note (optional)',
    noteHint:
      'A few words about your week, if you like. Only you can read it, beside this answer in your report.',
    noteTooLong: (length, max) =>
      `Your note is ${length.toLocaleString('en-US')} characters long; the most it can hold is ${max.toLocaleString('en-US')}. Shorten it, or keep the rest for your next check-in.`,
    changeTo: (label) => `Change to ${label}`,
    record: (label) => `Record ${label}`,
    changedFrom: (from, to) => `Changed from ${from} to ${to}`,
    noted: (label) => `Noted: ${label}`,
    noteKept: 'Your note is kept with this answer. Only you can read it.',
    noteWithheld:
      'We did not keep your note: what you wrote sounded like you may be in danger, so nothing of it is stored.',
    itWas: (label) => ` (it was ${label})`,
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
    alreadyAnswered: (label) =>
      `Ya respondiste ${label}. Si la guardas otra vez, se queda igual y se añade tu nota, si escribes una.`,
    changes: (from, to) => `Antes respondiste ${from}. Si guardas esta, cambia de ${from} a ${to}.`,
    noteLabel: 'Una nota privada (opcional)',
    noteHint:
      'Unas palabras sobre tu semana, si quieres. Solo tú puedes leerla, junto a esta respuesta en tu informe.',
    noteTooLong: (length, max) =>
      `Tu nota tiene ${length.toLocaleString('es-US')} caracteres; lo máximo son ${max.toLocaleString('es-US')}. Acórtala, o guarda el resto para tu próxima pregunta.`,
    changeTo: (label) => `Cambiar a ${label}`,
    record: (label) => `Guardar ${label}`,
    changedFrom: (from, to) => `Cambió de ${from} a ${to}`,
    noted: (label) => `Guardado: ${label}`,
    noteKept: 'Tu nota queda guardada con esta respuesta. Solo tú puedes leerla.',
    noteWithheld:
      'No guardamos tu nota: lo que escribiste sonaba a que podrías estar en peligro, así que no guardamos nada de ella.',
    itWas: (label) => ` (antes era ${label})`,
    thanks: 'Gracias. Solo tú verás esto en tu informe del día 90.',
  },
};
