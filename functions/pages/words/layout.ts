import type { Language } from '../../program/types';

/** The words of the page shell and its plain pages (errors, one-button pages). */
export interface LayoutWords {
  /** The footer, as HTML (its "&" escaped). */
  footer: string;
  notFound: string;
  wentWrong: string;
  didNotWork: string;
  /** The 500 page's message (the error's own words never reach a page). */
  internal: string;
}

export const LAYOUT_WORDS: Record<Language, LayoutWords> = {
  en: {
    footer:
      'Kintsugi is a coaching program, not therapy or crisis care. If you are in danger, call 911. For the 988 Suicide &amp; Crisis Lifeline, call or text 988. National Domestic Violence Hotline: 1-800-799-7233.',
    notFound: 'Not found',
    wentWrong: 'Something went wrong',
    didNotWork: 'This did not work',
    internal: 'Something went wrong on our side. Nothing was lost; please try again in a minute.',
  },
  es: {
    footer:
      'Kintsugi es un programa de acompañamiento, no una terapia ni un servicio de crisis. Si estás en peligro, llama al 911. Línea 988 de Prevención del Suicidio y Crisis: llama al 988 y oprime 2 para español, o envía AYUDA por mensaje de texto al 988. Línea Nacional sobre la Violencia Doméstica: 1-800-799-7233 (atienden en español).',
    notFound: 'No encontramos esta página',
    wentWrong: 'Algo salió mal',
    didNotWork: 'Esto no funcionó',
    internal: 'Algo falló de nuestro lado. No se perdió nada; vuelve a intentarlo en un minuto.',
  },
};
