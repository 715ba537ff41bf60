import type { Language } from '../../program/types';

/** The report page's words (the participant's own and the shared copy), and its PDF's. */
export interface ReportWords {
  /** A number with one decimal as written where the person lives ("2.5", "2,5"): set per person. */
  decimal: (n: number) => string;
  title: string;
  intro: string;
  sharedTitle: string;
  sharedIntro: (until: string) => string;
  noTrend: string;
  /** "50% yes": a yes-or-no week's share of yeses. */
  percentYes: (percent: string) => string;
  chartTitle: (outOf5: boolean) => string;
  programWeek: string;
  tableCaption: (outOf5: boolean) => string;
  week: string;
  answer: string;
  answered: string;
  answeredOf: (answered: number, sent: number, rate: string) => string;
  averageFirst: string;
  averageLast: string;
  change: string;
  cameLate: string;
  quickHeading: string;
  quickText: string;
  question: string;
  day: (day: number) => string;
  checkpointHeading: string;
  late: (weeks: string, updated: string) => string;
  partnerHeading: string;
  participation: (you: number, youSent: number, partner: number, partnerSent: number) => string;
  notesHeading: string;
  notesRemoved: string;
  notesNone: string;
  notesIntro: string;
  showNotes: (count: number) => string;
  /** `changedTo`: the answer a later reply gave the same question. */
  withAnswer: (answer: string, changedTo?: string) => string;
  print: string;
  includeNotesPdf: string;
  downloadPdf: string;
  copied: string;
  worksUntil: (day: string) => string;
  expiredOn: (day: string) => string;
  revokedOn: (day: string) => string;
  notOpened: string;
  opened: (times: number, last: string) => string;
  revoke: string;
  theLinkMade: (day: string) => string;
  made: (day: string) => string;
  days: (days: number) => string;
  withNotes: string;
  withoutNotes: string;
  newLink: string;
  copyNow: (until: string, withNotes: boolean) => string;
  linkLabel: string;
  copyLink: string;
  yourLinks: string;
  shareHeading: string;
  shareText: string;
  howLong: string;
  includeNotes: string;
  makeLink: string;
  revoked: string;
  theirNotes: string;
  theirNotesIncluded: string;
  theirNotesNone: string;
  nothingTitle: string;
  nothingText: string;
  pdf: {
    madeOn: (day: string) => string;
    summary: (answered: number, sent: number, first: string, last: string, change: string) => string;
    axis: string;
    yourAnswer: (answer: string) => string;
    noNotes: string;
    filename: string;
  };
}

export const REPORT_WORDS: Record<Language, ReportWords> = {
  en: {
    decimal: (n) => n.toFixed(1),
    title: 'Your 90-day checkpoint',
    intro: `These numbers come only from your own answers. They are yours: your partner never sees them. A "no" or a dip
is not a failure. It is information for the choice in front of you.`,
    sharedTitle: 'A shared 90-day checkpoint',
    sharedIntro: (
      until,
    ) => `Someone taking part in Kintsugi shared this read-only copy of their day-90 report with you. It is built only
from their own answers. This link works until ${until}, unless they revoke it sooner.`,
    noTrend: 'No check-ins were answered, so there is no trend to show.',
    percentYes: (percent) => `${percent} yes`,
    chartTitle: (outOf5) =>
      `Week by week${outOf5 ? ', out of 5' : ''}. The number under each bar is the program week; – means no answer.`,
    programWeek: 'Program week',
    tableCaption: (outOf5) => `Your answers, week by week${outOf5 ? ' (out of 5)' : ''}`,
    week: 'Week',
    answer: 'Answer',
    answered: 'Answered',
    answeredOf: (answered, sent, rate) => `${answered} of ${sent} (${rate})`,
    averageFirst: 'Average, days 0–29',
    averageLast: 'Average, days 61–90',
    change: 'Change',
    cameLate: ' (came late)',
    quickHeading: 'Days 30 and 60: three quick questions',
    quickText: `Three yes-or-no questions, asked twice. Three yeses suggest the ground is there to keep building on; a no
shows where to look next.`,
    question: 'Question',
    day: (day) => `Day ${day}`,
    checkpointHeading: 'The three questions',
    late: (weeks, updated) =>
      `Answers marked "came late" (or * in a table) arrived after this report was first made and are counted here${
        weeks ? `, as are the late answers for week ${weeks}` : ''
      }. The report was last brought up to date on ${updated}.`,
    partnerHeading: 'You and your partner',
    participation: (
      you,
      youSent,
      partner,
      partnerSent,
    ) => `You answered ${you} of ${youSent} check-ins; your partner answered ${partner} of ${partnerSent}.
You both chose to share this count, and nothing else.`,
    notesHeading: 'Your notes',
    notesRemoved:
      'The words of your notes were removed after your report was made, as this service is set up to do. The report still counts them.',
    notesNone: 'You kept no notes by text or email during the program.',
    notesIntro:
      'Everything you wrote to Kintsugi, in your own words. Only you can read them here, until your data is deleted. They print only while they are open.',
    showNotes: (count) => `Show your ${count} note${count === 1 ? '' : 's'}`,
    withAnswer: (answer, changedTo) =>
      ` · with the answer ${answer}${changedTo ? ` (changed later to ${changedTo})` : ''}`,
    print: 'Print',
    includeNotesPdf: 'Include my notes in the PDF',
    downloadPdf: 'Download as PDF',
    copied: 'Copied',
    worksUntil: (day) => `Works until ${day}`,
    expiredOn: (day) => `Expired on ${day}`,
    revokedOn: (day) => `Revoked on ${day}`,
    notOpened: 'Not opened yet',
    opened: (times, last) => `Opened ${times === 1 ? 'once' : `${times} times`}, last on ${last}`,
    revoke: 'Revoke',
    theLinkMade: (day) => ` the link made ${day}`,
    made: (day) => `Made ${day}`,
    days: (days) => `${days} days`,
    withNotes: 'with your notes',
    withoutNotes: 'without your notes',
    newLink: 'Your new link',
    copyNow: (until, withNotes) =>
      `Copy it now and send it to your therapist: Kintsugi keeps only a fingerprint of it, so it cannot be shown again. It works until ${until}${withNotes ? ', with your notes' : ', without your notes'}.`,
    linkLabel: 'Link to your report',
    copyLink: 'Copy link',
    yourLinks: 'Your links',
    shareHeading: 'Share with your therapist',
    shareText:
      'Make a read-only link to this report for a therapist or counselor. It shows the report, with your notes only if you tick the box, and nothing else of yours. You can see how often it was opened, and revoke it at any time.',
    howLong: 'How long should the link work?',
    includeNotes: 'Include my notes',
    makeLink: 'Make a link',
    revoked: 'Link revoked. It opens nothing from now on.',
    theirNotes: 'Their notes',
    theirNotesIncluded: 'The person who shared this report chose to include their notes, in their own words.',
    theirNotesNone:
      'The person who shared this report chose to include their notes, but there are none to show.',
    nothingTitle: 'Nothing to show',
    nothingText:
      'There is nothing to see at this link. If someone meant to share something with you, ask them for a new link.',
    pdf: {
      madeOn: (day) => `Made on ${day}. Built only from your own answers.`,
      summary: (answered, sent, first, last, change) =>
        `Answered ${answered} of ${sent}. Average, days 0–29: ${first}. Days 61–90: ${last}. Change: ${change}.`,
      axis: 'Program week (– means no answer)',
      yourAnswer: (answer) => `Your answer: ${answer}`,
      noNotes: 'There are no notes to show.',
      filename: 'kintsugi-90-day-checkpoint.pdf',
    },
  },
  es: {
    // Where the person lives is not known here: as written in the US and Mexico until the page sets it.
    decimal: (n) => n.toFixed(1),
    title: 'Tu punto de control de los 90 días',
    intro: `Estos números salen solo de tus propias respuestas. Son tuyos: tu pareja nunca los ve. Un "no" o una bajada
no son un fracaso. Son información para la decisión que tienes delante.`,
    sharedTitle: 'Un punto de control de 90 días compartido',
    sharedIntro: (
      until,
    ) => `Una persona que participa en Kintsugi compartió contigo esta copia de solo lectura de su informe del día 90.
Está hecha solo con sus propias respuestas. Este enlace funciona hasta el ${until}, a menos que lo revoque antes.`,
    noTrend: 'No se respondió ninguna pregunta semanal, así que no hay una tendencia que mostrar.',
    percentYes: (percent) => `${percent} sí`,
    chartTitle: (outOf5) =>
      `Semana a semana${outOf5 ? ', sobre 5' : ''}. El número bajo cada barra es la semana del programa; – quiere decir sin respuesta.`,
    programWeek: 'Semana del programa',
    tableCaption: (outOf5) => `Tus respuestas, semana a semana${outOf5 ? ' (sobre 5)' : ''}`,
    week: 'Semana',
    answer: 'Respuesta',
    answered: 'Respondidas',
    answeredOf: (answered, sent, rate) => `${answered} de ${sent} (${rate})`,
    averageFirst: 'Promedio, días 0–29',
    averageLast: 'Promedio, días 61–90',
    change: 'Cambio',
    cameLate: ' (llegó tarde)',
    quickHeading: 'Días 30 y 60: tres preguntas rápidas',
    quickText: `Tres preguntas de sí o no, hechas dos veces. Tres síes indican que hay una base para seguir construyendo; un no
muestra hacia dónde mirar.`,
    question: 'Pregunta',
    day: (day) => `Día ${day}`,
    checkpointHeading: 'Las tres preguntas',
    late: (weeks, updated) =>
      `Las respuestas marcadas "llegó tarde" (o con * en una tabla) llegaron después de que se hizo este informe y aquí sí cuentan${
        weeks ? `, igual que las respuestas tardías de la semana ${weeks}` : ''
      }. El informe se actualizó por última vez el ${updated}.`,
    partnerHeading: 'Tú y tu pareja',
    participation: (
      you,
      youSent,
      partner,
      partnerSent,
    ) => `Respondiste ${you} de ${youSent} preguntas semanales; tu pareja respondió ${partner} de ${partnerSent}.
Los dos decidieron compartir esta cuenta, y nada más.`,
    notesHeading: 'Tus notas',
    notesRemoved:
      'Las palabras de tus notas se borraron después de hacer tu informe, como está previsto en este servicio. El informe todavía las cuenta.',
    notesNone: 'No guardaste notas por mensaje de texto ni por correo durante el programa.',
    notesIntro:
      'Todo lo que le escribiste a Kintsugi, con tus propias palabras. Solo tú puedes leerlas aquí, hasta que se borren tus datos. Solo se imprimen mientras están abiertas.',
    showNotes: (count) => (count === 1 ? 'Ver tu nota' : `Ver tus ${count} notas`),
    withAnswer: (answer, changedTo) =>
      ` · con la respuesta ${answer}${changedTo ? ` (cambiada después a ${changedTo})` : ''}`,
    print: 'Imprimir',
    includeNotesPdf: 'Incluir mis notas en el PDF',
    downloadPdf: 'Descargar en PDF',
    copied: 'Copiado',
    worksUntil: (day) => `Funciona hasta el ${day}`,
    expiredOn: (day) => `Venció el ${day}`,
    revokedOn: (day) => `Revocado el ${day}`,
    notOpened: 'Todavía no se ha abierto',
    opened: (times, last) => `Abierto ${times === 1 ? 'una vez' : `${times} veces`}, la última el ${last}`,
    revoke: 'Revocar',
    theLinkMade: (day) => ` el enlace creado el ${day}`,
    made: (day) => `Creado el ${day}`,
    days: (days) => `${days} días`,
    withNotes: 'con tus notas',
    withoutNotes: 'sin tus notas',
    newLink: 'Tu enlace nuevo',
    copyNow: (until, withNotes) =>
      `Cópialo ahora y envíaselo a tu terapeuta: Kintsugi solo guarda una huella del enlace, así que no lo puede volver a mostrar. Funciona hasta el ${until}${withNotes ? ', con tus notas' : ', sin tus notas'}.`,
    linkLabel: 'Enlace a tu informe',
    copyLink: 'Copiar el enlace',
    yourLinks: 'Tus enlaces',
    shareHeading: 'Compártelo con tu terapeuta',
    shareText:
      'Crea un enlace de solo lectura a este informe para un terapeuta o consejero. Muestra el informe, con tus notas solo si marcas la casilla, y nada más tuyo. Puedes ver cuántas veces se abrió y revocarlo cuando quieras.',
    howLong: '¿Cuánto tiempo debe funcionar el enlace?',
    includeNotes: 'Incluir mis notas',
    makeLink: 'Crear un enlace',
    revoked: 'Enlace revocado. A partir de ahora no abre nada.',
    theirNotes: 'Sus notas',
    theirNotesIncluded:
      'La persona que compartió este informe decidió incluir sus notas, con sus propias palabras.',
    theirNotesNone:
      'La persona que compartió este informe decidió incluir sus notas, pero no hay ninguna que mostrar.',
    nothingTitle: 'No hay nada que mostrar',
    nothingText:
      'No hay nada que ver en este enlace. Si alguien quería compartir algo contigo, pídele un enlace nuevo.',
    pdf: {
      madeOn: (day) => `Hecho el ${day}. Solo con tus propias respuestas.`,
      summary: (answered, sent, first, last, change) =>
        `Respondidas: ${answered} de ${sent}. Promedio, días 0–29: ${first}. Días 61–90: ${last}. Cambio: ${change}.`,
      axis: 'Semana del programa (– quiere decir sin respuesta)',
      yourAnswer: (answer) => `Tu respuesta: ${answer}`,
      noNotes: 'No hay notas que mostrar.',
      filename: 'kintsugi-punto-de-control-90-dias.pdf',
    },
  },
};
