import { type CrisisLines, HELPLINE_DIRECTORY } from '../../program/crisis-lines';
import type { Language } from '../../program/types';

/** The words of the page shell and its plain pages (errors, one-button pages). */
export interface LayoutWords {
  /**
   * The footer, as HTML (its "&" escaped), with the crisis lines of where the person lives: the US lines
   * (and, when nothing says where they are, a line for anyone outside the US), Canada's, or elsewhere the
   * country's emergency number and a directory of free helplines.
   */
  footer: (lines: CrisisLines) => string;
  notFound: string;
  /** Under a 404: where to go (HTML). */
  notFoundNext: string;
  wentWrong: string;
  didNotWork: string;
  /** The 500 page's message (the error's own words never reach a page). */
  internal: string;
}

export const LAYOUT_WORDS: Record<Language, LayoutWords> = {
  en: {
    footer: (lines) => {
      const start = 'Kintsugi is a coaching program, not therapy or crisis care.';
      if (lines.region === 'canada')
        return `${start} If you are in danger, call 911. For the 988 Suicide Crisis Helpline, call or text 988. More free helplines: ${HELPLINE_DIRECTORY}.`;
      if (lines.region === 'elsewhere')
        return `${start} If you are in danger, call ${lines.emergency ?? 'your local emergency number'}.${lines.crisis ? ` Suicide or crisis: ${lines.crisis}.` : ''}${lines.abuse ? ` Violence at home: ${lines.abuse}.` : ''} ${lines.crisis || lines.abuse ? 'More free' : 'Free'}, confidential helplines in your country: ${HELPLINE_DIRECTORY}.`;
      const us = `${start} If you are in danger, call 911. For the 988 Suicide &amp; Crisis Lifeline, call or text 988. National Domestic Violence Hotline: 1-800-799-7233.`;
      return lines.located
        ? us
        : `${us} Outside the US, call your local emergency number; free helplines in your country: ${HELPLINE_DIRECTORY}.`;
    },
    notFound: 'Not found',
    notFoundNext:
      'If your data was deleted or your program ended, nothing more will come from it. You can start a new program from <a href="/">the start page</a> whenever you want.',
    wentWrong: 'Something went wrong',
    didNotWork: 'This did not work',
    internal: 'Something went wrong on our side. Nothing was lost; please try again in a minute.',
  },
  es: {
    footer: (lines) => {
      const start = 'Kintsugi es un programa de acompañamiento, no una terapia ni un servicio de crisis.';
      if (lines.region === 'canada')
        return `${start} Si estás en peligro, llama al 911. Línea 988 de crisis y prevención del suicidio: llama o envía un mensaje de texto al 988. Más líneas de ayuda gratuitas: ${HELPLINE_DIRECTORY}.`;
      if (lines.region === 'elsewhere')
        return `${start} Si estás en peligro, llama al ${lines.emergency ?? 'número de emergencias de tu país'}.${lines.crisis ? ` Suicidio o crisis: ${lines.crisis}.` : ''}${lines.abuse ? ` Violencia en casa: ${lines.abuse}.` : ''} ${lines.crisis || lines.abuse ? 'Más líneas' : 'Líneas'} de ayuda gratuitas y confidenciales en tu país: ${HELPLINE_DIRECTORY}.`;
      const us = `${start} Si estás en peligro, llama al 911. Línea 988 de Prevención del Suicidio y Crisis: llama al 988 y oprime 2 para español, o envía AYUDA por mensaje de texto al 988. Línea Nacional sobre la Violencia Doméstica: 1-800-799-7233 (atienden en español).`;
      return lines.located
        ? us
        : `${us} Fuera de Estados Unidos, llama al número de emergencias de tu país; líneas de ayuda gratuitas en tu país: ${HELPLINE_DIRECTORY}.`;
    },
    notFound: 'No encontramos esta página',
    notFoundNext:
      'Si tus datos se borraron o tu programa terminó, no llegará nada más de él. Puedes empezar un programa nuevo desde <a href="/">la página de inicio</a> cuando quieras.',
    wentWrong: 'Algo salió mal',
    didNotWork: 'Esto no funcionó',
    internal: 'Algo falló de nuestro lado. No se perdió nada; vuelve a intentarlo en un minuto.',
  },
};

/** The footer as plain text (the report's PDF), in `language`, with the lines of where the person lives. */
export const plainFooter = (language: Language, lines: CrisisLines): string =>
  LAYOUT_WORDS[language].footer(lines).replaceAll('&amp;', '&');

/**
 * The use cases' messages a person may meet on a page when the program no longer knows their language (the
 * enrollment is gone): in Spanish for a Spanish browser. Each is the use case's English, word for word.
 */
export const PAGE_MESSAGES_IN: Record<Exclude<Language, 'en'>, Record<string, string>> = {
  es: {
    'This enrollment no longer exists.': 'Esta inscripción ya no existe.',
    'This enrollment no longer exists. You can enroll again from the start page.':
      'Esta inscripción ya no existe. Puedes inscribirte de nuevo desde la página de inicio.',
    'This check-in is no longer part of the program.': 'Esta pregunta ya no forma parte del programa.',
    'This check-in was not sent to you.': 'Esta pregunta no se te envió a ti.',
    'There is no data for this link: it was deleted, or never stored.':
      'No hay datos para este enlace: se borraron o nunca se guardaron.',
    'There is no report to share at this link.': 'No hay ningún informe para compartir en este enlace.',
    'There is nothing at this link any more: the data was deleted.':
      'Ya no hay nada en este enlace: los datos se borraron.',
    'This report is not ready yet. It arrives on day 90 of your program.':
      'Este informe todavía no está listo. Llega el día 90 de tu programa.',
    'The invitation is not valid.': 'La invitación no es válida.',
    'The request body is empty.': 'El formulario llegó vacío.',
  },
};
