/**
 * One use of a rolling-window limit (`RateLimitStore.takeQuota`): at most `limit` uses of `subject` in
 * any `windowSeconds`, and two of one `kind` at least `spacingSeconds` apart.
 */
export interface QuotaRequest {
  /** What is limited, e.g. `email#<keyed hash>`: never an address or an IP in clear. */
  subject: string;
  limit: number;
  windowSeconds: number;
  /** What this use is for (`confirm`, `notice`, `invite`, `enroll`…). */
  kind: string;
  spacingSeconds?: number;
  /** ISO 8601. */
  now: string;
  /** The request taking it: a repeat of the same request finds its own use instead of taking another. */
  holder: string;
}

/** `taken`: this request may go on; `repeat`: it already did (send nothing again); `refused`: over the limit. */
export type QuotaOutcome = 'taken' | 'repeat' | 'refused';

/** Rolling-window limits on what a request may set off (emails sent to an address, enrollments from a source). */
export interface RateLimitStore {
  /** Takes one use of a rolling-window limit with a conditional write; see QuotaRequest and QuotaOutcome. */
  takeQuota(request: QuotaRequest): Promise<QuotaOutcome>;
}
