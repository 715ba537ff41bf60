/** A request's claim on an inbound message (see `InboundStore.claimInbound`). */
export interface InboundClaim {
  sourceId: string;
  /** Who claims it: a new id per request. */
  holder: string;
  /** ISO 8601 instants. */
  now: string;
  leaseUntil: string;
  /** Epoch seconds after which the record may go (DynamoDB TTL). */
  expiresAt: number;
}

/** Inbound messages already seen, by the provider's id: each is handled once, however often it comes. */
export interface InboundStore {
  /**
   * Takes an inbound message (by the provider's id) to handle it until `leaseUntil`: returns the instant
   * it was first seen, or undefined when it was handled already or another request holds it.
   */
  claimInbound(claim: InboundClaim): Promise<string | undefined>;
  /** Marks a claimed inbound message handled, or (`handled` false, after a failure) gives it up for a retry. */
  settleInbound(sourceId: string, holder: string, handled: boolean): Promise<void>;
}
