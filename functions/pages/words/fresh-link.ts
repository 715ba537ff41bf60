import type { FreshLinkKind } from '../../program/fresh-links';
import type { Language } from '../../program/types';

/** The words of the pages an expired or broken link opens, and of the fresh-link form. */
export interface FreshLinkWords {
  expiredTitle: string;
  invalidTitle: string;
  /** What each kind of link opened, as the page names it. */
  opened: Record<FreshLinkKind, string>;
  onePage: string;
  expiredWhy: (opened: string) => string;
  invalidWhy: (opened: string) => string;
  invitationExpired: string;
  invitationInvalid: string;
  getFresh: string;
  /** What the person can do with a fresh link of each kind, said before the form. */
  ask: Record<FreshLinkKind, string>;
  /** A broken check-in link: its question may well be open still (`ask.checkin` is for an expired one). */
  askBrokenCheckin: string;
  askAny: string;
  askForm: string;
  email: string;
  send: string;
  home: string;
  inboxTitle: string;
  onItsWay: string;
  weNeverSay: string;
  /** The form's problem with the address (the API's JSON keeps its English message). */
  badEmail: string;
}

const SAME_PAGE_EN = 'Enter the address you signed up with, and we will email it a new link to that page.';
const SAME_PAGE_ES =
  'Escribe el correo con el que te inscribiste y te enviaremos a esa dirección un enlace nuevo a esa página.';

export const FRESH_LINK_WORDS: Record<Language, FreshLinkWords> = {
  en: {
    expiredTitle: 'This link has expired',
    invalidTitle: 'This link is not valid',
    opened: {
      confirm: 'your confirmation page',
      unsubscribe: 'the page that stops or restarts your emails',
      checkin: 'a check-in',
      report: 'your report',
      privacy: 'your data page',
      partner: 'your partner page',
      settings: 'your settings',
    },
    onePage: 'one of your pages',
    expiredWhy: (opened) =>
      `It opened ${opened}. Our links work for a while and then stop, so an old email can't open your pages for anyone else.`,
    invalidWhy: (opened) =>
      `It was meant to open ${opened}, but part of it is missing or changed. That happens when a link is copied by hand or split across two lines. The button in the email itself usually works.`,
    invitationExpired:
      'This link from an invitation email is more than a year old. If another invitation reaches you, the link at its foot stops them.',
    invitationInvalid:
      'Part of this link from an invitation email is missing or changed. Try the link in the email itself; copying it by hand can break it.',
    getFresh: 'Get a fresh link',
    ask: {
      confirm:
        'Enter the address you signed up with. If it is waiting to be confirmed, we will send the confirmation again; if your program has already started, a link to your settings. A sign-up not confirmed within two weeks is removed: if it has been longer, sign up again from the start page.',
      unsubscribe: SAME_PAGE_EN,
      checkin:
        'A check-in link lasts two weeks, and the question it was for has closed, so an answer to it would no longer count. Your next check-in comes as usual. If you want your settings page, enter the address you signed up with and we will email it a link.',
      report: 'Enter the address you signed up with, and we will email it a new link to your report.',
      privacy: SAME_PAGE_EN,
      partner: SAME_PAGE_EN,
      settings: SAME_PAGE_EN,
    },
    askBrokenCheckin:
      'Its question may still be open: try the button in the email itself. If you want your settings page, enter the address you signed up with and we will email it a link.',
    askAny: 'Enter the address you signed up with, and we will email it a new link.',
    askForm: 'Enter the address you signed up with. If it is in the program, we will email it a new link.',
    email: 'Your email address',
    send: 'Send me a fresh link',
    home: 'Go to the Kintsugi home page',
    inboxTitle: 'Check your inbox',
    onItsWay:
      'If that address is in the program, a fresh link is on its way. It can take a few minutes; if nothing comes, look in your spam or junk folder.',
    weNeverSay:
      'We never say on this page whether an address is signed up, so whoever types it learns nothing about you.',
    badEmail: 'Enter a valid email address, like name@example.com.',
  },
  es: {
    expiredTitle: 'Este enlace ya venció',
    invalidTitle: 'Este enlace no es válido',
    opened: {
      confirm: 'tu página de confirmación',
      unsubscribe: 'la página para dejar de recibir o volver a recibir tus correos',
      checkin: 'una pregunta semanal',
      report: 'tu informe',
      privacy: 'la página de tus datos',
      partner: 'la página de tu pareja',
      settings: 'tu configuración',
    },
    onePage: 'una de tus páginas',
    expiredWhy: (opened) =>
      `Abría ${opened}. Nuestros enlaces funcionan un tiempo y luego dejan de funcionar, para que un correo viejo no le abra tus páginas a otra persona.`,
    invalidWhy: (opened) =>
      `Debía abrir ${opened}, pero le falta una parte o cambió. Pasa cuando un enlace se copia a mano o queda partido en dos líneas. El botón del propio correo suele funcionar.`,
    invitationExpired:
      'Este enlace de un correo de invitación tiene más de un año. Si te llega otra invitación, el enlace al pie del correo las detiene.',
    invitationInvalid:
      'A este enlace de un correo de invitación le falta una parte o cambió. Prueba el enlace del propio correo; copiarlo a mano puede romperlo.',
    getFresh: 'Pide un enlace nuevo',
    ask: {
      confirm:
        'Escribe el correo con el que te inscribiste. Si todavía falta confirmarlo, te enviaremos la confirmación otra vez; si tu programa ya empezó, un enlace a tu configuración. Una inscripción sin confirmar se borra a las dos semanas: si pasó más tiempo, vuelve a inscribirte desde la página principal.',
      unsubscribe: SAME_PAGE_ES,
      checkin:
        'Un enlace de pregunta semanal dura dos semanas, y la pregunta ya se cerró, así que una respuesta ya no contaría. Tu próxima pregunta llegará como siempre. Si quieres abrir tu configuración, escribe el correo con el que te inscribiste y te enviaremos un enlace.',
      report:
        'Escribe el correo con el que te inscribiste y te enviaremos a esa dirección un enlace nuevo a tu informe.',
      privacy: SAME_PAGE_ES,
      partner: SAME_PAGE_ES,
      settings: SAME_PAGE_ES,
    },
    askBrokenCheckin:
      'Puede que su pregunta siga abierta: prueba el botón del propio correo. Si quieres abrir tu configuración, escribe el correo con el que te inscribiste y te enviaremos un enlace.',
    askAny: 'Escribe el correo con el que te inscribiste y te enviaremos a esa dirección un enlace nuevo.',
    askForm:
      'Escribe el correo con el que te inscribiste. Si está en el programa, te enviaremos a esa dirección un enlace nuevo.',
    email: 'Tu correo electrónico',
    send: 'Envíame un enlace nuevo',
    home: 'Ir a la página principal de Kintsugi',
    inboxTitle: 'Revisa tu correo',
    onItsWay:
      'Si esa dirección está en el programa, ya va en camino un enlace nuevo. Puede tardar unos minutos; si no llega nada, busca en la carpeta de spam o de correo no deseado.',
    weNeverSay:
      'En esta página nunca decimos si una dirección está inscrita, así que quien la escriba no sabrá nada de ti.',
    badEmail: 'Escribe un correo electrónico válido, por ejemplo nombre@ejemplo.com.',
  },
};
