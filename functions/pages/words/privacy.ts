import type { Language } from '../../program/types';

/** The privacy page's words, and the page after deleting. */
export interface PrivacyWords {
  title: string;
  intro: string;
  download: string;
  partner: string;
  partnerText: (link: string) => string;
  partnerLink: string;
  deleteHeading: string;
  deleteText: string;
  deleteButton: string;
  /** The box ticked before deleting: one click on a page left open must not erase a program. */
  deleteConfirm: string;
  /** When the box was not ticked. */
  deleteNotConfirmed: string;
  deletedTitle: string;
  deletedHeading: string;
  deletedText: string;
}

export const PRIVACY_WORDS: Record<Language, PrivacyWords> = {
  en: {
    title: 'Your data',
    intro:
      'Everything Kintsugi keeps about you belongs to you: your details, what we sent and when, your answers and notes, and your report.',
    download: 'Download all my data (JSON)',
    partner: 'Your partner',
    partnerText: (link) =>
      `Invite your partner to a private program of their own, choose what they may see, or end the link: ${link}.`,
    partnerLink: 'your partner page',
    deleteHeading: 'Delete everything',
    deleteText:
      'This removes your enrollment, your answers, your notes and your report, and stops every email and text. It cannot be undone.',
    deleteButton: 'Delete all my data',
    deleteConfirm: 'I understand: this erases everything, and it cannot be undone.',
    deleteNotConfirmed:
      'Nothing was deleted: tick the box that says you understand it cannot be undone, then press the button again.',
    deletedTitle: 'Deleted',
    deletedHeading: 'Your data is deleted',
    deletedText: 'Everything Kintsugi held about you is gone, and nothing more will be sent.',
  },
  es: {
    title: 'Tus datos',
    intro:
      'Todo lo que Kintsugi guarda sobre ti te pertenece: tus datos, lo que te enviamos y cuándo, tus respuestas y notas, y tu informe.',
    download: 'Descargar todos mis datos (JSON)',
    partner: 'Tu pareja',
    partnerText: (link) =>
      `Invita a tu pareja a su propio programa privado, elige lo que puede ver o termina el vínculo: ${link}.`,
    partnerLink: 'la página de tu pareja',
    deleteHeading: 'Borrar todo',
    deleteText:
      'Esto elimina tu inscripción, tus respuestas, tus notas y tu informe, y detiene todos los correos y mensajes de texto. No se puede deshacer.',
    deleteButton: 'Borrar todos mis datos',
    deleteConfirm: 'Entiendo: esto lo borra todo y no se puede deshacer.',
    deleteNotConfirmed:
      'No se borró nada: marca la casilla que dice que entiendes que no se puede deshacer y vuelve a pulsar el botón.',
    deletedTitle: 'Borrado',
    deletedHeading: 'Tus datos están borrados',
    deletedText: 'Todo lo que Kintsugi tenía sobre ti ya no existe, y no te enviaremos nada más.',
  },
};
