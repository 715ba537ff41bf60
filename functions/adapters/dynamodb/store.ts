import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { EnrollmentConflict, Store } from '../../ports/store';
import type { ConsentEvent } from '../../program/consent';
import type { Enrollment, MessageRecord, Reply } from '../../program/enrollment';
import type { CheckpointReport } from '../../program/report';
import { ConcurrentUpdateError } from '../../shared/errors';
import {
  CONSENT_PREFIX,
  DUE_INDEX,
  duePartition,
  dueUpTo,
  enrollmentIdOf,
  keys,
  MESSAGE_PREFIX,
  REPLY_PREFIX,
} from './keys';

type Item = Record<string, unknown>;

const strip = <T extends Item>(item: Item | undefined, ...extra: string[]): T | undefined => {
  if (!item) return undefined;
  const { PK, SK, duePk, dueSk, expiresAt, ...rest } = item;
  for (const name of extra) delete rest[name];
  return rest as T;
};

const isConditionFailure = (error: unknown) => error instanceof ConditionalCheckFailedException;

/** The single-table DynamoDB store. The client is injected, so it can point at DynamoDB Local. */
export class DynamoStore implements Store {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async createEnrollment(enrollment: Enrollment): Promise<EnrollmentConflict | undefined> {
    const lookup = { enrollmentId: enrollment.id, createdAt: enrollment.createdAt };
    const fresh = 'attribute_not_exists(PK)';
    const items = [
      {
        Put: {
          TableName: this.table,
          Item: { ...keys.enrollment(enrollment.id), ...enrollment },
          ConditionExpression: fresh,
        },
      },
      {
        Put: {
          TableName: this.table,
          Item: { ...keys.emailLookup(enrollment.email), ...lookup },
          ConditionExpression: fresh,
        },
      },
    ];
    if (enrollment.phone) {
      items.push({
        Put: {
          TableName: this.table,
          Item: { ...keys.phoneLookup(enrollment.phone), ...lookup },
          ConditionExpression: fresh,
        },
      });
    }
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
      return undefined;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (reasons[1]?.Code === 'ConditionalCheckFailed') {
        const holder = await this.lookup(keys.emailLookup(enrollment.email));
        if (holder) return { kind: 'email-taken', holderId: holder };
      }
      if (reasons[2]?.Code === 'ConditionalCheckFailed' && enrollment.phone) {
        const holder = await this.lookup(keys.phoneLookup(enrollment.phone));
        if (holder) return { kind: 'phone-taken', holderId: holder };
      }
      throw error;
    }
  }

  async getEnrollment(id: string): Promise<Enrollment | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.enrollment(id), ConsistentRead: true }),
    );
    return strip<Enrollment & Item>(Item);
  }

  async findByEmail(email: string): Promise<Enrollment | undefined> {
    const id = await this.lookup(keys.emailLookup(email));
    return id ? this.getEnrollment(id) : undefined;
  }

  async findByPhone(phone: string): Promise<Enrollment | undefined> {
    const id = await this.lookup(keys.phoneLookup(phone));
    return id ? this.getEnrollment(id) : undefined;
  }

  async saveEnrollment(enrollment: Enrollment, shardCount: number): Promise<void> {
    const due =
      enrollment.status === 'active' && enrollment.nextDueAt
        ? keys.due(enrollment.id, enrollment.nextDueAt, shardCount)
        : {};
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...keys.enrollment(enrollment.id), ...enrollment, ...due },
          ConditionExpression: 'version = :previous',
          ExpressionAttributeValues: { ':previous': enrollment.version - 1 },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new ConcurrentUpdateError('The enrollment changed while it was being updated.', undefined, {
          cause: error,
        });
      }
      throw error;
    }
  }

  async dueEnrollmentIds(shard: number, now: string): Promise<string[]> {
    const items = await this.queryAll({
      TableName: this.table,
      IndexName: DUE_INDEX,
      KeyConditionExpression: 'duePk = :pk AND dueSk <= :upTo',
      ExpressionAttributeValues: { ':pk': duePartition(shard), ':upTo': dueUpTo(now) },
    });
    return items.map((item) => enrollmentIdOf(item.PK as string));
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
    return strip<MessageRecord & Item>(Item);
  }

  async transitionMessage(
    message: MessageRecord,
    from: readonly MessageRecord['status'][],
    changes: Partial<Pick<MessageRecord, 'status' | 'providerId' | 'error'>>,
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
          Item: { ...keys.providerLookup(changes.providerId), enrollmentId, day, slot, channel },
        }),
      );
    }
    return true;
  }

  async findMessageByProviderId(providerId: string): Promise<MessageRecord | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.providerLookup(providerId) }),
    );
    if (!Item) return undefined;
    return this.getMessage(Item.enrollmentId, Item.day, Item.slot, Item.channel);
  }

  async listMessages(enrollmentId: string): Promise<MessageRecord[]> {
    return (await this.queryPrefix(enrollmentId, MESSAGE_PREFIX)) as unknown as MessageRecord[];
  }

  async rememberInbound(sourceId: string, expiresAt: number): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...keys.inbound(sourceId), expiresAt },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async addReply(reply: Reply): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...keys.reply(reply.enrollmentId, reply.at, reply.sourceId), ...reply },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async listReplies(enrollmentId: string): Promise<Reply[]> {
    return (await this.queryPrefix(enrollmentId, REPLY_PREFIX)) as unknown as Reply[];
  }

  async addConsent(event: ConsentEvent): Promise<void> {
    // Two events on one channel in the same millisecond get the next sequence number, never an overwrite.
    for (let seq = 0; ; seq++) {
      try {
        await this.db.send(
          new PutCommand({
            TableName: this.table,
            Item: { ...keys.consent(event.enrollmentId, event.at, event.channel, seq), ...event },
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

  async saveReport(report: CheckpointReport): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.table, Item: { ...keys.report(report.enrollmentId), ...report } }),
    );
  }

  async getReport(enrollmentId: string): Promise<CheckpointReport | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.report(enrollmentId) }),
    );
    return strip<CheckpointReport & Item>(Item);
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
    for (const item of own)
      if (typeof item.providerId === 'string') targets.push(keys.providerLookup(item.providerId));
    // Lookups go only if they still point at this enrollment (a later enrollment may own the address now).
    const lookups = [
      keys.emailLookup(enrollment.email),
      ...(enrollment.phone ? [keys.phoneLookup(enrollment.phone)] : []),
    ];
    for (const key of lookups) {
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

  private async lookup(key: { PK: string; SK: string }): Promise<string | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true }),
    );
    return Item?.enrollmentId as string | undefined;
  }

  private async queryPrefix(enrollmentId: string, prefix: string): Promise<Item[]> {
    const items = await this.queryAll({
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.enrollment(enrollmentId).PK, ':prefix': prefix },
      ConsistentRead: true,
    });
    return items.map((item) => strip<Item>(item) as Item);
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
