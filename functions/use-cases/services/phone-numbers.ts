import type { PhoneNumberStore } from '../../ports/store';
import type { Enrollment } from '../../program/enrollment';
import { logger } from '../../shared/logger';
import type { Deps, UsesStore } from '../deps';
import { systemTexts } from './compose';

/**
 * Whether the number already gets texts for another program that is running: it said YES for that
 * one (a number belongs to whoever proves it, never to a form that names it).
 */
export async function heldByAnother(
  deps: UsesStore<PhoneNumberStore>,
  phone: string,
  enrollmentId: string,
): Promise<boolean> {
  const holder = await deps.store.findByPhone(phone);
  return holder !== undefined && holder.id !== enrollmentId && holder.status === 'active';
}

/**
 * Whom a text from a number nobody holds may be for: the running programs whose forms named the number
 * and that wait for YES (or heard STOP before it), the one whose "reply YES" text went last first.
 * Anyone can type a number into a form, so when there are several, a YES alone does not say which is the
 * person's (`chooseSignUp`).
 */
export async function programsWaitingFor(
  deps: UsesStore<PhoneNumberStore>,
  phone: string,
): Promise<Enrollment[]> {
  const named = await deps.store.findNamingPhone(phone);
  // Only programs that still name it: one whose settings gave another number since no longer waits for this one.
  return named
    .filter((e) => e.phone === phone)
    .filter((e) => e.status === 'active' && (e.smsStatus === 'awaiting-yes' || e.smsStatus === 'stopped'))
    .sort((a, b) => (b.confirmedAt ?? '').localeCompare(a.confirmedAt ?? ''));
}

/** Shortest start of an address's name that picks a sign-up: two letters would pick too easily by chance. */
const MIN_EMAIL_START = 3;

/**
 * Which of several waiting programs a YES is for, by the words after it: the start of the address that
 * signed up ("YES dana", "sí ana.g"), or the whole address. Undefined unless exactly one matches.
 */
export function chooseSignUp(waiting: readonly Enrollment[], body: string): Enrollment | undefined {
  const words = body
    .trim()
    .split(/\s+/)
    .slice(1)
    .map((word) => word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word.length >= MIN_EMAIL_START);
  if (!words.length) return undefined;
  const matches = waiting.filter((e) => {
    const address = e.email.toLowerCase();
    const name = address.split('@')[0] ?? '';
    return words.some((word) => address === word || name.startsWith(word));
  });
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * The "reply YES" text to a number a person just gave (a confirmed sign-up, a number added in settings):
 * sent at once, since it answers what they did. What was done stands if it cannot go: they can still text
 * YES (or START).
 */
export async function askForYes(deps: Deps, enrollment: Enrollment & { phone: string }): Promise<void> {
  const result = await deps.sms
    .send(enrollment.phone, systemTexts(deps, enrollment).optInPrompt)
    .catch((error: Error) => ({ kind: 'not-sent' as const, error: error.name }));
  if (result.kind === 'refused')
    logger.warn('opt-in text not delivered', {
      enrollmentId: enrollment.id,
      reason: result.failure.reason,
      code: result.failure.providerCode,
    });
  else if (result.kind === 'not-sent')
    logger.warn('opt-in text not delivered', { enrollmentId: enrollment.id, code: result.error });
}
