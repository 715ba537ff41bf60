import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type {
  EnrollmentConflict,
  EnrollmentPage,
  InboundClaim,
  QuotaOutcome,
  QuotaRequest,
  Store,
} from '../../ports/store';
import type { ConsentEvent, ErasureTombstone } from '../../program/consent';
import type { Enrollment, MessageKey, MessageRecord, Reply } from '../../program/enrollment';
import type { CheckpointReport } from '../../program/report';
import type { ReportShare } from '../../program/report-share';
import { mapConcurrently } from '../../shared/concurrency';
import { ConcurrentUpdateError, ValidationError } from '../../shared/errors';
import {
  CONSENT_PREFIX,
  DUE_INDEX,
  duePartition,
  dueUpTo,
  ENROLLMENT_PREFIX,
  ERASED_AT_PREFIX,
  keys,
  MESSAGE_PREFIX,
  PROFILE,
  REPLY_PREFIX,
  SHARE_PREFIX,
} from './keys';

type Item = Record<string, unknown>;

/** A Scan's or Query's LastEvaluatedKey as an opaque string the caller hands back for the next page. */
const encodeCursor = (key: Item): string => Buffer.from(JSON.stringify(key)).toString('base64url');

/** Key attributes a cursor may carry: the table's, and the due index's for a query on it. */
const CURSOR_KEYS = ['PK', 'SK', 'duePk', 'dueSk'] as const;

function decodeCursor(cursor: string): Item {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof key?.PK === 'string' && typeof key?.SK === 'string') {
      const picked: Item = {};
      for (const name of CURSOR_KEYS) if (typeof key[name] === 'string') picked[name] = key[name];
      return picked;
    }
  } catch {}
  throw new ValidationError('invalid_cursor', 'This page cursor is not one the list gave out.', 'cursor');
}

const strip = <T extends Item>(item: Item | undefined, ...extra: string[]): T | undefined => {
  if (!item) return undefined;
  const { PK, SK, duePk, dueSk, expiresAt, ...rest } = item;
  for (const name of extra) delete rest[name];
  return rest as T;
};

const isConditionFailure = (error: unknown) => error instanceof ConditionalCheckFailedException;

/**
 * The keys outside an enrollment's partition that point at it: its email lookup and, with a phone, the
 * number's holder lookup (if it is the holder) and the note that it named the number.
 */
const lookupKeys = (enrollment: Pick<Enrollment, 'id' | 'email' | 'phone'>) => [
  keys.emailLookup(enrollment.email),
  ...(enrollment.phone
    ? [keys.phoneLookup(enrollment.phone), keys.phoneNamedBy(enrollment.phone, enrollment.id)]
    : []),
];

/** The TTL attribute for an item that expires at `retainUntil` (Unix seconds), or nothing. */
const expiring = (retainUntil: number | undefined) =>
  retainUntil === undefined ? {} : { expiresAt: retainUntil };

/**
 * How long the provider's id of a sent message leads back to it: delivery callbacks and bounces come
 * within minutes or days, and an email reply without it is matched by its sender. Outside the
 * enrollment's partition, these are not part of its expiry (expireEnrollment): they expire on their own.
 */
export const PROVIDER_LOOKUP_TTL_SECONDS = 120 * 86_400;

/** TTL writes in flight at once when a program ends (`expireEnrollment`). */
const EXPIRY_WRITES_AT_ONCE = 8;

/** A pending enrollment nobody confirmed is removed by TTL this long after it was made. */
export const PENDING_TTL_SECONDS = 14 * 86_400;

/** A released inbound claim's lease: earlier than any real instant, so the next try takes it. */
const RELEASED = '1970-01-01T00:00:00.000Z';

/** The single-table DynamoDB store. The client is injected, so it can point at DynamoDB Local. */
export class DynamoStore implements Store {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    /** The clock's time in epoch seconds: expired items are treated as gone (emulators never delete them). */
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  /** The item, unless its TTL has passed; DynamoDB deletes expired items only eventually. */
  private live(item: Item | undefined): Item | undefined {
    if (!item) return undefined;
    return typeof item.expiresAt === 'number' && item.expiresAt <= this.nowSeconds() ? undefined : item;
  }

  async createEnrollment(enrollment: Enrollment): Promise<EnrollmentConflict | undefined> {
    // An email lookup whose enrollment has gone (an unconfirmed one expired) may be taken over.
    let stale: string | undefined;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.db.send(new TransactWriteCommand({ TransactItems: this.creation(enrollment, stale) }));
        return undefined;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        if (error.CancellationReasons?.[1]?.Code !== 'ConditionalCheckFailed') throw error;
        // The holder as stored, expired or not: an expired lookup (TTL deletes late) is taken over too.
        const holder = await this.lookup(keys.emailLookup(enrollment.email), true);
        if (holder && (await this.getEnrollment(holder))) return { kind: 'email-taken', holderId: holder };
        if (!holder) continue;
        stale = holder;
      }
    }
    throw new ConcurrentUpdateError('The email address changed hands while enrolling.');
  }

  /**
   * The transaction that stores a pending enrollment with its email lookup and, with a phone, the note
   * that it named the number, all expiring unless it is confirmed (activateEnrollment): an address
   * nobody confirmed is not kept. Naming a number claims nothing: YES from it does (claimPhone).
   */
  private creation(enrollment: Enrollment, stale: string | undefined) {
    const expiresAt = Math.floor(Date.parse(enrollment.createdAt) / 1000) + PENDING_TTL_SECONDS;
    const lookup = { enrollmentId: enrollment.id, createdAt: enrollment.createdAt, expiresAt };
    const items = [
      {
        Put: {
          TableName: this.table,
          Item: { ...keys.enrollment(enrollment.id), ...enrollment, expiresAt },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Put: {
          TableName: this.table,
          Item: { ...keys.emailLookup(enrollment.email), ...lookup },
          ...(stale
            ? { ConditionExpression: 'enrollmentId = :stale', ExpressionAttributeValues: { ':stale': stale } }
            : { ConditionExpression: 'attribute_not_exists(PK)' }),
        },
      },
    ];
    if (enrollment.phone) {
      items.push({
        Put: {
          TableName: this.table,
          Item: { ...keys.phoneNamedBy(enrollment.phone, enrollment.id), ...lookup },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      });
    }
    return items;
  }

  async dropReplyText(enrollmentId: string): Promise<number> {
    const replies = await this.queryAll({
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.enrollment(enrollmentId).PK, ':prefix': REPLY_PREFIX },
      ConsistentRead: true,
    });
    let dropped = 0;
    for (const reply of replies.filter((r) => typeof r.note === 'string')) {
      const Key = { PK: reply.PK as string, SK: reply.SK as string };
      await this.db.send(
        reply.score === undefined
          ? new DeleteCommand({ TableName: this.table, Key })
          : new UpdateCommand({ TableName: this.table, Key, UpdateExpression: 'REMOVE note' }),
      );
      dropped++;
    }
    return dropped;
  }

  async expireEnrollment(enrollment: Enrollment, expiresAt: number): Promise<void> {
    const own = await this.queryAll({
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.enrollment(enrollment.id).PK },
      ConsistentRead: true,
    });
    const targets = [
      ...own.map((item) => ({ PK: item.PK as string, SK: item.SK as string })),
      ...lookupKeys(enrollment),
    ];
    // A share link's lookup already expires with its link: only ever brought earlier, never later.
    const shareLinks = own
      .filter((item) => typeof item.tokenHash === 'string')
      .map((item) => keys.shareLink(item.tokenHash as string));
    // A program holds about 150 items; a few writes at a time keep the tick that ends it short.
    await mapConcurrently([...targets, ...shareLinks], EXPIRY_WRITES_AT_ONCE, async (key) => {
      const inPartition = key.PK.startsWith(ENROLLMENT_PREFIX);
      const shareLink = shareLinks.includes(key);
      try {
        await this.db.send(
          new UpdateCommand({
            TableName: this.table,
            Key: key,
            UpdateExpression: 'SET expiresAt = :at',
            // Lookups only while they still point here; every other item belongs to this enrollment.
            ConditionExpression: inPartition
              ? 'attribute_exists(PK)'
              : shareLink
                ? 'attribute_exists(PK) AND expiresAt > :at'
                : 'enrollmentId = :id',
            ExpressionAttributeValues: {
              ':at': expiresAt,
              ...(inPartition || shareLink ? {} : { ':id': enrollment.id }),
            },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    });
  }

  async getEnrollment(id: string): Promise<Enrollment | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.enrollment(id), ConsistentRead: true }),
    );
    return strip<Enrollment & Item>(this.live(Item));
  }

  async findByEmail(email: string): Promise<Enrollment | undefined> {
    const id = await this.lookup(keys.emailLookup(email));
    return id ? this.getEnrollment(id) : undefined;
  }

  async findByPhone(phone: string): Promise<Enrollment | undefined> {
    const id = await this.lookup(keys.phoneLookup(phone));
    return id ? this.getEnrollment(id) : undefined;
  }

  async findNamingPhone(phone: string): Promise<Enrollment[]> {
    const named = await this.queryAll({
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.phoneLookup(phone).PK, ':prefix': ENROLLMENT_PREFIX },
      ConsistentRead: true,
    });
    const found = await Promise.all(
      named.filter((item) => this.live(item)).map((item) => this.getEnrollment(item.enrollmentId as string)),
    );
    return found.filter((e): e is Enrollment => e !== undefined);
  }

  async claimPhone(phone: string, enrollmentId: string, at: string): Promise<boolean> {
    const claim = (condition: string, values: Item) =>
      this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...keys.phoneLookup(phone), enrollmentId, claimedAt: at },
          ConditionExpression: condition,
          ExpressionAttributeValues: values,
        }),
      );
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await claim('attribute_not_exists(PK) OR enrollmentId = :id OR expiresAt <= :now', {
          ':id': enrollmentId,
          ':now': this.nowSeconds(),
        });
        return true;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
      // Held by another enrollment: taken over only when that program is no longer running.
      const holder = await this.lookup(keys.phoneLookup(phone), true);
      if (!holder) continue;
      if ((await this.getEnrollment(holder))?.status === 'active') return false;
      try {
        await claim('enrollmentId = :holder', { ':holder': holder });
        return true;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
    return false;
  }

  async takeQuota(request: QuotaRequest): Promise<QuotaOutcome> {
    const Key = keys.quota(request.subject);
    const now = Date.parse(request.now);
    const take = `${request.now}#${request.kind}#${request.holder}`;
    // Each use is one attribute (u0, u1…) holding "<when>#<kind>#<holder>": a use older than the window
    // is free again, and a write succeeds only over the value it was read with.
    for (let attempt = 0; attempt < 5; attempt++) {
      const { Item } = await this.db.send(
        new GetCommand({ TableName: this.table, Key, ConsistentRead: true }),
      );
      const uses = Array.from({ length: request.limit }, (_, i) => Item?.[`u${i}`] as string | undefined);
      if (uses.some((use) => use?.endsWith(`#${request.holder}`)))
        // A repeat of this request, or the SDK repeating a write whose answer was lost (attempt > 0).
        return attempt === 0 ? 'repeat' : 'taken';
      const since = (use: string) => now - Date.parse(use.slice(0, use.indexOf('#')));
      const spacing = (request.spacingSeconds ?? 0) * 1000;
      if (uses.some((use) => use?.split('#')[1] === request.kind && since(use) < spacing)) return 'refused';
      const free = uses.findIndex((use) => use === undefined || since(use) >= request.windowSeconds * 1000);
      if (free < 0) return 'refused';
      const old = uses[free];
      try {
        await this.db.send(
          new UpdateCommand({
            TableName: this.table,
            Key,
            UpdateExpression: `SET u${free} = :take, expiresAt = :expires`,
            ConditionExpression: old === undefined ? `attribute_not_exists(u${free})` : `u${free} = :old`,
            ExpressionAttributeValues: {
              ':take': take,
              ':expires': Math.floor(now / 1000) + request.windowSeconds,
              ...(old === undefined ? {} : { ':old': old }),
            },
          }),
        );
        return 'taken';
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
    return 'refused';
  }

  async saveEnrollment(enrollment: Enrollment, shardCount: number): Promise<void> {
    try {
      await this.db.send(new PutCommand(this.versionedPut(enrollment, shardCount)));
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new ConcurrentUpdateError('The enrollment changed while it was being updated.', undefined, {
          cause: error,
        });
      }
      throw error;
    }
  }

  async activateEnrollment(enrollment: Enrollment, shardCount: number): Promise<void> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: this.versionedPut(enrollment, shardCount) },
            {
              Update: {
                TableName: this.table,
                Key: keys.emailLookup(enrollment.email),
                UpdateExpression: 'REMOVE expiresAt',
                ConditionExpression: 'enrollmentId = :id',
                ExpressionAttributeValues: { ':id': enrollment.id },
              },
            },
            // Written if missing: an enrollment made before numbers were claimed by YES has none.
            ...(enrollment.phone
              ? [
                  {
                    Update: {
                      TableName: this.table,
                      Key: keys.phoneNamedBy(enrollment.phone, enrollment.id),
                      UpdateExpression: 'SET enrollmentId = :id REMOVE expiresAt',
                      ExpressionAttributeValues: { ':id': enrollment.id },
                    },
                  },
                ]
              : []),
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        throw new ConcurrentUpdateError('The enrollment changed while it was being confirmed.', undefined, {
          cause: error,
        });
      }
      throw error;
    }
  }

  /** The Put of an enrollment under its version, with its due-index keys and, once ended, its TTL. */
  private versionedPut(enrollment: Enrollment, shardCount: number) {
    const due =
      enrollment.status === 'active' && enrollment.nextDueAt
        ? keys.due(enrollment.id, enrollment.nextDueAt, shardCount)
        : {};
    return {
      TableName: this.table,
      // A finished program's TTL is written with every update, so no later write drops it.
      Item: { ...keys.enrollment(enrollment.id), ...enrollment, ...due, ...expiring(enrollment.retainUntil) },
      ConditionExpression: 'version = :previous',
      ExpressionAttributeValues: { ':previous': enrollment.version - 1 },
    };
  }

  async dueEnrollments(
    shard: number,
    now: string,
    page: { limit: number; cursor?: string },
  ): Promise<EnrollmentPage> {
    // The index projects the whole enrollment: one item read per due enrollment, no GetItem after it.
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: DUE_INDEX,
        KeyConditionExpression: 'duePk = :pk AND dueSk <= :upTo',
        ExpressionAttributeValues: { ':pk': duePartition(shard), ':upTo': dueUpTo(now) },
        Limit: page.limit,
        ...(page.cursor ? { ExclusiveStartKey: decodeCursor(page.cursor) } : {}),
      }),
    );
    const enrollments = (result.Items ?? [])
      .map((item) => strip<Enrollment & Item>(this.live(item)))
      .filter((e): e is Enrollment & Item => e !== undefined);
    return {
      enrollments,
      ...(result.LastEvaluatedKey ? { cursor: encodeCursor(result.LastEvaluatedKey) } : {}),
    };
  }

  async earliestDue(shardCount: number): Promise<string | undefined> {
    const firsts = await Promise.all(
      Array.from({ length: shardCount }, async (_, shard) => {
        const { Items } = await this.db.send(
          new QueryCommand({
            TableName: this.table,
            IndexName: DUE_INDEX,
            KeyConditionExpression: 'duePk = :pk',
            ExpressionAttributeValues: { ':pk': duePartition(shard) },
            Limit: 1,
          }),
        );
        return (Items?.[0]?.dueSk as string | undefined)?.split('#')[0];
      }),
    );
    return firsts.filter((d): d is string => d !== undefined).sort()[0];
  }

  async claimMessage(message: MessageRecord): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...keys.message(message), ...message },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async getMessage(enrollmentId: string, day: number, slot: string, channel: MessageRecord['channel']) {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.table,
        Key: keys.message({ enrollmentId, day, slot, channel }),
        ConsistentRead: true,
      }),
    );
    return strip<MessageRecord & Item>(this.live(Item));
  }

  async transitionMessage(
    message: MessageKey,
    from: readonly MessageRecord['status'][],
    changes: Partial<Pick<MessageRecord, 'status' | 'providerId' | 'error' | 'sendingAt' | 'sendingBy'>>,
  ): Promise<boolean> {
    if (from.length === 0) return false;
    const names: Record<string, string> = { '#status': 'status' };
    const values: Record<string, unknown> = {};
    const sets: string[] = [];
    for (const [field, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      sets.push(`#${field} = :${field}`);
    }
    from.forEach((status, i) => {
      values[`:from${i}`] = status;
    });
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.message(message),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: `attribute_exists(PK) AND #status IN (${from.map((_, i) => `:from${i}`).join(', ')})`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
    if (changes.providerId) {
      const { enrollmentId, day, slot, channel } = message;
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...keys.providerLookup(changes.providerId),
            enrollmentId,
            day,
            slot,
            channel,
            expiresAt: this.nowSeconds() + PROVIDER_LOOKUP_TTL_SECONDS,
          },
        }),
      );
    }
    return true;
  }

  async findMessageByProviderId(providerId: string): Promise<MessageRecord | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.providerLookup(providerId) }),
    );
    const lookup = this.live(Item) as MessageKey | undefined;
    if (!lookup) return undefined;
    return this.getMessage(lookup.enrollmentId, lookup.day, lookup.slot, lookup.channel);
  }

  async listMessages(enrollmentId: string): Promise<MessageRecord[]> {
    return (await this.queryPrefix(enrollmentId, MESSAGE_PREFIX)) as unknown as MessageRecord[];
  }

  async claimInbound(claim: InboundClaim): Promise<string | undefined> {
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.inbound(claim.sourceId),
          UpdateExpression:
            'SET firstSeenAt = if_not_exists(firstSeenAt, :now), holder = :holder, leaseUntil = :lease, expiresAt = :expires',
          // A holder may repeat its own claim (an SDK retry); anyone may take over a lease that ran out.
          ConditionExpression:
            'attribute_not_exists(PK) OR (attribute_not_exists(handled) AND (holder = :holder OR leaseUntil < :now))',
          ExpressionAttributeValues: {
            ':now': claim.now,
            ':holder': claim.holder,
            ':lease': claim.leaseUntil,
            ':expires': claim.expiresAt,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes?.firstSeenAt as string;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  async settleInbound(sourceId: string, holder: string, handled: boolean): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.inbound(sourceId),
          UpdateExpression: handled ? 'SET handled = :yes' : 'SET leaseUntil = :released',
          ConditionExpression: 'holder = :holder',
          ExpressionAttributeValues: {
            ':holder': holder,
            ...(handled ? { ':yes': true } : { ':released': RELEASED }),
          },
        }),
      );
    } catch (error) {
      // Another request took it over after this one's lease ran out: that one settles it.
      if (!isConditionFailure(error)) throw error;
    }
  }

  async addReply(reply: Reply, retainUntil?: number): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...keys.reply(reply.enrollmentId, reply.at, reply.sourceId),
            ...reply,
            ...expiring(retainUntil),
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      // The same reply (same instant, same source) was stored by an earlier try of this message.
      if (!isConditionFailure(error)) throw error;
    }
  }

  async listReplies(enrollmentId: string): Promise<Reply[]> {
    return (await this.queryPrefix(enrollmentId, REPLY_PREFIX)) as unknown as Reply[];
  }

  async addConsent(event: ConsentEvent, retainUntil?: number): Promise<void> {
    // Two events on one channel in the same millisecond get the next sequence number, never an overwrite.
    for (let seq = 0; ; seq++) {
      try {
        await this.db.send(
          new PutCommand({
            TableName: this.table,
            Item: {
              ...keys.consent(event.enrollmentId, event.at, event.channel, seq),
              ...event,
              ...expiring(retainUntil),
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
        return;
      } catch (error) {
        if (!isConditionFailure(error) || seq >= 9) throw error;
      }
    }
  }

  async listConsents(enrollmentId: string): Promise<ConsentEvent[]> {
    return (await this.queryPrefix(enrollmentId, CONSENT_PREFIX)) as unknown as ConsentEvent[];
  }

  async addErasureTombstone(tombstone: ErasureTombstone): Promise<void> {
    // No expiresAt: the proof of an opt-out outlives the data it replaces.
    for (let seq = 0; ; seq++) {
      try {
        await this.db.send(
          new PutCommand({
            TableName: this.table,
            Item: { ...keys.erasureTombstone(tombstone.contactHash, tombstone.at, seq), ...tombstone },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
        return;
      } catch (error) {
        if (!isConditionFailure(error) || seq >= 9) throw error;
      }
    }
  }

  async listErasureTombstones(contactHash: string): Promise<ErasureTombstone[]> {
    const items = await this.queryAll({
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.erasureTombstone(contactHash, '').PK,
        ':prefix': ERASED_AT_PREFIX,
      },
      ConsistentRead: true,
    });
    return items.map((item) => strip<ErasureTombstone & Item>(item) as ErasureTombstone);
  }

  async refuseInvitations(contactHash: string, at: string): Promise<void> {
    // A plain put: saying it again rewrites the same item (the first time is kept as `since`).
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.noInvitations(contactHash),
        UpdateExpression: 'SET since = if_not_exists(since, :at)',
        ExpressionAttributeValues: { ':at': at },
      }),
    );
  }

  async invitationsRefused(contactHash: string): Promise<boolean> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.noInvitations(contactHash), ConsistentRead: true }),
    );
    return Item !== undefined;
  }

  async saveReport(report: CheckpointReport, retainUntil: number): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...keys.report(report.enrollmentId), ...report, ...expiring(retainUntil) },
      }),
    );
  }

  async getReport(enrollmentId: string): Promise<CheckpointReport | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.report(enrollmentId) }),
    );
    return strip<CheckpointReport & Item>(this.live(Item));
  }

  async createShare(share: ReportShare, tokenHash: string, retainUntil?: number): Promise<void> {
    const linkExpires = Math.floor(Date.parse(share.validUntil) / 1000);
    // Each put also accepts its own earlier copy: the SDK may repeat a transaction whose answer was lost.
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.table,
              Item: {
                ...keys.share(share.enrollmentId, share.id),
                ...share,
                tokenHash,
                ...expiring(retainUntil),
              },
              ConditionExpression: 'attribute_not_exists(PK) OR tokenHash = :hash',
              ExpressionAttributeValues: { ':hash': tokenHash },
            },
          },
          {
            Put: {
              TableName: this.table,
              Item: {
                ...keys.shareLink(tokenHash),
                enrollmentId: share.enrollmentId,
                shareId: share.id,
                expiresAt: retainUntil === undefined ? linkExpires : Math.min(linkExpires, retainUntil),
              },
              ConditionExpression: 'attribute_not_exists(PK) OR shareId = :id',
              ExpressionAttributeValues: { ':id': share.id },
            },
          },
        ],
      }),
    );
  }

  async listShares(enrollmentId: string): Promise<ReportShare[]> {
    const shares = (await this.queryPrefix(enrollmentId, SHARE_PREFIX)).map(
      (item) => strip<ReportShare & Item>(item, 'tokenHash') as ReportShare,
    );
    return shares.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async openShare(tokenHash: string, now: string): Promise<ReportShare | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.shareLink(tokenHash), ConsistentRead: true }),
    );
    const link = this.live(Item);
    if (!link) return undefined;
    try {
      // The count and the checks in one write: two opens at once both count, and none after a revoke.
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.share(link.enrollmentId as string, link.shareId as string),
          UpdateExpression: 'ADD opens :one SET lastOpenedAt = :now',
          ConditionExpression:
            'tokenHash = :hash AND attribute_not_exists(revokedAt) AND validUntil > :now AND (attribute_not_exists(expiresAt) OR expiresAt > :nowSeconds)',
          ExpressionAttributeValues: {
            ':one': 1,
            ':now': now,
            ':hash': tokenHash,
            ':nowSeconds': this.nowSeconds(),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return strip<ReportShare & Item>(Attributes, 'tokenHash');
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  async revokeShare(enrollmentId: string, shareId: string, at: string): Promise<boolean> {
    let tokenHash: string;
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.share(enrollmentId, shareId),
          // Revoking twice keeps the first instant.
          UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :at)',
          ConditionExpression:
            'attribute_exists(PK) AND (attribute_not_exists(expiresAt) OR expiresAt > :nowSeconds)',
          ExpressionAttributeValues: { ':at': at, ':nowSeconds': this.nowSeconds() },
          ReturnValues: 'ALL_NEW',
        }),
      );
      tokenHash = Attributes?.tokenHash as string;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
    // The record already refuses every open; the lookup goes too, so nothing is left to find.
    await this.db.send(new DeleteCommand({ TableName: this.table, Key: keys.shareLink(tokenHash) }));
    return true;
  }

  async deleteEnrollment(enrollment: Enrollment): Promise<void> {
    const own = await this.queryAll({
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.enrollment(enrollment.id).PK },
      ConsistentRead: true,
    });
    const targets: { PK: string; SK: string }[] = own.map((item) => ({
      PK: item.PK as string,
      SK: item.SK as string,
    }));
    for (const item of own) {
      if (typeof item.providerId === 'string') targets.push(keys.providerLookup(item.providerId));
      if (typeof item.tokenHash === 'string') targets.push(keys.shareLink(item.tokenHash));
    }
    // Lookups go only if they still point at this enrollment (a later enrollment may own the address now).
    for (const key of lookupKeys(enrollment)) {
      try {
        await this.db.send(
          new DeleteCommand({
            TableName: this.table,
            Key: key,
            ConditionExpression: 'enrollmentId = :id',
            ExpressionAttributeValues: { ':id': enrollment.id },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
    // The profile goes last, so a failure half-way leaves it in place and the request can be repeated.
    const profile = keys.enrollment(enrollment.id);
    const rest = targets.filter((k) => !(k.PK === profile.PK && k.SK === profile.SK));
    for (let i = 0; i < rest.length; i += 25) {
      let requests = rest.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
      for (let attempt = 0; requests.length > 0; attempt++) {
        if (attempt > 8) throw new Error('DynamoDB kept items unprocessed while deleting an enrollment');
        const result = await this.db.send(
          new BatchWriteCommand({ RequestItems: { [this.table]: requests } }),
        );
        requests = (result.UnprocessedItems?.[this.table] ?? []) as typeof requests;
        if (requests.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      }
    }
    await this.db.send(new DeleteCommand({ TableName: this.table, Key: profile }));
  }

  async listEnrollments({ limit, cursor }: { limit: number; cursor?: string }): Promise<EnrollmentPage> {
    // An operator's tool: a Scan of the whole table, filtered to profiles, one page per call.
    const page = await this.db.send(
      new ScanCommand({
        TableName: this.table,
        FilterExpression: 'SK = :profile',
        ExpressionAttributeValues: { ':profile': PROFILE },
        Limit: limit,
        ...(cursor ? { ExclusiveStartKey: decodeCursor(cursor) } : {}),
      }),
    );
    const enrollments = (page.Items ?? [])
      .map((item) => strip<Enrollment & Item>(this.live(item)))
      .filter((e): e is Enrollment & Item => e !== undefined);
    return {
      enrollments,
      ...(page.LastEvaluatedKey ? { cursor: encodeCursor(page.LastEvaluatedKey) } : {}),
    };
  }

  private async lookup(key: { PK: string; SK: string }, expiredToo = false): Promise<string | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true }),
    );
    return (expiredToo ? Item : this.live(Item))?.enrollmentId as string | undefined;
  }

  private async queryPrefix(enrollmentId: string, prefix: string): Promise<Item[]> {
    const items = await this.queryAll({
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.enrollment(enrollmentId).PK, ':prefix': prefix },
      ConsistentRead: true,
    });
    return items.filter((item) => this.live(item)).map((item) => strip<Item>(item) as Item);
  }

  private async queryAll(input: QueryCommandInput): Promise<Item[]> {
    const items: Item[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(new QueryCommand({ ...input, ExclusiveStartKey }));
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }
}
