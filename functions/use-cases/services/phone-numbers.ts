import type { PhoneNumberStore } from '../../ports/store';
import type { Enrollment } from '../../program/enrollment';
import type { UsesStore } from '../deps';

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
 * Whom a text from a number nobody holds is for: a running program whose form named the number and
 * that waits for YES (or heard STOP before it). Several may: the one whose "reply YES" text went last,
 * since that is the text the person is answering.
 */
export async function waitingForNumber(
  deps: UsesStore<PhoneNumberStore>,
  phone: string,
): Promise<Enrollment | undefined> {
  const named = await deps.store.findNamingPhone(phone);
  return named
    .filter((e) => e.status === 'active' && (e.smsStatus === 'awaiting-yes' || e.smsStatus === 'stopped'))
    .sort((a, b) => (b.confirmedAt ?? '').localeCompare(a.confirmedAt ?? ''))[0];
}
