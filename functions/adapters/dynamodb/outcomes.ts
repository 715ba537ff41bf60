import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { OutcomeStore, TallyOutcome } from '../../ports/store';
import {
  type CounterRef,
  type CounterRow,
  type OutcomeGroup,
  type OutcomeTally,
  valuedName,
} from '../../program/outcomes';
import type { Track } from '../../program/types';
import { keys, OUTCOME_COUNT_PREFIX, OUTCOME_COUNTER_SHARDS, outcomeCohortPartition, shardOf } from './keys';
import { expiring, refusedConditions, type Table } from './table';

/** Increments by counter item: a transaction may touch an item once, so one Update per part. */
function updatesOf(
  table: Table,
  group: OutcomeGroup,
  shard: number,
  adds: { ref: CounterRef; by: number }[],
) {
  const byPart = new Map<string, Map<string, number>>();
  for (const { ref, by } of adds) {
    const names = byPart.get(ref.part) ?? new Map<string, number>();
    names.set(ref.name, (names.get(ref.name) ?? 0) + by);
    byPart.set(ref.part, names);
  }
  return [...byPart.entries()].map(([part, names]) => {
    const attributeNames: Record<string, string> = {
      '#cohort': 'cohort',
      '#track': 'track',
      '#reach': 'reach',
      '#part': 'part',
    };
    const values: Record<string, unknown> = {
      ':cohort': group.cohort,
      ':track': group.track,
      ':reach': group.reach,
      ':part': part,
    };
    const adds: string[] = [];
    [...names.entries()].forEach(([name, by], i) => {
      attributeNames[`#n${i}`] = `${OUTCOME_COUNT_PREFIX}${name}`;
      values[`:n${i}`] = by;
      adds.push(`#n${i} :n${i}`);
    });
    return {
      Update: {
        TableName: table.name,
        Key: keys.outcomeCounter(group, part, shard),
        UpdateExpression: `SET #cohort = :cohort, #track = :track, #reach = :reach, #part = :part ADD ${adds.join(', ')}`,
        ExpressionAttributeNames: attributeNames,
        ExpressionAttributeValues: values,
      },
    };
  });
}

/**
 * The tallies split into the first of each milestone, which one write may count (a transaction touches
 * an item once), and the repeats (the three final checkpoint answers of one text each reach `checkpoint`),
 * left to be counted alone after it, as tallyOutcome counts a milestone reached again.
 */
export function firstOfEach(tallies: readonly OutcomeTally[]) {
  const seen = new Set<string>();
  const first: OutcomeTally[] = [];
  const again: OutcomeTally[] = [];
  for (const tally of tallies) {
    (seen.has(tally.milestone) ? again : first).push(tally);
    seen.add(tally.milestone);
  }
  return { first, again };
}

/**
 * The items that count tallies of one enrollment inside another write's transaction: each tally's mark
 * (a conditional put: counted once), in the tallies' order, then the counters they add to, merged by item
 * (a transaction may touch an item once). A refused mark cancels the transaction: the caller writes the
 * rest again without that tally (it was counted before), and moves a changed value with tallyOutcome.
 */
export function tallyItems(table: Table, tallies: readonly OutcomeTally[], retainUntil?: number) {
  const marks = tallies.map((tally) => ({
    Put: {
      TableName: table.name,
      Item: {
        ...keys.outcomeMark(tally.enrollmentId, tally.milestone),
        ...(tally.value !== undefined ? { value: tally.value } : {}),
        ...expiring(retainUntil),
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  }));
  const byGroup = new Map<
    string,
    { group: OutcomeGroup; shard: number; adds: { ref: CounterRef; by: number }[] }
  >();
  for (const tally of tallies) {
    const shard = shardOf(tally.enrollmentId, OUTCOME_COUNTER_SHARDS);
    const key = JSON.stringify([tally.group.cohort, tally.group.track, tally.group.reach, shard]);
    const entry = byGroup.get(key) ?? { group: tally.group, shard, adds: [] };
    entry.adds.push(...tally.fixed.map((ref) => ({ ref, by: 1 })));
    if (tally.value !== undefined)
      entry.adds.push(
        ...(tally.valued ?? []).map((ref) => ({
          ref: { ...ref, name: valuedName(ref, tally.value as string) },
          by: 1,
        })),
      );
    byGroup.set(key, entry);
  }
  const counters = [...byGroup.values()].flatMap(({ group, shard, adds }) =>
    adds.length ? updatesOf(table, group, shard, adds) : [],
  );
  const cohorts = tallies.some((t) => t.opensCohort)
    ? [
        {
          Update: {
            TableName: table.name,
            Key: keys.outcomeCohorts(),
            UpdateExpression: 'ADD cohorts :cohort',
            ExpressionAttributeValues: {
              ':cohort': new Set(tallies.filter((t) => t.opensCohort).map((t) => t.group.cohort)),
            },
          },
        },
      ]
    : [];
  return [...marks, ...counters, ...cohorts];
}

/** Attempts at a transaction that meets another on the same counter item (TransactionConflict). */
const CONFLICT_ATTEMPTS = 6;

/** Whether a transaction was cancelled only because another one held an item it touches. */
const conflicted = (error: unknown) =>
  error instanceof TransactionCanceledException &&
  (error.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict') &&
  !(error.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed');

/**
 * Writes the items in one transaction, again after a short, jittered wait when another transaction held
 * a counter (the mark's condition makes a second try count nothing twice).
 */
async function transact(table: Table, items: NonNullable<TransactWriteCommandInput['TransactItems']>) {
  for (let attempt = 1; ; attempt++) {
    try {
      await table.db.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      if (!conflicted(error) || attempt >= CONFLICT_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt));
    }
  }
}

/** Whether a transaction was refused by its first item's condition (the milestone's mark). */
const markRefused = (error: unknown) =>
  error instanceof TransactionCanceledException &&
  error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed';

/**
 * Outcome counts: a mark per enrollment and milestone (conditional put) and the counters it adds to,
 * written in one transaction; counters live under `OUTCOMES#<cohort>`, and the cohorts in one list.
 */
export function dynamoOutcomes(table: Table): OutcomeStore {
  return {
    async tallyOutcome(tally: OutcomeTally, retainUntil?: number): Promise<TallyOutcome> {
      const mark = keys.outcomeMark(tally.enrollmentId, tally.milestone);
      const shard = shardOf(tally.enrollmentId, OUTCOME_COUNTER_SHARDS);
      const valued = (value: string, by: number) =>
        (tally.valued ?? []).map((ref) => ({ ref: { ...ref, name: valuedName(ref, value) }, by }));
      try {
        await transact(table, [
          {
            Put: {
              TableName: table.name,
              Item: {
                ...mark,
                ...(tally.value !== undefined ? { value: tally.value } : {}),
                ...expiring(retainUntil),
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          ...updatesOf(table, tally.group, shard, [
            ...tally.fixed.map((ref) => ({ ref, by: 1 })),
            ...(tally.value !== undefined ? valued(tally.value, 1) : []),
          ]),
          ...(tally.opensCohort
            ? [
                {
                  Update: {
                    TableName: table.name,
                    Key: keys.outcomeCohorts(),
                    UpdateExpression: 'ADD cohorts :cohort',
                    ExpressionAttributeValues: { ':cohort': new Set([tally.group.cohort]) },
                  },
                },
              ]
            : []),
        ]);
        return 'counted';
      } catch (error) {
        if (!markRefused(error)) throw error;
      }
      if (tally.value === undefined || !tally.valued?.length) return 'already';
      const stored = (
        await table.db.send(new GetCommand({ TableName: table.name, Key: mark, ConsistentRead: true }))
      ).Item;
      const previous = stored?.value as string | undefined;
      if (previous === undefined || previous === tally.value) return 'already';
      try {
        await transact(table, [
          {
            Update: {
              TableName: table.name,
              Key: mark,
              UpdateExpression: 'SET #value = :next',
              ConditionExpression: '#value = :previous',
              ExpressionAttributeNames: { '#value': 'value' },
              ExpressionAttributeValues: { ':next': tally.value, ':previous': previous },
            },
          },
          ...updatesOf(table, tally.group, shard, [...valued(previous, -1), ...valued(tally.value, 1)]),
        ]);
        return 'changed';
      } catch (error) {
        // Another writer moved it first: its value stands, counted once.
        if (markRefused(error)) return 'already';
        throw error;
      }
    },

    async tallyOutcomes(tallies, retainUntil) {
      const { first, again } = firstOfEach(tallies);
      let counting = first;
      const left: OutcomeTally[] = [];
      for (let attempt = 1; counting.length; attempt++) {
        try {
          await table.db.send(
            new TransactWriteCommand({ TransactItems: tallyItems(table, counting, retainUntil) }),
          );
          break;
        } catch (error) {
          if (!(error instanceof TransactionCanceledException)) throw error;
          const refused = refusedConditions(error);
          if (refused.some(Boolean)) {
            // Counted before: the rest is written without them; a value may have changed since.
            left.push(...counting.filter((t, i) => refused[i] && t.value !== undefined && t.valued?.length));
            counting = counting.filter((_, i) => !refused[i]);
            attempt = 0;
            continue;
          }
          if (attempt >= CONFLICT_ATTEMPTS) {
            left.push(...counting);
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt));
        }
      }
      return [...left, ...again];
    },

    async readOutcomeCounters(): Promise<CounterRow[]> {
      const list = await table.get(keys.outcomeCohorts(), false);
      const cohorts = [...((list?.cohorts as Set<string> | undefined) ?? [])].sort();
      const rows: CounterRow[] = [];
      for (const cohort of cohorts) {
        const items = await table.queryAll({
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': outcomeCohortPartition(cohort) },
        });
        for (const item of items) {
          const counts: Record<string, number> = {};
          for (const [name, n] of Object.entries(item)) {
            if (name.startsWith(OUTCOME_COUNT_PREFIX) && typeof n === 'number')
              counts[name.slice(OUTCOME_COUNT_PREFIX.length)] = n;
          }
          rows.push({
            cohort,
            track: item.track as Track,
            reach: item.reach as CounterRow['reach'],
            part: item.part as string,
            counts,
          });
        }
      }
      return rows;
    },
  };
}
