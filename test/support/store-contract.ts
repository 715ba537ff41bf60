import { beforeEach, describe, expect, it } from 'vitest';
import type { Store, UnsentClaim } from '../../functions/ports/store';
import type { ConsentEvent } from '../../functions/program/consent';
import type { Enrollment, MessageRecord, Reply } from '../../functions/program/enrollment';
import type { ReportShare } from '../../functions/program/report-share';
import { ConcurrentUpdateError } from '../../functions/shared/errors';
import { checkpointReport, enrollmentRecord } from './records';

/** What a store under contract is made with: parts of its due index, and the clock it judges expiry by. */
export interface StoreSetup {
  dueParts: number;
  nowSeconds: () => number;
}

const seconds = (iso: string) => Date.parse(iso) / 1000;
const DAY = 86_400;
/** The fixtures' present: a day after the enrollments below were made. */
const START = seconds('2026-03-02T12:00:00.000Z');
const PARTS = 4;

const enrollment = enrollmentRecord;

const message = (enrollmentId: string, day: number, extra: Partial<MessageRecord> = {}): MessageRecord => ({
  enrollmentId,
  day,
  slot: `step-d${day}`,
  channel: 'sms',
  kind: 'micro-action',
  status: 'claimed',
  dueAt: '2026-03-05T12:30:00.000Z',
  claimedAt: '2026-03-05T12:30:00.000Z',
  ...extra,
});

const reply = (enrollmentId: string, at: string, extra: Partial<Reply> = {}): Reply => ({
  enrollmentId,
  at,
  sourceId: `SM-${at}`,
  channel: 'sms',
  ...extra,
});

const consent = (enrollmentId: string, at: string, extra: Partial<ConsentEvent> = {}): ConsentEvent => ({
  enrollmentId,
  at,
  channel: 'sms',
  action: 'opt-in',
  source: 'keyword',
  ...extra,
});

const report = checkpointReport;

const share = (enrollmentId: string, id: string, createdAt: string, validUntil: string): ReportShare => ({
  id,
  enrollmentId,
  createdAt,
  days: 30,
  validUntil,
  includeNotes: false,
  opens: 0,
});

/**
 * The behaviour every Store must show, whatever keeps the data: run against the in-memory store (unit
 * layer) and the DynamoDB store on DynamoDB Local (integration layer). `makeStore` gives a fresh, empty store.
 */
export function describeStoreContract(name: string, makeStore: (setup: StoreSetup) => Promise<Store>): void {
  describe(`${name}, held to the store contract`, () => {
    let store: Store;
    let now: number;
    /** Confirms a just-created enrollment, as the confirm step does (its lookups are then kept for good). */
    const confirmed = async (id: string, extra: Partial<Enrollment> = {}) => {
      expect(await store.createEnrollment(enrollment(id, extra))).toBeUndefined();
      const active = enrollment(id, { status: 'active', version: 2, ...extra });
      await store.activateEnrollment(active);
      return active;
    };

    beforeEach(async () => {
      now = START;
      store = await makeStore({ dueParts: PARTS, nowSeconds: () => now });
    });

    describe('enrollments', () => {
      it('keeps an address to one enrollment, whatever its case, and names the one that holds it', async () => {
        expect(await store.createEnrollment(enrollment('a1'))).toBeUndefined();
        expect(await store.getEnrollment('a1')).toEqual(enrollment('a1'));
        expect((await store.findByEmail('A1@Example.com'))?.id).toBe('a1');
        const clash = await store.createEnrollment(enrollment('a2', { email: 'A1@example.COM' }));
        expect(clash).toEqual({ kind: 'email-taken', holderId: 'a1' });
        expect(await store.getEnrollment('a2')).toBeUndefined();
      });

      it('stores one of several enrollments made at once with one address, and names it to the rest', async () => {
        const ids = ['s1', 's2', 's3', 's4', 's5'];
        const outcomes = await Promise.all(
          ids.map((id) => store.createEnrollment(enrollment(id, { email: 'same@example.com' }))),
        );
        const stored = ids.filter((_, i) => outcomes[i] === undefined);
        expect(stored).toHaveLength(1);
        expect(outcomes.filter(Boolean)).toEqual(
          ids.slice(1).map(() => ({ kind: 'email-taken', holderId: stored[0] })),
        );
        expect((await store.findByEmail('same@example.com'))?.id).toBe(stored[0]);
      });

      it('hands out copies: changing one read changes nothing stored', async () => {
        await store.createEnrollment(enrollment('c1'));
        const read = (await store.getEnrollment('c1')) as Enrollment;
        read.status = 'active';
        expect((await store.getEnrollment('c1'))?.status).toBe('pending');
      });

      it('lets an unconfirmed enrollment go after 14 days, its address free again, and keeps a confirmed one', async () => {
        await store.createEnrollment(enrollment('x1'));
        await confirmed('x2');
        now = seconds('2026-03-22T12:00:00.000Z');
        expect(await store.getEnrollment('x1')).toBeUndefined();
        expect(await store.findByEmail('x1@example.com')).toBeUndefined();
        expect((await store.findByEmail('x2@example.com'))?.id).toBe('x2');
        // The stale lookup is taken over, before any TTL has deleted it.
        const again = enrollment('x3', { email: 'x1@example.com', createdAt: '2026-03-22T12:00:00.000Z' });
        expect(await store.createEnrollment(again)).toBeUndefined();
        expect((await store.findByEmail('x1@example.com'))?.id).toBe('x3');
        expect(await store.createEnrollment(enrollment('x4', { email: 'x2@example.com' }))).toEqual({
          kind: 'email-taken',
          holderId: 'x2',
        });
      });

      it('lets the address of an erased enrollment enroll again', async () => {
        const gone = await confirmed('e1');
        await store.deleteEnrollment(gone);
        expect(await store.createEnrollment(enrollment('e2', { email: 'e1@example.com' }))).toBeUndefined();
        expect((await store.findByEmail('e1@example.com'))?.id).toBe('e2');
      });

      it('refuses a write from a stale copy, or of an enrollment never stored', async () => {
        await confirmed('v1');
        await store.saveEnrollment(enrollment('v1', { status: 'active', version: 3 }));
        await expect(
          store.saveEnrollment(enrollment('v1', { status: 'completed', version: 3 })),
        ).rejects.toThrow(ConcurrentUpdateError);
        await expect(store.activateEnrollment(enrollment('v1', { version: 3 }))).rejects.toThrow(
          ConcurrentUpdateError,
        );
        await expect(store.saveEnrollment(enrollment('never', { version: 2 }))).rejects.toThrow(
          ConcurrentUpdateError,
        );
        expect((await store.getEnrollment('v1'))?.version).toBe(3);
      });

      it('lists every enrollment page by page, and none that has expired', async () => {
        for (const id of ['l1', 'l2', 'l3', 'l4', 'l5']) await confirmed(id);
        await store.createEnrollment(enrollment('l6', { createdAt: '2026-02-01T00:00:00.000Z' }));
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await store.listEnrollments({ limit: 2, cursor });
          seen.push(...page.enrollments.map((e) => e.id));
          cursor = page.cursor;
          pages++;
        } while (cursor && pages < 20);
        expect(seen.sort()).toEqual(['l1', 'l2', 'l3', 'l4', 'l5']);
      });
    });

    describe('phone numbers', () => {
      it('lets any number of enrollments name a number, and gives it only to the one that claims it', async () => {
        const phone = '+447700900001';
        await confirmed('p1', { phone });
        await confirmed('p2', { phone });
        expect(await store.findByPhone(phone)).toBeUndefined();
        expect((await store.findNamingPhone(phone)).map((e) => e.id).sort()).toEqual(['p1', 'p2']);
        expect(await store.claimPhone(phone, 'p2', '2026-03-02T10:00:00.000Z')).toBe(true);
        expect(await store.claimPhone(phone, 'p2', '2026-03-02T10:00:01.000Z')).toBe(true);
        expect((await store.findByPhone(phone))?.id).toBe('p2');
        expect(await store.claimPhone(phone, 'p1', '2026-03-02T11:00:00.000Z')).toBe(false);
        await store.saveEnrollment(enrollment('p2', { phone, status: 'completed', version: 3 }));
        expect(await store.claimPhone(phone, 'p1', '2026-03-02T12:00:00.000Z')).toBe(true);
        expect((await store.findByPhone(phone))?.id).toBe('p1');
      });

      it('forgets that an unconfirmed enrollment named a number once it has gone', async () => {
        await store.createEnrollment(enrollment('n1', { phone: '+447700900101' }));
        await confirmed('n2', { phone: '+447700900102' });
        now = seconds('2026-03-22T12:00:00.000Z');
        expect(await store.findNamingPhone('+447700900101')).toEqual([]);
        expect((await store.findNamingPhone('+447700900102')).map((e) => e.id)).toEqual(['n2']);
      });

      it('names a number added mid-program, in the same write as the enrollment, and refuses a stale version', async () => {
        const phone = '+447700900301';
        const emailOnly = await confirmed('m1');
        const named = {
          ...emailOnly,
          phone,
          smsStatus: 'awaiting-yes' as const,
          version: emailOnly.version + 1,
        };
        await store.nameNumber(named);
        expect((await store.getEnrollment('m1'))?.phone).toBe(phone);
        expect((await store.findNamingPhone(phone)).map((e) => e.id)).toEqual(['m1']);
        expect(await store.findByPhone(phone)).toBeUndefined();
        // Long after, the note is still there: the program is running, nothing expires.
        now = seconds('2026-05-22T12:00:00.000Z');
        expect((await store.findNamingPhone(phone)).map((e) => e.id)).toEqual(['m1']);
        const other = '+447700900302';
        await expect(store.nameNumber({ ...named, phone: other })).rejects.toBeInstanceOf(
          ConcurrentUpdateError,
        );
        expect(await store.findNamingPhone(other)).toEqual([]);
        expect((await store.getEnrollment('m1'))?.phone).toBe(phone);
        // Replaced before its YES: the new number is named, the one before forgotten, in the same write.
        await store.nameNumber({ ...named, phone: other, version: named.version + 1 }, phone);
        expect((await store.findNamingPhone(other)).map((e) => e.id)).toEqual(['m1']);
        expect(await store.findNamingPhone(phone)).toEqual([]);
      });

      it('forgets a number in the same write as the enrollment, giving it up if it held it, and refuses a stale version', async () => {
        const phone = '+447700900401';
        const holder = await confirmed('f1', { phone, smsStatus: 'active' });
        await confirmed('f2', { phone });
        expect(await store.claimPhone(phone, 'f1', '2026-03-02T10:00:00.000Z')).toBe(true);
        const { phone: _forgotten, ...rest } = holder;
        const without = { ...rest, smsStatus: 'none' as const, version: holder.version + 1 };
        await expect(
          store.forgetNumber({ ...without, version: holder.version }, phone),
        ).rejects.toBeInstanceOf(ConcurrentUpdateError);
        expect((await store.findByPhone(phone))?.id).toBe('f1');
        await store.forgetNumber(without, phone);
        expect((await store.getEnrollment('f1'))?.phone).toBeUndefined();
        expect(await store.findByPhone(phone)).toBeUndefined();
        expect((await store.findNamingPhone(phone)).map((e) => e.id)).toEqual(['f2']);
        // The program still runs, and the number is free: another program that named it may have it.
        expect(await store.claimPhone(phone, 'f2', '2026-03-02T11:00:00.000Z')).toBe(true);
        // One that never held the number gives up only its note, and leaves the holder as it is.
        const second = (await store.getEnrollment('f2')) as Enrollment;
        await confirmed('f3', { phone });
        const third = (await store.getEnrollment('f3')) as Enrollment;
        const { phone: _p3, ...rest3 } = third;
        await store.forgetNumber({ ...rest3, smsStatus: 'none', version: third.version + 1 }, phone);
        expect((await store.findByPhone(phone))?.id).toBe(second.id);
        expect((await store.findNamingPhone(phone)).map((e) => e.id)).toEqual(['f2']);
      });

      it('gives up the number it held when it names another in its place', async () => {
        const phone = '+447700900501';
        const other = '+447700900502';
        const holder = await confirmed('r1', { phone, smsStatus: 'active' });
        expect(await store.claimPhone(phone, 'r1', '2026-03-02T10:00:00.000Z')).toBe(true);
        await store.nameNumber(
          { ...holder, phone: other, smsStatus: 'awaiting-yes', version: holder.version + 1 },
          phone,
        );
        expect(await store.findByPhone(phone)).toBeUndefined();
        expect(await store.findNamingPhone(phone)).toEqual([]);
        expect((await store.findNamingPhone(other)).map((e) => e.id)).toEqual(['r1']);
      });

      it('gives a number up when its holder has gone', async () => {
        const phone = '+447700900201';
        const holder = await confirmed('h1', { phone });
        await confirmed('h2', { phone });
        expect(await store.claimPhone(phone, 'h1', '2026-03-02T10:00:00.000Z')).toBe(true);
        await store.deleteEnrollment(holder);
        expect(await store.findByPhone(phone)).toBeUndefined();
        expect(await store.claimPhone(phone, 'h2', '2026-03-02T11:00:00.000Z')).toBe(true);
        expect((await store.findByPhone(phone))?.id).toBe('h2');
      });
    });

    describe('the due index', () => {
      const due = async (at: string, limit = 1) => {
        const found: Enrollment[] = [];
        for (let part = 0; part < store.dueParts; part++) {
          let cursor: string | undefined;
          do {
            const page = await store.dueEnrollments(part, at, { limit, cursor });
            found.push(...page.enrollments);
            cursor = page.cursor;
          } while (cursor);
        }
        return found;
      };

      it('answers from every part: each active enrollment that is due, once and whole, and the earliest due time', async () => {
        expect(store.dueParts).toBe(PARTS);
        const ids = Array.from({ length: 12 }, (_, i) => `d${i}`);
        for (const [i, id] of ids.entries()) {
          await confirmed(id, { nextDueAt: `2026-03-02T0${i % 10}:00:00.000Z` });
        }
        await confirmed('late', { nextDueAt: '2026-03-05T08:00:00.000Z' });
        await confirmed('ended', { status: 'completed', nextDueAt: '2026-03-01T00:00:00.000Z' });
        const found = await due('2026-03-02T09:00:00.000Z');
        expect(found.map((e) => e.id).sort()).toEqual([...ids].sort());
        expect(found.find((e) => e.id === 'd1')).toEqual(
          enrollment('d1', { status: 'active', version: 2, nextDueAt: '2026-03-02T01:00:00.000Z' }),
        );
        expect(await store.earliestDue()).toBe('2026-03-02T00:00:00.000Z');
      });

      it('is empty, and knows no earliest time, when nothing is due', async () => {
        await confirmed('none');
        expect(await due('2026-03-02T09:00:00.000Z')).toEqual([]);
        expect(await store.earliestDue()).toBeUndefined();
      });

      it('moves an enrollment when its next step moves, and drops it when its program ends', async () => {
        await confirmed('m1', { nextDueAt: '2026-03-02T08:00:00.000Z' });
        await store.saveEnrollment(
          enrollment('m1', { status: 'active', version: 3, nextDueAt: '2026-03-03T08:00:00.000Z' }),
        );
        expect(await due('2026-03-02T09:00:00.000Z')).toEqual([]);
        expect((await due('2026-03-03T09:00:00.000Z')).map((e) => e.id)).toEqual(['m1']);
        await store.saveEnrollment(enrollment('m1', { status: 'completed', version: 4 }));
        expect(await due('2026-03-09T09:00:00.000Z')).toEqual([]);
      });

      it('returns no enrollment past its retention', async () => {
        await confirmed('r1', {
          nextDueAt: '2026-03-02T08:00:00.000Z',
          retainUntil: seconds('2026-03-02T10:00:00.000Z'),
        });
        expect(await due('2026-03-02T09:00:00.000Z', 10)).toEqual([]);
      });
    });

    describe('messages', () => {
      it('claims a message once, moves it only from the states named, and finds it by the provider’s id', async () => {
        const m = message('m1', 3);
        expect(await store.claimMessage(m)).toBe(true);
        expect(await store.claimMessage({ ...m, status: 'skipped' })).toBe(false);
        expect(await store.transitionMessage(m, ['claimed'], { status: 'sending', sendingBy: 'w1' })).toBe(
          true,
        );
        expect(await store.transitionMessage(m, ['claimed'], { status: 'sending', sendingBy: 'w2' })).toBe(
          false,
        );
        expect(await store.transitionMessage(m, ['sending'], { status: 'sent', providerId: 'SMabc' })).toBe(
          true,
        );
        expect(await store.getMessage('m1', 3, 'step-d3', 'sms')).toEqual({
          ...m,
          status: 'sent',
          sendingBy: 'w1',
          providerId: 'SMabc',
        });
        expect(await store.findMessageByProviderId('SMabc')).toMatchObject({ status: 'sent', day: 3 });
        expect(await store.findMessageByProviderId('SMnone')).toBeUndefined();
      });

      it('marks a message sent with its provider’s id and the enrollment it changed, all in one, or nothing', async () => {
        const active = await confirmed('m6', { nextDueAt: '2026-03-05T12:00:00.000Z' });
        const m = message('m6', 4);
        await store.claimMessage(m);
        const accepted = { status: 'queued', providerId: 'SM-m6' } as const;
        const asked = { ...active, unansweredSms: 1, version: active.version + 1 };
        // Not yet sending: nothing is written, the enrollment neither.
        expect(await store.markSent(m, accepted, asked)).toBe('not-sending');
        expect(await store.findMessageByProviderId('SM-m6')).toBeUndefined();
        expect((await store.getEnrollment('m6'))?.version).toBe(active.version);
        expect(await store.transitionMessage(m, ['claimed'], { status: 'sending' })).toBe(true);
        // An enrollment written meanwhile: nothing is written, the message stays sending.
        expect(await store.markSent(m, accepted, { ...asked, version: active.version + 2 })).toBe(
          'enrollment-changed',
        );
        expect(await store.getMessage('m6', 4, 'step-d4', 'sms')).toMatchObject({ status: 'sending' });
        expect(await store.findMessageByProviderId('SM-m6')).toBeUndefined();
        expect(await store.markSent(m, accepted, asked)).toBe('done');
        expect(await store.findMessageByProviderId('SM-m6')).toMatchObject({ status: 'queued', day: 4 });
        expect(await store.getEnrollment('m6')).toEqual(asked);
        // Written with its due-index keys, as any write of the enrollment.
        expect(await store.earliestDue()).toBe('2026-03-05T12:00:00.000Z');
        // Once sent, never again: a repeated or late mark finds it no longer sending.
        expect(await store.markSent(m, { status: 'queued', providerId: 'SM-other' })).toBe('not-sending');
        expect(await store.findMessageByProviderId('SM-other')).toBeUndefined();
        // Without an enrollment, only the message and its lookup.
        const e = message('m6', 5);
        await store.claimMessage({ ...e, status: 'sending' });
        expect(await store.markSent(e, { status: 'sent', providerId: 'ses-m6' })).toBe('done');
        expect(await store.getMessage('m6', 5, 'step-d5', 'sms')).toMatchObject({
          status: 'sent',
          providerId: 'ses-m6',
        });
        expect((await store.getEnrollment('m6'))?.version).toBe(asked.version);
      });

      it('claims a tick’s messages with its enrollment’s advance, all or nothing, and shows the queued ones as unsent until moved', async () => {
        const key = ({ enrollmentId, day, slot, channel }: MessageRecord) => ({
          enrollmentId,
          day,
          slot,
          channel,
        });
        const unsent = async (at: string) => {
          const found: UnsentClaim[] = [];
          for (let part = 0; part < store.dueParts; part++) {
            let cursor: string | undefined;
            do {
              const page = await store.dueEnrollments(part, at, { limit: 1, cursor });
              found.push(...(page.unsent ?? []));
              cursor = page.cursor;
            } while (cursor);
          }
          return found.sort((a, b) => a.message.day - b.message.day);
        };
        const read = await confirmed('a1', { nextDueAt: '2026-03-05T12:00:00.000Z' });
        const held = message('a1', 2);
        await store.claimMessage(held);
        const send = message('a1', 3);
        const hold = message('a1', 4);
        const skip = message('a1', 5, { status: 'skipped' });
        const next = { ...read, nextDueAt: '2026-03-06T12:00:00.000Z', version: read.version + 1 };
        const unsentAt = '2026-03-05T12:01:00.000Z';
        const advance = {
          claims: [send, hold, skip],
          released: [key(held)],
          queued: [key(held), key(send)],
          enrollment: next,
          unsentAt,
        };
        // The enrollment changed since it was read: nothing is written.
        const stale = { ...next, version: read.version + 2 };
        expect(await store.claimWithAdvance({ ...advance, enrollment: stale })).toBe(false);
        expect(await store.getMessage('a1', 3, 'step-d3', 'sms')).toBeUndefined();
        expect(await unsent(unsentAt)).toEqual([]);
        // A released message no longer claimed: nothing is written.
        await store.claimMessage(message('a1', 9, { status: 'sent' }));
        const gone = { ...key(message('a1', 9)) };
        expect(await store.claimWithAdvance({ ...advance, released: [gone], queued: [gone] })).toBe(false);
        expect((await store.getEnrollment('a1'))?.version).toBe(read.version);

        expect(await store.claimWithAdvance(advance)).toBe(true);
        expect(await store.getEnrollment('a1')).toEqual(next);
        expect(await store.getMessage('a1', 4, 'step-d4', 'sms')).toEqual(hold);
        expect((await store.listMessages('a1')).map((m) => m.status)).toEqual([
          'claimed',
          'claimed',
          'claimed',
          'skipped',
          'sent',
        ]);
        // A message claimed before: nothing is written, the enrollment neither.
        const again = {
          ...advance,
          released: [],
          queued: [],
          enrollment: { ...next, version: next.version + 1 },
        };
        expect(await store.claimWithAdvance(again)).toBe(false);
        expect((await store.getEnrollment('a1'))?.version).toBe(next.version);

        // The queued ones are due again at `unsentAt`; the one held back is not.
        expect(await unsent('2026-03-05T12:00:59.000Z')).toEqual([]);
        expect(await unsent(unsentAt)).toEqual([
          { message: key(held), at: unsentAt },
          { message: key(send), at: unsentAt },
        ]);
        expect(await store.earliestDue()).toBe(unsentAt);
        // Queued again by one tick: due later; another tick holding the same entry finds it moved.
        const later = '2026-03-05T12:07:00.000Z';
        expect(await store.requeueUnsent(key(send), unsentAt, later)).toBe(true);
        expect(await store.requeueUnsent(key(send), unsentAt, later)).toBe(false);
        expect(await unsent(unsentAt)).toEqual([{ message: key(held), at: unsentAt }]);
        // A send takes it, or holds it: it leaves the index.
        expect(await store.transitionMessage(send, ['claimed'], { status: 'sending' })).toBe(true);
        expect(await store.requeueUnsent(key(send), later, '2026-03-05T12:13:00.000Z')).toBe(false);
        expect(await store.transitionMessage(held, ['claimed'], { status: 'claimed' })).toBe(true);
        expect(await unsent(later)).toEqual([]);
        expect(await store.earliestDue()).toBe('2026-03-06T12:00:00.000Z');
        expect(await store.getMessage('a1', 3, 'step-d3', 'sms')).toEqual({ ...send, status: 'sending' });
      });

      it('moves an enrollment on alone when its tick claims nothing, under the same version check', async () => {
        const read = await confirmed('a2', { nextDueAt: '2026-03-05T12:00:00.000Z' });
        const next = { ...read, nextDueAt: '2026-03-06T12:00:00.000Z', version: read.version + 1 };
        const alone = { claims: [], released: [], queued: [], unsentAt: '2026-03-05T12:01:00.000Z' };
        expect(
          await store.claimWithAdvance({ ...alone, enrollment: { ...next, version: read.version + 2 } }),
        ).toBe(false);
        expect(await store.getEnrollment('a2')).toEqual(read);
        expect(await store.claimWithAdvance({ ...alone, enrollment: next })).toBe(true);
        expect(await store.getEnrollment('a2')).toEqual(next);
        expect(await store.earliestDue()).toBe('2026-03-06T12:00:00.000Z');
      });

      it('claims a tick’s messages together, and only those not claimed before when some were', async () => {
        expect(await store.claimMessages([message('m7', 1), message('m7', 2)])).toEqual([true, true]);
        expect(
          await store.claimMessages([
            message('m7', 2, { status: 'skipped' }),
            message('m7', 3),
            message('m7', 1),
          ]),
        ).toEqual([false, true, false]);
        expect((await store.listMessages('m7')).map((m) => [m.day, m.status])).toEqual([
          [1, 'claimed'],
          [2, 'claimed'],
          [3, 'claimed'],
        ]);
        expect(await store.claimMessages([])).toEqual([]);
      });

      it('gives a message claimed by several workers at once to one of them', async () => {
        const claims = await Promise.all(
          Array.from({ length: 5 }, () => store.claimMessage(message('m5', 2))),
        );
        expect(claims.filter(Boolean)).toHaveLength(1);
      });

      it('never moves a message that was not claimed', async () => {
        expect(await store.transitionMessage(message('m2', 1), ['claimed'], { status: 'sending' })).toBe(
          false,
        );
        expect(await store.getMessage('m2', 1, 'step-d1', 'sms')).toBeUndefined();
      });

      it('lists an enrollment’s messages by day, and no one else’s', async () => {
        for (const day of [12, 3, 1]) await store.claimMessage(message('m3', day));
        await store.claimMessage(message('m4', 2));
        expect((await store.listMessages('m3')).map((m) => m.day)).toEqual([1, 3, 12]);
      });
    });

    describe('inbound messages', () => {
      const claim = (holder: string, at: string, leaseUntil = '2026-03-02T10:01:00.000Z') =>
        store.claimInbound({ sourceId: 'SMin1', holder, now: at, leaseUntil, expiresAt: START + 7 * DAY });

      it('lets one request hold a message, a retry take it back after a failure, and none after it was handled', async () => {
        expect(await claim('r1', '2026-03-02T10:00:00.000Z')).toBe('2026-03-02T10:00:00.000Z');
        expect(await claim('r1', '2026-03-02T10:00:01.000Z')).toBe('2026-03-02T10:00:00.000Z');
        expect(await claim('r2', '2026-03-02T10:00:02.000Z')).toBeUndefined();
        await store.settleInbound('SMin1', 'r2', false); // not its holder: changes nothing
        expect(await claim('r2', '2026-03-02T10:00:03.000Z')).toBeUndefined();
        await store.settleInbound('SMin1', 'r1', false);
        expect(await claim('r2', '2026-03-02T10:00:04.000Z', '2026-03-02T10:02:00.000Z')).toBe(
          '2026-03-02T10:00:00.000Z',
        );
        await store.settleInbound('SMin1', 'r2', true);
        expect(await claim('r3', '2026-03-02T11:00:00.000Z')).toBeUndefined();
      });

      it('lets another request take over a lease that ran out', async () => {
        expect(await claim('r1', '2026-03-02T10:00:00.000Z')).toBe('2026-03-02T10:00:00.000Z');
        expect(await claim('r2', '2026-03-02T10:05:00.000Z')).toBe('2026-03-02T10:00:00.000Z');
        await store.settleInbound('SMin1', 'r1', true); // too late: r2 holds it now
        expect(await claim('r3', '2026-03-02T10:10:00.000Z', '2026-03-02T10:11:00.000Z')).toBe(
          '2026-03-02T10:00:00.000Z',
        );
      });
    });

    describe('replies', () => {
      it('stores a reply once however often it comes, and lists them oldest first', async () => {
        await store.addReply(reply('r1', '2026-03-04T10:00:00.000Z', { score: 4 }));
        await store.addReply(reply('r1', '2026-03-03T10:00:00.000Z', { note: 'first' }));
        await store.addReply(reply('r1', '2026-03-04T10:00:00.000Z', { score: 2 }));
        await store.addReply(reply('r2', '2026-03-03T10:00:00.000Z', { score: 1 }));
        expect(await store.listReplies('r1')).toEqual([
          reply('r1', '2026-03-03T10:00:00.000Z', { note: 'first' }),
          reply('r1', '2026-03-04T10:00:00.000Z', { score: 4 }),
        ]);
      });

      it('drops the words of every reply, keeping scores, and counts the replies it changed', async () => {
        await store.addReply(reply('w1', '2026-03-03T10:00:00.000Z', { score: 3, note: 'fine' }));
        await store.addReply(reply('w1', '2026-03-04T10:00:00.000Z', { note: 'a journal note' }));
        await store.addReply(reply('w1', '2026-03-05T10:00:00.000Z', { score: 5 }));
        await store.addReply(reply('w2', '2026-03-05T10:00:00.000Z', { note: 'someone else' }));
        expect(await store.dropReplyText('w1')).toBe(2);
        expect(await store.listReplies('w1')).toEqual([
          reply('w1', '2026-03-03T10:00:00.000Z', { score: 3 }),
          reply('w1', '2026-03-05T10:00:00.000Z', { score: 5 }),
        ]);
        expect((await store.listReplies('w2'))[0]?.note).toBe('someone else');
      });

      it('hides a reply once the retention it was stored with has passed', async () => {
        await store.addReply(reply('t1', '2026-03-03T10:00:00.000Z', { score: 3 }), START + DAY);
        expect(await store.listReplies('t1')).toHaveLength(1);
        now = START + DAY;
        expect(await store.listReplies('t1')).toEqual([]);
      });
    });

    describe('consent', () => {
      it('keeps the ledger oldest first, never overwriting two events of one instant', async () => {
        await store.addConsent(consent('c1', '2026-03-03T10:00:00.000Z', { action: 'opt-out' }));
        await store.addConsent(consent('c1', '2026-03-02T10:00:00.000Z'));
        await store.addConsent(consent('c1', '2026-03-03T10:00:00.000Z', { action: 'opt-in' }));
        const ledger = await store.listConsents('c1');
        expect(ledger.map((c) => c.at)).toEqual([
          '2026-03-02T10:00:00.000Z',
          '2026-03-03T10:00:00.000Z',
          '2026-03-03T10:00:00.000Z',
        ]);
        expect(ledger.slice(1).map((c) => c.action)).toEqual(['opt-out', 'opt-in']);
        expect(await store.listConsents('c2')).toEqual([]);
      });

      it('hides consent events past their retention, and keeps erasure tombstones oldest first', async () => {
        await store.addConsent(consent('c3', '2026-03-02T10:00:00.000Z'), START + DAY);
        const tombstone = { contactHash: 'h1', channel: 'sms' as const, action: 'erased+opted-out' as const };
        await store.addErasureTombstone({ ...tombstone, at: '2026-03-04T00:00:00.000Z', source: 'keyword' });
        await store.addErasureTombstone({ ...tombstone, at: '2026-03-03T00:00:00.000Z', source: 'operator' });
        now = START + 400 * DAY;
        expect(await store.listConsents('c3')).toEqual([]);
        expect((await store.listErasureTombstones('h1')).map((t) => t.source)).toEqual([
          'operator',
          'keyword',
        ]);
        expect(await store.listErasureTombstones('h2')).toEqual([]);
      });

      it('remembers for good an address that wants no more invitations', async () => {
        expect(await store.invitationsRefused('h3')).toBe(false);
        await store.refuseInvitations('h3', '2026-03-02T10:00:00.000Z');
        await store.refuseInvitations('h3', '2026-03-03T10:00:00.000Z');
        now = START + 4000 * DAY;
        expect(await store.invitationsRefused('h3')).toBe(true);
        expect(await store.invitationsRefused('h4')).toBe(false);
      });
    });

    describe('reports', () => {
      it('keeps the day-90 report until its retention, and no longer', async () => {
        await store.saveReport(report('rp1'), START + DAY);
        expect(await store.getReport('rp1')).toEqual(report('rp1'));
        now = START + DAY;
        expect(await store.getReport('rp1')).toBeUndefined();
      });
    });

    describe('report shares', () => {
      const validUntil = '2026-04-01T00:00:00.000Z';

      it('opens a link by its token, counting each open, and lists links newest first without their token', async () => {
        await store.createShare(share('s1', 'old', '2026-03-01T00:00:00.000Z', validUntil), 'hash-old');
        await store.createShare(share('s1', 'new', '2026-03-02T00:00:00.000Z', validUntil), 'hash-new');
        expect(await store.openShare('hash-new', '2026-03-02T10:00:00.000Z')).toMatchObject({
          id: 'new',
          opens: 1,
        });
        const again = await store.openShare('hash-new', '2026-03-02T11:00:00.000Z');
        expect(again).toEqual({
          ...share('s1', 'new', '2026-03-02T00:00:00.000Z', validUntil),
          opens: 2,
          lastOpenedAt: '2026-03-02T11:00:00.000Z',
        });
        const listed = await store.listShares('s1');
        expect(listed.map((s) => [s.id, s.opens])).toEqual([
          ['new', 2],
          ['old', 0],
        ]);
        expect(JSON.stringify(listed)).not.toContain('hash-');
        expect(await store.openShare('hash-unknown', '2026-03-02T10:00:00.000Z')).toBeUndefined();
      });

      it('opens nothing once revoked or past its end; only its own report revokes it, and the first time stays', async () => {
        await store.createShare(share('s2', 'a', '2026-03-01T00:00:00.000Z', validUntil), 'hash-a');
        expect(await store.revokeShare('someone-else', 'a', '2026-03-02T10:00:00.000Z')).toBe(false);
        expect(await store.revokeShare('s2', 'unknown', '2026-03-02T10:00:00.000Z')).toBe(false);
        expect(await store.revokeShare('s2', 'a', '2026-03-02T10:00:00.000Z')).toBe(true);
        expect(await store.revokeShare('s2', 'a', '2026-03-02T11:00:00.000Z')).toBe(true);
        expect(await store.openShare('hash-a', '2026-03-02T12:00:00.000Z')).toBeUndefined();
        expect((await store.listShares('s2'))[0]?.revokedAt).toBe('2026-03-02T10:00:00.000Z');
        await store.createShare(share('s2', 'b', '2026-03-01T00:00:00.000Z', validUntil), 'hash-b');
        expect(await store.openShare('hash-b', '2026-04-01T00:00:00.000Z')).toBeUndefined();
      });

      it('goes with the rest of the program at its retention', async () => {
        await store.createShare(
          share('s3', 'c', '2026-03-01T00:00:00.000Z', validUntil),
          'hash-c',
          START + DAY,
        );
        expect(await store.openShare('hash-c', '2026-03-02T12:00:00.000Z')).toMatchObject({ opens: 1 });
        now = START + DAY;
        expect(await store.openShare('hash-c', '2026-03-03T12:00:00.000Z')).toBeUndefined();
        expect(await store.listShares('s3')).toEqual([]);
        expect(await store.revokeShare('s3', 'c', '2026-03-03T12:00:00.000Z')).toBe(false);
      });
    });

    describe('rate limits', () => {
      it('counts uses in a rolling window, spaces uses of one kind, and knows a repeat of a request', async () => {
        const use = (holder: string, at: string, kind = 'confirm') =>
          store.takeQuota({
            subject: 'email#test-subject',
            limit: 3,
            windowSeconds: DAY,
            kind,
            spacingSeconds: 60,
            now: at,
            holder,
          });
        expect(await use('r1', '2026-03-02T10:00:00.000Z')).toBe('taken');
        expect(await use('r1', '2026-03-02T10:00:00.000Z')).toBe('repeat');
        expect(await use('r2', '2026-03-02T10:00:30.000Z')).toBe('refused');
        expect(await use('r3', '2026-03-02T10:00:30.000Z', 'notice')).toBe('taken');
        const both = await Promise.all([
          use('r4', '2026-03-02T11:00:00.000Z', 'invite'),
          use('r5', '2026-03-02T11:00:00.000Z', 'notice'),
        ]);
        expect(both.sort()).toEqual(['refused', 'taken']);
        expect(await use('r6', '2026-03-02T20:00:00.000Z')).toBe('refused');
        expect(await use('r7', '2026-03-03T10:00:00.000Z')).toBe('taken');
        expect(await use('r8', '2026-03-03T10:00:20.000Z', 'invite')).toBe('refused');
      });
    });

    describe('retention and erasure', () => {
      /** An enrollment with something of every kind: number held, a message sent, a reply, consent, report, link. */
      const everything = async (id: string, phone: string) => {
        const e = await confirmed(id, { phone });
        await store.claimPhone(phone, id, '2026-03-02T10:00:00.000Z');
        const m = message(id, 1);
        await store.claimMessage(m);
        await store.transitionMessage(m, ['claimed'], { status: 'sent', providerId: `SM-${id}` });
        await store.addReply(reply(id, '2026-03-03T10:00:00.000Z', { score: 4 }));
        await store.addConsent(consent(id, '2026-03-02T10:00:00.000Z'));
        await store.saveReport(report(id), START + 400 * DAY);
        await store.createShare(
          share(id, `share-${id}`, '2026-03-02T00:00:00.000Z', '2026-06-01T00:00:00.000Z'),
          `hash-${id}`,
        );
        return e;
      };
      const whatIsLeft = async (e: Enrollment, phone: string) => ({
        enrollment: await store.getEnrollment(e.id),
        byEmail: await store.findByEmail(e.email),
        byPhone: await store.findByPhone(phone),
        naming: await store.findNamingPhone(phone),
        messages: await store.listMessages(e.id),
        byProvider: await store.findMessageByProviderId(`SM-${e.id}`),
        replies: await store.listReplies(e.id),
        consents: await store.listConsents(e.id),
        report: await store.getReport(e.id),
        shares: await store.listShares(e.id),
        opened: await store.openShare(`hash-${e.id}`, '2026-03-04T00:00:00.000Z'),
      });
      const nothing = {
        enrollment: undefined,
        byEmail: undefined,
        byPhone: undefined,
        naming: [],
        messages: [],
        byProvider: undefined,
        replies: [],
        consents: [],
        report: undefined,
        shares: [],
        opened: undefined,
      };

      it('keeps everything of an ended program until the time it was given, and nothing after', async () => {
        const phone = '+447700900301';
        const e = await everything('g1', phone);
        await store.expireEnrollment(e, START + 2 * DAY);
        const before = await whatIsLeft(e, phone);
        expect(before.enrollment?.id).toBe('g1');
        expect(before.byEmail?.id).toBe('g1');
        expect(before.byPhone?.id).toBe('g1');
        expect(before.messages).toHaveLength(1);
        expect(before.byProvider?.providerId).toBe('SM-g1');
        expect([before.replies.length, before.consents.length, before.shares.length]).toEqual([1, 1, 1]);
        expect(before.report).toEqual(report('g1'));
        expect(before.opened?.opens).toBe(1);
        now = START + 2 * DAY;
        const { byProvider, ...after } = await whatIsLeft(e, phone);
        const { byProvider: _, ...none } = nothing;
        // The provider's id lapses on its own; the message it led to is gone.
        expect(byProvider).toBeUndefined();
        expect(after).toEqual(none);
      });

      it('erases everything of an enrollment but a lookup another enrollment holds now, and the tombstones', async () => {
        const phone = '+447700900401';
        const e = await everything('z1', phone);
        await store.addErasureTombstone({
          contactHash: 'hz',
          channel: 'sms',
          action: 'erased+opted-out',
          source: 'privacy-page',
          at: '2026-03-03T00:00:00.000Z',
        });
        await store.saveEnrollment(enrollment('z1', { phone, status: 'completed', version: 3 }));
        await confirmed('z2', { phone });
        expect(await store.claimPhone(phone, 'z2', '2026-03-03T10:00:00.000Z')).toBe(true);
        await store.deleteEnrollment(e);
        expect(await whatIsLeft(e, phone)).toEqual({
          ...nothing,
          byPhone: await store.getEnrollment('z2'),
          naming: [await store.getEnrollment('z2')],
        });
        expect(await store.listErasureTombstones('hz')).toHaveLength(1);
      });
    });

    describe('outcome counts', () => {
      const group = { cohort: '2026-W10', track: 'hurt' as const, reach: 'texts' as const };
      const answer = (enrollmentId: string, value: string) => ({
        enrollmentId,
        group,
        milestone: 'answer#w1',
        fixed: [{ part: 'weekly', name: 'answered-w01' }],
        value,
        valued: [{ part: 'answers#honesty-safety', name: 'w01-s{v}' }],
      });
      /** The counts by group and part, summed over however many items the store keeps them in. */
      const counts = async () => {
        const summed: Record<string, Record<string, number>> = {};
        for (const row of await store.readOutcomeCounters()) {
          const key = `${row.cohort}#${row.track}#${row.reach}#${row.part}`;
          const into = summed[key] ?? {};
          summed[key] = into;
          for (const [name, n] of Object.entries(row.counts)) into[name] = (into[name] ?? 0) + n;
        }
        return summed;
      };

      it('counts a milestone once per enrollment, a retry changing nothing', async () => {
        const enrolled = (id: string) => ({
          enrollmentId: id,
          group,
          milestone: 'enrolled',
          fixed: [{ part: 'funnel', name: 'enrolled' }],
          opensCohort: true,
        });
        expect(await store.tallyOutcome(enrolled('o1'))).toBe('counted');
        expect(await store.tallyOutcome(enrolled('o1'))).toBe('already');
        expect(await store.tallyOutcome(enrolled('o2'))).toBe('counted');
        expect(await counts()).toEqual({ '2026-W10#hurt#texts#funnel': { enrolled: 2 } });
      });

      it("moves a milestone's valued count when its value changes, and only then", async () => {
        await store.tallyOutcome({ ...answer('o1', '3'), opensCohort: true });
        await store.tallyOutcome(answer('o2', '3'));
        expect(await store.tallyOutcome(answer('o1', '3'))).toBe('already');
        expect(await store.tallyOutcome(answer('o1', '5'))).toBe('changed');
        expect(await counts()).toEqual({
          '2026-W10#hurt#texts#weekly': { 'answered-w01': 2 },
          '2026-W10#hurt#texts#answers#honesty-safety': { 'w01-s3': 1, 'w01-s5': 1 },
        });
      });

      it('counts a check-in asked with its message marked sent, once, and never holds the message back', async () => {
        const active = await confirmed('o4');
        const asked = (week: number) => ({
          tally: {
            enrollmentId: 'o4',
            group,
            milestone: `asked#w${week}`,
            fixed: [{ part: 'weekly', name: `asked-w0${week}-sms` }],
            ...(week === 1 ? { opensCohort: true } : {}),
          },
        });
        const sending = async (day: number) => {
          const m = message('o4', day, { status: 'sending' });
          await store.claimMessage(m);
          return m;
        };
        const first = await sending(7);
        // Not sending: nothing is written, nor counted.
        expect(
          await store.markSent(
            message('o4', 8),
            { status: 'queued', providerId: 'SM-o4-8' },
            undefined,
            asked(1),
          ),
        ).toBe('not-sending');
        expect(await counts()).toEqual({});
        const next = { ...active, unansweredSms: 1, version: active.version + 1 };
        expect(await store.markSent(first, { status: 'queued', providerId: 'SM-o4-7' }, next, asked(1))).toBe(
          'done',
        );
        expect(await store.getEnrollment('o4')).toEqual(next);
        expect(await counts()).toEqual({ '2026-W10#hurt#texts#weekly': { 'asked-w01-sms': 1 } });
        // The same week's check-in counted before: the message is marked, nothing counted twice.
        const again = await sending(8);
        expect(
          await store.markSent(again, { status: 'queued', providerId: 'SM-o4-8' }, undefined, asked(1)),
        ).toBe('done');
        expect(await store.findMessageByProviderId('SM-o4-8')).toMatchObject({ status: 'queued', day: 8 });
        // A tally refused with the enrollment's version: nothing written, nothing counted.
        const later = await sending(14);
        expect(
          await store.markSent(
            later,
            { status: 'queued', providerId: 'SM-o4-14' },
            { ...next, version: next.version + 5 },
            asked(2),
          ),
        ).toBe('enrollment-changed');
        expect(
          await store.markSent(later, { status: 'queued', providerId: 'SM-o4-14' }, undefined, asked(2)),
        ).toBe('done');
        expect(await counts()).toEqual({
          '2026-W10#hurt#texts#weekly': { 'asked-w01-sms': 1, 'asked-w02-sms': 1 },
        });
      });

      it('writes an answer with its enrollment, replies and counts at once, each reply and count once', async () => {
        const active = await confirmed('o5');
        const at = '2026-03-09T10:00:00.000Z';
        const answered = reply('o5', at, { score: 4, stepId: 'checkin-w1', day: 7 });
        const next = (version: number) => ({ ...active, unansweredSms: 0, version });
        const write = (version: number, score: string) => ({
          enrollment: next(version),
          replies: [{ ...answered, score: Number(score) }],
          tallies: [{ ...answer('o5', score), opensCohort: true }],
        });
        // The enrollment written meanwhile: nothing of it is written, nor counted.
        await expect(store.saveAnswer(write(active.version + 2, '4'))).rejects.toBeInstanceOf(
          ConcurrentUpdateError,
        );
        expect(await store.listReplies('o5')).toEqual([]);
        expect(await counts()).toEqual({});
        expect(await store.saveAnswer(write(active.version + 1, '4'))).toEqual([]);
        expect(await store.getEnrollment('o5')).toEqual(next(active.version + 1));
        expect(await store.listReplies('o5')).toEqual([answered]);
        const once = {
          '2026-W10#hurt#texts#weekly': { 'answered-w01': 1 },
          '2026-W10#hurt#texts#answers#honesty-safety': { 'w01-s4': 1 },
        };
        expect(await counts()).toEqual(once);
        // A retry of the same message: the enrollment is written, its reply and count were already; the
        // tally comes back for the caller to move its value, should it have changed.
        const left = await store.saveAnswer(write(active.version + 2, '4'));
        expect(left.map((t) => t.milestone)).toEqual(['answer#w1']);
        expect(await store.tallyOutcome(left[0] as (typeof left)[number])).toBe('already');
        expect((await store.getEnrollment('o5'))?.version).toBe(active.version + 2);
        expect(await store.listReplies('o5')).toEqual([answered]);
        expect(await counts()).toEqual(once);
        // With nothing but the enrollment, it is written alone, under the same version check.
        await expect(
          store.saveAnswer({ enrollment: next(active.version + 2), replies: [], tallies: [] }),
        ).rejects.toBeInstanceOf(ConcurrentUpdateError);
        expect(
          await store.saveAnswer({ enrollment: next(active.version + 3), replies: [], tallies: [] }),
        ).toEqual([]);
        expect((await store.getEnrollment('o5'))?.version).toBe(active.version + 3);
      });

      it('counts several milestones of one enrollment in one write, each once, and hands back the valued ones counted before', async () => {
        const first = { ...answer('o6', '3'), opensCohort: true };
        const report = {
          enrollmentId: 'o6',
          group,
          milestone: 'report',
          fixed: [{ part: 'funnel', name: 'report' }],
        };
        expect(await store.tallyOutcome(first)).toBe('counted');
        const trend = {
          enrollmentId: 'o6',
          group,
          milestone: 'trend#honesty-safety',
          fixed: [],
          value: 'rose',
          valued: [{ part: 'trend', name: 'honesty-safety-{v}' }],
        };
        const left = await store.tallyOutcomes([{ ...first, value: '4' }, report, trend]);
        // The answer counted before comes back (its value moved from 3 to 4 by the caller); the rest counted.
        expect(left.map((t) => t.milestone)).toEqual(['answer#w1']);
        expect(await store.tallyOutcome(left[0] as (typeof left)[number])).toBe('changed');
        expect(await store.tallyOutcomes([report, trend])).toEqual([trend]);
        expect(await store.tallyOutcome(trend)).toBe('already');
        expect(await counts()).toEqual({
          '2026-W10#hurt#texts#weekly': { 'answered-w01': 1 },
          '2026-W10#hurt#texts#answers#honesty-safety': { 'w01-s3': 0, 'w01-s4': 1 },
          '2026-W10#hurt#texts#funnel': { report: 1 },
          '2026-W10#hurt#texts#trend': { 'honesty-safety-rose': 1 },
        });
      });

      it('counts a milestone reached twice in one answer once, handing the repeat back', async () => {
        const active = await confirmed('o7');
        const checkpoint = {
          enrollmentId: 'o7',
          group,
          milestone: 'checkpoint',
          fixed: [{ part: 'funnel', name: 'checkpoint' }],
          opensCohort: true,
        };
        // Three final checkpoint answers in one text each reach the checkpoint.
        const left = await store.saveAnswer({
          enrollment: { ...active, version: active.version + 1 },
          replies: [reply('o7', '2026-03-09T10:00:00.000Z', { score: 4 })],
          tallies: [checkpoint, checkpoint, checkpoint],
        });
        for (const t of left) expect(await store.tallyOutcome(t)).toBe('already');
        for (const t of await store.tallyOutcomes([checkpoint, checkpoint]))
          expect(await store.tallyOutcome(t)).toBe('already');
        expect(await counts()).toEqual({ '2026-W10#hurt#texts#funnel': { checkpoint: 1 } });
      });

      it("forgets an enrollment's milestones when it is deleted, keeping the counts", async () => {
        const e = await confirmed('o3');
        await store.tallyOutcome({ ...answer('o3', '4'), opensCohort: true });
        await store.deleteEnrollment(e);
        expect(await counts()).toEqual({
          '2026-W10#hurt#texts#weekly': { 'answered-w01': 1 },
          '2026-W10#hurt#texts#answers#honesty-safety': { 'w01-s4': 1 },
        });
      });
    });
  });
}
