import type { ConsentStore } from '../../ports/store';
import {
  type ConsentEvent,
  type ErasureSource,
  type ErasureTombstone,
  SMS_CONSENT_WORDS,
  wordingVersion,
} from '../../program/consent';
import { type Enrollment, numberProven } from '../../program/enrollment';
import type { Channel } from '../../program/types';
import { logger } from '../../shared/logger';
import { countEvent } from '../../shared/metrics';
import type { UsesStore } from '../deps';

/** A consent event as a use case asks for it; `recordConsent` stamps `at` from the clock. */
export type ConsentInput = Omit<ConsentEvent, 'at'> & {
  /** The enrollment's, once its program has ended: the entry then expires with the rest of it. */
  retainUntil?: number;
};

/** The web request a consent came with, as handlers read it from the event. */
export interface RequestOrigin {
  ip?: string;
  userAgent?: string;
}

/**
 * The SMS consent the person gave on a form (the enrollment form, or the settings page that adds a number),
 * with the version of the wording beside its checkbox. YES from the number completes it.
 */
export const recordFormConsent = (
  deps: UsesStore<ConsentStore, 'clock'>,
  enrollment: Enrollment,
  origin: RequestOrigin,
): Promise<void> =>
  recordConsent(deps, {
    enrollmentId: enrollment.id,
    channel: 'sms',
    action: 'opt-in',
    source: 'web-form',
    wordingVersion: wordingVersion(SMS_CONSENT_WORDS[enrollment.language ?? 'en']),
    ...origin,
  });

/**
 * Appends an opt-in or opt-out to the participant's consent ledger, stamped with the clock's time.
 * Call it on every change of consent, whatever its source; the ledger is never updated or trimmed.
 */
export async function recordConsent(
  deps: UsesStore<ConsentStore, 'clock'>,
  input: ConsentInput,
): Promise<void> {
  const { retainUntil, ...given } = input;
  const event: ConsentEvent = { at: deps.clock.now().toISOString(), ...withoutEmpty(given) };
  await deps.store.addConsent(event, retainUntil);
  if (event.action === 'opt-out') countEvent('OptOuts', { channel: event.channel });
  logger.info('consent recorded', {
    enrollmentId: event.enrollmentId,
    channel: event.channel,
    action: event.action,
    source: event.source,
  });
}

/** The participant's consent events on one channel, oldest first. */
export async function channelLedger(
  deps: UsesStore<ConsentStore>,
  enrollmentId: string,
  channel: Channel,
): Promise<ConsentEvent[]> {
  return (await deps.store.listConsents(enrollmentId)).filter((event) => event.channel === channel);
}

/**
 * Records an opt-out unless the ledger already ends with one for that channel. A change of consent
 * writes the enrollment first and the ledger second; when the second write fails, the retry (Twilio's,
 * EventBridge's, the person's) finds the enrollment already changed, and this is how it still gets its
 * ledger entry, once: a repeat STOP, or a second complaint, adds nothing. Opt-ins do the same where
 * they are recorded (YES and START, the confirmation link, the web form).
 */
export async function recordOptOutOnce(
  deps: UsesStore<ConsentStore, 'clock'>,
  input: Omit<ConsentInput, 'action'>,
): Promise<void> {
  const last = (await channelLedger(deps, input.enrollmentId, input.channel)).at(-1);
  if (last?.action !== 'opt-out') await recordConsent(deps, { ...input, action: 'opt-out' });
}

/**
 * Before a participant's data is erased: appends to the ledger one tombstone per contact (the email
 * address, and the number if any), keyed by its hash, with the time and "erased + opted out". It keeps
 * no enrollment id and no contact in clear, and proves, for a complaint or an audit, that the person
 * opted out of both channels when they erased their data.
 */
export async function recordErasureTombstone(
  deps: UsesStore<ConsentStore, 'clock' | 'contactHash'>,
  enrollment: Pick<Enrollment, 'id' | 'email' | 'phone' | 'smsStatus'>,
  source: ErasureSource = 'privacy-page',
): Promise<void> {
  const at = deps.clock.now().toISOString();
  const contacts: [string, ErasureTombstone['channel']][] = [[enrollment.email, 'email']];
  // Only a number this program heard from (YES, or STOP before it): a form may name anyone's number, and
  // its erasure must not mark that person's number as opted out.
  if (enrollment.phone && numberProven(enrollment)) contacts.push([enrollment.phone, 'sms']);
  for (const [contact, channel] of contacts) {
    await deps.store.addErasureTombstone({
      contactHash: deps.contactHash(contact),
      channel,
      at,
      action: 'erased+opted-out',
      source,
    });
  }
  logger.info('erasure tombstone recorded', { channels: contacts.map(([, channel]) => channel), source });
}

/** Whether a contact's data was erased at its owner's request (and so it opted out of everything). */
export async function wasErased(
  deps: UsesStore<ConsentStore, 'contactHash'>,
  contact: string,
): Promise<boolean> {
  return (await deps.store.listErasureTombstones(deps.contactHash(contact))).length > 0;
}

const withoutEmpty = (input: Omit<ConsentInput, 'retainUntil'>): Omit<ConsentInput, 'retainUntil'> =>
  Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined && value !== ''),
  ) as unknown as Omit<ConsentInput, 'retainUntil'>;
