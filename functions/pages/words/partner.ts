import type { Language } from '../../program/types';

/** The partner page's words, and the pages after its buttons. */
export interface PartnerWords {
  whatMaySee: string;
  onlyThis: string;
  stopSharing: string;
  share: string;
  sharingNow: (sharing: boolean) => string;
  partnerTitle: string;
  linkedHeading: string;
  linkedText: string;
  endLink: string;
  partnerEmail: string;
  shareCheckbox: string;
  sendInvitation: string;
  noInvitationsLeft: string;
  inviteTitle: string;
  inviteText: string;
  /** Above the invitation form once a link ended: when. */
  linkEnded: (day: string) => string;
  inviteSafety: string;
  pendingText: string;
  deletesOn: (day: string) => string;
  readReport: string;
  downloadOrDelete: string;
  invitationStillWorks: string;
  signUpHome: string;
  yourPartner: string;
  stillLinked: string;
  endedTitle: string;
  endedText: string;
  canStillDo: string;
  /** Linked, both sharing: the two counts. */
  counts: (you: number, youSent: number, partner: number, partnerSent: number) => string;
  /** Linked, the partner not sharing theirs (the person's own choice is said apart). */
  partnerNotSharing: string;
  /** An invitation followed by someone already in the program: link the two programs. */
  acceptHeading: string;
  acceptText: string;
  acceptButton: string;
  /** Before the link ends: what ending it does, and the two choices. */
  confirmUnlink: { title: string; text: string; yes: string; keep: string };
  /** After each action: [title, text]. */
  done: Record<'invite' | 'share' | 'keep-private' | 'unlink' | 'accept', [string, string]>;
}

export const PARTNER_WORDS: Record<Language, PartnerWords> = {
  en: {
    whatMaySee: 'What your partner may see',
    onlyThis:
      'Only this, and only if you both agree: how many weekly check-ins each of you answered. Never your answers, notes or report.',
    stopSharing: 'Stop sharing my count',
    share: 'Share my count',
    sharingNow: (sharing) => `You are ${sharing ? '' : 'not '}sharing it now.`,
    partnerTitle: 'Your partner',
    linkedHeading: 'Your programs are linked',
    linkedText:
      'Each of you has a private program. Ending the link changes nothing else; your partner is told only that it ended.',
    endLink: 'End the link',
    confirmUnlink: {
      title: 'End the link with your partner?',
      text: 'Your partner gets one email saying the link between your programs ended, with no reason given (with two of you, they will know it was you). Each of you keeps your own program, answers and report. Linking again takes a new invitation.',
      yes: 'Yes, end the link',
      keep: 'Keep the link',
    },
    partnerEmail: "Your partner's email address",
    shareCheckbox: 'Let my partner see how many weekly check-ins I answer, if they share theirs too.',
    sendInvitation: 'Send the invitation',
    noInvitationsLeft: 'You have sent as many invitations as we send for one program.',
    inviteTitle: 'Invite your partner',
    linkEnded: (day) =>
      `The link between your programs ended on ${day}. Nothing else about your program changed.`,
    inviteText: `Your partner can have a private program of their own, for their side of what happened, linked with yours.
If they already have one (a link that ended, or one they started alone), the invitation links it. We send one short
invitation; it says nothing about your program or your answers.`,
    inviteSafety: "If inviting them could put you at risk, don't. Your program works the same without them.",
    pendingText:
      'You can invite your partner once your program has started. Press the button in the confirmation email we sent you, then come back to this page.',
    deletesOn: (day) => ` Kintsugi deletes it by itself on ${day}.`,
    readReport: 'Read your report',
    downloadOrDelete: 'Download or delete your data',
    invitationStillWorks:
      'An invitation you already sent still works for a while: your partner can start a private program of their own with it. It will not be linked to yours.',
    signUpHome:
      'If your partner wants a private program of their own, they can sign up on <a href="/">the home page</a>. It will not be linked to yours.',
    yourPartner: 'Your partner',
    stillLinked:
      'Your programs are still linked. Ending the link changes nothing else; your partner is told only that it ended.',
    endedTitle: 'Your program has ended',
    endedText: 'Your 90 days are over, so Kintsugi no longer sends invitations from your program.',
    canStillDo: 'What you can still do',
    done: {
      invite: [
        'Invitation on its way',
        'We are sending your partner one invitation, unless that address has asked us for none or has had three emails from us today (we never say which). If they enroll and confirm, your programs are linked.',
      ],
      share: [
        'Sharing on',
        'Your partner will see how many check-ins you answered, if they share theirs too.',
      ],
      'keep-private': ['Sharing off', 'Your partner will not see how many check-ins you answered.'],
      unlink: [
        'Link ended',
        'Your programs are no longer linked. Your partner is told only that the link ended.',
      ],
      accept: [
        'Your programs are linked',
        'Each of you keeps a private program. From your partner page, each of you may choose to share how many weekly check-ins you answered, and either of you can end the link at any time.',
      ],
    },
    counts: (you, youSent, partner, partnerSent) =>
      `So far you answered ${you} of ${youSent} weekly check-ins; your partner answered ${partner} of ${partnerSent}.`,
    partnerNotSharing: 'Your partner is not sharing their count, so neither count shows here.',
    acceptHeading: 'Link with the person who invited you',
    acceptText:
      'You followed an invitation from someone in Kintsugi. Linking keeps both programs private: each of you may choose to see only how many weekly check-ins the other answered. Either of you can end the link at any time. The person who invited you gets one email saying your programs are linked.',
    acceptButton: 'Link our programs',
  },
  es: {
    whatMaySee: 'Lo que tu pareja puede ver',
    onlyThis:
      'Solo esto, y solo si los dos están de acuerdo: cuántas preguntas semanales respondió cada uno. Nunca tus respuestas, tus notas ni tu informe.',
    // "Mi cuenta" would read as "my account": what is shared is how many check-ins were answered.
    stopSharing: 'Dejar de compartir cuántas respondí',
    share: 'Compartir cuántas respondí',
    sharingNow: (sharing) => (sharing ? 'Ahora lo estás compartiendo.' : 'Ahora no lo estás compartiendo.'),
    partnerTitle: 'Tu pareja',
    linkedHeading: 'Sus programas están vinculados',
    linkedText:
      'Cada uno tiene un programa privado. Terminar el vínculo no cambia nada más; a tu pareja solo le decimos que terminó.',
    endLink: 'Terminar el vínculo',
    confirmUnlink: {
      title: '¿Terminar el vínculo con tu pareja?',
      text: 'Tu pareja recibe un correo que dice que el vínculo entre sus programas terminó, sin ningún motivo (siendo dos, sabrá que fuiste tú). Cada uno conserva su propio programa, sus respuestas y su informe. Para volver a vincularlos hace falta una invitación nueva.',
      yes: 'Sí, terminar el vínculo',
      keep: 'Mantener el vínculo',
    },
    partnerEmail: 'El correo electrónico de tu pareja',
    shareCheckbox:
      'Dejar que mi pareja vea cuántas preguntas semanales respondo, si también comparte las suyas.',
    sendInvitation: 'Enviar la invitación',
    noInvitationsLeft: 'Ya enviaste todas las invitaciones que mandamos por programa.',
    inviteTitle: 'Invita a tu pareja',
    linkEnded: (day) => `El vínculo entre sus programas terminó el ${day}. Nada más cambió en tu programa.`,
    inviteText: `Tu pareja puede tener su propio programa privado, para su lado de lo que pasó, vinculado con el tuyo. Si
ya tiene uno (un vínculo que terminó, o uno que empezó por su cuenta), la invitación lo vincula. Le enviamos una
invitación corta, que no dice nada de tu programa ni de tus respuestas.`,
    inviteSafety:
      'Si invitar a tu pareja podría ponerte en riesgo, no lo hagas. Tu programa funciona igual sin ella.',
    pendingText:
      'Podrás invitar a tu pareja cuando empiece tu programa. Presiona el botón del correo de confirmación que te enviamos y luego vuelve a esta página.',
    deletesOn: (day) => ` Kintsugi los borra por sí solo el ${day}.`,
    readReport: 'Lee tu informe',
    downloadOrDelete: 'Descarga o borra tus datos',
    invitationStillWorks:
      'Una invitación que ya enviaste sigue funcionando un tiempo: con ella, tu pareja puede empezar su propio programa privado. No quedará vinculado al tuyo.',
    signUpHome:
      'Si tu pareja quiere su propio programa privado, puede inscribirse en <a href="/?lang=es">la página principal</a>. No quedará vinculado al tuyo.',
    yourPartner: 'Tu pareja',
    stillLinked:
      'Sus programas siguen vinculados. Terminar el vínculo no cambia nada más; a tu pareja solo le decimos que terminó.',
    endedTitle: 'Tu programa terminó',
    endedText: 'Tus 90 días terminaron, así que Kintsugi ya no envía invitaciones desde tu programa.',
    canStillDo: 'Lo que todavía puedes hacer',
    done: {
      invite: [
        'La invitación va en camino',
        'Le enviamos a tu pareja una invitación, a menos que esa dirección nos haya pedido no recibir ninguna o ya haya recibido hoy tres correos nuestros (nunca decimos cuál de las dos). Si se inscribe y confirma, sus programas quedan vinculados.',
      ],
      share: [
        'Compartiendo',
        'Tu pareja verá cuántas preguntas semanales respondiste, si también comparte las suyas.',
      ],
      'keep-private': ['Ya no compartes', 'Tu pareja no verá cuántas preguntas semanales respondiste.'],
      unlink: [
        'Vínculo terminado',
        'Sus programas ya no están vinculados. A tu pareja solo le decimos que el vínculo terminó.',
      ],
      accept: [
        'Sus programas están vinculados',
        'Cada uno conserva un programa privado. Desde su página de pareja, cada uno puede elegir compartir cuántas preguntas semanales respondió, y cualquiera de los dos puede terminar el vínculo cuando quiera.',
      ],
    },
    counts: (you, youSent, partner, partnerSent) =>
      `Hasta ahora respondiste ${you} de ${youSent} preguntas semanales; tu pareja respondió ${partner} de ${partnerSent}.`,
    partnerNotSharing: 'Tu pareja no está compartiendo su cuenta, así que aquí no se ve ninguna de las dos.',
    acceptHeading: 'Vincularte con quien te invitó',
    acceptText:
      'Seguiste una invitación de alguien que está en Kintsugi. Al vincularse, los dos programas siguen siendo privados: cada uno puede elegir ver solo cuántas preguntas semanales respondió el otro. Cualquiera de los dos puede terminar el vínculo cuando quiera. A quien te invitó le llega un correo que dice que sus programas están vinculados.',
    acceptButton: 'Vincular nuestros programas',
  },
};
