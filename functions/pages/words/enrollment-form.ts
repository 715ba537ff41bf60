import type { FORM_ORDER } from '../../program/enrollment-input';
import type { Language } from '../../program/types';

/** A field of the form, or `body` (a post that was not a form at all). */
export type FormField = (typeof FORM_ORDER)[number] | 'body';

/** The enrollment form's words, its "check your email" page and its script's messages. */
export interface EnrollmentFormWords {
  title: string;
  titleWithProblems: string;
  heading: string;
  intro: string;
  switchLabel: string;
  invited: string;
  shareParticipation: string;
  email: string;
  whichDescribesYou: string;
  hurt: string;
  repairing: string;
  timezone: string;
  timezoneHint: string;
  yourChoice: string;
  weekly: string;
  day: string;
  time: string;
  texts: string;
  optional: string;
  phone: string;
  phoneHint: string;
  country: string;
  howManyTexts: string;
  withNudges: string;
  checkinsOnly: string;
  textsHint: string;
  discreet: string;
  safety: string;
  submit: string;
  didNotGoThrough: string;
  /** Too many sign-ups from one network (English shows the error's own message). */
  tooMany: string;
  pleaseCheck: string;
  /** What to fix in each field, shown on the form sent back (the API's JSON keeps its English messages). */
  problems: Record<FormField, string>;
  checkYourEmail: string;
  lookFor: (address: string) => string;
  theAddressYouGave: string;
  nothingYet: string;
  sendAgain: string;
  fixTypo: string;
  /** The script's words (it writes them with textContent). */
  script: {
    likely: string;
    find: string;
    findPlaceholder: string;
    noMatch: string;
    oneMatch: string;
    manyMatch: string;
    wentWrong: string;
    offline: string;
    sending: string;
    sentAgain: string;
    tryAgain: string;
  };
}

export const ENROLLMENT_FORM_WORDS: Record<Language, EnrollmentFormWords> = {
  en: {
    title: 'Start the 90-day program',
    titleWithProblems: 'Check your answers',
    heading: 'Rebuild trust, one week at a time',
    intro: `Kintsugi is a private 90-day program for couples mending trust after it was broken. You get short steps by email,
a weekly check-in, and on day 90 a report built from your own answers. If your partner joins too, each of you has a
separate, private program.`,
    switchLabel: 'Language',
    invited:
      'Your partner invited you. Your program will be your own: they never see your answers, notes or report. If you join and your programs are linked, they get one email saying so, and their partner page says so too.',
    shareParticipation:
      'Let my partner see how many weekly check-ins I answer (never what I answer), if they share theirs too.',
    email: 'Email address',
    whichDescribesYou: 'Which describes you?',
    hurt: 'My trust was broken, and I am deciding whether it can be rebuilt.',
    repairing: "I broke my partner's trust, and I want to repair it.",
    timezone: 'Time zone',
    timezoneHint:
      'Your emails and check-ins come by your clock. In the list, type the first letters to jump: "Central", "Canada".',
    yourChoice: 'Your choice',
    weekly: 'Weekly check-in',
    day: 'Day',
    time: 'Time',
    texts: 'Texts',
    optional: '(optional)',
    phone: 'Mobile number',
    phoneHint:
      'For check-ins by text. Write it as you would dial it at home, with or without the country code.',
    country: 'Country of the number',
    howManyTexts: 'How many texts?',
    withNudges: 'Check-ins and a short mid-week nudge with one small thing to try: about two texts a week.',
    checkinsOnly: 'Check-ins only: about one text a week.',
    textsHint:
      'A few more come in the checkpoint weeks (days 30, 60 and 90). You can change this later in your settings.',
    discreet:
      'Discreet mode: if someone else may see your phone or inbox. Emails and texts come from "K. Program", emails with plain subject lines, and texts never mention trust, a partner, a relationship or safety at home.',
    safety:
      'If you are not safe at home, this program is not the right tool right now. In an emergency, call 911 in the US and Canada, or your local emergency number elsewhere. In the US, the National Domestic Violence Hotline answers at 1-800-799-7233; elsewhere, findahelpline.com lists free helplines. A self-guided program is not enough either when there is abuse, addiction or years of deception: please work with a trained counselor.',
    submit: 'Send my confirmation email',
    didNotGoThrough: 'Your sign-up did not go through',
    tooMany: 'Too many sign-ups came from your network in the last hour. Please try again later.',
    pleaseCheck: 'Before we send it, please check:',
    // English keeps each problem's own message (it names the country, the limit…); these are unused.
    problems: {
      language: 'Choose English or Spanish.',
      email: 'Enter a valid email address, like name@example.com.',
      role: 'Choose which describes you.',
      timezone: 'Choose your time zone.',
      checkinDay: 'Choose a day of the week for check-ins.',
      checkinTime: 'Choose a check-in time between 8 AM and 8 PM.',
      country: 'Choose a country from the list.',
      phone: 'Check the mobile number and its country.',
      smsConsent: 'To get check-ins by text, tick the box, or leave the number out.',
      nudges: 'Choose how many texts you want.',
      discreet: 'Tick the box for discreet mode, or leave it empty.',
      shareParticipation: 'Tick the box to share your count, or leave it empty.',
      body: 'Something in the form was not right. Please fill it in again.',
    },
    checkYourEmail: 'Check your email',
    lookFor: (address) =>
      `Look for an email from us at ${address}. Nothing starts until you press the link in it, and you can stop at any time.`,
    theAddressYouGave: 'the address you gave',
    nothingYet:
      'Nothing after a few minutes? Look in your spam or promotions folder, then send it again. Wrong address? Fix it and send again.',
    sendAgain: 'Send the email again',
    fixTypo: 'Fix a typo',
    script: {
      likely: 'Likely for you',
      find: 'Find your time zone',
      findPlaceholder: 'A city, a country or a zone',
      noMatch: 'No time zone matches "{q}".',
      oneMatch: '1 time zone matches: it is chosen.',
      manyMatch: '{n} time zones match; the first is chosen.',
      wentWrong: 'Something went wrong. Please try again.',
      offline: 'We could not reach Kintsugi. Please check your connection and try again.',
      sending: 'Sending…',
      sentAgain:
        'Sent again to {email}, unless one went less than a minute ago: then that one is on its way. It can take a minute or two; look in spam too.',
      tryAgain: 'It did not go through. Please try again.',
    },
  },
  es: {
    title: 'Empieza el programa de 90 días',
    titleWithProblems: 'Revisa tus respuestas',
    heading: 'Reconstruir la confianza, una semana a la vez',
    intro: `Kintsugi es un programa privado de 90 días para parejas que quieren sanar la confianza después de que se rompió.
Recibes pasos cortos por correo, una pregunta cada semana y, el día 90, un informe hecho con tus propias respuestas.
Si tu pareja también se une, cada uno tiene su propio programa, separado y privado.`,
    switchLabel: 'Idioma',
    invited:
      'Tu pareja te invitó. Tu programa será solo tuyo: tu pareja nunca ve tus respuestas, tus notas ni tu informe. Si te unes y sus programas quedan vinculados, le llega un correo que lo dice, y su página de pareja lo dice también.',
    shareParticipation:
      'Dejar que mi pareja vea cuántas preguntas semanales respondo (nunca qué respondo), si también comparte las suyas.',
    email: 'Correo electrónico',
    whichDescribesYou: '¿Cuál te describe?',
    hurt: 'Rompieron mi confianza y estoy decidiendo si se puede reconstruir.',
    repairing: 'Rompí la confianza de mi pareja y quiero repararla.',
    timezone: 'Zona horaria',
    timezoneHint:
      'Tus correos y tus preguntas llegan según tu hora. En la lista, las zonas de EE. UU. van primero: "Hora del Este", "Hora del Centro", "Hora de la Montaña", "Hora del Pacífico".',
    yourChoice: 'Lo que elegiste',
    weekly: 'Pregunta semanal',
    day: 'Día',
    time: 'Hora',
    texts: 'Mensajes de texto',
    optional: '(opcional)',
    phone: 'Número de celular o móvil',
    phoneHint:
      'Para responder la pregunta semanal por mensaje de texto. Escríbelo como lo marcarías en casa, con o sin el código del país.',
    country: 'País del número',
    howManyTexts: '¿Cuántos mensajes de texto?',
    withNudges:
      'La pregunta semanal y un breve mensaje a mitad de semana con algo pequeño para probar: unos dos mensajes por semana.',
    checkinsOnly: 'Solo la pregunta semanal: más o menos un mensaje por semana.',
    textsHint:
      'En las semanas de punto de control (días 30, 60 y 90) llegan algunos más. Puedes cambiarlo después en tu configuración.',
    discreet:
      'Modo discreto: por si alguien más puede ver tu teléfono o tu correo. Los correos y los mensajes de texto llegan de "Programa K.", los correos con asuntos sencillos, y los mensajes nunca hablan de confianza, de pareja, de la relación ni de seguridad en casa.',
    safety:
      'Si no estás a salvo en casa, este programa no es la herramienta adecuada ahora. En una emergencia, llama al 911 en Estados Unidos, Canadá o México, o al número de emergencias de tu país. En Estados Unidos, la Línea Nacional sobre la Violencia Doméstica atiende en español al 1-800-799-7233; en otros países, findahelpline.com tiene líneas de ayuda gratuitas. Un programa que sigues por tu cuenta tampoco basta cuando hay maltrato, adicciones o años de engaños: busca el apoyo de un consejero con formación.',
    submit: 'Enviar mi correo de confirmación',
    didNotGoThrough: 'Tu inscripción no se completó',
    tooMany:
      'Llegaron demasiadas inscripciones desde tu red en la última hora. Vuelve a intentarlo más tarde.',
    pleaseCheck: 'Antes de enviarlo, revisa lo siguiente:',
    problems: {
      language: 'Elige inglés o español.',
      email: 'Escribe un correo electrónico válido, por ejemplo nombre@ejemplo.com.',
      role: 'Elige la opción que te describe.',
      timezone: 'Elige tu zona horaria de la lista.',
      checkinDay: 'Elige un día de la semana para tu pregunta semanal.',
      checkinTime: 'Elige una hora entre las 8 a. m. y las 8 p. m.',
      country: 'Elige un país de la lista.',
      phone:
        'Este número no parece un número de celular (móvil) válido. Revisa el número y su país, o escríbelo con + y el código del país.',
      smsConsent:
        'Para recibir la pregunta semanal por mensaje de texto, marca la casilla de consentimiento o deja el número en blanco.',
      nudges: 'Elige cuántos mensajes de texto quieres.',
      discreet: 'Marca la casilla del modo discreto o déjala vacía.',
      shareParticipation: 'Marca la casilla para compartir tu cuenta o déjala vacía.',
      body: 'Algo en el formulario no estaba bien. Vuelve a llenarlo, por favor.',
    },
    checkYourEmail: 'Revisa tu correo',
    lookFor: (address) =>
      `Busca un correo nuestro en ${address}. Nada empieza hasta que abras el enlace que trae, y puedes dejarlo cuando quieras.`,
    theAddressYouGave: 'la dirección que nos diste',
    nothingYet:
      '¿No llega nada después de unos minutos? Busca en la carpeta de spam o de promociones y luego pide que te lo enviemos otra vez. ¿Te equivocaste de dirección? Corrígela y envíalo de nuevo.',
    sendAgain: 'Enviar el correo otra vez',
    fixTypo: 'Corregir un error',
    script: {
      likely: 'Probablemente la tuya',
      find: 'Busca tu zona horaria',
      findPlaceholder: 'Una ciudad, un país o una zona',
      noMatch: 'Ninguna zona horaria coincide con "{q}".',
      oneMatch: 'Coincide 1 zona horaria: ya está elegida.',
      manyMatch: 'Coinciden {n} zonas horarias; elegimos la primera.',
      wentWrong: 'Algo salió mal. Vuelve a intentarlo.',
      offline: 'No pudimos conectar con Kintsugi. Revisa tu conexión y vuelve a intentarlo.',
      sending: 'Enviando…',
      sentAgain:
        'Lo enviamos otra vez a {email}, salvo que haya salido uno hace menos de un minuto: ese ya va en camino. Puede tardar uno o dos minutos; revisa también el spam.',
      tryAgain: 'No se pudo enviar. Vuelve a intentarlo.',
    },
  },
};
