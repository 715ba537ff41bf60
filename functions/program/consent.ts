import { createHash, createHmac } from 'node:crypto';
import type { Channel, Language } from './types';

/** Whether a person said yes or no to a channel. */
export type ConsentAction = 'opt-in' | 'opt-out';

/** Where a consent event came from. */
export type ConsentSource = 'web-form' | 'keyword' | 'email-link' | 'provider-event';

/**
 * One entry of the consent ledger: appended once, never changed. It keeps what a regulator or a carrier
 * asks for: when, which channel, how, the wording the person saw, and the request or message it came in.
 */
export interface ConsentEvent {
  enrollmentId: string;
  at: string;
  channel: Channel;
  action: ConsentAction;
  source: ConsentSource;
  /** Version of the wording the person saw (see `wordingVersion`), when there was wording. */
  wordingVersion?: string;
  /** The web request's address and browser, for web-form and email-link events. */
  ip?: string;
  userAgent?: string;
  /** The inbound SMS, for keyword events; the failed message, for provider events. */
  messageSid?: string;
  /** The keyword as the person wrote it (STOP, YES…), or the provider's reason (21610, complaint). */
  detail?: string;
}

/** The SMS consent on the enrollment form, word for word as the person reads it beside the checkbox. */
export const SMS_CONSENT_TEXT =
  'I agree to get Kintsugi check-in texts at this number: one or two a week, as I choose below, and a few more in checkpoint weeks. Msg&data rates may apply. Reply STOP to end, HELP for help. Consent is not a condition of joining.';

/** The SMS consent in each language of the form; the ledger records the version of the one the person read. */
export const SMS_CONSENT_WORDS: Record<Language, string> = {
  en: SMS_CONSENT_TEXT,
  es: 'Acepto recibir en este número los mensajes de texto de Kintsugi con la pregunta semanal: uno o dos por semana, según lo que elijas abajo, y algunos más en las semanas de punto de control. Pueden aplicarse tarifas de mensajes y datos. Responde STOP o PARAR para terminar, y AYUDA para recibir ayuda. Dar tu consentimiento no es una condición para participar.',
};

/**
 * What the "Emails stopped" page says beside its buttons that turn email back on (start again, or pause
 * instead), word for word: the wording of the opt-in each button records.
 */
export const EMAIL_RESTART_WORDS = {
  restart:
    'Start your emails again and your program carries on where it is, with the next step on its usual day.',
  pause:
    'Pause instead: your emails come back on, and nothing at all is sent for the days you choose. Then your program picks up where it left off.',
} as const;

/** The same words in each language of the page; the ledger records the version of the one the person read. */
export const EMAIL_RESTART_WORDS_IN: Record<Language, { restart: string; pause: string }> = {
  en: EMAIL_RESTART_WORDS,
  es: {
    restart:
      'Vuelve a recibir tus correos y tu programa sigue donde está, con el próximo paso en su día de siempre.',
    pause:
      'O haz una pausa: tus correos se vuelven a activar, pero no te enviamos nada durante los días que elijas. Después, tu programa sigue donde lo dejaste.',
  },
};

/** A short, stable version id of a consent wording: the start of its SHA-256. */
export function wordingVersion(text: string): string {
  return `sha256:${createHash('sha256').update(text.normalize('NFC')).digest('hex').slice(0, 16)}`;
}

/** How a participant asked for their data to be erased: the privacy page, a text, or an operator on their behalf (CLI). */
export type ErasureSource = 'privacy-page' | 'keyword' | 'operator';

/**
 * What the consent ledger keeps of a person once their data is erased: proof that a contact opted out,
 * keyed by a hash of the contact, with no enrollment id and no address or number in clear.
 */
export interface ErasureTombstone {
  /** `hmac:` + the keyed HMAC-SHA256 (hex) of the normalised email address or E.164 number (`contactHash`). */
  contactHash: string;
  channel: Channel;
  at: string;
  action: 'erased+opted-out';
  source: ErasureSource;
}

/**
 * The hash an erasure tombstone is keyed by: an HMAC of the lower-cased, trimmed email, or of the E.164
 * number as stored. Keyed, because there are only so many phone numbers: a plain hash of one can be
 * reversed by trying them all. The key (CONTACT_HASH_KEY, or its secret in AWS) is never rotated:
 * a new key would leave the tombstones made with the old one unfindable.
 */
export function contactHash(contact: string, key: string): string {
  const normalised = contact.includes('@') ? contact.trim().toLowerCase() : contact.replace(/[^+\d]/g, '');
  return `hmac:${createHmac('sha256', key).update(normalised).digest('hex')}`;
}
