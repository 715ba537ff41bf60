import type { Language, Track } from '../../program/types';

/** The confirmation link's pages. */
export interface ConfirmWords {
  alreadyTitle: string;
  alreadyHeading: string;
  alreadyText: string;
  confirmTitle: string;
  confirmIntro: string;
  confirmButton: string;
  /**
   * What the button starts, as the form that asked for it said: someone else may have typed this address,
   * with their own number; seen before the press, a sign-up that is not the person's own shows.
   */
  whatStarts: (choices: { track: Track; day: string; time: string; zone: string; digits?: string }) => string;
  notYours: string;
  /** Before the button, for a sign-up from an invitation: the link it makes, and that the inviter is told. */
  linksWithInviter: string;
  inTitle: string;
  firstStepOn: (day: string) => string;
  firstStepNext: string;
  replyYes: string;
  invite: (link: string) => string;
  inviteLink: string;
  /** Confirmed through a partner's invitation: the two programs are linked now. */
  linked: (link: string) => string;
  linkedLink: string;
}

export const CONFIRM_WORDS: Record<Language, ConfirmWords> = {
  en: {
    alreadyTitle: 'Already confirmed',
    alreadyHeading: 'You are already in',
    alreadyText: 'Your program is running. Watch your inbox for the next step.',
    confirmTitle: 'Confirm your place',
    confirmIntro:
      'Press the button to start your 90-day program. Your first step arrives on the next morning where you are.',
    confirmButton: 'Start my program',
    whatStarts: ({ track, day, time, zone, digits }) =>
      `What it starts: the program for ${track === 'hurt' ? 'the person whose trust was broken' : 'the person who broke the trust'}, with a check-in on ${day}s around ${time} (${zone} time), ${digits ? `and texts to the mobile number ending in ${digits}` : 'by email only, no texts'}.`,
    notYours:
      'Not what you asked for? Do not press the button: nothing starts without it. You can sign up with your own choices from the start page.',
    linksWithInviter:
      'It also links your program with the one of the person who invited you, if theirs is free to link: they get one email saying so, and never see your answers, notes or report.',
    inTitle: 'You are in',
    firstStepOn: (day) => `Your first step arrives on ${day}, in the morning.`,
    firstStepNext: 'Your first step arrives on the next morning where you are.',
    replyYes:
      'If your mobile number can get our texts, a text is on its way: reply YES to it to get your weekly check-ins by text. If none comes, they will come by email.',
    invite: (link) =>
      `If your partner may want a private program of their own, you can ${link}. It is optional.`,
    inviteLink: 'invite them',
    linked: (link) =>
      `Your program is linked with the one of the partner who invited you. Each stays private: neither of you sees the other's answers or report. What else the link means, and how to end it: ${link}.`,
    linkedLink: 'your partner page',
  },
  es: {
    alreadyTitle: 'Ya confirmado',
    alreadyHeading: 'Ya estás dentro',
    alreadyText: 'Tu programa está en marcha. Estate pendiente de tu correo para el próximo paso.',
    confirmTitle: 'Confirma tu lugar',
    confirmIntro:
      'Presiona el botón para empezar tu programa de 90 días. Tu primer paso llega a la mañana siguiente, según tu hora.',
    confirmButton: 'Empezar mi programa',
    whatStarts: ({ track, day, time, zone, digits }) =>
      `Lo que empieza: el programa para ${track === 'hurt' ? 'la persona a la que le rompieron la confianza' : 'la persona que rompió la confianza'}, con un check-in los ${day}${/o$/.test(day) ? 's' : ''} hacia las ${time} (hora de ${zone}), ${digits ? `y mensajes de texto al celular que termina en ${digits}` : 'solo por correo, sin mensajes de texto'}.`,
    notYours:
      '¿No es lo que pediste? No presiones el botón: nada empieza sin él. Puedes inscribirte con tus propias opciones desde la página de inicio.',
    linksWithInviter:
      'También vincula tu programa con el de la persona que te invitó, si el suyo puede vincularse: le llega un correo que lo dice, y nunca ve tus respuestas, tus notas ni tu informe.',
    inTitle: 'Ya estás dentro',
    firstStepOn: (day) => `Tu primer paso llega el ${day}, por la mañana.`,
    firstStepNext: 'Tu primer paso llega a la mañana siguiente, según tu hora.',
    replyYes:
      'Si tu número de celular puede recibir nuestros mensajes, ya va uno en camino: respóndele SÍ para recibir tu pregunta semanal por mensaje de texto. Si no llega ninguno, te llegará por correo.',
    invite: (link) => `Si tu pareja quiere su propio programa privado, puedes ${link}. Es opcional.`,
    inviteLink: 'invitarla',
    linked: (link) =>
      `Tu programa quedó vinculado con el de la pareja que te invitó. Cada uno sigue siendo privado: ninguno ve las respuestas ni el informe del otro. Qué más significa el vínculo y cómo terminarlo: ${link}.`,
    linkedLink: 'la página de tu pareja',
  },
};
