import type { Language } from '../../program/types';

/** "domingo" → "domingos"; "lunes" stays "lunes". */
const plural = (day: string) => (day.endsWith('s') ? day : `${day}s`);

/** A Spanish time with its article: "la 1 p. m.", "las 7 p. m.", "las 19:00". */
export const withArticle = (time: string): string => (/^1(\D|$)/.test(time) ? `la ${time}` : `las ${time}`);

/** A sentence's end: "p. m." already ends with its period. */
const sentence = (text: string) => (text.endsWith('.') ? text : `${text}.`);

/** The settings page's words; `{…}` parts are filled by the page. */
export interface SettingsWords {
  title: string;
  heading: string;
  /** "Sundays around 7 PM". */
  when: (day: string, time: string) => string;
  saved: (when: string, noNudges: boolean) => string;
  /** Saved after the 90 days: no check-in comes any more. */
  savedEnded: string;
  intro: (from: string, until: string) => string;
  timezone: string;
  timezoneNow: string;
  weekly: string;
  day: string;
  time: string;
  howManyTexts: string;
  withNudges: string;
  checkinsOnly: string;
  textsHint: string;
  /** The same with no number yet: the choice is for the texts a number added above would get. */
  textsHintNoNumber: string;
  language: string;
  languageHint: string;
  discreet: string;
  discreetOn: string;
  discreetOff: string;
  save: string;
  /** Adding a mobile number to a program that has none. */
  addTexts: string;
  addTextsHint: string;
  /** For a number still waiting for its YES: giving another one instead. */
  otherNumber: string;
  otherNumberHint: string;
  phone: string;
  phoneHint: string;
  country: string;
  /** After a number was added: the same words whether or not it can be texted. */
  numberAdded: string;
  /** The number as the program read it, right after it was given: "+52 312 555 0148". */
  readAs: (number: string) => string;
  /**
   * While a number's YES is awaited, or it could not be texted (another running program holds it): the same
   * words for both, so the page never tells who holds a number. "…ending in 34".
   */
  awaitingYes: (lastDigits: string) => string;
  /** The program's number: the legend of its part, "Your number ending in 34". */
  yourNumber: (lastDigits: string) => string;
  /** A number that said YES: where its texts stand. */
  textsOn: string;
  /** Texts went unanswered, so check-ins come by email for now; any text back moves them to texts. */
  byEmailForNow: string;
  /** The person texted STOP from it. */
  stoppedByText: string;
  /** Texts failed to reach it. */
  unreachable: string;
  keepNumber: string;
  forgetNumber: string;
  /** Saved after the number was forgotten. */
  numberForgotten: string;
  /** For a number that said YES: giving another one in its place (a new phone). */
  newNumber: string;
  newNumberHint: (lastDigits: string) => string;
  pleaseCheck: string;
  /** A problem with the number, by its code, in this language (English shows each problem's own message). */
  problems: Record<string, string>;
}

export const SETTINGS_WORDS: Record<Language, SettingsWords> = {
  en: {
    title: 'Your settings',
    heading: 'When Kintsugi writes to you',
    when: (day, time) => `${day}s around ${time}`,
    saved: (when, noNudges) =>
      `Saved. Your check-in comes on ${when}${noNudges ? ', with no mid-week nudges' : ''}. Everything still to come follows these settings; nothing already sent comes again.`,
    savedEnded:
      'Saved. Your 90 days are over, so no more check-ins will come; these settings apply to anything we still send you.',
    intro: (from, until) =>
      `Moved, travelling for a while, or a different day suits you better? Change it here. Check-ins and other scheduled texts never arrive between ${from} and ${until} where you are; only an answer to something you just did (a text you sent, a sign-up you confirmed) comes at once.`,
    timezone: 'Time zone',
    timezoneNow: 'Your time zone now',
    weekly: 'Weekly check-in',
    day: 'Day',
    time: 'Time',
    howManyTexts: 'How many texts?',
    withNudges: 'Check-ins and a short mid-week nudge with one small thing to try: about two texts a week.',
    checkinsOnly: 'Check-ins only: about one text a week.',
    textsHint: 'A change applies to the texts still to come.',
    textsHintNoNumber: 'No texts come for now: this is how many would come to a number you add above.',
    language: 'Idioma / Language',
    languageHint: 'The language of your emails, texts, pages and report, from the next one on.',
    discreet: 'If someone else may see your phone or inbox',
    discreetOn:
      'Discreet: emails and texts come from "K. Program", emails with plain subject lines, and texts never mention trust, a partner, a relationship or safety at home.',
    discreetOff: 'Usual: subject lines and texts say what each message is about.',
    save: 'Save my settings',
    addTexts: 'Check-ins by text',
    addTextsHint:
      'Your check-ins come by email. To get them by text instead, add your mobile number: we send it one text, and texts start once you reply YES to it. Leave it empty to keep email.',
    otherNumber: 'A different number',
    otherNumberHint:
      'Wrong number, or no text came? Enter the right mobile number: we text it instead, and forget the other.',
    phone: 'Mobile number',
    phoneHint:
      'Write it as you dial it where you live. A number from another country starts with + and its country code.',
    country: 'Country of the number',
    readAs: (number) => `We read your number as ${number}; if that is wrong, enter it again below.`,
    numberAdded:
      'If your mobile number can get our texts, a text is on its way: reply YES to it to get your weekly check-ins by text. If none comes, they keep coming by email.',
    awaitingYes: (last) =>
      `If your number ending in ${last} can get our texts, we sent it one: reply YES to it to get your check-ins by text. Until then they come by email.`,
    yourNumber: (last) => `Your number ending in ${last}`,
    textsOn: 'Your check-in texts go to it.',
    byEmailForNow:
      'Your check-ins come by email for now, as the last texts went unanswered. Text us anything from it to get them by text again.',
    stoppedByText: 'You texted STOP, so nothing is sent to it. Text START from it to get texts again.',
    unreachable: 'Our texts could not reach it, so your check-ins come by email.',
    keepNumber: 'Keep it',
    forgetNumber:
      'Forget it: no more texts go to it, and your check-ins come by email. Nothing is texted to say so.',
    numberForgotten:
      'Your number is forgotten, and no more texts will go to it. Any check-in still to come arrives by email; you can add a number here again at any time.',
    newNumber: 'A new number',
    newNumberHint: (last) =>
      `New phone? Enter its number: we text it once to ask for YES, and texts to the number ending in ${last} stop now.`,
    pleaseCheck: 'Nothing was saved yet. Please check:',
    problems: {},
  },
  es: {
    title: 'Tu configuración',
    heading: 'Cuándo te escribe Kintsugi',
    when: (day, time) => `los ${plural(day)} hacia ${withArticle(time)}`,
    saved: (when, noNudges) =>
      `Guardado. Tu pregunta semanal llegará ${sentence(`${when}${noNudges ? ', sin los mensajes de mitad de semana' : ''}`)} Todo lo que falta seguirá esta configuración; nada de lo que ya te enviamos volverá a llegar.`,
    savedEnded:
      'Guardado. Tus 90 días terminaron, así que no llegarán más preguntas; esta configuración se aplica a lo que todavía te enviemos.',
    intro: (from, until) =>
      `¿Te mudaste, vas a estar de viaje o te conviene otro día? Cámbialo aquí. Las preguntas y los demás mensajes programados nunca llegan entre ${withArticle(from)} y ${withArticle(until)} de donde estás; solo la respuesta a algo que acabas de hacer (un mensaje que enviaste, una inscripción que confirmaste) llega al momento.`,
    timezone: 'Zona horaria',
    timezoneNow: 'Tu zona horaria actual',
    weekly: 'Pregunta semanal',
    day: 'Día',
    time: 'Hora',
    howManyTexts: '¿Cuántos mensajes de texto?',
    withNudges:
      'La pregunta semanal y un breve mensaje a mitad de semana con algo pequeño para probar: unos dos mensajes por semana.',
    checkinsOnly: 'Solo la pregunta semanal: más o menos un mensaje por semana.',
    textsHint: 'Un cambio se aplica a los mensajes que aún no llegan.',
    textsHintNoNumber:
      'Por ahora no llegan mensajes de texto: esto es cuántos llegarían a un número que agregues arriba.',
    language: 'Idioma / Language',
    languageHint: 'El idioma de tus correos, mensajes de texto, páginas e informe, desde el próximo mensaje.',
    discreet: 'Si alguien más puede ver tu teléfono o tu correo',
    discreetOn:
      'Discreto: los correos y los mensajes de texto llegan de "Programa K.", los correos con asuntos sencillos, y los mensajes nunca hablan de confianza, de pareja, de la relación ni de seguridad en casa.',
    discreetOff: 'Habitual: los asuntos y los mensajes dicen de qué trata cada uno.',
    save: 'Guardar mi configuración',
    addTexts: 'Preguntas por mensaje de texto',
    addTextsHint:
      'Tus preguntas semanales llegan por correo. Para recibirlas por mensaje de texto, agrega tu número de celular: te enviamos un mensaje, y los demás empiezan cuando le respondas SÍ. Déjalo en blanco para seguir por correo.',
    otherNumber: 'Otro número',
    otherNumberHint:
      '¿Número equivocado, o no llegó ningún mensaje? Escribe tu número de celular correcto: le escribimos a ese y olvidamos el otro.',
    phone: 'Número de celular o móvil',
    phoneHint:
      'Escríbelo como lo marcas donde vives. Un número de otro país empieza con + y el código del país.',
    country: 'País del número',
    readAs: (number) => `Leímos tu número como ${number}; si no es correcto, escríbelo de nuevo abajo.`,
    numberAdded:
      'Si tu número de celular puede recibir nuestros mensajes, ya va uno en camino: respóndele SÍ para recibir tu pregunta semanal por mensaje de texto. Si no llega ninguno, te seguirá llegando por correo.',
    awaitingYes: (last) =>
      `Si tu número terminado en ${last} puede recibir nuestros mensajes, le enviamos uno: respóndele SÍ para recibir tus preguntas por mensaje de texto. Mientras tanto, te llegan por correo.`,
    yourNumber: (last) => `Tu número terminado en ${last}`,
    textsOn: 'Tus preguntas por mensaje de texto llegan a este número.',
    byEmailForNow:
      'Por ahora tus preguntas llegan por correo, porque los últimos mensajes quedaron sin respuesta. Escríbenos cualquier cosa desde este número para volver a recibirlas por mensaje de texto.',
    stoppedByText:
      'Enviaste STOP, así que no le enviamos nada. Envía START desde este número para volver a recibir mensajes.',
    unreachable: 'Nuestros mensajes no llegaron a este número, así que tus preguntas llegan por correo.',
    keepNumber: 'Conservarlo',
    forgetNumber:
      'Olvidarlo: no le llegarán más mensajes de texto y tus preguntas llegarán por correo. No se envía ningún mensaje para avisarlo.',
    numberForgotten:
      'Olvidamos tu número y no le llegarán más mensajes de texto. Las preguntas que falten llegarán por correo; puedes volver a agregar un número aquí cuando quieras.',
    newNumber: 'Un número nuevo',
    newNumberHint: (last) =>
      `¿Teléfono nuevo? Escribe su número: le enviamos un mensaje para pedirte un SÍ, y los mensajes al número terminado en ${last} se detienen ya.`,
    pleaseCheck: 'Todavía no se guardó nada. Revisa lo siguiente:',
    problems: {
      invalid_phone:
        'Este número no parece un número de celular (móvil) válido. Revisa el número y su país, o escríbelo con + y el código del país.',
      invalid_country: 'Elige un país de la lista.',
      phone_extension: 'Un número de celular (móvil) no lleva extensión: escríbelo sin ella.',
      phone_toll_free:
        'Este es un número gratuito, que no recibe mensajes de texto. Escribe tu número de celular.',
      sms_consent_required:
        'Para recibir la pregunta semanal por mensaje de texto, marca la casilla de consentimiento o deja el número en blanco.',
      program_not_running: 'Solo se pueden agregar mensajes de texto mientras el programa está en curso.',
      fallback: 'Revisa el número de celular y su país.',
    },
  },
};

/** How each language names itself in a list. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' };
