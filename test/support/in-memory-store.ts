import type {
  Accepted,
  AnswerWrite,
  CountedWith,
  DuePage,
  EnrollmentConflict,
  EnrollmentPage,
  InboundClaim,
  MarkSentOutcome,
  MessageChanges,
  QuotaOutcome,
  QuotaRequest,
  Store,
  TallyOutcome,
  UnsentClaim,
} from '../../functions/ports/store';
import type { ConsentEvent, ErasureTombstone } from '../../functions/program/consent';
import type { Enrollment, MessageKey, MessageRecord, Reply } from '../../functions/program/enrollment';
import {
  type CounterRef,
  type CounterRow,
  type OutcomeGroup,
  type OutcomeTally,
  valuedName,
} from '../../functions/program/outcomes';
import type { CheckpointReport } from '../../functions/program/report';
import type { ReportShare } from '../../functions/program/report-share';
import { ConcurrentUpdateError } from '../../functions/shared/errors';

const copy = <T>(value: T): T => structuredClone(value);

/** As the DynamoDB adapter: a pending enrollment nobody confirmed goes this long after it was made. */
const PENDING_TTL_SECONDS = 14 * 86_400;
/** As the DynamoDB adapter: how long a provider's id leads back to its message. */
const PROVIDER_LOOKUP_TTL_SECONDS = 120 * 86_400;
/** A released inbound claim's lease: earlier than any real instant. */
const RELEASED = '1970-01-01T00:00:00.000Z';

/** What a lookup points at (an address, a number, a provider's id, a share link's token hash). */
interface Lookup {
  enrollmentId: string;
}

/** The order the table keeps a partition's items in: by sort key. */
const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a).localeCompare(key(b));
const messageSortKey = (m: MessageKey) => `${String(m.day).padStart(3, '0')}#${m.slot}#${m.channel}`;
const messageId = (m: MessageKey) => `${m.enrollmentId}#${messageSortKey(m)}`;
const sameReply = (a: Reply, b: Reply) =>
  a.enrollmentId === b.enrollmentId && a.at === b.at && a.sourceId === b.sourceId;

export interface InMemoryStoreOptions {
  /** Parts of the due index (the DynamoDB store's shards); 1 unless a test spreads them. */
  dueParts?: number;
  /** The clock's time in epoch seconds: what has expired reads as gone, as in the DynamoDB store. */
  nowSeconds?: () => number;
}

/**
 * The Store port in memory, held to the DynamoDB adapter's behaviour by the store contract
 * (test/support/store-contract.ts): the same conditional writes, the same expiry on read (an expired
 * record stays, as DynamoDB deletes late, but reads as gone), the due index in parts. Unit tests only.
 */
export class InMemoryStore implements Store {
  readonly dueParts: number;
  private readonly nowSeconds: () => number;
  /** When each record expires (epoch seconds); a record not here is kept until deleted. */
  private readonly expiry = new WeakMap<object, number>();

  readonly enrollments = new Map<string, Enrollment>();
  /** Email lookups by lower-cased address; a phone's holder; the notes that a form named a phone. */
  readonly emails = new Map<string, Lookup>();
  readonly phones = new Map<string, Lookup>();
  readonly phoneNotes = new Map<string, Map<string, Lookup>>();
  readonly messages = new Map<string, MessageRecord>();
  /** Claims in the due index (claimWithAdvance): when each is due again, by message id. */
  readonly unsentDue = new Map<string, string>();
  readonly providerIds = new Map<string, Lookup & { message: string }>();
  readonly replies: Reply[] = [];
  readonly inbound = new Map<
    string,
    { firstSeenAt: string; holder: string; leaseUntil: string; handled?: boolean }
  >();
  readonly reports = new Map<string, CheckpointReport>();
  readonly consents: ConsentEvent[] = [];
  readonly tombstones: ErasureTombstone[] = [];
  readonly refusedInvitations = new Set<string>();
  /** Each subject's uses, one slot per use of its limit: "<when>#<kind>#<holder>". */
  readonly quotas = new Map<string, (string | undefined)[]>();
  /** The expiry each finished enrollment was given (`expireEnrollment`), by id. */
  readonly expiries = new Map<string, number>();
  /** Share links by id, each with the hash of its token; `shareLinks` maps a hash to its share. */
  readonly shares = new Map<string, ReportShare & { tokenHash: string }>();
  readonly shareLinks = new Map<string, Lookup & { shareId: string }>();
  /** Outcome milestones reached, by `<enrollment>#<milestone>`, with their value; and the counter rows. */
  readonly outcomeMarks = new Map<string, { value?: string }>();
  readonly outcomeRows = new Map<string, CounterRow>();

  constructor(options: InMemoryStoreOptions = {}) {
    this.dueParts = options.dueParts ?? 1;
    this.nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  }

  /** The record, unless it has expired. */
  private live<T extends object>(record: T | undefined): T | undefined {
    if (!record) return undefined;
    const at = this.expiry.get(record);
    return at !== undefined && at <= this.nowSeconds() ? undefined : record;
  }

  private expire(record: object, at: number | undefined): void {
    if (at === undefined) this.expiry.delete(record);
    else this.expiry.set(record, at);
  }

  private lookup(enrollmentId: string, expiresAt?: number): Lookup {
    const lookup = { enrollmentId };
    this.expire(lookup, expiresAt);
    return lookup;
  }

  async createEnrollment(e: Enrollment): Promise<EnrollmentConflict | undefined> {
    // An address whose enrollment has gone (expired, TTL not run yet, or deleted) is taken over.
    const holder = this.emails.get(e.email.toLowerCase());
    if (holder && (await this.getEnrollment(holder.enrollmentId)))
      return { kind: 'email-taken', holderId: holder.enrollmentId };
    const expiresAt = Math.floor(Date.parse(e.createdAt) / 1000) + PENDING_TTL_SECONDS;
    const stored = copy(e);
    this.expire(stored, expiresAt);
    this.enrollments.set(e.id, stored);
    this.emails.set(e.email.toLowerCase(), this.lookup(e.id, expiresAt));
    if (e.phone) this.notesOf(e.phone).set(e.id, this.lookup(e.id, expiresAt));
    return undefined;
  }

  private notesOf(phone: string): Map<string, Lookup> {
    const notes = this.phoneNotes.get(phone) ?? new Map<string, Lookup>();
    this.phoneNotes.set(phone, notes);
    return notes;
  }

  async getEnrollment(id: string) {
    const e = this.live(this.enrollments.get(id));
    return e && copy(e);
  }

  async findByEmail(email: string) {
    const lookup = this.live(this.emails.get(email.toLowerCase()));
    return lookup ? this.getEnrollment(lookup.enrollmentId) : undefined;
  }

  async findByPhone(phone: string) {
    const lookup = this.live(this.phones.get(phone));
    return lookup ? this.getEnrollment(lookup.enrollmentId) : undefined;
  }

  async findNamingPhone(phone: string) {
    const found = await Promise.all(
      [...(this.phoneNotes.get(phone)?.values() ?? [])]
        .filter((note) => this.live(note))
        .map((note) => this.getEnrollment(note.enrollmentId)),
    );
    return found.filter((e): e is Enrollment => e !== undefined);
  }

  /** Numbers' holders are set here only: a form names a number, YES claims it. */
  async claimPhone(phone: string, enrollmentId: string): Promise<boolean> {
    const holder = this.phones.get(phone);
    if (holder && holder.enrollmentId !== enrollmentId && this.live(holder)) {
      if ((await this.getEnrollment(holder.enrollmentId))?.status === 'active') return false;
    }
    this.phones.set(phone, this.lookup(enrollmentId));
    return true;
  }

  async takeQuota(q: QuotaRequest): Promise<QuotaOutcome> {
    const now = Date.parse(q.now);
    const uses = Array.from({ length: q.limit }, (_, i) => this.quotas.get(q.subject)?.[i]);
    if (uses.some((use) => use?.endsWith(`#${q.holder}`))) return 'repeat';
    const since = (use: string) => now - Date.parse(use.slice(0, use.indexOf('#')));
    const spacing = (q.spacingSeconds ?? 0) * 1000;
    if (uses.some((use) => use?.split('#')[1] === q.kind && since(use) < spacing)) return 'refused';
    const free = uses.findIndex((use) => use === undefined || since(use) >= q.windowSeconds * 1000);
    if (free < 0) return 'refused';
    uses[free] = `${q.now}#${q.kind}#${q.holder}`;
    this.quotas.set(q.subject, uses);
    return 'taken';
  }

  async saveEnrollment(e: Enrollment): Promise<void> {
    // Judged against the stored record, expired or not, as DynamoDB's condition is.
    const current = this.enrollments.get(e.id);
    if (!current || current.version !== e.version - 1) throw new ConcurrentUpdateError('version mismatch');
    const stored = copy(e);
    this.expire(stored, e.retainUntil);
    this.enrollments.set(e.id, stored);
  }

  async activateEnrollment(e: Enrollment): Promise<void> {
    const email = this.emails.get(e.email.toLowerCase());
    const current = this.enrollments.get(e.id);
    if (!current || current.version !== e.version - 1 || email?.enrollmentId !== e.id)
      throw new ConcurrentUpdateError('version mismatch');
    await this.saveEnrollment(e);
    this.expire(email, undefined);
    if (e.phone) this.notesOf(e.phone).set(e.id, this.lookup(e.id));
  }

  async nameNumber(e: Enrollment, previous?: string): Promise<void> {
    if (!e.phone) throw new Error('nameNumber: the enrollment names no number');
    await this.saveEnrollment(e);
    this.notesOf(e.phone).set(e.id, this.lookup(e.id));
    if (previous && previous !== e.phone) this.forget(previous, e.id);
  }

  async forgetNumber(e: Enrollment, number: string): Promise<void> {
    if (e.phone === number) throw new Error('forgetNumber: the enrollment still names the number');
    await this.saveEnrollment(e);
    this.forget(number, e.id);
  }

  private forget(number: string, enrollmentId: string): void {
    this.notesOf(number).delete(enrollmentId);
    if (this.phones.get(number)?.enrollmentId === enrollmentId) this.phones.delete(number);
  }

  private partOf(id: string): number {
    let hash = 0;
    for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
    return hash % this.dueParts;
  }

  async dueEnrollments(
    part: number,
    now: string,
    page: { limit: number; cursor?: string },
  ): Promise<DuePage> {
    // One index for both, as in DynamoDB: a claim's entry sorts after its enrollment's of the same instant.
    type Entry = { key: string; enrollment?: Enrollment; claim?: UnsentClaim; live: boolean };
    const enrollments: Entry[] = [...this.enrollments.values()]
      .filter((e) => e.status === 'active' && e.nextDueAt && e.nextDueAt <= now && this.partOf(e.id) === part)
      .map((e) => ({ key: `${e.nextDueAt}#${e.id}`, enrollment: e, live: this.live(e) !== undefined }));
    const claims: Entry[] = [...this.unsentDue]
      .filter(([id, at]) => at <= now && this.messages.has(id))
      .map(([id, at]) => {
        const m = this.messages.get(id) as MessageRecord;
        const { enrollmentId, day, slot, channel } = m;
        return {
          key: `${at}#${id}`,
          claim: { message: { enrollmentId, day, slot, channel }, at },
          live: !!this.live(m),
        };
      })
      .filter((entry) => this.partOf(entry.claim?.message.enrollmentId as string) === part);
    const due = [...enrollments, ...claims]
      .filter((entry) => !page.cursor || entry.key > (page.cursor as string))
      .sort(byKey((entry) => entry.key));
    const slice = due.slice(0, page.limit);
    const last = slice.at(-1);
    const unsent = slice
      .filter((entry) => entry.live && entry.claim)
      .map((entry) => entry.claim as UnsentClaim);
    return {
      enrollments: slice
        .filter((entry) => entry.live && entry.enrollment)
        .map((entry) => copy(entry.enrollment as Enrollment)),
      ...(unsent.length ? { unsent } : {}),
      ...(due.length > page.limit && last ? { cursor: last.key } : {}),
    };
  }

  /** Read from the index as it stands, as the DynamoDB store does: an expired entry still counts. */
  async earliestDue(): Promise<string | undefined> {
    return [
      ...[...this.enrollments.values()]
        .filter((e) => e.status === 'active' && e.nextDueAt)
        .map((e) => e.nextDueAt as string),
      ...[...this.unsentDue].filter(([id]) => this.messages.has(id)).map(([, at]) => at),
    ].sort()[0];
  }

  async claimMessage(m: MessageRecord): Promise<boolean> {
    const key = messageId(m);
    if (this.messages.has(key)) return false;
    this.messages.set(key, copy(m));
    return true;
  }

  async claimMessages(messages: readonly MessageRecord[]): Promise<boolean[]> {
    return Promise.all(messages.map((m) => this.claimMessage(m)));
  }

  /** All or nothing, as the DynamoDB store's transaction. */
  async claimWithAdvance(advance: {
    claims: readonly MessageRecord[];
    released: readonly MessageKey[];
    queued: readonly MessageKey[];
    enrollment: Enrollment;
    unsentAt: string;
  }): Promise<boolean> {
    const { claims, released, queued, enrollment, unsentAt } = advance;
    if (claims.length + released.length + 1 > 100) return false;
    if (claims.some((m) => this.messages.has(messageId(m)))) return false;
    if (released.some((m) => this.messages.get(messageId(m))?.status !== 'claimed')) return false;
    if (this.enrollments.get(enrollment.id)?.version !== enrollment.version - 1) return false;
    for (const m of claims) this.messages.set(messageId(m), copy(m));
    for (const m of queued) this.unsentDue.set(messageId(m), unsentAt);
    await this.saveEnrollment(enrollment);
    return true;
  }

  async requeueUnsent(m: MessageKey, at: string, until: string): Promise<boolean> {
    const key = messageId(m);
    if (this.messages.get(key)?.status !== 'claimed' || this.unsentDue.get(key) !== at) return false;
    this.unsentDue.set(key, until);
    return true;
  }

  async getMessage(enrollmentId: string, day: number, slot: string, channel: MessageRecord['channel']) {
    const m = this.live(this.messages.get(messageId({ enrollmentId, day, slot, channel })));
    return m && copy(m);
  }

  async transitionMessage(
    m: MessageKey,
    from: readonly MessageRecord['status'][],
    changes: MessageChanges,
  ): Promise<boolean> {
    const key = messageId(m);
    const current = this.messages.get(key);
    if (!current || !from.includes(current.status)) return false;
    this.unsentDue.delete(key);
    for (const [field, value] of Object.entries(changes)) {
      if (value !== undefined) Object.assign(current, { [field]: value });
    }
    if (changes.providerId) {
      const lookup = { enrollmentId: m.enrollmentId, message: key };
      this.expire(lookup, this.nowSeconds() + PROVIDER_LOOKUP_TTL_SECONDS);
      this.providerIds.set(changes.providerId, lookup);
    }
    return true;
  }

  /** All or nothing, as the DynamoDB store's transaction: the message's condition first, then the enrollment's. */
  async markSent(
    m: MessageKey,
    accepted: Accepted,
    enrollment?: Enrollment,
    counting?: CountedWith,
  ): Promise<MarkSentOutcome> {
    if (this.messages.get(messageId(m))?.status !== 'sending') return 'not-sending';
    if (enrollment && this.enrollments.get(enrollment.id)?.version !== enrollment.version - 1)
      return 'enrollment-changed';
    if (enrollment) await this.saveEnrollment(enrollment);
    await this.transitionMessage(m, ['sending'], accepted);
    // A mark counted before is left out, as the DynamoDB transaction leaves it (no value moves here).
    if (counting && !this.outcomeMarks.has(this.markKey(counting.tally)))
      await this.tallyOutcome(counting.tally);
    return 'done';
  }

  async findMessageByProviderId(providerId: string) {
    const lookup = this.live(this.providerIds.get(providerId));
    const m = lookup ? this.live(this.messages.get(lookup.message)) : undefined;
    return m && copy(m);
  }

  async listMessages(enrollmentId: string) {
    return [...this.messages.values()]
      .filter((m) => m.enrollmentId === enrollmentId && this.live(m))
      .sort(byKey(messageSortKey))
      .map(copy);
  }

  async claimInbound(claim: InboundClaim): Promise<string | undefined> {
    const seen = this.inbound.get(claim.sourceId);
    if (seen && (seen.handled || (seen.holder !== claim.holder && seen.leaseUntil >= claim.now)))
      return undefined;
    const firstSeenAt = seen?.firstSeenAt ?? claim.now;
    this.inbound.set(claim.sourceId, { firstSeenAt, holder: claim.holder, leaseUntil: claim.leaseUntil });
    return firstSeenAt;
  }

  async settleInbound(sourceId: string, holder: string, handled: boolean): Promise<void> {
    const seen = this.inbound.get(sourceId);
    if (seen?.holder !== holder) return;
    if (handled) seen.handled = true;
    else seen.leaseUntil = RELEASED;
  }

  async addReply(reply: Reply, retainUntil?: number): Promise<void> {
    if (this.replies.some((r) => sameReply(r, reply))) return;
    const stored = copy(reply);
    this.expire(stored, retainUntil);
    this.replies.push(stored);
  }

  /** All or nothing, as the DynamoDB store's transaction: the enrollment's version first. */
  async saveAnswer({ enrollment, replies, tallies }: AnswerWrite): Promise<OutcomeTally[]> {
    await this.saveEnrollment(enrollment);
    for (const reply of replies) await this.addReply(reply, enrollment.retainUntil);
    const left: OutcomeTally[] = [];
    for (const tally of tallies) {
      if (!this.outcomeMarks.has(this.markKey(tally))) await this.tallyOutcome(tally);
      else if (tally.value !== undefined && tally.valued?.length) left.push(tally);
    }
    return left;
  }

  async listReplies(enrollmentId: string) {
    return this.replies
      .filter((r) => r.enrollmentId === enrollmentId && this.live(r))
      .sort(byKey((r) => `${r.at}#${r.sourceId}`))
      .map(copy);
  }

  async dropReplyText(enrollmentId: string): Promise<number> {
    const noted = this.replies.filter((r) => r.enrollmentId === enrollmentId && typeof r.note === 'string');
    for (const reply of noted) delete reply.note;
    const gone = noted.filter((r) => r.score === undefined);
    this.replies.splice(0, this.replies.length, ...this.replies.filter((r) => !gone.includes(r)));
    return noted.length;
  }

  async addConsent(event: ConsentEvent, retainUntil?: number): Promise<void> {
    const stored = copy(event);
    this.expire(stored, retainUntil);
    this.consents.push(stored);
  }

  async listConsents(enrollmentId: string) {
    return this.consents
      .filter((c) => c.enrollmentId === enrollmentId && this.live(c))
      .sort(byKey((c) => `${c.at}#${c.channel}`))
      .map(copy);
  }

  async addErasureTombstone(tombstone: ErasureTombstone): Promise<void> {
    this.tombstones.push(copy(tombstone));
  }

  async listErasureTombstones(contactHash: string) {
    return this.tombstones
      .filter((t) => t.contactHash === contactHash)
      .sort(byKey((t) => t.at))
      .map(copy);
  }

  async refuseInvitations(contactHash: string, _at: string): Promise<void> {
    this.refusedInvitations.add(contactHash);
  }

  async invitationsRefused(contactHash: string): Promise<boolean> {
    return this.refusedInvitations.has(contactHash);
  }

  async saveReport(report: CheckpointReport, retainUntil?: number): Promise<void> {
    const stored = copy(report);
    this.expire(stored, retainUntil);
    this.reports.set(report.enrollmentId, stored);
  }

  async getReport(enrollmentId: string) {
    const r = this.live(this.reports.get(enrollmentId));
    return r && copy(r);
  }

  /** Everything an enrollment's partition holds in the table, expired or not. */
  private ownRecords(id: string): object[] {
    return [
      ...[this.enrollments.get(id), this.reports.get(id)].filter((r): r is NonNullable<typeof r> => !!r),
      ...[...this.messages.values()].filter((m) => m.enrollmentId === id),
      ...this.replies.filter((r) => r.enrollmentId === id),
      ...this.consents.filter((c) => c.enrollmentId === id),
      ...[...this.shares.values()].filter((s) => s.enrollmentId === id),
    ];
  }

  /** The lookups outside the partition that point at it: its address, its number's holder and note. */
  private lookupsOf(e: Enrollment): [Map<string, Lookup>, string][] {
    const email: [Map<string, Lookup>, string] = [this.emails, e.email.toLowerCase()];
    if (!e.phone) return [email];
    return [email, [this.phones, e.phone], [this.notesOf(e.phone), e.id]];
  }

  async expireEnrollment(e: Enrollment, expiresAt: number): Promise<void> {
    this.expiries.set(e.id, expiresAt);
    for (const record of this.ownRecords(e.id)) this.expire(record, expiresAt);
    for (const [map, key] of this.lookupsOf(e)) {
      const lookup = map.get(key);
      if (lookup?.enrollmentId === e.id) this.expire(lookup, expiresAt);
    }
    // A share link's lookup is only ever brought earlier, never later.
    for (const link of this.shareLinks.values()) {
      const at = this.expiry.get(link);
      if (link.enrollmentId === e.id && at !== undefined && at > expiresAt) this.expire(link, expiresAt);
    }
  }

  async deleteEnrollment(e: Enrollment): Promise<void> {
    for (const key of this.outcomeMarks.keys()) if (key.startsWith(`${e.id}#`)) this.outcomeMarks.delete(key);
    for (const [map, key] of this.lookupsOf(e)) if (map.get(key)?.enrollmentId === e.id) map.delete(key);
    this.enrollments.delete(e.id);
    for (const [key, m] of this.messages) {
      if (m.enrollmentId !== e.id) continue;
      this.messages.delete(key);
      this.unsentDue.delete(key);
      if (m.providerId) this.providerIds.delete(m.providerId);
    }
    this.replies.splice(0, this.replies.length, ...this.replies.filter((r) => r.enrollmentId !== e.id));
    this.reports.delete(e.id);
    for (const [id, share] of this.shares) {
      if (share.enrollmentId !== e.id) continue;
      this.shares.delete(id);
      this.shareLinks.delete(share.tokenHash);
    }
    this.consents.splice(0, this.consents.length, ...this.consents.filter((c) => c.enrollmentId !== e.id));
  }

  async createShare(share: ReportShare, tokenHash: string, retainUntil?: number): Promise<void> {
    // As the transaction's conditions: a repeat of the same link is fine, a clash with another is refused.
    const same = this.shares.get(share.id);
    const linked = this.shareLinks.get(tokenHash);
    if ((same && same.tokenHash !== tokenHash) || (linked && linked.shareId !== share.id))
      throw new Error('A share link with this id or token already exists');
    const stored = { ...copy(share), tokenHash };
    this.expire(stored, retainUntil);
    this.shares.set(share.id, stored);
    const link = { enrollmentId: share.enrollmentId, shareId: share.id };
    const linkExpires = Math.floor(Date.parse(share.validUntil) / 1000);
    this.expire(link, retainUntil === undefined ? linkExpires : Math.min(linkExpires, retainUntil));
    this.shareLinks.set(tokenHash, link);
  }

  async listShares(enrollmentId: string): Promise<ReportShare[]> {
    return [...this.shares.values()]
      .filter((s) => s.enrollmentId === enrollmentId && this.live(s))
      .map(({ tokenHash, ...share }) => copy(share))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async openShare(tokenHash: string, now: string): Promise<ReportShare | undefined> {
    const link = this.live(this.shareLinks.get(tokenHash));
    const share = link && this.live(this.shares.get(link.shareId));
    if (!share || share.tokenHash !== tokenHash || share.revokedAt || share.validUntil <= now)
      return undefined;
    share.opens += 1;
    share.lastOpenedAt = now;
    const { tokenHash: _, ...counted } = share;
    return copy(counted);
  }

  async revokeShare(enrollmentId: string, shareId: string, at: string): Promise<boolean> {
    const share = this.live(this.shares.get(shareId));
    if (!share || share.enrollmentId !== enrollmentId) return false;
    share.revokedAt ??= at;
    this.shareLinks.delete(share.tokenHash);
    return true;
  }

  async listEnrollments({ limit, cursor }: { limit: number; cursor?: string }): Promise<EnrollmentPage> {
    const all = [...this.enrollments.values()].sort(byKey((e) => e.id));
    const start = cursor ? Number(cursor) : 0;
    const end = start + limit;
    return {
      enrollments: all
        .slice(start, end)
        .filter((e) => this.live(e))
        .map(copy),
      ...(end < all.length ? { cursor: String(end) } : {}),
    };
  }

  private addCounts(group: OutcomeGroup, adds: { ref: CounterRef; by: number }[]): void {
    for (const { ref, by } of adds) {
      const key = `${group.cohort}#${group.track}#${group.reach}#${ref.part}`;
      const row = this.outcomeRows.get(key) ?? { ...group, part: ref.part, counts: {} };
      row.counts[ref.name] = (row.counts[ref.name] ?? 0) + by;
      this.outcomeRows.set(key, row);
    }
  }

  private markKey(tally: OutcomeTally): string {
    return `${tally.enrollmentId}#${tally.milestone}`;
  }

  async tallyOutcome(tally: OutcomeTally): Promise<TallyOutcome> {
    const key = this.markKey(tally);
    const valued = (value: string, by: number) =>
      (tally.valued ?? []).map((ref) => ({ ref: { ...ref, name: valuedName(ref, value) }, by }));
    const mark = this.outcomeMarks.get(key);
    if (!mark) {
      this.outcomeMarks.set(key, tally.value !== undefined ? { value: tally.value } : {});
      this.addCounts(tally.group, [
        ...tally.fixed.map((ref) => ({ ref, by: 1 })),
        ...(tally.value !== undefined ? valued(tally.value, 1) : []),
      ]);
      return 'counted';
    }
    if (tally.value === undefined || !tally.valued?.length) return 'already';
    if (mark.value === undefined || mark.value === tally.value) return 'already';
    this.addCounts(tally.group, [...valued(mark.value, -1), ...valued(tally.value, 1)]);
    mark.value = tally.value;
    return 'changed';
  }

  async tallyOutcomes(tallies: readonly OutcomeTally[]): Promise<OutcomeTally[]> {
    const left: OutcomeTally[] = [];
    for (const tally of tallies) {
      if (!this.outcomeMarks.has(this.markKey(tally))) await this.tallyOutcome(tally);
      else if (tally.value !== undefined && tally.valued?.length) left.push(tally);
    }
    return left;
  }

  async readOutcomeCounters(): Promise<CounterRow[]> {
    return [...this.outcomeRows.values()].map(copy);
  }
}
