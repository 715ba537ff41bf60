import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ConsentStore } from '../../ports/store';
import type { ConsentEvent, ErasureTombstone } from '../../program/consent';
import { CONSENT_PREFIX, ERASED_AT_PREFIX, keys } from './keys';
import { expiring, type Item, isConditionFailure, type Key, strip, type Table } from './table';

/** Puts an item that must not overwrite one, under the next sequence number when its key is taken. */
async function append(table: Table, keyOf: (seq: number) => Key, item: Item): Promise<void> {
  for (let seq = 0; ; seq++) {
    try {
      await table.db.send(
        new PutCommand({
          TableName: table.name,
          Item: { ...keyOf(seq), ...item },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return;
    } catch (error) {
      if (!isConditionFailure(error) || seq >= 9) throw error;
    }
  }
}

/** The consent ledger in each enrollment's partition; tombstones and invitation refusals under a contact's hash. */
export function dynamoConsent(table: Table): ConsentStore {
  return {
    async addConsent(event, retainUntil) {
      // Two events on one channel in the same millisecond get the next sequence number, never an overwrite.
      await append(table, (seq) => keys.consent(event.enrollmentId, event.at, event.channel, seq), {
        ...event,
        ...expiring(retainUntil),
      });
    },

    async listConsents(enrollmentId) {
      return (await table.ofEnrollment(enrollmentId, CONSENT_PREFIX)) as unknown as ConsentEvent[];
    },

    async addErasureTombstone(tombstone) {
      // No expiresAt: the proof of an opt-out outlives the data it replaces.
      await append(table, (seq) => keys.erasureTombstone(tombstone.contactHash, tombstone.at, seq), {
        ...tombstone,
      });
    },

    async listErasureTombstones(contactHash) {
      const items = await table.partition(keys.erasureTombstone(contactHash, '').PK, ERASED_AT_PREFIX);
      return items.map((item) => strip<ErasureTombstone & Item>(item) as ErasureTombstone);
    },

    async refuseInvitations(contactHash, at) {
      // Saying it again rewrites the same item (the first time is kept as `since`).
      await table.db.send(
        new UpdateCommand({
          TableName: table.name,
          Key: keys.noInvitations(contactHash),
          UpdateExpression: 'SET since = if_not_exists(since, :at)',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
    },

    async invitationsRefused(contactHash) {
      return (await table.get(keys.noInvitations(contactHash))) !== undefined;
    },
  };
}
