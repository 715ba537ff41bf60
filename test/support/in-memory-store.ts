import type {
  EnrollmentConflict,
  EnrollmentPage,
  InboundClaim,
  QuotaOutcome,
  QuotaRequest,
  Store,
} from '../../functions/ports/store';
import type { ConsentEvent, ErasureTombstone } from '../../functions/program/consent';
import type { Enrollment, MessageKey, MessageRecord, Reply } from '../../functions/program/enrollment';
import { messageKey } from '../../functions/program/enrollment';
import type { CheckpointReport } from '../../functions/program/report';
import type { ReportShare } from '../../functions/program/report-share';
import { ConcurrentUpdateError } from '../../functions/shared/errors';

const copy = <T>(value: T): T => structuredClone(value);

/** The Store port in memory, with the same conditional semantics as the DynamoDB adapter (unit tests only). */
export class InMemoryStore implements Store {
  readonly enrollments = new Map<string, Enrollment>();
  readonly emails = new Map<string, string>();
  readonly phones = new Map<string, string>();
  readonly messages = new Map<string, MessageRecord>();
  readonly providerIds = new Map<string, string>();
  readonly replies: Reply[] = [];
  readonly inbound = new Map<
    string,
    { firstSeenAt: string; holder: string; leaseUntil: string; handled?: boolean }
  >();
  readonly reports = new Map<string, CheckpointReport>();
  readonly consents: ConsentEvent[] = [];

  /** Numbers' holders (`phones`) are set by claimPhone only: a form names a number, YES claims it. */
  async createEnrollment(e: Enrollment): Promise<EnrollmentConflict | undefined> {
    const emailHolder = this.emails.get(e.email);
    if (emailHolder) return { kind: 'email-taken', holderId: emailHolder };
    this.enrollments.set(e.id, copy(e));
    this.emails.set(e.email, e.id);
    return undefined;
  }
  async findNamingPhone(phone: string) {
    return [...this.enrollments.values()].filter((e) => e.phone === phone).map(copy);
  }
  async claimPhone(phone: string, enrollmentId: string): Promise<boolean> {
    const holder = this.phones.get(phone);
    if (holder && holder !== enrollmentId && this.enrollments.get(holder)?.status === 'active') return false;
    this.phones.set(phone, enrollmentId);
    return true;
  }
  readonly quotas = new Map<string, string[]>();
  async takeQuota(q: QuotaRequest): Promise<QuotaOutcome> {
    const now = Date.parse(q.now);
    const uses = (this.quotas.get(q.subject) ?? []).filter(
      (use) => now - Date.parse(use.split('#')[0] as string) < q.windowSeconds * 1000,
    );
    if (uses.some((use) => use.endsWith(`#${q.holder}`))) return 'repeat';
    const spacing = (q.spacingSeconds ?? 0) * 1000;
    if (
      uses.some(
        (use) => use.split('#')[1] === q.kind && now - Date.parse(use.split('#')[0] as string) < spacing,
      )
    )
      return 'refused';
    if (uses.length >= q.limit) return 'refused';
    this.quotas.set(q.subject, [...uses, `${q.now}#${q.kind}#${q.holder}`]);
    return 'taken';
  }
  async getEnrollment(id: string) {
    const e = this.enrollments.get(id);
    return e && copy(e);
  }
  async findByEmail(email: string) {
    const id = this.emails.get(email);
    return id ? this.getEnrollment(id) : undefined;
  }
  async findByPhone(phone: string) {
    const id = this.phones.get(phone);
    return id ? this.getEnrollment(id) : undefined;
  }
  async activateEnrollment(e: Enrollment): Promise<void> {
    return this.saveEnrollment(e);
  }
  async saveEnrollment(e: Enrollment): Promise<void> {
    const current = this.enrollments.get(e.id);
    if (!current || current.version !== e.version - 1) throw new ConcurrentUpdateError('version mismatch');
    this.enrollments.set(e.id, copy(e));
  }
  async dueEnrollments(shard: number, now: string): Promise<EnrollmentPage> {
    if (shard !== 0) return { enrollments: [] };
    return {
      enrollments: [...this.enrollments.values()]
        .filter((e) => e.status === 'active' && e.nextDueAt && e.nextDueAt <= now)
        .map(copy),
    };
  }
  async earliestDue(): Promise<string | undefined> {
    return [...this.enrollments.values()]
      .filter((e) => e.status === 'active' && e.nextDueAt)
      .map((e) => e.nextDueAt as string)
      .sort()[0];
  }
  async claimMessage(m: MessageRecord): Promise<boolean> {
    const key = messageKey(m);
    if (this.messages.has(key)) return false;
    this.messages.set(key, copy(m));
    return true;
  }
  async getMessage(enrollmentId: string, day: number, slot: string, channel: MessageRecord['channel']) {
    const m = this.messages.get(messageKey({ enrollmentId, day, slot, channel }));
    return m && copy(m);
  }
  async transitionMessage(
    m: MessageKey,
    from: readonly MessageRecord['status'][],
    changes: Partial<Pick<MessageRecord, 'status' | 'providerId' | 'error' | 'sendingAt' | 'sendingBy'>>,
  ): Promise<boolean> {
    const key = messageKey(m);
    const current = this.messages.get(key);
    if (!current || !from.includes(current.status)) return false;
    Object.assign(current, changes);
    if (changes.providerId) this.providerIds.set(changes.providerId, key);
    return true;
  }
  async findMessageByProviderId(providerId: string) {
    const key = this.providerIds.get(providerId);
    const m = key ? this.messages.get(key) : undefined;
    return m && copy(m);
  }
  async listMessages(enrollmentId: string) {
    return [...this.messages.values()].filter((m) => m.enrollmentId === enrollmentId).map(copy);
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
    else seen.leaseUntil = '';
  }
  async addReply(reply: Reply, _retainUntil?: number): Promise<void> {
    const same = (r: Reply) =>
      r.enrollmentId === reply.enrollmentId && r.at === reply.at && r.sourceId === reply.sourceId;
    if (!this.replies.some(same)) this.replies.push(copy(reply));
  }
  async listReplies(enrollmentId: string) {
    return this.replies.filter((r) => r.enrollmentId === enrollmentId).map(copy);
  }
  async addConsent(event: ConsentEvent, _retainUntil?: number): Promise<void> {
    this.consents.push(copy(event));
  }
  async listConsents(enrollmentId: string) {
    return this.consents
      .filter((c) => c.enrollmentId === enrollmentId)
      .sort((a, b) => a.at.localeCompare(b.at))
      .map(copy);
  }
  readonly tombstones: ErasureTombstone[] = [];
  async addErasureTombstone(tombstone: ErasureTombstone): Promise<void> {
    this.tombstones.push(copy(tombstone));
  }
  async listErasureTombstones(contactHash: string) {
    return this.tombstones.filter((t) => t.contactHash === contactHash).map(copy);
  }
  readonly refusedInvitations = new Set<string>();
  async refuseInvitations(contactHash: string, _at: string): Promise<void> {
    this.refusedInvitations.add(contactHash);
  }
  async invitationsRefused(contactHash: string): Promise<boolean> {
    return this.refusedInvitations.has(contactHash);
  }
  async saveReport(report: CheckpointReport, _retainUntil?: number): Promise<void> {
    this.reports.set(report.enrollmentId, copy(report));
  }
  readonly expiries = new Map<string, number>();
  async dropReplyText(enrollmentId: string): Promise<number> {
    const before = this.replies.filter((r) => r.enrollmentId === enrollmentId && r.note !== undefined).length;
    const kept = this.replies
      .filter((r) => r.enrollmentId !== enrollmentId || r.score !== undefined)
      .map((r) => {
        if (r.enrollmentId !== enrollmentId) return r;
        const { note, ...rest } = r;
        return rest;
      });
    this.replies.splice(0, this.replies.length, ...kept);
    return before;
  }
  async expireEnrollment(e: Enrollment, expiresAt: number): Promise<void> {
    this.expiries.set(e.id, expiresAt);
  }
  async deleteEnrollment(e: Enrollment): Promise<void> {
    this.enrollments.delete(e.id);
    if (this.emails.get(e.email) === e.id) this.emails.delete(e.email);
    if (e.phone && this.phones.get(e.phone) === e.id) this.phones.delete(e.phone);
    for (const [key, m] of this.messages) {
      if (m.enrollmentId !== e.id) continue;
      this.messages.delete(key);
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
  /** Share links by id, each with the hash of its token; `shareLinks` maps a hash to its share's id. */
  readonly shares = new Map<string, ReportShare & { tokenHash: string }>();
  readonly shareLinks = new Map<string, string>();
  async createShare(share: ReportShare, tokenHash: string, _retainUntil?: number): Promise<void> {
    this.shares.set(share.id, { ...copy(share), tokenHash });
    this.shareLinks.set(tokenHash, share.id);
  }
  async listShares(enrollmentId: string): Promise<ReportShare[]> {
    return [...this.shares.values()]
      .filter((s) => s.enrollmentId === enrollmentId)
      .map(({ tokenHash, ...share }) => copy(share))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
  async openShare(tokenHash: string, now: string): Promise<ReportShare | undefined> {
    const id = this.shareLinks.get(tokenHash);
    const share = id === undefined ? undefined : this.shares.get(id);
    if (!share || share.revokedAt || share.validUntil <= now) return undefined;
    share.opens += 1;
    share.lastOpenedAt = now;
    const { tokenHash: _, ...counted } = share;
    return copy(counted);
  }
  async revokeShare(enrollmentId: string, shareId: string, at: string): Promise<boolean> {
    const share = this.shares.get(shareId);
    if (!share || share.enrollmentId !== enrollmentId) return false;
    share.revokedAt ??= at;
    this.shareLinks.delete(share.tokenHash);
    return true;
  }
  async getReport(enrollmentId: string) {
    const r = this.reports.get(enrollmentId);
    return r && copy(r);
  }
  async listEnrollments({ limit, cursor }: { limit: number; cursor?: string }): Promise<EnrollmentPage> {
    const all = [...this.enrollments.values()].sort((a, b) => a.id.localeCompare(b.id));
    const start = cursor ? Number(cursor) : 0;
    const end = start + limit;
    return {
      enrollments: all.slice(start, end).map(copy),
      ...(end < all.length ? { cursor: String(end) } : {}),
    };
  }
}
