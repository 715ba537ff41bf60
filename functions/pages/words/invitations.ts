import type { Language } from '../../program/types';

/** The invited person's "no more invitations" pages (no enrollment: the browser's language). */
export interface InvitationWords {
  title: string;
  intro: string;
  button: string;
  done: string;
  home: string;
}

export const INVITATION_WORDS: Record<Language, InvitationWords> = {
  en: {
    title: 'No more invitations',
    intro:
      'Press the button and Kintsugi will send no more invitations to this address, whoever asks. We keep one scrambled fingerprint of the address, which cannot be turned back into it, so we can recognise it and stay silent. You can still enroll yourself one day if you want to.',
    button: 'Send no more invitations',
    done: 'Done. Nobody can send an invitation from Kintsugi to this address again, and the person who invited you is not told.',
    home: 'Go to the Kintsugi home page',
  },
  es: {
    title: 'No más invitaciones',
    intro:
      'Presiona el botón y Kintsugi no enviará más invitaciones a esta dirección, la pida quien la pida. Guardamos una sola huella cifrada de la dirección, que no se puede convertir de nuevo en ella, para reconocerla y no escribirte. Si algún día quieres, igual puedes inscribirte por tu cuenta.',
    button: 'No enviar más invitaciones',
    done: 'Listo. Nadie puede volver a enviar una invitación de Kintsugi a esta dirección, y no le avisamos a la persona que te invitó.',
    home: 'Ir a la página principal de Kintsugi',
  },
};
