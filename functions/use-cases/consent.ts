import type { ConsentAction, ConsentEvent, ConsentSource } from '../program/consent';
import type { Channel } from '../program/types';
import { logger } from '../shared/logger';
import type { Deps } from './deps';

export interface ConsentInput {
  enrollmentId: string;
  channel: Channel;
  action: ConsentAction;
  source: ConsentSource;
  wordingVersion?: string;
  ip?: string;
  userAgent?: string;
  messageSid?: string;
  detail?: string;
}

/** The web request a consent came with, as handlers read it from the event. */
export interface RequestOrigin {
  ip?: string;
  userAgent?: string;
}

/**
 * Appends an opt-in or opt-out to the participant's consent ledger, stamped with the clock's time.
 * Call it on every change of consent, whatever its source; the ledger is never updated or trimmed.
 */
export async function recordConsent(deps: Pick<Deps, 'store' | 'clock'>, input: ConsentInput): Promise<void> {
  const event: ConsentEvent = { at: deps.clock.now().toISOString(), ...withoutEmpty(input) };
  await deps.store.addConsent(event);
  logger.info('consent recorded', {
    enrollmentId: event.enrollmentId,
    channel: event.channel,
    action: event.action,
    source: event.source,
  });
}

const withoutEmpty = (input: ConsentInput): ConsentInput =>
  Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined && value !== ''),
  ) as unknown as ConsentInput;
