import { createHash } from 'node:crypto';
import type { MessageKey, MessageRecord } from '../../program/enrollment';

/** Every key of the single table, built in one place. */
export const PROFILE = 'PROFILE';
export const DUE_INDEX = 'due';

export const keys = {
  enrollment: (id: string) => ({ PK: `ENR#${id}`, SK: PROFILE }),
  emailLookup: (email: string) => ({ PK: `EMAIL#${email.toLowerCase()}`, SK: 'EMAIL' }),
  /** Who holds a number: written when YES comes from it (the number proved), never by a form. */
  phoneLookup: (e164: string) => ({ PK: `PHONE#${e164}`, SK: 'PHONE' }),
  /** An enrollment that named a number on its form: any number of them, none holds it. */
  phoneNamedBy: (e164: string, enrollmentId: string) => ({ PK: `PHONE#${e164}`, SK: `ENR#${enrollmentId}` }),
  /** A rolling-window limit (program/limits.ts), under a keyed hash: no address or IP in clear. */
  quota: (subject: string) => ({ PK: `QUOTA#${subject}`, SK: 'QUOTA' }),
  message: (m: Pick<MessageRecord, 'enrollmentId' | 'day' | 'slot' | 'channel'>) => ({
    PK: `ENR#${m.enrollmentId}`,
    SK: `MSG#${String(m.day).padStart(3, '0')}#${m.slot}#${m.channel}`,
  }),
  providerLookup: (providerId: string) => ({ PK: `PROVIDER#${providerId}`, SK: 'PROVIDER' }),
  reply: (enrollmentId: string, at: string, sourceId: string) => ({
    PK: `ENR#${enrollmentId}`,
    SK: `REPLY#${at}#${sourceId}`,
  }),
  inbound: (sourceId: string) => ({ PK: `SID#${sourceId}`, SK: 'SID' }),
  report: (enrollmentId: string) => ({ PK: `ENR#${enrollmentId}`, SK: 'REPORT#090' }),
  /** A read-only link to the report, in the enrollment's partition: erased and expired with it. */
  share: (enrollmentId: string, shareId: string) => ({ PK: `ENR#${enrollmentId}`, SK: `SHARE#${shareId}` }),
  /** What opens a share link: under the SHA-256 of its token (shared/tokens.ts), never the token. */
  shareLink: (tokenHash: string) => ({ PK: `SHARELINK#${tokenHash}`, SK: 'SHARELINK' }),
  /** The consent ledger, append-only; `seq` separates two events on one channel in the same millisecond. */
  consent: (enrollmentId: string, at: string, channel: string, seq = 0) => ({
    PK: `ENR#${enrollmentId}`,
    SK: `CONSENT#${at}#${channel}${seq ? `#${seq}` : ''}`,
  }),
  /**
   * An erasure tombstone: under the hash of a contact, never under an enrollment, so erasing the
   * enrollment leaves it. `at` orders a contact's tombstones; a second in the same millisecond gets `seq`.
   */
  erasureTombstone: (contactHash: string, at: string, seq = 0) => ({
    PK: `ERASED#${contactHash}`,
    SK: `AT#${at}${seq ? `#${seq}` : ''}`,
  }),
  /**
   * An address that asked for no more partner invitations, under the keyed hash of the address (the
   * tombstones' key, never rotated): no id, no address in clear, no TTL.
   */
  noInvitations: (contactHash: string) => ({ PK: `NOINVITE#${contactHash}`, SK: 'NOINVITE' }),
  /**
   * That an enrollment reached an outcome milestone (program/outcomes.ts), in its partition: written in the
   * same transaction as the counters, so a milestone is counted once; erased and expired with the rest.
   */
  outcomeMark: (enrollmentId: string, milestone: string) => ({
    PK: `ENR#${enrollmentId}`,
    SK: `OUTCOME#${milestone}`,
  }),
  /**
   * A part of a group's outcome counts: one partition per cohort, items per track, reach and part, each
   * in OUTCOME_COUNTER_SHARDS copies (by enrollment) that a read adds up, so concurrent counts seldom meet.
   */
  outcomeCounter: (group: { cohort: string; track: string; reach: string }, part: string, shard: number) => ({
    PK: outcomeCohortPartition(group.cohort),
    SK: `${group.track}#${group.reach}#${part}#${shard}`,
  }),
  /** The list of cohorts with counts (a string set), so reading the outcomes needs no scan. */
  outcomeCohorts: () => ({ PK: 'OUTCOMES', SK: 'COHORTS' }),
  /** The sparse due index: only active enrollments with a next step carry these attributes. */
  due: (id: string, nextDueAt: string, shardCount: number) => ({
    duePk: duePartition(shardOf(id, shardCount)),
    dueSk: `${nextDueAt}#${id}`,
  }),
  /**
   * A claim in the due index (claimWithAdvance): due again at `at` until a send takes it, in its
   * enrollment's shard, sorted after the enrollment's own entry of the same instant.
   */
  unsentDue: (m: MessageKey, at: string, shardCount: number) => ({
    duePk: duePartition(shardOf(m.enrollmentId, shardCount)),
    dueSk: `${at}#${m.enrollmentId}#${keys.message(m).SK}`,
  }),
};

export const ENROLLMENT_PREFIX = 'ENR#';
export const MESSAGE_PREFIX = 'MSG#';
export const REPLY_PREFIX = 'REPLY#';
export const CONSENT_PREFIX = 'CONSENT#';
export const SHARE_PREFIX = 'SHARE#';
export const OUTCOME_MARK_PREFIX = 'OUTCOME#';
/** A counter's attribute name: its own prefix keeps counts apart from the item's other attributes. */
export const OUTCOME_COUNT_PREFIX = 'n:';
export const ERASED_AT_PREFIX = 'AT#';

export const duePartition = (shard: number) => `DUE#${shard}`;
export const outcomeCohortPartition = (cohort: string) => `OUTCOMES#${cohort}`;
/** Copies of each outcome counter item: transactions that touch one item at once conflict and retry. */
export const OUTCOME_COUNTER_SHARDS = 4;
/** The highest sort key for instants up to and including `now`. */
export const dueUpTo = (now: string) => `${now}#\uffff`;
export const enrollmentIdOf = (pk: string) => pk.slice(ENROLLMENT_PREFIX.length);

/** A stable shard for an enrollment, so the due index spreads writes and reads evenly. */
export function shardOf(id: string, shardCount: number): number {
  return createHash('sha1').update(id).digest().readUInt32BE(0) % shardCount;
}
