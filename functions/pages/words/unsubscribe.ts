import type { Language } from '../../program/types';

/** The words of the pages a stop link opens. */
export interface UnsubscribeWords {
  stopTitle: string;
  stopIntro: string;
  stopButton: string;
  stoppedTitle: string;
  textsGoOn: string;
  bounced: string;
  noMore: string;
  breakInstead: string;
  pauseDays: (days: number) => string;
  changedMind: string;
  startAgain: string;
  backTitle: string;
  backHeading: string;
  backText: string;
  pausedTitle: string;
  pausedUntil: (day: string) => string;
  pausedText: (day: string) => string;
  comeBackSooner: (texts: boolean) => string;
}

export const UNSUBSCRIBE_WORDS: Record<Language, UnsubscribeWords> = {
  en: {
    stopTitle: 'Stop emails',
    stopIntro:
      'Press the button to stop all Kintsugi emails. Texts, if you get them, stop when you reply STOP.',
    stopButton: 'Stop my emails',
    stoppedTitle: 'Emails stopped',
    textsGoOn: ' Texts go on as before: reply STOP to any of them to end those too.',
    bounced:
      'You will get no more emails from Kintsugi. Mail to this address had already come back undeliverable, so we had stopped sending to it.',
    noMore: 'You will get no more emails from Kintsugi.',
    breakInstead: 'Need a break rather than an end?',
    pauseDays: (days) => `Pause ${days} days instead`,
    changedMind: 'Changed your mind?',
    startAgain: 'Start my emails again',
    backTitle: 'Emails back on',
    backHeading: 'Your emails are back on',
    backText:
      'Your program carries on where it is: the next step comes on its usual day. Every email still has a link at the bottom to stop them.',
    pausedTitle: 'Paused',
    pausedUntil: (day) => `Paused until ${day}`,
    pausedText: (day) =>
      `Your emails are on again, but nothing at all will come until ${day}, texts included. Then your program picks up where it left off.`,
    comeBackSooner: (texts) =>
      `To come back sooner, reply RESUME to any of our emails${texts ? ', or text RESUME' : ''}.`,
  },
  es: {
    stopTitle: 'Dejar de recibir correos',
    stopIntro:
      'Presiona el botón para dejar de recibir todos los correos de Kintsugi. Los mensajes de texto, si los recibes, se detienen cuando respondes STOP o PARAR.',
    stopButton: 'Dejar de recibir mis correos',
    stoppedTitle: 'Correos detenidos',
    textsGoOn:
      ' Los mensajes de texto siguen como antes: responde STOP o PARAR a cualquiera de ellos para detenerlos también.',
    bounced:
      'Ya no recibirás más correos de Kintsugi. Los correos a esta dirección ya venían rebotando, así que habíamos dejado de enviarlos.',
    noMore: 'Ya no recibirás más correos de Kintsugi.',
    breakInstead: '¿Necesitas un descanso más que terminar?',
    pauseDays: (days) => `Mejor pausar ${days} días`,
    changedMind: '¿Cambiaste de idea?',
    startAgain: 'Volver a recibir mis correos',
    backTitle: 'Correos activados',
    backHeading: 'Tus correos están activados otra vez',
    backText:
      'Tu programa sigue donde está: el próximo paso llega en su día de siempre. Cada correo sigue teniendo al final un enlace para dejar de recibirlos.',
    pausedTitle: 'En pausa',
    pausedUntil: (day) => `En pausa hasta el ${day}`,
    pausedText: (day) =>
      `Tus correos están activados otra vez, pero no llegará nada hasta el ${day}, tampoco mensajes de texto. Después, tu programa sigue donde lo dejaste.`,
    comeBackSooner: (texts) =>
      `Para volver antes, responde REANUDAR a cualquiera de nuestros correos${texts ? ' o envía REANUDAR por mensaje de texto' : ''}.`,
  },
};
