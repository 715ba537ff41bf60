/** An email ready to send. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  /** The sender's display name, instead of the configured one (discreet mode); the address stays. */
  fromName?: string;
}

/** Sends email (SES v2 in production and locally against its emulator). */
export interface Mailer {
  /** Returns the provider's message id. Throws on transient failure so the caller retries. */
  send(email: OutgoingEmail): Promise<string>;
}
