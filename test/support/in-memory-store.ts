import type { EnrollmentConflict, Store } from '../../functions/ports/store';
import type { ConsentEvent } from '../../functions/program/consent';
import type { Enrollment, MessageRecord, Reply } from '../../functions/program/enrollment';
import { messageKey } from '../../functions/program/enrollment';
import type { CheckpointReport } from '../../functions/program/report';
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
  readonly inbound = new Set<string>();
  readonly reports = new Map<string, CheckpointReport>();
  readonly consents: ConsentEvent[] = [];

  async createEnrollment(e: Enrollment): Promise<EnrollmentConflict | undefined> {
    const emailHolder = this.emails.get(e.email);
    if (emailHolder) return { kind: 'email-taken', holderId: emailHolder };
    const phoneHolder = e.phone ? this.phones.get(e.phone) : undefined;
    if (phoneHolder) return { kind: 'phone-taken', holderId: phoneHolder };
    this.enrollments.set(e.id, copy(e));
    this.emails.set(e.email, e.id);
    if (e.phone) this.phones.set(e.phone, e.id);
    return undefined;
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
  async saveEnrollment(e: Enrollment): Promise<void> {
    const current = this.enrollments.get(e.id);
    if (!current || current.version !== e.version - 1) throw new ConcurrentUpdateError('version mismatch');
    this.enrollments.set(e.id, copy(e));
  }
  async dueEnrollmentIds(_shard: number, now: string): Promise<string[]> {
    if (_shard !== 0) return [];
    return [...this.enrollments.values()]
      .filter((e) => e.status === 'active' && e.nextDueAt && e.nextDueAt <= now)
      .map((e) => e.id);
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
    m: MessageRecord,
    from: readonly MessageRecord['status'][],
    changes: Partial<Pick<MessageRecord, 'status' | 'providerId' | 'error'>>,
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
  async rememberInbound(sourceId: string): Promise<boolean> {
    if (this.inbound.has(sourceId)) return false;
    this.inbound.add(sourceId);
    return true;
  }
  async addReply(reply: Reply): Promise<void> {
    this.replies.push(copy(reply));
  }
  async listReplies(enrollmentId: string) {
    return this.replies.filter((r) => r.enrollmentId === enrollmentId).map(copy);
  }
  async addConsent(event: ConsentEvent): Promise<void> {
    this.consents.push(copy(event));
  }
  async listConsents(enrollmentId: string) {
    return this.consents
      .filter((c) => c.enrollmentId === enrollmentId)
      .sort((a, b) => a.at.localeCompare(b.at))
      .map(copy);
  }
  async saveReport(report: CheckpointReport): Promise<void> {
    this.reports.set(report.enrollmentId, copy(report));
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
    this.consents.splice(0, this.consents.length, ...this.consents.filter((c) => c.enrollmentId !== e.id));
  }
  async getReport(enrollmentId: string) {
    const r = this.reports.get(enrollmentId);
    return r && copy(r);
  }
}
