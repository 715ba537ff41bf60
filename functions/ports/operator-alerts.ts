import type { SafetyCategory } from '../program/safety';

/**
 * What an operator is told when a message shows signs of danger: whose program (or none, for a
 * sender with no enrollment) and what kind of danger. Never the text, an address or a number.
 */
export interface SafetyAlert {
  enrollmentId: string | null;
  category: SafetyCategory;
}

/** Tells a person on the team that someone may be in danger (SNS in AWS; a local page locally). */
export interface OperatorAlerts {
  /** Throws when the alert could not be handed over, so the caller can log it loudly. */
  notify(alert: SafetyAlert): Promise<void>;
}
