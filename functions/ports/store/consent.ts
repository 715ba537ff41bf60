import type { ConsentEvent, ErasureTombstone } from '../../program/consent';

/** The consent ledger, the tombstones an erasure leaves, and addresses that want no more invitations. */
export interface ConsentStore {
  /** Appends one event to the consent ledger (a conditional put: an entry is never overwritten). */
  addConsent(event: ConsentEvent, retainUntil?: number): Promise<void>;
  /** The consent ledger of an enrollment, oldest first. */
  listConsents(enrollmentId: string): Promise<ConsentEvent[]>;
  /** Appends an erasure tombstone (hashed contact, no id) to the consent ledger; kept after the erasure. */
  addErasureTombstone(tombstone: ErasureTombstone): Promise<void>;
  /** The erasure tombstones of one contact hash, oldest first. */
  listErasureTombstones(contactHash: string): Promise<ErasureTombstone[]>;
  /**
   * Records that an address asked for no more partner invitations, under its keyed hash (never the
   * address), with no expiry: saying "no more" must outlast any window. Saying it twice changes nothing.
   */
  refuseInvitations(contactHash: string, at: string): Promise<void>;
  /** Whether the address with this keyed hash asked for no more partner invitations. */
  invitationsRefused(contactHash: string): Promise<boolean>;
}
